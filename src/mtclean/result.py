"""What :func:`mtclean.clean_and_explain` returns: the text, every change and every finding."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from .core import Edit, Finding, apply_edits
from .offsets import OffsetMap

__all__ = ["Change", "Result"]


@dataclass(frozen=True, slots=True)
class Change:
    """One applied edit, attributed to its rule.

    ``start``/``end`` are code-point offsets **in the original text**; ``before``
    is what the step replaced and ``after`` what it wrote. Where an earlier step
    had already changed that stretch, the span widens to cover the original text
    behind it. ``step_index``, ``step_start`` and ``step_end`` locate the edit in
    the text that step received, so the audit can be replayed.
    """

    rule: str
    before: str
    after: str
    start: int
    end: int
    step: str
    message: str = ""
    step_index: int = 0
    step_start: int = 0
    step_end: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return the change as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class Result:
    """The outcome of cleaning one text, with its audit."""

    original: str
    text: str
    changes: tuple[Change, ...] = ()
    findings: tuple[Finding, ...] = ()
    offsets: OffsetMap = field(default_factory=OffsetMap)

    @property
    def changed(self) -> bool:
        """Whether the cleaned text differs from the original."""
        return self.text != self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the cleaned text back to the original text.

        >>> Result("a .", "a.").to_original(5, 9)
        Traceback (most recent call last):
        ...
        ValueError: span (5, 9) is not within the cleaned text (0 to 2)
        """
        if not 0 <= start <= end <= len(self.text):
            msg = f"span ({start}, {end}) is not within the cleaned text (0 to {len(self.text)})"
            raise ValueError(msg)
        return self.offsets.to_original(start, end)

    def replay(self, original: str | None = None) -> str:
        """Re-apply the recorded edits, step by step, to ``original`` (default: ours)."""
        text = self.original if original is None else original
        by_step: dict[int, list[Edit]] = {}
        for c in self.changes:
            by_step.setdefault(c.step_index, []).append(
                Edit(c.step_start, c.step_end, c.after, c.rule, c.message)
            )
        for index in sorted(by_step):
            text = apply_edits(text, by_step[index], step=f"replay #{index}")
        return text

    def rule_counts(self) -> Counter[str]:
        """How many changes each rule made."""
        return Counter(c.rule for c in self.changes)

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = self.original.count("\n", 0, offset) + 1
        col = offset - (self.original.rfind("\n", 0, offset) + 1) + 1
        return line, col

    def report(self) -> str:
        """A readable list of changes and findings in the order of the original text.

        One line each, ``line:col: rule: "before" -> "after"  (message)``; findings
        read ``line:col: rule: finding "text": message (confidence c)``.
        """
        rows: list[tuple[int, int, str]] = []
        for order, c in enumerate(self.changes):
            line, col = self._line_col(c.start)
            what = f"{_show(c.before)} -> {_show(c.after)}"
            note = f"  ({c.message})" if c.message else ""
            rows.append((c.start, order, f"{line}:{col}: {c.rule}: {what}{note}"))
        for order, f in enumerate(self.findings, start=len(rows)):
            line, col = self._line_col(f.start)
            snippet = _show(self.original[f.start : f.end])
            text = f"{f.rule}: finding {snippet}: {f.message} (confidence {f.confidence:.2f})"
            rows.append((f.start, order, f"{line}:{col}: {text}"))
        if not rows:
            return "no changes"
        return "\n".join(row for _, _, row in sorted(rows))

    def diff(self, *, name: str = "text", context: int = 3) -> str:
        """A unified diff from the original to the cleaned text ('' when unchanged); a
        last line without a newline is marked as ``diff`` and ``patch`` expect.

        >>> print(Result("a .", "a.").diff(name="/tmp/x.txt"), end="")
        --- a/tmp/x.txt
        +++ b/tmp/x.txt
        @@ -1 +1 @@
        -a .
        \\ No newline at end of file
        +a.
        \\ No newline at end of file
        """
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.text.splitlines(keepends=True),
            fromfile=f"a/{name.lstrip('/')}",  # "a/tmp/x.txt", as git writes it
            tofile=f"b/{name.lstrip('/')}",
            n=context,
        )
        return "".join(
            line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n"
            for line in lines
        )

    def to_json_lines(self, *, doc_id: str | None = None) -> list[str]:
        """One JSON line per change and per finding."""
        out = []
        for c in self.changes:
            row: dict[str, Any] = {"type": "change", **c.to_json()}
            if doc_id is not None:
                row["doc"] = doc_id
            out.append(json.dumps(row, ensure_ascii=False))
        for f in self.findings:
            row = {"type": "finding", **asdict(f), "text": self.original[f.start : f.end]}
            if doc_id is not None:
                row["doc"] = doc_id
            out.append(json.dumps(row, ensure_ascii=False))
        return out


def _show(s: str, limit: int = 60) -> str:
    """Quote ``s`` for a one-line report, shortening long strings."""
    if len(s) > limit:
        s = s[: limit - 3] + "..."
    return json.dumps(s, ensure_ascii=False)
