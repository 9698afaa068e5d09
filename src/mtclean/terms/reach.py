"""Where a regex rule is searched and a match's context is read: its line, or on a
very long line the stretch around its trigger (a paragraph's worth of text).

>>> near_trigger("short line", (0, 10), 0, 5)
(0, 10)
"""

from __future__ import annotations

import regex

from ..rulepacks.budget import Budget
from .compiled import Compiled
from .lines import MAX_WORD, SPACE_RE, Lines

__all__ = [
    "LONG_LINE",
    "STRETCH",
    "TRIGGER_REACH",
    "find_in",
    "merge_spans",
    "near_trigger",
    "stretch_of",
]

#: On a line longer than this, a regex rule runs only within :data:`TRIGGER_REACH`
#: characters of its trigger (a term is a phrase, not a paragraph), and a match's line
#: conditions and source-language checks read only that stretch, so a megabyte
#: without a newline costs what its paragraphs would; shorter lines are read whole.
LONG_LINE = 5_000
TRIGGER_REACH = 1_000
#: A long line is read in stretches of about this many characters (cut at spaces):
#: a match's line conditions and source-language checks read the stretch it starts
#: in, and what they count of a stretch is counted once for all its matches.
STRETCH = 2 * TRIGGER_REACH


def near_trigger(text: str, line: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Where a regex rule triggered at ``text[start:end]`` is searched: its line, or on a
    long line the stretch around the trigger (ending before a space, so that the end of
    the stretch reads as the end of a word, as it is)."""
    ls, le = line
    if le - ls <= LONG_LINE:
        return line
    return max(ls, start - TRIGGER_REACH), _cut(text, min(le, end + TRIGGER_REACH), le)


def stretch_of(text: str, line: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The part of its line a match at ``text[start:end]`` is judged by: the line, or on
    a long line the :data:`STRETCH` it starts in (always holding the whole match).

    >>> line = "word " * 2_000
    >>> whole = (0, len(line))
    >>> stretch_of(line, whole, 4_005, 4_009), stretch_of(line, whole, 3_995, 3_999)
    ((4004, 6004), (2004, 4004))
    >>> stretch_of(line, whole, 4_000, 4_004)  # in the word the stretch was cut after
    (2004, 4004)
    """
    ls, le = line
    if le - ls <= LONG_LINE:
        return line
    k = (start - ls) // STRETCH
    a = _cut(text, ls + k * STRETCH, le) if k else ls
    if start < a:  # the match starts in the word the stretch was cut after
        k -= 1
        a = _cut(text, ls + k * STRETCH, le) if k else ls
    b = _cut(text, ls + (k + 1) * STRETCH, le)
    if b < end:
        b = _cut(text, end, le)
    return a, b


def _cut(text: str, pos: int, end: int) -> int:
    """The first whitespace character at or after ``pos``, looked for up to
    :data:`~mtclean.terms.lines.MAX_WORD` characters on (a line without spaces is cut
    there), and never beyond ``end``.

    >>> _cut("ab cd", 0, 5), _cut("x" * 500, 0, 500), _cut("abc", 1, 3)
    (2, 200, 3)
    """
    limit = min(end, pos + MAX_WORD)
    space = SPACE_RE.search(text, pos, limit)
    return limit if space is None else space.start()


def merge_spans(spans: set[tuple[int, int]], lines: Lines, rule: Compiled) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones joined; whole lines for a pattern that looks for
    the line's end (``$``, ``\\Z``), which the end of a stretch would imitate, unless the
    line is long (see :func:`stretch_matches`)."""
    if rule.whole_line:
        spans = {_line_or_stretch(lines, s, e) for s, e in spans}
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _line_or_stretch(lines: Lines, start: int, end: int) -> tuple[int, int]:
    ls, le = lines.bounds(start, end)
    return (ls, le) if le - ls <= LONG_LINE else (start, end)


#: How near the end of a stretch a match of a line-end pattern is matched again in its
#: whole line (its pattern may have read the stretch's end as the line's).
END_MARGIN = MAX_WORD


def find_in(
    budget: Budget,
    pattern: regex.Pattern[str],
    text: str,
    span: tuple[int, int],
    line_end: int | None,
    rule: str,
) -> list[regex.Match[str]]:
    """The matches of ``pattern`` in ``text[span[0]:span[1]]``, within ``budget``.

    ``line_end`` is given for a pattern that looks for the line's end (``$``, ``\\Z``):
    if the span is a stretch of a long line that ends before the line does, a match
    that ends near the stretch's end, where the pattern may have taken the stretch's
    end for the line's, is replaced by the pattern's match at its start with the
    line's true end (or dropped, if there is none).

    >>> from mtclean.rulepacks.budget import UNBOUNDED
    >>> pattern = regex.compile(r"foo\\W*$")
    >>> text = "a foo. b " + "x" * 300 + " foo."
    >>> [m.span() for m in find_in(UNBOUNDED, pattern, text, (0, 7), None, "r")]
    [(2, 7)]
    >>> find_in(UNBOUNDED, pattern, text, (0, 7), len(text), "r")
    []
    """
    found = budget.finditer(pattern, text, span[0], span[1], rule=rule)
    if line_end is None or span[1] >= line_end:
        return found
    out = []
    for m in found:
        if m.end() < span[1] - END_MARGIN:
            out.append(m)
            continue
        redone = budget.match(pattern, text, m.start(), line_end, rule=rule)
        if redone is not None:
            out.append(redone)
    return out
