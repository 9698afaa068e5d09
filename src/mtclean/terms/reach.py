"""Where a regex rule is searched and a match's context is read: its line, or on a
very long line the stretch around its trigger (a paragraph's worth of text).

>>> near_trigger("short line", (0, 10), 0, 5)
(0, 10)
"""

from __future__ import annotations

from .compiled import Compiled
from .lines import Lines

__all__ = ["LONG_LINE", "TRIGGER_REACH", "merge_spans", "near_trigger"]

#: On a line longer than this, a regex rule runs only within :data:`TRIGGER_REACH`
#: characters of its trigger (a term is a phrase, not a paragraph), and a match's line
#: conditions and source-language checks read only that stretch, so a megabyte
#: without a newline costs what its paragraphs would; shorter lines are read whole.
LONG_LINE = 5_000
TRIGGER_REACH = 1_000


def near_trigger(text: str, line: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Where a regex rule triggered at ``text[start:end]`` is searched: its line, or on a
    long line the stretch around the trigger (ending before a space, so that the end of
    the stretch reads as the end of a word, as it is)."""
    ls, le = line
    if le - ls <= LONG_LINE:
        return line
    stop = min(le, end + TRIGGER_REACH)
    while stop < le and not text[stop].isspace():
        stop += 1
    return max(ls, start - TRIGGER_REACH), stop


def merge_spans(spans: set[tuple[int, int]], lines: Lines, rule: Compiled) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones joined; whole lines for a pattern that looks for
    the line's end (``$``, ``\\Z``), which the end of a stretch would imitate."""
    if rule.whole_line:
        spans = {lines.bounds(s, e) for s, e in spans}
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged
