"""Map spans in a step's output back to its input, and through a chain of steps.

A step that applied edits keeps its changed regions as ``(in_start, in_end,
out_start, out_end)``. A position in an unchanged stretch shifts by the running
length difference; a span that overlaps a replaced region widens to that
region's whole input span, and a deletion right at a span's edge is taken into
the span (so the whole output always maps to the whole input). Composing
steps maps back through each step in reverse.

>>> from mtclean.core import Edit
>>> m = StepMap.from_edits([Edit(0, 4, "NATO member", "r")])
>>> m.to_input(0, 11)   # the replacement maps to the original word
(0, 4)
>>> m.to_input(12, 15)  # text after it shifts by the length difference
(5, 8)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .core import Edit

__all__ = ["OffsetMap", "StepMap"]


@dataclass(frozen=True, slots=True)
class StepMap:
    """The changed regions of one step, in order of position."""

    in_starts: tuple[int, ...]
    in_ends: tuple[int, ...]
    out_starts: tuple[int, ...]
    out_ends: tuple[int, ...]

    @classmethod
    def from_edits(cls, edits: Sequence[Edit]) -> StepMap:
        """Build the map of a step from its sorted, non-overlapping edits."""
        in_s, in_e, out_s, out_e = [], [], [], []
        delta = 0
        for edit in edits:
            in_s.append(edit.start)
            in_e.append(edit.end)
            out_s.append(edit.start + delta)
            out_e.append(edit.start + delta + len(edit.replacement))
            delta += len(edit.replacement) - (edit.end - edit.start)
        return cls(tuple(in_s), tuple(in_e), tuple(out_s), tuple(out_e))

    def _start(self, pos: int, absorb: bool) -> int:
        n = len(self.out_ends)
        i = bisect_left(self.out_ends, pos)  # first region ending at or after pos
        if i == n:
            return pos if n == 0 else self.in_ends[-1] + (pos - self.out_ends[-1])
        if self.out_starts[i] > pos:  # in the unchanged stretch before region i
            return self.in_starts[i] - (self.out_starts[i] - pos)
        if pos < self.out_ends[i] or (absorb and self.out_starts[i] == self.out_ends[i]):
            return self.in_starts[i]  # inside region i, or a deletion taken into the span
        k = i + 1  # region i ends here: look at the regions that start here
        while k < n and self.out_starts[k] == pos:
            if absorb or self.out_ends[k] > pos:
                return self.in_starts[k]
            k += 1
        return self.in_ends[k - 1]

    def _end(self, pos: int, absorb: bool) -> int:
        j = bisect_right(self.out_starts, pos) - 1  # last region starting at or before pos
        if j < 0:
            return pos
        if pos > self.out_ends[j]:  # in the unchanged stretch after region j
            return self.in_ends[j] + (pos - self.out_ends[j])
        if pos > self.out_starts[j] or (absorb and self.out_starts[j] == self.out_ends[j]):
            return self.in_ends[j]  # inside region j, or a deletion taken into the span
        k = j - 1  # region j starts here: look at the regions that end here
        while k >= 0 and self.out_ends[k] == pos:
            if absorb or self.out_starts[k] < pos:
                return self.in_ends[k]
            k -= 1
        return self.in_starts[k + 1]

    def to_input(self, start: int, end: int, *, absorb: bool = True) -> tuple[int, int]:
        """Map the output span ``[start, end)`` of this step to its input span.

        With ``absorb`` (the default) a deletion at the span's edge is taken into
        the span; without it, the span stops short of it (how change spans are
        mapped, so a change next to a removed line keeps its own text).
        """
        s = self._start(start, absorb)
        e = self._end(end, absorb)
        return s, max(s, e)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """A chain of :class:`StepMap` objects, first step first."""

    steps: tuple[StepMap, ...] = ()

    def then(self, step: StepMap) -> OffsetMap:
        """Return the map extended by one more step."""
        return OffsetMap((*self.steps, step))

    def to_original(self, start: int, end: int, *, absorb: bool = True) -> tuple[int, int]:
        """Map a span of the last step's output to the original text."""
        for step in reversed(self.steps):
            start, end = step.to_input(start, end, absorb=absorb)
        return start, end
