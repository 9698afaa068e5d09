"""Lines of a text, and the edits that delete some of them without leaving gaps.

A text is split on ``"\\n"``; a line's span includes its newline. Deleting a
content line also deletes the blank lines it leaves stranded, so a removed
block leaves behind the longest blank-line run it had (between two kept
lines), or nothing at all (at the head or the tail of the text).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from ..core import Edit

__all__ = [
    "Removal",
    "TextLines",
    "compact_deletion_edits",
    "content_line",
    "deletion_edits",
    "line_starts",
    "one_line",
]

_CONTENT_LINE = re.compile(r"^[^\S\n]*\S[^\n]*", re.MULTILINE)


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


def one_line(text: str) -> bool:
    """Whether ``text`` has at most one non-blank line (nothing to remove beside it).

    >>> one_line("\\n  A title  \\n"), one_line("A\\n\\nB")
    (True, False)
    """
    return "\n" not in text.strip()


def content_line(text: str) -> str:
    """The first non-blank line of ``text`` (as :class:`TextLines` has it), or ``""``.

    >>> content_line("\\n  Title  \\nBody"), content_line(" \\n\\t"), content_line("x")
    ('  Title  ', '', 'x')
    """
    first = len(text) - len(text.lstrip())  # the first character that is not white space
    if first == len(text):
        return ""
    end = text.find("\n", first)
    return text[text.rfind("\n", 0, first) + 1 : end if end >= 0 else len(text)]


@dataclass(frozen=True, slots=True)
class TextLines:
    """The non-blank lines of a text (blank and whitespace-only lines left out), with
    the offset of each: memory grows with the text's content, not its line count.

    >>> t = TextLines.of("A\\n\\n  \\nB")
    >>> t.lines, list(t.starts), t.unended
    (['A', 'B'], [0, 6], True)
    """

    text: str
    lines: list[str]
    starts: array[int]
    unended: bool  # the last non-blank line ends the text without a newline

    @classmethod
    def of(cls, text: str) -> TextLines:
        """Split ``text`` into its non-blank lines."""
        lines: list[str] = []
        starts = array("i" if len(text) < 2**31 else "q")
        for m in _CONTENT_LINE.finditer(text):
            lines.append(m.group())
            starts.append(m.start())
        unended = bool(lines) and starts[-1] + len(lines[-1]) == len(text)
        return cls(text, lines, starts, unended)

    def end(self, k: int) -> int:
        """The offset just after line ``k`` (before its newline)."""
        return self.starts[k] + len(self.lines[k])


def compact_deletion_edits(text: TextLines, removals: Mapping[int, Removal]) -> list[Edit]:
    """:func:`deletion_edits` for removals given by index into ``text.lines``.

    >>> t = TextLines.of("A\\n\\nSee also X\\n\\nB\\n")
    >>> [(e.start, e.end) for e in compact_deletion_edits(t, {1: Removal("r")})]
    [(3, 15)]
    """
    edits: list[Edit] = []
    n = len(text.lines)
    k = 0
    while k < n:
        if k not in removals:
            k += 1
            continue
        m = k
        while m + 1 < n and m + 1 in removals:
            m += 1
        # the group: the blank lines after the kept line before, through those before
        # the kept line after (all of the text's lines, only within the group)
        a = text.end(k - 1) + 1 if k > 0 else 0
        b = text.starts[m + 1] if m + 1 < n else len(text.text)
        local = text.text[a:b].split("\n")
        if m + 1 < n:
            local.pop()  # the group ends with the newline before the next kept line
        local_removals: dict[int, Removal] = {}
        for j in range(k, m + 1):
            local_removals[text.text.count("\n", a, text.starts[j])] = removals[j]
        starts = [a + x for x in line_starts(local)]
        edits.extend(
            _group_edits(
                local,
                local_removals,
                starts,
                len(text.text),
                0,
                len(local),
                has_prev=k > 0,
                has_next=m + 1 < n,
                unended=local[-1] != "" if m + 1 == n else False,
            )
        )
        k = m + 1
    return edits


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
        edits.extend(
            _group_edits(
                lines,
                removals,
                starts,
                text_len,
                a,
                b,
                has_prev=a > 0,
                has_next=b < n,
                unended=lines[-1] != "",
            )
        )
        i = b
    return edits


def _group_edits(
    lines: Sequence[str],
    removals: Mapping[int, Removal],
    starts: Sequence[int],
    text_len: int,
    a: int,
    b: int,
    *,
    has_prev: bool,
    has_next: bool,
    unended: bool,
) -> list[Edit]:
    """Edits for the group of blank and removed lines ``a..b-1``."""
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
    if edits and has_prev and not has_next and unended:
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
