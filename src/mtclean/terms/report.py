"""Findings for source-language words no rule fixed, and for untranslated lines."""

from __future__ import annotations

from ..core import Finding, line_bounds
from ..languages import language_name
from .context import MIN_SOURCE_WORDS, source_line

__all__ = ["LEFTOVER_RULE", "UNTRANSLATED_RULE", "leftover_findings"]

#: Rule id of findings for source-language words no rule fixed.
LEFTOVER_RULE = "terms/leftover"
#: Rule id of findings for lines still in the source language.
UNTRANSLATED_RULE = "terms/untranslated-line"


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
                msg = f"{name} word {text[start:end]!r} left untranslated"
                out.append(Finding(start, end, LEFTOVER_RULE, msg, 0.6))
    return out
