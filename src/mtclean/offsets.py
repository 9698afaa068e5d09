"""Map spans in a step's output back to its input, and through a chain of steps.

A step that applied edits keeps its changed regions as ``(in_start, in_end,
out_start, out_end)``. A position in an unchanged stretch shifts by the running
length difference; a span that touches a replaced region widens to that
region's whole input span. Composing steps maps back through each step in reverse.

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

    def _start(self, pos: int) -> int:
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self.out_ends[i]:
            return self.in_starts[i]
        return self.in_ends[i] + (pos - self.out_ends[i])

    def _end(self, pos: int) -> int:
        i = bisect_left(self.out_starts, pos) - 1
        if i < 0:
            return pos
        if pos <= self.out_ends[i]:
            return self.in_ends[i]
        return self.in_ends[i] + (pos - self.out_ends[i])

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Map the output span ``[start, end)`` of this step to its input span."""
        s = self._start(start)
        e = self._end(end) if end > start else s
        return s, max(s, e)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """A chain of :class:`StepMap` objects, first step first."""

    steps: tuple[StepMap, ...] = ()

    def then(self, step: StepMap) -> OffsetMap:
        """Return the map extended by one more step."""
        return OffsetMap((*self.steps, step))

    def to_original(self, start: int, end: int, *, upto: int | None = None) -> tuple[int, int]:
        """Map a span in the output of step ``upto - 1`` (default: the last) to the original."""
        steps = self.steps if upto is None else self.steps[:upto]
        for step in reversed(steps):
            start, end = step.to_input(start, end)
        return start, end
