"""The edit model: normalizers propose :class:`Edit` objects, one applier applies them.

Offsets are Python ``str`` indices (code points), not bytes, UTF-16 units or
grapheme clusters. An edit's span is relative to the text the normalizer
received; :mod:`mtclean.result` maps spans back to the original text.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from rapidfuzz.distance import Indel

from .errors import EditConflictError
from .textdiff import changed_blocks

__all__ = [
    "Analysis",
    "Edit",
    "EditsNormalizer",
    "Finding",
    "Normalizer",
    "apply_edits",
    "check_edits",
    "check_text",
    "diff_edits",
    "line_bounds",
]

BYTES_ERROR = (
    "mtclean works on str, not {kind}. Decode the bytes first, for example "
    "data.decode('utf-8'), or data.decode('utf-8', errors='replace') to keep going "
    "past undecodable bytes (then the text has U+FFFD where they were)."
)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; proposed by rule ``rule``.

    >>> Edit(0, 4, "NATO", "terms-nl/navo", "Dutch acronym")
    Edit(start=0, end=4, replacement='NATO', rule='terms-nl/navo', message='Dutch acronym')
    """

    start: int
    end: int
    replacement: str
    rule: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem reported but not changed: ``text[start:end]`` looks wrong.

    ``confidence`` is between 0 and 1: how sure the rule is that this is an error.
    ``kind`` is ``"problem"`` for something that may need a human's fix, or
    ``"info"`` for a note about how the text was handled (such as the source
    language mtclean decided on); linters report only problems.
    """

    start: int
    end: int
    rule: str
    message: str
    confidence: float = 0.5
    kind: str = "problem"


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one step found in one text: the edits it makes and the findings it reports.

    A step analyses a text once; the pipeline's fast path uses ``edits`` and its
    audited path both.
    """

    edits: Sequence[Edit] = ()
    findings: Sequence[Finding] = ()


NO_ANALYSIS = Analysis()


@runtime_checkable
class Normalizer(Protocol):
    """What every pipeline step provides.

    ``edits(text)`` returns sorted, non-overlapping edits against ``text``; an edit
    whose replacement equals the slice it replaces is never proposed. A normalizer
    that also reports findings defines ``analyze(text, audit=True) -> Analysis``,
    which returns its edits and findings from one analysis of the text (subclass
    :class:`EditsNormalizer` to get ``edits`` and ``fix`` from it); a plain
    ``findings(text)`` method is still honoured for steps without ``analyze``.
    """

    @property
    def name(self) -> str:
        """The step's name: its registry key, and what audits and ``disable=`` use."""
        ...

    def edits(self, text: str) -> Iterable[Edit]:
        """Propose the edits this step makes to ``text``."""
        ...


def line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The start of the line holding ``text[start]`` and the end (before its newline)
    of the line holding ``text[end]`` (``end`` defaults to ``start``).

    >>> line_bounds("a\\nNavo top\\nb", 2, 6)
    (2, 10)
    >>> line_bounds("last line", 3)
    (0, 9)
    """
    stop = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to do.

    >>> check_text("ok")
    'ok'
    >>> check_text(b"x")
    Traceback (most recent call last):
    ...
    TypeError: mtclean works on str, not bytes. Decode the bytes first, ...
    """
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(BYTES_ERROR.format(kind=type(text).__name__))
    msg = f"mtclean works on str, not {type(text).__name__}; pass the text as a str"
    raise TypeError(msg)


def check_edits(text: str, edits: Sequence[Edit], step: str) -> None:
    """Raise :class:`EditConflictError` unless ``edits`` are sorted, disjoint and in range."""
    end_prev = 0
    prev: Edit | None = None
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            msg = (
                f"normalizer {step!r} proposed an edit outside the text: "
                f"[{edit.start}, {edit.end}) in a text of length {len(text)} (rule {edit.rule!r})"
            )
            raise EditConflictError(msg)
        if prev is not None and edit.start < end_prev:
            msg = (
                f"normalizer {step!r} proposed overlapping or unsorted edits: "
                f"[{prev.start}, {prev.end}) by {prev.rule!r} and "
                f"[{edit.start}, {edit.end}) by {edit.rule!r}"
            )
            raise EditConflictError(msg)
        if prev is not None and edit.start == end_prev == edit.end == prev.start == prev.end:
            msg = (
                f"normalizer {step!r} proposed two insertions at offset {edit.start} "
                f"({prev.rule!r} and {edit.rule!r})"
            )
            raise EditConflictError(msg)
        prev = edit
        end_prev = edit.end


def apply_edits(text: str, edits: Sequence[Edit], *, step: str = "<edits>") -> str:
    """Apply sorted, non-overlapping ``edits`` to ``text`` and return the new text.

    >>> apply_edits("Navo top", [Edit(0, 4, "NATO", "r")])
    'NATO top'
    >>> apply_edits("ab", [Edit(0, 2, "x", "r1"), Edit(1, 2, "y", "r2")], step="demo")
    Traceback (most recent call last):
    ...
    mtclean.errors.EditConflictError: normalizer 'demo' proposed overlapping or unsorted edits: ...
    """
    if not edits:
        return text
    check_edits(text, edits, step)
    # Pieces are joined a thousand edits at a time: a text with an edit every few
    # characters holds its new text and a few pieces, not a string object per piece.
    chunks: list[str] = []
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
        if len(parts) >= _JOIN_EVERY:
            chunks.append("".join(parts))
            parts.clear()
    parts.append(text[pos:])
    chunks.append("".join(parts))
    return "".join(chunks) if len(chunks) > 1 else chunks[0]


_JOIN_EVERY = 2_000


class EditsNormalizer:
    """Base of mtclean's normalizers: the subclass owns one analysis, the base the rest.

    A subclass defines ``analyze(text, audit=False) -> Analysis`` (or, if it only
    edits, ``edits``); the base derives ``edits``, ``fix`` and ``__call__`` from it,
    so a normalizer is usable on its own as a ``str -> str`` function. ``audit`` tells
    the analysis whether its findings are wanted (the fast path skips them).
    """

    name: str

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits (and with ``audit``, findings) for ``text``; subclasses override this.

        The default serves subclasses written as ``edits`` plus ``findings``.
        """
        edits = tuple(self.edits(text))
        if audit and type(self).findings is not EditsNormalizer.findings:
            return Analysis(edits, tuple(self.findings(text)))
        return Analysis(edits)

    def edits(self, text: str) -> list[Edit]:
        """The edits of one analysis of ``text`` (no findings)."""
        if type(self).analyze is EditsNormalizer.analyze:  # pragma: no cover - misuse
            msg = f"{type(self).__name__} must define analyze() or edits()"
            raise NotImplementedError(msg)
        return list(self.analyze(text).edits)

    def fix(self, text: str) -> str:
        """Return ``text`` with this normalizer's edits applied."""
        return apply_edits(text, list(self.edits(text)), step=self.name)

    def findings(self, text: str) -> list[Finding]:
        """The findings of one audited analysis of ``text``."""
        return list(self.analyze(text, audit=True).findings)

    def __call__(self, text: str) -> str:
        return self.fix(check_text(text))


def diff_edits(old: str, new: str, *, rule: str, message: str = "") -> list[Edit]:
    r"""Minimal edits that turn ``old`` into ``new``, found by diffing line by line.

    Lines are matched first, then the characters of each changed block, so the
    cost stays close to linear for texts with few changes. Adjacent insertions
    and deletions merge into one replacement.

    >>> [(e.start, e.end, e.replacement) for e in diff_edits("Navo top", "NATO top", rule="r")]
    [(1, 4, 'ATO')]
    >>> [(e.start, e.end, e.replacement) for e in diff_edits("a\nb\nc\n", "a\nc\n", rule="r")]
    [(2, 4, '')]
    """
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    a_off = _line_offsets(a)
    b_off = _line_offsets(b)
    edits: list[Edit] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        s_old = old[a_off[i1] : a_off[i2]]
        s_new = new[b_off[j1] : b_off[j2]]
        edits.extend(_char_edits(s_old, s_new, a_off[i1], rule, message))
    return edits


def _line_offsets(lines: Sequence[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


#: Above this many characters (old and new together) a changed block is first cut into
#: the small blocks where the two differ (:func:`~mtclean.textdiff.changed_blocks`): an
#: exact diff's memory grows with the product of the lengths.
EXACT_DIFF_CHARS = 20_000


def _char_edits(old: str, new: str, base: int, rule: str, message: str) -> list[Edit]:
    if len(old) + len(new) <= EXACT_DIFF_CHARS:
        return _exact_char_edits(old, new, base, rule, message)
    edits: list[Edit] = []
    for a, b, c, d in changed_blocks(old, new):
        if (b - a) + (d - c) <= EXACT_DIFF_CHARS:
            edits.extend(_exact_char_edits(old[a:b], new[c:d], base + a, rule, message))
        else:
            edits.append(Edit(base + a, base + b, new[c:d], rule, message))
    return edits


def _exact_char_edits(old: str, new: str, base: int, rule: str, message: str) -> list[Edit]:
    edits: list[Edit] = []
    group: list[Any] = []
    for op in Indel.opcodes(old, new):
        if op.tag == "equal":
            if group:
                edits.append(_merge(group, new, base, rule, message))
                group = []
        else:
            group.append(op)
    if group:
        edits.append(_merge(group, new, base, rule, message))
    return edits


def _merge(group: list[Any], new: str, base: int, rule: str, message: str) -> Edit:
    first, last = group[0], group[-1]
    return Edit(
        base + first.src_start,
        base + last.src_end,
        new[first.dest_start : last.dest_end],
        rule,
        message,
    )
