"""Character diffs of two long, mostly equal strings in linear time and memory.

An exact character diff (:func:`rapidfuzz.distance.Indel.opcodes`) of two strings of
``n`` and ``m`` characters needs memory that grows with ``n * m``: a line of a
megabyte whose mojibake a repair fixed cannot be diffed that way. The strings a step
produces from its input are equal almost everywhere, so :func:`changed_blocks` walks
both at once: it skips the equal stretch, then finds where they agree again (a short
window of the old string found a little further on in the new one), and reports the
block in between. Each block is small, and the caller diffs it exactly.

>>> tail = " said the minister after the long meeting in the capital."
>>> changed_blocks("Gonz\\u00c3\\u00a1lez" + tail, "Gonz\\u00e1lez" + tail)
[(4, 6, 4, 5)]
>>> old, new = "a" * 50 + "xyz" + "b" * 50, "a" * 50 + "b" * 50
>>> changed_blocks(old, new)
[(50, 53, 50, 50)]
"""

from __future__ import annotations

__all__ = ["changed_blocks"]

#: Characters compared at a time while skipping an equal stretch.
_STEP = 512
#: Length of the window that marks where the two strings agree again.
_WINDOW = 24
#: How far on (in characters of the old string) a block may end; a change that long
#: is reported as one block up to the end of both strings.
_REACH = 256


def changed_blocks(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """``(old_start, old_end, new_start, new_end)`` of each block where ``old`` and
    ``new`` differ, in order; between the blocks they are equal, so replacing each
    ``old[a:b]`` with ``new[c:d]`` turns ``old`` into ``new``.

    >>> changed_blocks("same", "same"), changed_blocks("abc", "")
    ([], [(0, 3, 0, 0)])
    """
    blocks: list[tuple[int, int, int, int]] = []
    i = j = 0
    n, m = len(old), len(new)
    while True:
        k = _common(old, i, new, j)
        i, j = i + k, j + k
        if i >= n or j >= m:
            if i < n or j < m:
                blocks.append((i, n, j, m))
            return blocks
        again = _resync(old, i, new, j)
        if again is None:
            blocks.append((i, n, j, m))
            return blocks
        blocks.append((i, again[0], j, again[1]))
        i, j = again


def _common(old: str, i: int, new: str, j: int) -> int:
    """The length of the common prefix of ``old[i:]`` and ``new[j:]``."""
    k = 0
    while old[i + k : i + k + _STEP] == new[j + k : j + k + _STEP]:
        if i + k + _STEP >= len(old) or j + k + _STEP >= len(new):
            break
        k += _STEP
    a, b = old[i + k : i + k + _STEP], new[j + k : j + k + _STEP]
    size = min(len(a), len(b))
    for c in range(size):
        if a[c] != b[c]:
            return k + c
    return k + size


def _resync(old: str, i: int, new: str, j: int) -> tuple[int, int] | None:
    """The first place after a difference at ``old[i]``, ``new[j]`` where the strings
    agree again for :data:`_WINDOW` characters (or both end), if within :data:`_REACH`."""
    for di in range(_REACH):
        a = i + di
        window = old[a : a + _WINDOW]
        if len(window) < _WINDOW:
            return None  # near the end: the rest is one block
        b = new.find(window, j, j + di + _REACH + _WINDOW)
        if b >= 0:
            return a, b
    return None
