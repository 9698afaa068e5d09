"""Lines of a text, and the edits that delete some of them without leaving gaps.

A text is split on ``"\\n"``; a line's span includes its newline. Deleting a
content line also deletes the blank lines it leaves stranded, so a removed
block leaves behind the longest blank-line run it had (between two kept
lines), or nothing at all (at the head or the tail of the text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..core import Edit

__all__ = ["Removal", "deletion_edits", "line_starts"]


@dataclass(frozen=True, slots=True)
class Removal:
    """Why one content line goes: the rule id and the message of its edit."""

    rule: str
    message: str = ""


def line_starts(lines: Sequence[str]) -> list[int]:
    """Offsets at which each line of ``text.split("\\n")`` starts, plus the text's length + 1.

    >>> line_starts("ab\\n\\nc".split("\\n"))
    [0, 3, 4, 6]
    """
    return [0, *accumulate(len(line) + 1 for line in lines)]


def _is_blank(line: str) -> bool:
    return not line.strip()


def deletion_edits(lines: Sequence[str], removals: Mapping[int, Removal]) -> list[Edit]:
    """Edits deleting the lines in ``removals`` (by index) and the blank lines they strand.

    >>> text = "A\\n\\nSee also X\\n\\nB\\n"
    >>> edits = deletion_edits(text.split("\\n"), {2: Removal("r")})
    >>> [(e.start, e.end) for e in edits], text[:3] + text[15:]
    ([(3, 15)], 'A\\n\\nB\\n')
    >>> deletion_edits(["A", "B"], {})
    []
    """
    if not removals:
        return []
    starts = line_starts(lines)
    text_len = starts[-1] - 1
    n = len(lines)
    edits: list[Edit] = []
    i = 0
    while i < n:
        if i not in removals:
            i += 1
            continue
        a = i
        while a > 0 and _is_blank(lines[a - 1]) and (a - 1) not in removals:
            a -= 1
        b = i
        while b < n and (b in removals or _is_blank(lines[b])):
            b += 1
        edits.extend(_group_edits(lines, removals, starts, text_len, a, b))
        i = b
    return edits


def _group_edits(
    lines: Sequence[str],
    removals: Mapping[int, Removal],
    starts: Sequence[int],
    text_len: int,
    a: int,
    b: int,
) -> list[Edit]:
    """Edits for the group of blank and removed lines ``a..b-1``."""
    has_prev, has_next = a > 0, b < len(lines)
    if has_prev and has_next:
        run_start, run_end = _longest_blank_run(removals, a, b, lines)
        segments = [(a, run_start), (run_end, b)]
    else:
        segments = [(a, b)]
    edits: list[Edit] = []
    for s, e in segments:
        hits = [j for j in range(s, e) if j in removals]
        for k, j in enumerate(hits):
            start = starts[s] if k == 0 else starts[j]
            end = starts[hits[k + 1]] if k + 1 < len(hits) else min(starts[e], text_len)
            why = removals[j]
            edits.append(Edit(start, end, "", why.rule, why.message))
    if edits and has_prev and not has_next and lines[-1] != "":
        # The text ends inside the group without a final newline: so does the kept
        # text, so the newline that ended the last kept line goes too.
        first = edits[0]
        edits[0] = Edit(first.start - 1, first.end, "", first.rule, first.message)
    return edits


def _longest_blank_run(
    removals: Mapping[int, Removal], a: int, b: int, lines: Sequence[str]
) -> tuple[int, int]:
    """The first longest run of kept (blank) lines in ``a..b-1``, as ``(start, end)``."""
    best = (a, a)
    run_start = a
    for j in range(a, b + 1):
        if j == b or j in removals:
            if j - run_start > best[1] - best[0]:
                best = (run_start, j)
            run_start = j + 1
    return best
