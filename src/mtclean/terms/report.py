"""Findings for source-language words no rule fixed, and for untranslated lines.

A leftover word the leftover lexicon knows but cannot translate for certain (it has
several translations, or it is an inflected noun whose number the lexicon cannot
tell) is reported with its suggestions:

>>> f = leftover_findings("The overheid agreed.", "nl", [(4, 12)], [])[0]
>>> f.rule, f.message
('terms/leftover', "Dutch word 'overheid' left untranslated (suggestions: government, authorities)")
"""

from __future__ import annotations

import functools
from importlib import resources

from ..core import Finding, line_bounds
from ..languages import language_name
from .context import MIN_SOURCE_WORDS, source_line

__all__ = ["LEFTOVER_RULE", "UNTRANSLATED_RULE", "leftover_findings", "suggestions"]

#: Rule id of findings for source-language words no rule fixed.
LEFTOVER_RULE = "terms/leftover"
#: Rule id of findings for lines still in the source language.
UNTRANSLATED_RULE = "terms/untranslated-line"


@functools.cache
def _suggestion_table() -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """``data/lexicon-suggestions.tsv``: (lang, form) -> (lemma, translations); read on
    the first finding that needs it."""
    text = (resources.files("mtclean") / "data" / "lexicon-suggestions.tsv").read_text(
        encoding="utf-8"
    )
    table: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lang, form, lemma, english = line.split("\t")
            table[(lang, form)] = (lemma, tuple(english.split("|")))
    return table


def suggestions(lang: str, word: str) -> tuple[str, tuple[str, ...]] | None:
    """The leftover lexicon's lemma and translations of ``word`` (as written), if any.

    >>> suggestions("de", "Krankenhäusern")
    ('Krankenhaus', ('hospital',))
    >>> suggestions("nl", "hospital") is None
    True
    """
    return _suggestion_table().get((lang, word))


def _message(lang_name: str, lang: str, word: str) -> str:
    msg = f"{lang_name} word {word!r} left untranslated"
    found = suggestions(lang, word)
    if found is None:
        return msg
    lemma, english = found
    shown = ", ".join(english)
    if lemma == word:
        return f"{msg} (suggestions: {shown})"
    return f"{msg} (a form of {lemma!r}: {shown})"


def leftover_findings(
    text: str, lang: str, spans: list[tuple[int, int]], fixed: list[tuple[int, int]]
) -> list[Finding]:
    """Findings for the leftover words ``spans``, one per line if the line is untranslated."""
    by_line: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for start, end in sorted(spans):
        by_line.setdefault(line_bounds(text, start, end), []).append((start, end))
    out: list[Finding] = []
    name = language_name(lang)
    for bounds, words in by_line.items():
        if len(words) >= MIN_SOURCE_WORDS and source_line(text, bounds, lang):
            msg = f"line still in {name}"
            out.append(Finding(bounds[0], bounds[1], UNTRANSLATED_RULE, msg, 0.7))
            continue
        for start, end in words:
            if not any(s < end and start < e for s, e in fixed):
                msg = _message(name, lang, text[start:end])
                out.append(Finding(start, end, LEFTOVER_RULE, msg, 0.6))
    return out
