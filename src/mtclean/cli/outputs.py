"""Where cleaned documents go: rendering a result, and the sinks (stdout, files, JSONL)."""

from __future__ import annotations

import collections
import contextlib
import json
import sys
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..corpus.engine import Outcome
from .fileio import Janitor, OutputError, atomic_output, flush, sync_directory
from .inputs import DocFormat, Item, line_end
from .jsonspan import replace_value

__all__ = [
    "Done",
    "FilesSink",
    "Sink",
    "StreamSink",
    "TextBridge",
    "WrittenSink",
    "render",
    "stdout_bytes",
]

#: Threads committing finished output files (fsync and rename) in the background.
COMMIT_THREADS = 4
#: Finished files waiting for a commit at most (each holds an open file).
COMMIT_BACKLOG = 32


def render(
    item: Item, outcome: Outcome, fmt: DocFormat, *, to_stdout: bool = False
) -> tuple[bytes, str | None]:
    """The bytes to write for ``item`` and the failure to report (``None`` if it went well).

    A failed document is written as it came, except that undecodable input is
    left out of standard output (a text stream): files get the original bytes.
    """
    if item.error is not None:
        omit = fmt.diff or (to_stdout and item.undecodable)
        return (b"" if omit else item.raw), item.error
    if outcome.error is not None:
        return (b"" if fmt.diff else item.raw), f"{item.doc_id}: {outcome.error}"
    if outcome.text is None:
        if fmt.diff:
            return b"", None
        if fmt.errors == "replace" and item.record is None and item.text is not None:
            return item.text.encode(fmt.encoding), None  # decoding was lossy: write U+FFFD
        return item.raw, None
    out_errors = "surrogateescape" if fmt.errors == "surrogateescape" else "strict"
    try:
        if fmt.diff:
            return outcome.text.encode(fmt.encoding, out_errors), None
        if item.record is not None:
            keep = fmt.errors == "surrogateescape"
            if item.span is not None:
                text = replace_value(item.line, item.span, outcome.text, keep_bytes=keep)
                return text.encode(fmt.encoding, out_errors), None
            record = dict(item.record)
            record[fmt.field] = outcome.text
            line = json.dumps(record, ensure_ascii=False).encode(fmt.encoding, out_errors)
            return line + line_end(item.raw), None
        return outcome.text.encode(fmt.encoding, out_errors), None
    except UnicodeEncodeError as exc:
        reason = f"{item.doc_id}: cannot encode the cleaned text as {fmt.encoding}: {exc.reason}"
        return item.raw, reason


@dataclass(frozen=True, slots=True)
class Done:
    """What became of one document, as the main process needs it: the bytes to write
    (none if a worker wrote them itself) and what to count and report."""

    source: int
    last: bool = True
    counted: bool = True
    size: int = 0
    data: bytes = b""
    passed: bool = False  # a failed document's original is written (or passed on)
    changed: bool = False
    failure: str | None = None
    write_error: str | None = None  # a worker could not write the output file
    removed_lines: int = 0
    rules: Mapping[str, int] = field(default_factory=dict)
    findings: Mapping[str, int] = field(default_factory=dict)
    report: str = ""


class Sink:
    """Where output bytes go; ``write`` is called per document, in input order."""

    def write(self, done: Done) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish (commit whatever is pending)."""


class StreamSink(Sink):
    """Every document to one stream (standard output, or one atomic -o FILE)."""

    def __init__(self, stream: BinaryIO, name: str = "standard output") -> None:
        self.stream = stream
        self.name = name

    def write(self, done: Done) -> None:
        try:
            self.stream.write(done.data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            msg = f"cannot write to {self.name}: {exc.strerror or exc}"
            raise OutputError(msg) from exc

    def close(self) -> None:
        flush(self.stream, self.name)


class FilesSink(Sink):
    """One atomic output file per source (``targets[i]``), committed at its last document.

    A finished file is committed (fsynced and renamed into place) by one of
    ``threads`` threads while the run goes on: the disk's flushes overlap with the
    cleaning and with each other (a disk commits concurrent flushes together).
    Each folder is fsynced once, when the sink closes. A commit that fails raises
    its :class:`OutputError` at a later ``write`` or at ``close``.
    """

    def __init__(
        self,
        targets: list[Path],
        stack: contextlib.ExitStack,
        *,
        janitor: Janitor | None,
        backup: str | None = None,
        only_changed: bool = False,
        threads: int = COMMIT_THREADS,
    ) -> None:
        self.targets = targets
        self.janitor = janitor
        self.backup = backup
        self.only_changed = only_changed
        self._current: contextlib.ExitStack | None = None
        self._file: Any = None
        self._changed = False
        self._folders: dict[Path, None] = {}  # in first-use order
        self._pool = ThreadPoolExecutor(threads, "mtclean-commit") if threads > 0 else None
        self._commits: collections.deque[Future[None]] = collections.deque()
        stack.push(self._exit)

    def write(self, done: Done) -> None:
        changed = done.changed
        if self._current is None:
            if self.only_changed and done.last and not changed:
                return  # a one-document file that stays as it is: never rewritten
            target = self.targets[done.source]
            if target.parent not in self._folders:
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    msg = f"{target.parent}: cannot create the folder: {exc.strerror or exc}"
                    raise OutputError(msg) from exc
                self._folders[target.parent] = None
            self._current = contextlib.ExitStack()
            self._file = self._current.enter_context(
                atomic_output(target, backup=self.backup, janitor=self.janitor, sync_dir=False)
            )
            self._changed = False
        self._file.write(done.data)
        self._changed = self._changed or changed
        if done.last:
            if self.only_changed and not self._changed:
                self._file.discard()
            current, self._current = self._current, None
            self._commit(current)

    def _commit(self, current: contextlib.ExitStack) -> None:
        if self._pool is None:
            current.close()
            return
        commits = self._commits
        while commits and (len(commits) >= COMMIT_BACKLOG or commits[0].done()):
            commits.popleft().result()  # a failed commit raises its error here
        commits.append(self._pool.submit(current.close))

    def close(self) -> None:
        """Wait for every commit (raising the first error), then fsync each folder once."""
        while self._commits:
            self._commits.popleft().result()
        for folder in self._folders:
            sync_directory(folder)

    def _exit(self, *exc: Any) -> bool:
        """At the end of the run: the file being written is committed, or removed if the
        run failed; every pending commit is waited for."""
        current, self._current = self._current, None
        try:
            if current is not None:
                current.__exit__(*exc)
        finally:
            for future in self._commits:
                with contextlib.suppress(Exception):
                    future.result()
            self._commits.clear()
            if self._pool is not None:
                self._pool.shutdown(wait=True)
        return False


class WrittenSink(Sink):
    """Output files the worker processes wrote themselves (see :mod:`.work`): this sink
    raises a worker's write error, in input order, and fsyncs each folder once at the end."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def write(self, done: Done) -> None:
        if done.write_error is not None:
            raise OutputError(done.write_error)

    def close(self) -> None:
        for folder in self.folders:
            sync_directory(folder)


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
