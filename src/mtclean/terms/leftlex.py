"""Build-time generator of the leftover lexicon: ``terms-<lang>/lexicon.toml`` and
``data/lexicon-suggestions.tsv``.

The curated table ``data/leftovers.tsv`` lists the words machine translation most
often leaves behind in news (common nouns of institutions and administration,
compounds, frequent adjectives), per source language, with their English
translation(s). A word becomes a rule only when the leftover detector would judge
it foreign (:mod:`mtclean.terms.vocab`: common in the language, not English).
Inflected forms are found by lemmatising every such foreign word of the language
with ``simplemma``; the lemmatiser runs here, once, so mtclean itself neither needs
it nor pays for it at run time (``pip install ".[lexicon]" && python -m
mtclean.terms.leftlex``).

* A word with one translation is a fixing rule (``terms-<lang>/lexicon-<word>``),
  and so is every inflected form of an adjective (English adjectives do not inflect).
* An inflected form of a noun (its number is not known), and every form of a word
  with several translations, is not changed: its ``terms/leftover`` finding lists
  the suggestions (``data/lexicon-suggestions.tsv``, read by
  :func:`mtclean.terms.report.suggestions`).

Every rule is ``ambiguous`` (it applies only with the source language given or
decided), ``case = "sensitive"`` (the form as the language writes it) and keeps the
detector's exemptions as the pack's ``defaults``: not inside quotes, parentheses
or italics, not after "known as" or "the word", not next to a capitalised word of
a name. A form that a curated, CLDR or demonym rule of the pack has is left out.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .demonyms import NOT_AFTER_NAME, NOT_AFTER_QUOTE, NOT_BEFORE_NAME, NOT_BEFORE_PHRASE
from .detect import EXEMPT_PATTERN
from .lang import LANG_NAMES
from .packgen import settle, toml_str

__all__ = ["LANGS", "Entry", "derived_forms", "entries", "generate", "main"]

LANGS = ("nl", "de", "fr", "es", "it", "pt", "pl", "ro")

#: Parts of speech in the table: a noun (inflected forms only suggested), an
#: adjective or adverb (every inflected form has the translation).
POS = ("n", "a")

#: An inflected adjective form this much longer than its lemma is left out (it is
#: more likely a derived word the lemmatiser folded in).
MAX_SUFFIX = 4


@dataclass(frozen=True)
class Entry:
    """One row of ``data/leftovers.tsv``: a word of ``lang`` and its translations."""

    lang: str
    pos: str
    word: str
    english: tuple[str, ...]


def entries(text: str | None = None) -> Iterator[Entry]:
    """The rows of ``data/leftovers.tsv`` (or of ``text``).

    >>> next(entries("nl\\tn\\tgemeente\\tmunicipality|council\\n"))
    Entry(lang='nl', pos='n', word='gemeente', english=('municipality', 'council'))
    """
    if text is None:
        text = (resources.files("mtclean") / "data" / "leftovers.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lang, pos, word, english = line.split("\t")
            if pos not in POS:
                msg = f"unknown part of speech {pos!r} in leftovers.tsv: {line!r}"
                raise ValueError(msg)
            yield Entry(lang, pos, word, tuple(e.strip() for e in english.split("|")))


def derived_forms(
    words: Iterable[str], lemmas: Iterable[str], lemmatize: Callable[[str], str]
) -> dict[str, list[str]]:
    """The words of ``words`` whose lemma is one of ``lemmas``, by lemma (folded).

    A capitalised lemma (a German noun) must come back capitalised: the verb
    "steuern" is no form of the noun "Steuern".

    >>> derived_forms(["gemeenten", "huis"], ["gemeente"], {"gemeenten": "gemeente"}.get)
    {'gemeente': ['gemeenten']}
    >>> derived_forms(["steuert"], ["Steuern"], {"steuert": "steuern"}.get)
    {}
    """
    wanted = {lemma.casefold(): lemma[:1].isupper() for lemma in lemmas}
    out: dict[str, list[str]] = {}
    for word in words:
        found = lemmatize(word) or word
        lemma = found.casefold()
        if lemma in wanted and lemma != word.casefold() and wanted[lemma] <= found[:1].isupper():
            out.setdefault(lemma, []).append(word)
    return out


#: Endings of inflected adjectives, after what a form shares with its lemma: a form
#: the lemmatiser folds in with another ending is a different word (Italian
#: "prossimale" is not a form of "prossimo").
ADJ_ENDINGS = {
    "nl": "e en s",
    "de": "e en er es em",
    "fr": "e s es x ux aux le les lle lles",
    "es": "o a os as es s",
    "pt": "o a os as es s ais",
    "it": "o a i e he hi",
    "pl": "y a e ego ej emu ym ymi ych ą i ie iego iej im imi ich",
    "ro": "ă e i a ul ului ei ii ele elor ilor le lă li lor",
}


def _inflects(form: str, lemma: str, pos: str, lang: str) -> bool:
    """Whether ``form`` reads as an inflection of ``lemma``: for an adjective, the lemma
    less at most two letters and one of :data:`ADJ_ENDINGS` (not a comparative with a
    changed vowel, not another word); for a noun, all of the lemma but three letters
    (an umlaut plural, not a verb the lemmatiser confused with the noun: Dutch
    "geprezen" is no form of "prijzen", prices).

    >>> _inflects("económicas", "económico", "a", "es"), _inflects("größer", "groß", "a", "de")
    (True, False)
    >>> _inflects("prossimale", "prossimo", "a", "it")
    False
    >>> _inflects("krankenhäusern", "krankenhaus", "n", "de")
    True
    >>> _inflects("geprezen", "prijzen", "n", "nl")
    False
    """
    if len(form) - len(lemma) > MAX_SUFFIX:
        return False
    same = 0
    for a, b in zip(form, lemma, strict=False):
        if a != b:
            break
        same += 1
    if pos == "a":
        return same >= len(lemma) - 2 and form[same:] in ADJ_ENDINGS[lang].split()
    return same >= max(3, len(lemma) - 3)


def _slug(word: str) -> str:
    """>>> _slug("Straße")
    'strasse'
    """
    import unicodedata

    flat = unicodedata.normalize("NFKD", word.casefold().replace("ß", "ss"))
    return re.sub(r"[^a-z0-9]+", "-", flat.encode("ascii", "ignore").decode()).strip("-")


def _written(form: str, entry: Entry) -> str:
    """``form`` (lower case, as the vocabulary has it) as ``entry``'s word writes it."""
    return form[:1].upper() + form[1:] if entry.word[:1].isupper() else form


#: A capitalised word (a German noun) does not change at the start of a sentence:
#: the lower-case translation would lose the sentence's capital.
NOT_SENTENCE_START = r"^|[.!?:;][\"”’)]?"


def _rule(entry: Entry, forms: list[str], rid: str) -> str:
    language = LANG_NAMES[entry.lang]
    english = entry.english[0]
    if entry.pos == "a":
        example, fixed = (
            f"They discussed the {forms[0]} plan.",
            f"They discussed the {english} plan.",
        )
    else:
        example, fixed = f"It is about the {forms[0]} now.", f"It is about the {english} now."
    negative = f"The word “{forms[0]}” is {language}."
    note = f"{language} {entry.word!r} ({english}) left untranslated: leftover lexicon."
    lines = [
        "[[rules]]",
        f"id = {toml_str(rid)}",
        f"find = {toml_str(forms[0]) if len(forms) == 1 else toml_str(forms)}",
        f"replace = {toml_str(english)}",
    ]
    if entry.word[:1].isupper():
        guards = [NOT_BEFORE_NAME, NOT_BEFORE_PHRASE, NOT_SENTENCE_START]
        lines.append(f"not_before = {toml_str(guards)}")
    lines += [
        f"note = {toml_str(note)}",
        "examples = [\n"
        f"  {{ input = {toml_str(example)}, expected = {toml_str(fixed)} }},\n"
        f"  {{ input = {toml_str(negative)}, expected = {toml_str(negative)} }},\n"
        "]",
    ]
    return "\n".join(lines) + "\n"


def generate(
    lang: str, rows: list[Entry] | None = None
) -> tuple[str, list[tuple[str, str, str]], list[str]]:
    """The TOML of ``terms-<lang>/lexicon.toml``, the suggestion rows (form, lemma,
    translations) and the words left out (with why)."""
    import simplemma  # build-time only, like wordfreq's table

    from ..kinds import load_rules
    from .vocab import foreign_vocab

    vocab = foreign_vocab()
    mine = [e for e in (entries() if rows is None else rows) if e.lang == lang]
    foreign = sorted(w for w, langs in vocab.table.items() if lang in langs)
    derived = derived_forms(
        foreign, [e.word for e in mine], lambda w: simplemma.lemmatize(w, lang=lang)
    )
    taken: set[str] = set()  # terms of the pack's other rules, folded
    for r in load_rules(f"terms-{lang}").rules:
        if not r.id.startswith("lexicon-"):
            finds = r.get("find")
            taken.update(t.casefold() for t in ([finds] if isinstance(finds, str) else finds or []))
    listed = {e.word.casefold() for e in mine}
    head = (
        f'[pack]\nname = "terms-{lang}"\ndomain = "lexicon"\nkind = "terms"\nversion = "1"\n'
        f'lang = "{lang}"\n'
        'description = "Leftover lexicon (generated by python -m mtclean.terms.leftlex '
        'from data/leftovers.tsv)"\n'
        f'defaults = {{ case = "sensitive", ambiguous = true, not_before = '
        f"[{toml_str(NOT_BEFORE_NAME)}, {toml_str(NOT_BEFORE_PHRASE)}], not_after = "
        f"[{toml_str(NOT_AFTER_NAME)}, {toml_str(NOT_AFTER_QUOTE)}], unless = "
        f"{toml_str(EXEMPT_PATTERN)} }}\n"
    )
    rules: list[str] = []
    suggest: list[tuple[str, str, str]] = []
    skipped: list[str] = []
    seen: set[str] = set()
    ids: set[str] = set()
    for entry in mine:
        key = entry.word.casefold()
        if key in seen:
            skipped.append(f"{lang} {entry.word}: listed twice")
            continue
        seen.add(key)
        if lang not in vocab.langs_of(key):
            skipped.append(f"{lang} {entry.word}: not a foreign word for the detector")
            continue
        others = [f for f in derived.get(key, []) if f not in listed]
        others = [f for f in others if _inflects(f, key, entry.pos, lang)]
        forms = [entry.word, *(_written(f, entry) for f in others)]
        forms = [f for f in forms if f.casefold() not in taken]
        if not forms:
            skipped.append(f"{lang} {entry.word}: in another rule")
            continue
        english = "|".join(entry.english)
        if len(entry.english) > 1:
            suggest.extend((f, entry.word, english) for f in forms)
            continue
        fixed = [f for f in forms if entry.pos == "a" or f == entry.word]
        suggest.extend((f, entry.word, english) for f in forms if f not in fixed)
        if fixed:
            rid, n = f"lexicon-{_slug(entry.word)}", 2
            while rid in ids:
                rid, n = f"lexicon-{_slug(entry.word)}-{n}", n + 1
            ids.add(rid)
            rules.append(_rule(entry, fixed, rid))
    text, dropped = settle(head, rules, lang)
    return text, suggest, skipped + dropped


def main() -> int:
    """Write every language's ``lexicon.toml`` and ``data/lexicon-suggestions.tsv``."""
    data = Path(str(resources.files("mtclean") / "data"))
    rows = [
        "# Generated by python -m mtclean.terms.leftlex from leftovers.tsv: do not edit.",
        "# lang<TAB>form<TAB>lemma<TAB>translations ('|'-separated)",
    ]
    for lang in LANGS:
        target = data / "packs" / f"terms-{lang}" / "lexicon.toml"
        target.unlink(missing_ok=True)
        text, suggest, skipped = generate(lang)
        target.write_text(text, encoding="utf-8")
        rows += [f"{lang}\t{form}\t{lemma}\t{english}" for form, lemma, english in suggest]
        print(
            f"{target}: {text.count('[[rules]]')} rules, {len(suggest)} suggestions",
            file=sys.stderr,
        )
        for line in skipped:
            print(f"  skipped {line}", file=sys.stderr)
    (data / "lexicon-suggestions.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
