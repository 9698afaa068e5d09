"""Leftover words by word frequency, language detection from evidence, glosses,
foreign paragraphs, and packs imported from bilingual dictionaries."""

from __future__ import annotations

import gzip
from pathlib import Path

import mtclean
from mtclean.cli.main import main
from mtclean.kinds import load_rules
from mtclean.terms.detect import decide_language, foreign_lines, text_leftover_words
from mtclean.terms.lexicon import read_dictionary

LANGS = ("nl", "de", "fr", "es", "it", "pt", "pl", "ro")


def test_leftover_words_per_language() -> None:
    cases = {
        "nl": "The council discussed the woningnood and the ziekenhuis budget.",
        "de": "The debate about the verkehrswende and the schuldenbremse went on.",
        "it": "The questione of the governo was raised again.",
    }
    for lang, text in cases.items():
        found = text_leftover_words(text, LANGS)
        assert lang in found, (lang, found)


def test_names_quotes_and_glosses_are_not_leftovers() -> None:
    text = 'Mayor Ziekenhuis spoke of "woningnood" and the housing shortage (woningnood).'
    assert text_leftover_words(text, LANGS) == {}
    assert text_leftover_words("The Dutch call it the so-called woningnood.", LANGS) == {}


def test_news_agencies_are_not_leftovers() -> None:
    """English news writes dpa, ANSA, Lusa, Belga and Agerpres as they are."""
    text = "The report, by dpa and ansa, said more; lusa, belga and agerpres agreed."
    assert text_leftover_words(text, LANGS) == {}
    result = mtclean.clean_and_explain("The report, by dpa, said more.", source_lang="de")
    assert [f for f in result.findings if f.rule == "terms/leftover"] == []


def test_foreign_paragraph_is_found_once() -> None:
    text = (
        "The team won the league after a long wait.\n"
        "La squadra ha vinto il campionato dopo una lunga attesa, questa volta a maggio."
    )
    assert [lang for _, _, lang in foreign_lines(text, LANGS)] == ["it"]
    assert mtclean.clean(text, source_lang="it") == text
    assert mtclean.clean(text) == text


def test_gloss_in_parentheses_is_left_alone() -> None:
    text = "The so-called debt brake (Schuldenbremse) was suspended for three years."
    assert mtclean.clean(text, source_lang="de") == text
    assert mtclean.clean(text) == text


def test_language_is_never_decided_from_one_word() -> None:
    assert decide_language({"nl": {"rusland"}, "de": set()}) == ("", "")
    assert decide_language({"nl": {"rusland", "kabinet"}, "de": {"polen"}})[0] == "nl"
    assert decide_language({"nl": {"a", "b"}, "de": {"c", "d"}}) == ("", "")


def test_english_proper_nouns_need_evidence() -> None:
    walk = "Walkers in the Rusland Valley in Cumbria admired the view."
    assert mtclean.clean(walk) == walk
    river = "The Otan river floods every spring."
    assert mtclean.clean(river) == river


def test_detected_language_lets_place_names_be_fixed() -> None:
    text = "The kabinet met on woensdag. Talks with Rusland about the woningnood stalled."
    assert "Talks with Russia" in mtclean.clean(text)


def _write_dictd(folder: Path) -> Path:
    articles = [
        "ziekenhuis /ˈzikə(n)ɦœys/\nhospital\n",
        "woningnood\nhousing shortage\n",
        "bank\nbench, couch, bank\n",
        "gemeente\nmunicipality, congregation\n",
    ]
    data = b""
    index = []
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def enc(n: int) -> str:
        out = ""
        while True:
            out = b64[n % 64] + out
            n //= 64
            if not n:
                return out

    for art in articles:
        raw = art.encode()
        index.append(f"{art.split()[0]}\t{enc(len(data))}\t{enc(len(raw))}")
        data += raw
    (folder / "nld-eng.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / "nld-eng.dict.dz").write_bytes(gzip.compress(data))
    return folder / "nld-eng.index"


TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<entry><form><orth>Verkehrswende</orth></form>
  <sense><cit type="trans"><quote>transport transition</quote></cit></sense></entry>
<entry><form><orth>Gemeinde</orth></form>
  <sense><cit type="trans"><quote>municipality</quote></cit>
  <cit type="trans"><quote>community</quote></cit></sense></entry>
<entry><form><orth>Hand</orth></form>
  <sense><cit type="trans"><quote>hand</quote></cit></sense></entry>
</body></text></TEI>
"""


def test_dictd_import_builds_a_pack(tmp_path: Path) -> None:
    index = _write_dictd(tmp_path)
    entries = dict(read_dictionary(index))
    assert entries["ziekenhuis"] == ("hospital",)
    assert entries["gemeente"] == ("municipality", "congregation")
    out = tmp_path / "my-nl.toml"
    assert main(["lexicon", "import", str(index), "-o", str(out)]) == 0
    pack = load_rules(str(out))
    assert pack.lang == "nl"
    assert {r.id for r in pack.rules} == {"ziekenhuis", "woningnood", "gemeente"}  # bank: English
    text = "The kabinet met on woensdag about the woningnood."
    assert mtclean.clean(text, source_lang="nl", rules=[str(out)]) == (
        "The cabinet met on Wednesday about the housing shortage."
    )
    # several translations: a flag (where no bundled rule fixes the word: a fix wins its span)
    result = mtclean.clean_and_explain(
        "The gemeente said no.",
        source_lang="nl",
        rules=[pack],
        disable=["terms-nl/gemeente"],
    )
    assert result.text == "The gemeente said no."
    assert [f.rule for f in result.findings if f.rule.startswith("my-nl/")] == ["my-nl/gemeente"]


def test_tei_import_builds_a_pack(tmp_path: Path) -> None:
    src = tmp_path / "deu-eng.tei"
    src.write_text(TEI, encoding="utf-8")
    out = tmp_path / "my-de.toml"
    assert main(["lexicon", "import", str(src), "-o", str(out)]) == 0
    pack = load_rules(str(out))
    assert pack.lang == "de"
    assert [r.id for r in pack.rules] == ["verkehrswende", "gemeinde"]
