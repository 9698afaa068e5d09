"""What ``mtclean clean`` does with one document where it is cleaned: read, render, write.

With several processes the workers read their documents (a file by its path, a
JSONL record by its line's bytes), decode, parse and render them, and, when each
input file has an output file of its own (``-o DIR``, ``--in-place``), write that
file too. The main process then only hands out paths and lines, writes what comes
back in order, and counts. With one process the same code runs in it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..corpus.engine import Outcome
from .fileio import OutputError, atomic_output
from .inputs import DocFormat, Item, Raw, item_key, load_item
from .outputs import COMMIT_THREADS, Done, render

__all__ = ["CliIO", "FileWriter"]


@dataclass(frozen=True)
class FileWriter:
    """How a worker writes an output file: atomically, its temporary file's name holding
    ``mark`` (the run's, which the main process's janitor watches for)."""

    mark: str
    backup: str | None = None
    only_changed: bool = False  # --in-place: a file that stays as it is is not rewritten

    def write(self, target: str, data: bytes, changed: bool) -> str | None:
        """Write ``data`` to ``target``; the error, if it could not."""
        if self.only_changed and not changed:
            return None
        try:
            with atomic_output(
                Path(target), backup=self.backup, sync_dir=False, mark=self.mark
            ) as out:
                out.write(data)
        except OutputError as exc:
            return str(exc)
        return None


@dataclass(frozen=True)
class CliIO:
    """The :class:`~mtclean.corpus.engine.DocumentIO` of ``mtclean clean``: payloads are
    :class:`~.inputs.Raw` documents, results :class:`~.outputs.Done` records."""

    fmt: DocFormat
    to_stdout: bool = False
    writer: FileWriter | None = None  # set when the workers write the output files

    def load(self, payload: Raw) -> tuple[Raw, Item]:
        """Read, decode and parse one document."""
        return payload, load_item(payload, self.fmt)

    def job(self, loaded: tuple[Raw, Item]) -> tuple[str, str | None]:
        """The document's id and text."""
        return item_key(loaded[1])

    def finish_all(self, loaded: list[tuple[Raw, Item]], outcomes: list[Outcome]) -> list[Done]:
        """:meth:`finish` for a batch, in order; where the files are written here, by a
        few threads at once (an fsync waits on the disk, not on this process's CPU)."""
        if self.writer is None:
            return [self.finish(x, o) for x, o in zip(loaded, outcomes, strict=True)]
        with ThreadPoolExecutor(COMMIT_THREADS) as pool:
            return list(pool.map(self.finish, loaded, outcomes))

    def finish(self, loaded: tuple[Raw, Item], outcome: Outcome) -> Done:
        """Render the result (and write it, if the workers write the files)."""
        raw, item = loaded
        data, failure = render(item, outcome, self.fmt, to_stdout=self.to_stdout)
        changed = failure is None and outcome.changed
        write_error = None
        passed = bool(data)
        if self.writer is not None and raw.target is not None:
            write_error = self.writer.write(raw.target, data, changed)
            data = b""
        return Done(
            source=item.source,
            last=item.last,
            counted=item.counted,
            size=len(item.raw) if item.raw else len(item.text or ""),
            data=data,
            passed=passed,
            changed=changed,
            failure=failure,
            write_error=write_error,
            removed_lines=outcome.removed_lines,
            rules=outcome.rules,
            findings=outcome.findings,
            report=outcome.report,
        )
