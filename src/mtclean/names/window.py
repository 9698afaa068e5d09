"""How far a mention counts as evidence: a window of text around it, not the whole document.

A person named with a first name, title or role makes a misspelling of the
surname plausible nearby: in the same article, not anywhere in a 10 MB dump of
thousands of them. Bounding the reach keeps the stage's time per megabyte the
same for short and long documents (each token is compared with the few people
named around it, not with everybody named anywhere).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["LONG", "WINDOW", "Nearby", "blocks", "spans_around"]

#: Characters on either side of a mention where it counts as evidence (about an article).
WINDOW = 4096
#: Texts longer than this are analysed only around the places that may need a change.
LONG = 8 * WINDOW


class Nearby:
    """The people mentioned near a position: in the same block of :data:`WINDOW`
    characters or the blocks on either side.

    >>> near = Nearby([(10, 1), (9000, 2), (30000, 3)])
    >>> near.at(0), near.at(5000), near.at(13000), near.at(20000), sorted(near.everyone)
    ((1,), (1, 2), (2,), (), [1, 2, 3])
    """

    def __init__(self, mentions: Iterable[tuple[int, int]], size: int = WINDOW) -> None:
        self.size = size
        self._blocks: dict[int, set[int]] = {}
        for pos, person in mentions:
            self._blocks.setdefault(pos // size, set()).add(person)
        self._cache: dict[int, tuple[int, ...]] = {}
        self.everyone = frozenset(p for ps in self._blocks.values() for p in ps)

    def at(self, pos: int) -> tuple[int, ...]:
        """The people (sorted) mentioned within about one window of ``pos``."""
        b = pos // self.size
        got = self._cache.get(b)
        if got is None:
            blocks = self._blocks
            found = set().union(*(blocks.get(k, ()) for k in (b - 1, b, b + 1)))
            got = self._cache[b] = tuple(sorted(found))
        return got


def spans_around(
    positions: Iterable[int], length: int, size: int = WINDOW
) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` spans of ``size`` characters on either side of ``positions``.

    >>> spans_around([100, 200, 9000], 20000, size=1000)
    [(0, 1200), (8000, 10000)]
    """
    out: list[tuple[int, int]] = []
    for pos in sorted(positions):
        a, b = max(0, pos - size), min(length, pos + size)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def blocks(text: str, regions: list[tuple[int, int]], size: int) -> Iterator[tuple[int, int]]:
    """``regions`` cut into blocks of about ``size`` characters, each ending at a space
    (so no word is split), aligned so that a block lies in one block of :class:`Nearby`
    as far as a word allows.

    >>> list(blocks("aa bb cc dd", [(0, 11)], 4))
    [(0, 5), (5, 8), (8, 11)]
    """
    for a, b in regions:
        start = a
        while start < b:
            cut = (start // size + 1) * size
            if cut >= b:
                yield start, b
                break
            space = text.find(" ", cut, b)
            end = b if space < 0 else space
            yield start, end
            start = end
