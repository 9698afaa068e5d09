"""Where cleaned documents go: rendering a result, and the sinks (stdout, files, JSONL)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..corpus.engine import Outcome
from .fileio import Janitor, OutputError, atomic_output, flush
from .inputs import Item, line_end
from .jsonspan import replace_value

__all__ = ["FilesSink", "Sink", "StreamSink", "TextBridge", "render", "stdout_bytes"]


def render(
    item: Item, outcome: Outcome, args: argparse.Namespace, *, to_stdout: bool = False
) -> tuple[bytes, str | None]:
    """The bytes to write for ``item`` and the failure to report (``None`` if it went well).

    A failed document is written as it came, except that undecodable input is
    left out of standard output (a text stream): files get the original bytes.
    """
    if item.error is not None:
        omit = args.diff or (to_stdout and item.undecodable)
        return (b"" if omit else item.raw), item.error
    if outcome.error is not None:
        return (b"" if args.diff else item.raw), f"{item.doc_id}: {outcome.error}"
    if outcome.text is None:
        if args.diff:
            return b"", None
        if args.errors == "replace" and item.record is None and item.text is not None:
            return item.text.encode(args.encoding), None  # decoding was lossy: write U+FFFD
        return item.raw, None
    out_errors = "surrogateescape" if args.errors == "surrogateescape" else "strict"
    try:
        if args.diff:
            return outcome.text.encode(args.encoding, out_errors), None
        if item.record is not None:
            keep = args.errors == "surrogateescape"
            if item.span is not None:
                text = replace_value(item.line, item.span, outcome.text, keep_bytes=keep)
                return text.encode(args.encoding, out_errors), None
            record = dict(item.record)
            record[args.field] = outcome.text
            line = json.dumps(record, ensure_ascii=False).encode(args.encoding, out_errors)
            return line + line_end(item.raw), None
        return outcome.text.encode(args.encoding, out_errors), None
    except UnicodeEncodeError as exc:
        reason = f"{item.doc_id}: cannot encode the cleaned text as {args.encoding}: {exc.reason}"
        return item.raw, reason


class Sink:
    """Where output bytes go; ``write`` is called per document, in input order."""

    def write(self, item: Item, data: bytes, changed: bool) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish (commit whatever is pending)."""


class StreamSink(Sink):
    """Every document to one stream (standard output, or one atomic -o FILE)."""

    def __init__(self, stream: BinaryIO, name: str = "standard output") -> None:
        self.stream = stream
        self.name = name

    def write(self, item: Item, data: bytes, changed: bool) -> None:
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            msg = f"cannot write to {self.name}: {exc.strerror or exc}"
            raise OutputError(msg) from exc

    def close(self) -> None:
        flush(self.stream, self.name)


class FilesSink(Sink):
    """One atomic output file per source (``targets[i]``), committed at its last document."""

    def __init__(
        self,
        targets: list[Path],
        stack: contextlib.ExitStack,
        *,
        janitor: Janitor | None,
        backup: str | None = None,
        only_changed: bool = False,
    ) -> None:
        self.targets = targets
        self.stack = stack
        self.janitor = janitor
        self.backup = backup
        self.only_changed = only_changed
        self._current: contextlib.ExitStack | None = None
        self._file: Any = None
        self._changed = False

    def write(self, item: Item, data: bytes, changed: bool) -> None:
        if self._current is None:
            if self.only_changed and item.last and not changed:
                return  # a one-document file that stays as it is: never rewritten
            target = self.targets[item.source]
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                msg = f"{target.parent}: cannot create the folder: {exc.strerror or exc}"
                raise OutputError(msg) from exc
            self._current = self.stack.enter_context(contextlib.ExitStack())
            self._file = self._current.enter_context(
                atomic_output(target, backup=self.backup, janitor=self.janitor)
            )
            self._changed = False
        self._file.write(data)
        self._changed = self._changed or changed
        if item.last:
            if self.only_changed and not self._changed:
                self._file.discard()
            current, self._current = self._current, None
            current.close()


def stdout_bytes() -> BinaryIO:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        return buffer  # type: ignore[no-any-return]
    return TextBridge(sys.stdout)  # type: ignore[return-value]


class TextBridge:
    """Write bytes to a text stream that has no ``buffer`` (UTF-8, bytes kept by escape)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8", "surrogateescape"))

    def flush(self) -> None:
        self.stream.flush()


# --- the command -----------------------------------------------------------------
