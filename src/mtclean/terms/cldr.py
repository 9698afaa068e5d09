"""Build-time generator of the CLDR domain of each terms pack (``terms-<lang>/cldr.toml``).

Names of countries and territories, languages, months, weekdays and currencies,
from the Unicode CLDR as ``babel`` ships it: "Zweden" → "Sweden", "woensdag" →
"Wednesday". ``babel`` is needed only to regenerate the files
(``python -m mtclean.terms.cldr``); mtclean reads the generated TOML like any other
pack domain, so installing and importing mtclean stays light.

A name is left out when it is written the same in English, is a common English
word or a name English writes too (by ``wordfreq``: "Columbia", "Norfolk"), or is
already a term of the pack (a curated rule, with its conditions, wins).
Month names change only after a day number ("3 maart"), other names not before a
capitalised word (the first name in "Frans Timmermans", "Rusland Valley") nor
right after one ("Credit Suisse", "Comédie-Française": the pack's ``defaults``);
names of languages that are lower case in the source language change only as
written in lower case. Every rule's example is checked through the pack before the
rule is kept.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .demonyms import NOT_BEFORE_NAME
from .packgen import settle, toml_str

__all__ = ["LANGS", "generate", "main"]

LANGS = ("nl", "de", "fr", "es", "it", "pt", "pl", "ro")

#: Languages whose names are worth a rule (the rest are rare in news).
_LANGUAGES = [
    "ar",
    "bg",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fi",
    "fr",
    "ga",
    "he",
    "hi",
    "hr",
    "hu",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "nl",
    "no",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sr",
    "sv",
    "tr",
    "uk",
    "zh",
]
#: Currencies news writes about.
_CURRENCIES = [
    "USD",
    "GBP",
    "CHF",
    "JPY",
    "CNY",
    "RUB",
    "PLN",
    "RON",
    "SEK",
    "NOK",
    "DKK",
    "CZK",
    "HUF",
    "TRY",
    "UAH",
    "BRL",
    "INR",
]


#: Rule ids of the generated domains (this one, ``demonyms`` and ``lexicon``).
_GENERATED = ("cldr-", "demonym-", "lexicon-")

#: A name this common in English (Zipf) is English too and left out; from
#: :data:`AMBIGUOUS_ZIPF` it applies only when the source language is given or decided.
MAX_ENGLISH_ZIPF = 2.5
AMBIGUOUS_ZIPF = 1.5


def _names(lang: str) -> Iterator[tuple[str, str, str]]:
    """(kind, source-language name, English name) from CLDR."""
    from babel import Locale  # build-time only

    loc, en = Locale(lang), Locale("en")
    for code, name in loc.territories.items():
        if code.isalpha() and len(code) == 2 and code in en.territories:
            yield "territory", name, en.territories[code]
    for code in _LANGUAGES:
        if code in loc.languages and code in en.languages:
            yield "language", loc.languages[code], en.languages[code]
    for ctx in ("format", "stand-alone"):
        for i, name in loc.months[ctx]["wide"].items():
            yield "month", name, en.months["format"]["wide"][i]
        for i, name in loc.days[ctx]["wide"].items():
            yield "weekday", name, en.days["format"]["wide"][i]
    for code in _CURRENCIES:
        if code in loc.currencies:
            yield "currency", loc.currencies[code], en.currencies[code]


def _rule(
    kind: str, lang: str, name: str, english: str, n: int, *, ambiguous: bool
) -> tuple[str, str]:
    """The TOML of one rule and its example's expected output."""
    rid = f"cldr-{kind}-{n}"
    lines = ["[[rules]]", f"id = {toml_str(rid)}", f"find = {toml_str(name)}"]
    lines += [f"replace = {toml_str(english)}", 'case = "sensitive"']
    if ambiguous:
        lines.append("ambiguous = true")
    if kind == "month":
        lines.append("before = '\\d{1,2}\\.?'")
        example, expected = f"On 3 {name} it rained.", f"On 3 {english} it rained."
    else:
        # Not the first word of a longer name: "Frans Timmermans", "Rusland Valley".
        lines.append("not_after = '\\p{Lu}'")
        example, expected = f"It was about {name} again.", f"It was about {english} again."
    lines.append(f"note = {toml_str(f'CLDR {kind} name in {lang}: {name} = {english}.')}")
    lines.append(f"examples = [{{ input = {toml_str(example)}, expected = {toml_str(expected)} }}]")
    return "\n".join(lines) + "\n", expected


def generate(lang: str, folder: Path) -> str:
    """The TOML of ``terms-<lang>/cldr.toml``, its rules' examples checked."""
    import wordfreq  # build-time only, like babel

    from ..kinds import load_rules
    from ..wordlists import word_list

    common = word_list("common-words")
    existing = load_rules(f"terms-{lang}")
    # The curated rules win; the generated domains do not count (the demonyms generator
    # leaves out what this domain has, so each regeneration gives the same files).
    taken = {
        t.lower()
        for r in existing.rules
        if not r.id.startswith(_GENERATED)
        for t in ([r.get("find")] if isinstance(r.get("find"), str) else r.get("find") or [])
    }
    head = (
        f'[pack]\nname = "terms-{lang}"\ndomain = "cldr"\nkind = "terms"\nversion = "1"\n'
        f'lang = "{lang}"\n'
        f'description = "CLDR names (generated by python -m mtclean.terms.cldr)"\n'
        f"defaults = {{ not_before = {toml_str(NOT_BEFORE_NAME)} }}\n"
    )
    rules: list[str] = []
    seen: set[str] = set()
    for n, (kind, name, raw) in enumerate(_names(lang)):
        english = raw.replace(" & ", " and ")
        if kind == "currency":  # "Swiss Franc" -> "Swiss franc"
            english = " ".join([*english.split()[:-1], english.split()[-1].lower()])
        key = name.lower()
        if key == english.lower() or key in common or key in taken or key in seen:
            continue
        if english.lower().endswith(" " + key):  # "forint": English's short name too
            continue
        if len(name) < 4 or not name.replace(" ", "").replace("-", "").isalpha():
            continue
        english_zipf = wordfreq.zipf_frequency(name, "en")
        if english_zipf >= MAX_ENGLISH_ZIPF:  # English writes it too: Columbia, Norfolk
            continue
        seen.add(key)
        # Language names double as adjectives and first names: only with the language known.
        ambiguous = kind == "language" or english_zipf >= AMBIGUOUS_ZIPF
        toml, _ = _rule(kind, lang, name, english, n, ambiguous=ambiguous)
        rules.append(toml)
    # Each rule's examples must hold, and the whole domain must load.
    text, _ = settle(head, rules, lang)
    return text


def main() -> int:
    """Write ``data/packs/terms-<lang>/cldr.toml`` for every language of :data:`LANGS`."""
    packs = Path(str(resources.files("mtclean") / "data" / "packs"))
    for lang in LANGS:
        target = packs / f"terms-{lang}" / "cldr.toml"
        target.unlink(missing_ok=True)
        text = generate(lang, target.parent)
        target.write_text(text, encoding="utf-8")
        print(f"{target}: {text.count('[[rules]]')} rules", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
