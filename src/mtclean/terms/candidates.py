"""A term rule's proposed replacement at one span, and the order candidates are chosen in.

>>> from mtclean.terms.compiled import Compiled
>>> rule = Compiled("p/r", "", "exact", "fix", "X", (), None, (), None, False, True, "",
...                 0.5, "", True, False)
>>> [(c.start, c.end) for c in ordered([Candidate(4, 6, rule, "X"), Candidate(0, 2, rule, "X"),
...                                     Candidate(0, 3, rule, "X")])]
[(0, 3), (0, 2), (4, 6)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .compiled import Compiled

__all__ = ["Candidate", "ordered"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """``rule`` would put ``replacement`` in place of ``text[start:end]``."""

    start: int
    end: int
    rule: Compiled
    replacement: str

    def key(self) -> tuple[int, int, bool, str, str]:
        """Leftmost first, then longest, then a fix before a flag, then by rule id."""
        flag = self.rule.action != "fix"
        return (self.start, self.start - self.end, flag, self.rule.full_id, self.replacement)

    def position(self) -> int:
        """The first two parts of :meth:`key` as one integer (a match is shorter than 2**32)."""
        return (self.start << 32) - (self.end - self.start)


def ordered(cands: Iterable[Candidate]) -> list[Candidate]:
    """``cands`` sorted by :meth:`Candidate.key`, by :meth:`Candidate.position` first and
    the few that share a span by the whole key: a text of tens of thousands of matches
    holds one integer per candidate while it sorts, not a tuple of five."""
    out = sorted(cands, key=Candidate.position)
    i, n = 0, len(out)
    while i < n:
        j = i + 1
        while j < n and out[j].end == out[i].end and out[j].start == out[i].start:
            j += 1
        if j - i > 1:
            out[i:j] = sorted(out[i:j], key=Candidate.key)
        i = j
    return out
