"""Build-time generator of the demonyms domain of each terms pack (``terms-<lang>/demonyms.toml``).

Nationality adjectives and nouns of people ("Zwitserse" → "Swiss", "Duitsers" →
"Germans", "tedeschi" → "Germans", "polskiego" → "Polish") from the table
``data/demonyms.tsv``, every inflected form written out. mtclean reads the generated
TOML like any other pack domain; ``python -m mtclean.terms.demonyms`` rewrites it.

A form is left out when English writes it the same way, when it is a common English
word (``data/common-words.txt``, or a ``wordfreq`` Zipf frequency of
:data:`MAX_ENGLISH_ZIPF`), or when a curated or CLDR rule of the pack has it already.
A form that is a rare English word or name, or a form of another of the table's
languages ("italiano", "Russen"), is ``ambiguous``: it changes only when the
source language is given or decided. No form changes right before a capitalised word
("Deutsche Bank", "Zwitserse Bondsraad") or right after a capitalised word that is
not a sentence opener ("Credit Suisse", "Banco Español", "Comédie-Française").
A plural that is also an adjective ("alemanes", "tedeschi") is a noun ("Germans")
before a verb, a preposition or punctuation and an adjective ("German") before any
other lower-case word; a German noun whose singular and plural are one word
("Amerikaner") is singular after "a", "one", "every" and plural without an article
or before a plural verb, and left alone otherwise.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .lang import LANG_NAMES
from .packgen import settle, toml_str

__all__ = ["LANGS", "Entry", "entries", "generate", "main"]

LANGS = ("nl", "de", "fr", "es", "it", "pt", "pl", "ro")

#: A form this common in English (Zipf) is left out; from :data:`AMBIGUOUS_ZIPF` it is
#: ``ambiguous``.
MAX_ENGLISH_ZIPF = 3.0
AMBIGUOUS_ZIPF = 1.5

#: Capitalised words that open an English sentence or phrase: a form after them is not
#: part of a name.
_OPENERS = (
    "The|A|An|In|On|At|For|From|By|With|And|But|Or|Of|To|As|If|When|While|After|Before|"
    "Many|Some|Most|All|Both|Two|Three|Four|Five|Several|Few|These|Those|This|That|Other|"
    "Our|Their|His|Her|Its|My|Your|No|Not|Every|Each|Such|Only|Even|Also|Among|Like|"
    "Unlike|Under|Over|Against|About|Why|How|So|Yet|Young|Ordinary|Thousands|Hundreds|"
    "Millions|Dozens|Hundred|Thousand|Million|Fellow|Two-thirds|Half"
)
#: Not right after a capitalised word (or capitalised word and hyphen) of a name.
NOT_BEFORE_NAME = rf"(?<![\p{{L}}\p{{M}}'’-])(?!(?:{_OPENERS})\b)\p{{Lu}}[\p{{L}}\p{{M}}]*-?"
#: Not inside quotes or italics, nor in a foreign phrase English also uses: "à la
#: grecque", "alla turca", "à l'italienne".
NOT_BEFORE_PHRASE = r"[“\"«„‚‘‹_]|\b(?:[AaÀà] la|[Àà] l['’]|[Aa]ll['’]|[Aa]lla|[Àà])"
#: Not right before a capitalised word: "Deutsche Bank", "Zwitserse Bondsraad".
NOT_AFTER_NAME = r"-?\p{Lu}"
#: Not right before a closing quote or italics: “Monsieur parle français?”
NOT_AFTER_QUOTE = r"[?!.,;:…]*[”\"»_]"
#: Words after which a plural that may be an adjective is a noun ("the alemanes are").
_NOUN_NEXT = (
    "are|were|have|had|has|is|was|will|would|could|should|can|cannot|may|might|must|"
    "do|did|does|don't|didn't|say|said|says|want|wanted|think|thought|believe|fear|feel|"
    "felt|voted|vote|live|lived|living|remain|remained|who|which|that|and|or|but|in|of|"
    "to|from|at|on|for|with|by|as|than|also|still|too|themselves|alike|abroad|here|there"
)
NOUN_AFTER = rf"(?!(?:{_NOUN_NEXT})\b)\p{{Ll}}"
#: Determiners of one: "a", "one", "every".
SINGULAR_BEFORE = r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ee]very|[Ee]ach|[Tt]his|[Tt]hat)"
_DETERMINERS = (
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ee]very|[Ee]ach|[Tt]his|[Tt]hat|[Tt]he|[Hh]is|"
    r"[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Ww]hose)|['’]s?"
)
PLURAL_VERB = r"(?:are|were|have|want|say|do|fear|believe|themselves)\b"


@dataclass(frozen=True)
class Entry:
    """One row of ``data/demonyms.tsv``: forms of one kind of one nationality.

    ``kind`` is ``adj``, ``pl``, ``sg``, ``adjpl`` (a plural that is adjective or
    noun: ``english`` is ``"German|Germans"``), ``sgpl`` (a noun whose singular and
    plural are one word: ``"American|Americans"``) or ``skip`` (forms never made
    rules: English words or names; ``english`` says why).
    """

    lang: str
    kind: str
    english: str
    forms: tuple[str, ...]


def entries(text: str | None = None) -> Iterator[Entry]:
    """The rows of ``data/demonyms.tsv`` (or of ``text``).

    >>> next(entries("nl\\tadj\\tSwiss\\tZwitsers Zwitserse\\n"))
    Entry(lang='nl', kind='adj', english='Swiss', forms=('Zwitsers', 'Zwitserse'))
    """
    if text is None:
        text = (resources.files("mtclean") / "data" / "demonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lang, kind, english, forms = line.split("\t")
            yield Entry(lang, kind, english, tuple(forms.split()))


def _slug(english: str) -> str:
    """>>> _slug("South Korean|South Koreans")
    'south-korean'
    """
    return re.sub(r"[^a-z]+", "-", english.split("|")[0].lower()).strip("-")


@dataclass(frozen=True)
class _Variant:
    """One rule of an entry: its id suffix, replacement, conditions and example."""

    suffix: str
    replace: str
    conditions: tuple[str, ...]
    example: str  # with {} for the form


def _variants(entry: Entry) -> list[_Variant]:
    """The rules an entry becomes (adjective and noun readings of a plural, ...)."""
    # The name and phrase guards are the pack's defaults (see generate()); a rule
    # lists only the conditions it adds or replaces.
    before = f"{toml_str(NOT_BEFORE_NAME)}, {toml_str(NOT_BEFORE_PHRASE)}"
    name_guard: tuple[str, ...] = ()
    adj_example = "They met the {} delegation on Monday."
    pl_example = "Polls show that many {} are worried."
    parts = entry.english.split("|")
    if entry.kind == "adj" or (entry.kind == "adjpl" and parts[0] == parts[1]):
        return [_Variant("", parts[0], name_guard, adj_example)]
    if entry.kind == "pl" or (entry.kind == "sgpl" and parts[0] == parts[1]):
        return [_Variant("", parts[-1], name_guard, pl_example)]
    if entry.kind == "sg":
        return [_Variant("", parts[0], name_guard, "Reporters asked the {} about it.")]
    if entry.kind == "adjpl":
        after = f"{toml_str(NOT_AFTER_NAME)}, {toml_str(NOT_AFTER_QUOTE)}"
        noun_guard = (f"not_after = [{after}, {toml_str(NOUN_AFTER)}]",)
        adj = (f"after = {toml_str(NOUN_AFTER)}",)
        return [
            _Variant("-adj", parts[0], adj, adj_example),
            _Variant("-noun", parts[1], noun_guard, pl_example),
        ]
    if entry.kind == "sgpl":
        sg = (f"before = {toml_str(SINGULAR_BEFORE)}",)
        pl = (f"not_before = [{before}, {toml_str(_DETERMINERS)}]",)
        the = ("before = '\\b[Tt]he'", f"after = {toml_str(PLURAL_VERB)}")
        return [
            _Variant("-sg", parts[0], sg, "Only one {} was there."),
            _Variant("-pl", parts[1], pl, pl_example),
            _Variant("-the", parts[1], the, "Polls show that the {} are worried."),
        ]
    msg = f"unknown kind {entry.kind!r} in demonyms.tsv"
    raise ValueError(msg)


def _rules(entry: Entry, forms: list[str], *, ambiguous: bool) -> Iterator[str]:
    """The TOML of the rules of ``forms`` of ``entry``."""
    language = LANG_NAMES[entry.lang]
    for v in _variants(entry):
        rid = f"demonym-{entry.kind}-{_slug(entry.english)}{v.suffix}" + (
            "-amb" if ambiguous else ""
        )
        what = "nationality adjective" if entry.kind == "adj" else "demonym"
        english = entry.english.replace("|", "/")
        note = f"{language} {what} {'/'.join(forms)} ({english}) left untranslated."
        example = v.example.format(forms[0])
        fixed = v.example.format(v.replace)
        lines = [
            "[[rules]]",
            f"id = {toml_str(rid)}",
            f"find = {toml_str(forms[0]) if len(forms) == 1 else toml_str(forms)}",
        ]
        lines.append(f"replace = {toml_str(v.replace)}")
        if ambiguous:
            lines.append("ambiguous = true")
        lines += list(v.conditions)
        lines.append(f"note = {toml_str(note)}")
        negative = f"Shares of the {forms[0]} Institute fell."
        lines.append(
            "examples = [\n"
            f"  {{ input = {toml_str(example)}, expected = {toml_str(fixed)} }},\n"
            f"  {{ input = {toml_str(negative)}, expected = {toml_str(negative)} }},\n"
            "]"
        )
        yield "\n".join(lines) + "\n"


def _shared(rows: Iterable[Entry]) -> set[str]:
    """Forms (folded) that occur in more than one language of the table."""
    langs: dict[str, set[str]] = {}
    for e in rows:
        for f in e.forms:
            langs.setdefault(f.casefold(), set()).add(e.lang)
    return {f for f, ls in langs.items() if len(ls) > 1}


def _merged(rows: Iterable[Entry]) -> list[Entry]:
    """One entry per language, kind and English word, its forms in table order."""
    merged: dict[tuple[str, str, str], Entry] = {}
    for e in rows:
        k = (e.lang, e.kind, e.english)
        old = merged.get(k)
        merged[k] = e if old is None else Entry(*k, tuple(dict.fromkeys(old.forms + e.forms)))
    return list(merged.values())


def generate(lang: str, rows: list[Entry] | None = None) -> tuple[str, list[str]]:
    """The TOML of ``terms-<lang>/demonyms.toml`` and the forms left out (with why)."""
    import wordfreq  # build-time only

    from ..kinds import load_rules
    from ..wordlists import word_list

    rows = _merged(entries() if rows is None else rows)
    never = {f for e in rows if e.kind == "skip" for f in e.forms}
    rows = [e for e in rows if e.kind != "skip"]
    shared = _shared(rows)
    english_words = {w.casefold() for e in rows for w in e.english.split("|")}
    common = word_list("common-words")
    exact: set[str] = set()  # terms of the pack's other rules: case-sensitive ones
    folded: set[str] = set()  # and the others, case-folded
    for r in load_rules(f"terms-{lang}").rules:
        if not r.id.startswith("demonym-"):
            finds = r.get("find")
            for t in [finds] if isinstance(finds, str) else finds or []:
                if r.get("case") == "sensitive":
                    exact.add(t)
                else:
                    folded.add(t.casefold())
    head = (
        f'[pack]\nname = "terms-{lang}"\ndomain = "demonyms"\nkind = "terms"\nversion = "1"\n'
        f'lang = "{lang}"\n'
        'description = "Nationality adjectives and demonyms '
        '(generated by python -m mtclean.terms.demonyms from data/demonyms.tsv)"\n'
        f'defaults = {{ case = "sensitive", not_before = [{toml_str(NOT_BEFORE_NAME)}, '
        f"{toml_str(NOT_BEFORE_PHRASE)}], not_after = [{toml_str(NOT_AFTER_NAME)}, "
        f"{toml_str(NOT_AFTER_QUOTE)}] }}\n"
    )
    skipped: list[str] = []
    rules: list[str] = []
    seen: set[str] = set()
    for entry in (e for e in rows if e.lang == lang):
        plain: list[str] = []
        amb: list[str] = []
        for form in entry.forms:
            key = form.casefold()
            zipf = wordfreq.zipf_frequency(form, "en")
            why = (
                "seen"
                if form in seen
                else "listed as not a rule"
                if form in never
                else "English"
                if key in english_words
                else "common English word"
                if key in common or zipf >= MAX_ENGLISH_ZIPF
                else "in another rule"
                if form in exact or key in folded
                else ""
            )
            if why:
                skipped.append(f"{lang} {form}: {why}")
                continue
            seen.add(form)
            (amb if zipf >= AMBIGUOUS_ZIPF or key in shared else plain).append(form)
        for forms, ambiguous in ((plain, False), (amb, True)):
            if forms:
                rules.extend(_rules(entry, forms, ambiguous=ambiguous))
    # Each rule's examples must hold through the whole pack, and the domain must load.
    text, dropped = settle(head, rules, lang)
    return text, skipped + dropped


def main() -> int:
    """Write ``data/packs/terms-<lang>/demonyms.toml`` for every language of :data:`LANGS`."""
    packs = Path(str(resources.files("mtclean") / "data" / "packs"))
    for lang in LANGS:
        target = packs / f"terms-{lang}" / "demonyms.toml"
        target.unlink(missing_ok=True)
        text, skipped = generate(lang)
        target.write_text(text, encoding="utf-8")
        print(f"{target}: {text.count('[[rules]]')} rules", file=sys.stderr)
        for line in skipped:
            print(f"  skipped {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
