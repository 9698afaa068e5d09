"""Fast candidate scanning shared by the repair steps.

Python's ``re`` scans fastest for a pattern that starts with one literal
character: it runs a tight C loop to the next occurrence of that character. A
pattern that starts with a character class or an alternation is tried with a
set lookup at every position, several times slower. Each repair step therefore
finds its candidates with a few *finders*: patterns that start with a rare
literal character (a punctuation mark, a newline) and look at the neighbours
with lookarounds. On clean prose no finder hits and a step returns at once; the
precise rule patterns only run, with ``match``, at the candidates found.

Characters outside printable ASCII are looked up once per text in
:func:`rare_chars` (a byte-level C pass), which every step shares.

>>> import re
>>> comma = re.compile(",(?<= ,)")
>>> hits = [m.start() for m in comma.finditer("a  , b ,")]
>>> hits, run_starts("a  , b ,", hits, " ")
([3, 7], [1, 6])
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from re import Match, Pattern

__all__ = ["ScanRule", "first_matches", "hits", "positions", "rare_chars", "run_starts"]

# Printable ASCII except "&", and "\n": what rare_chars drops.
_PLAIN = bytes(b for b in range(32, 127) if b != 38) + b"\n"


def rare_chars(text: str) -> str:
    """The characters of ``text`` other than printable ASCII and ``"\\n"`` (``&`` stays).

    >>> rare_chars("Caf\\u00e9 & bar\\t\\n")
    'é&\\t'
    """
    return (
        text.encode("utf-8", "surrogatepass")
        .translate(None, _PLAIN)
        .decode("utf-8", "surrogatepass")
    )


def hits(text: str, finders: Iterable[Pattern[str]]) -> list[int]:
    """Sorted start offsets of every finder match in ``text``.

    >>> import re
    >>> hits("a, b; c,", [re.compile(","), re.compile(";")])
    [1, 4, 7]
    """
    found: set[int] = set()
    for finder in finders:
        first = finder.search(text)  # the usual answer, none, costs one scan
        if first is not None:
            found.update(m.start() for m in finder.finditer(text, first.start()))
    return sorted(found)


def positions(text: str, chars: Iterable[str]) -> list[int]:
    """Sorted offsets of every occurrence of ``chars`` (rare characters) in ``text``.

    >>> positions("a;b c;", "; ")
    [1, 3, 5]
    """
    out: list[int] = []
    for char in chars:
        i = text.find(char)
        while i >= 0:
            out.append(i)
            i = text.find(char, i + 1)
    return sorted(out)


def run_starts(text: str, positions: Sequence[int], back: str) -> list[int]:
    """For each of the sorted ``positions``, where the run of ``back`` characters
    before it starts (linear time: a run shared by several positions is walked once).

    >>> run_starts("ab  ,  ;", [4, 7], " ,;")
    [2, 2]
    """
    out: list[int] = []
    prev_pos, prev_start = -1, -1
    for pos in positions:
        start = pos
        while start > 0 and text[start - 1] in back:
            start -= 1
            if start == prev_pos:
                start = prev_start
                break
        out.append(start)
        prev_pos, prev_start = pos, start
    return out


@dataclass(frozen=True)
class ScanRule:
    """A rule id and its precise pattern (matched with ``match`` at candidate starts)."""

    id: str
    pattern: Pattern[str]


def first_matches(
    text: str, tries: Sequence[tuple[ScanRule, Iterable[int]]]
) -> list[tuple[ScanRule, Match[str]]]:
    """Matches of each rule at its candidate starts: leftmost first, earlier rules
    first at one start, none overlapping (a zero-width match blocks nothing).

    >>> import re
    >>> a, b = ScanRule("x/a", re.compile("ab")), ScanRule("x/b", re.compile("b+"))
    >>> [(r.id, m.span()) for r, m in first_matches("abbb b", [(a, [0]), (b, [0, 1, 5])])]
    [('x/a', (0, 2)), ('x/b', (5, 6))]
    """
    # One sorted list of distinct starts per rule, merged lazily: memory stays a few
    # integers per candidate (a set of (start, rule) pairs cost ~100 bytes each).
    lists = [sorted(set(starts)) for _, starts in tries]
    order = heapq.merge(*(zip(starts, repeat(i)) for i, starts in enumerate(lists)))
    out: list[tuple[ScanRule, Match[str]]] = []
    end = 0
    for start, i in order:
        if start < end:
            continue
        rule = tries[i][0]
        m = rule.pattern.match(text, start)
        if m is not None:
            out.append((rule, m))
            end = m.end()
    return out
