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
>>> hits, list(run_starts("a  , b ,", hits, " "))
([3, 7], [1, 6])

Offsets are kept in arrays of machine integers (8 bytes each, not a Python int
object and a list slot), and matches are produced one at a time: a megabyte line
with a repair every few characters holds a few bytes per candidate, not a hundred.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, groupby, repeat
from re import Match, Pattern

__all__ = [
    "ScanRule",
    "distinct",
    "first_matches",
    "hits",
    "joined",
    "positions",
    "rare_chars",
    "run_starts",
    "texts_hit",
]

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


def hits(text: str, finders: Iterable[Pattern[str]]) -> array[int]:
    """Sorted, distinct start offsets of every finder match in ``text``.

    >>> import re
    >>> list(hits("a, b; c,", [re.compile(","), re.compile(";")]))
    [1, 4, 7]
    """
    found: list[Iterable[int]] = []
    for finder in finders:
        first = finder.search(text)  # the usual answer, none, costs one scan
        if first is not None:
            found.append(m.start() for m in finder.finditer(text, first.start()))
    return distinct(heapq.merge(*found) if len(found) > 1 else found[0] if found else ())


def texts_hit(texts: Sequence[str], finders: Iterable[Pattern[str]]) -> list[bool]:
    """For each of ``texts``, whether one of ``finders`` matches in it: one scan per
    finder of the texts joined by newlines, going on from the end of each text it
    finds a match in. Only for finders whose lookarounds stop at a newline, as they
    stop at a text's edge (so each text's matches are those it has alone).

    >>> import re
    >>> texts_hit(["a ,b", "a, b", "", "c ;"], [re.compile(",(?<= ,)"), re.compile(";(?<= ;)")])
    [True, False, False, True]
    """
    flags = [False] * len(texts)
    whole, ends = joined(texts)
    for finder in finders:
        m = finder.search(whole)
        while m is not None:
            k = bisect_right(ends, m.start())
            flags[k] = True
            m = finder.search(whole, ends[k])
    return flags


def joined(texts: Sequence[str]) -> tuple[str, list[int]]:
    """``texts`` joined by newlines, and where each ends (its newline included): text
    ``k`` holds the offsets ``p`` with ``bisect_right(ends, p) == k``.

    >>> joined(["ab", "", "c"])
    ('ab\\n\\nc', [3, 4, 6])
    """
    return "\n".join(texts), list(accumulate(len(t) + 1 for t in texts))


def distinct(offsets: Iterable[int]) -> array[int]:
    """The sorted ``offsets`` without repeats, as an array.

    >>> list(distinct([1, 1, 4, 7, 7]))
    [1, 4, 7]
    """
    return array("q", (pos for pos, _ in groupby(offsets)))


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


def run_starts(text: str, positions: Iterable[int], back: str) -> array[int]:
    """For each of the sorted ``positions``, where the run of ``back`` characters
    before it starts (linear time: a run shared by several positions is walked once).

    >>> list(run_starts("ab  ,  ;", [4, 7], " ,;"))
    [2, 2]
    """
    out = array("q")
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
    text: str, tries: Sequence[tuple[ScanRule, Sequence[int]]]
) -> Iterator[tuple[ScanRule, Match[str]]]:
    """Matches of each rule at its candidate starts (each rule's sorted, repeats
    allowed): leftmost first, earlier rules first at one start, none overlapping (a
    zero-width match blocks nothing). Rules may share one sequence of starts.

    >>> import re
    >>> a, b = ScanRule("x/a", re.compile("ab")), ScanRule("x/b", re.compile("b+"))
    >>> [(r.id, m.span()) for r, m in first_matches("abbb b", [(a, [0]), (b, [0, 1, 5])])]
    [('x/a', (0, 2)), ('x/b', (5, 6))]
    """
    order = heapq.merge(*(zip(starts, repeat(i)) for i, (_, starts) in enumerate(tries)))
    end = 0
    last = (-1, -1)
    for start, i in order:
        if start < end or (start, i) == last:
            continue
        last = (start, i)
        rule = tries[i][0]
        m = rule.pattern.match(text, start)
        if m is not None:
            yield rule, m
            end = m.end()
