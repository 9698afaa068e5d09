"""Reading the documents to clean: files, directories, JSONL records and standard input."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import dataclasses
import gzip
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .fileio import Source, decode, find_inputs
from .jsonspan import value_span

__all__ = ["Corpus", "DocFormat", "Item", "Raw", "item_key", "line_end", "load_item", "read_raw"]


@dataclass(frozen=True)
class DocFormat:
    """How documents are read and written: what the command line said, in a form that
    travels to worker processes (they decode, parse and render documents themselves)."""

    encoding: str = "utf-8"
    errors: str = "strict"
    field: str = "text"
    id_field: str = "id"
    diff: bool = False

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> DocFormat:
        """The format of parsed ``mtclean clean`` arguments."""
        return cls(args.encoding, args.errors, args.field, args.id_field, bool(args.diff))


@dataclass(frozen=True, slots=True)
class Raw:
    """One document as read, before decoding: what goes to a worker process.

    A whole file is given by its ``path`` (the worker reads it) or by its bytes
    (standard input); a JSONL record by its line's bytes and ``lineno``. ``target``
    is the file the worker writes the result to, if it writes it itself.
    """

    source: int
    name: str
    data: bytes = b""
    path: str | None = None
    lineno: int = 0
    last: bool = True
    counted: bool = True
    error: str | None = None
    target: str | None = None
    weight: int = 0  # a file given by its path: its size when the run began

    def size(self) -> int:
        """About how much work this document is (bytes), for the batches."""
        return len(self.data) if self.path is None else self.weight


@dataclass(slots=True)
class Item:
    """One document on its way through the run (or a marker that only ends a source)."""

    source: int
    doc_id: str
    text: str | None
    raw: bytes
    record: dict[str, Any] | None = None
    line: str = ""  # a JSONL record's decoded line (the text to rewrite)
    span: tuple[int, int] | None = None  # where the field's value sits in ``line``
    error: str | None = None
    last: bool = True
    counted: bool = True
    undecodable: bool = False


def item_key(item: Item) -> tuple[str, str | None]:
    return item.doc_id, item.text


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read: {exc.strerror or exc}"
        raise InputError(msg) from exc


def read_raw(
    sources: list[Source],
    args: argparse.Namespace,
    sizes: Sequence[int],
    targets: Sequence[Path] | None = None,
) -> Iterator[Raw]:
    """Every document of ``sources``, read lazily, in order; files (of ``sizes`` bytes)
    are left for :func:`load_item` to read (``targets[i]``: where the worker writes
    source ``i``)."""
    for index, source in enumerate(sources):
        if args.jsonl:
            yield from _jsonl_raw(index, source)
        elif source.is_stdin:
            yield Raw(index, source.name, sys.stdin.buffer.read())
        else:
            target = None if targets is None else str(targets[index])
            yield Raw(index, source.name, path=source.path, target=target, weight=sizes[index])


def load_item(raw: Raw, fmt: DocFormat) -> Item:
    """The document ``raw`` stands for, read, decoded and (a JSONL record) parsed."""
    if raw.error is not None or not raw.counted:
        return Item(raw.source, raw.name, None, b"", error=raw.error, counted=raw.counted)
    if raw.lineno:
        item = _jsonl_item(raw.source, raw.name, raw.lineno, raw.data, fmt)
        item.last = raw.last
        return item
    data = raw.data
    if raw.path is not None:
        try:
            data = _read_bytes(raw.path)
        except InputError as exc:
            return Item(raw.source, raw.name, None, b"", error=str(exc))
    try:
        text = decode(data, name=raw.name, encoding=fmt.encoding, errors=fmt.errors)
    except InputError as exc:
        return Item(raw.source, raw.name, None, data, error=str(exc), undecodable=True)
    return Item(raw.source, raw.name, text, data)


def _lines(source: Source) -> Iterator[bytes]:
    if source.is_stdin:
        yield from sys.stdin.buffer
        return
    with Path(source.path).open("rb") as handle:
        yield from handle


def _jsonl_raw(index: int, source: Source) -> Iterator[Raw]:
    previous: Raw | None = None
    try:
        for lineno, line in enumerate(_lines(source), 1):
            if previous is not None:
                yield dataclasses.replace(previous, last=False)
            previous = Raw(index, source.name, line, lineno=lineno)
    except OSError as exc:
        msg = f"{source.name}: cannot read: {exc.strerror or exc}"
        if previous is not None:
            yield dataclasses.replace(previous, last=False)
        yield Raw(index, source.name, error=msg)
        return
    yield Raw(index, source.name, counted=False) if previous is None else previous


def _jsonl_item(index: int, name: str, lineno: int, raw: bytes, fmt: DocFormat) -> Item:
    where = f"{name}:{lineno}"
    if not raw.strip():
        return Item(index, where, None, raw, counted=False)
    try:
        line = decode(raw, name=where, encoding=fmt.encoding, errors=fmt.errors)
        bom = 1 if lineno == 1 and line.startswith("\ufeff") else 0  # kept in the output
        record = json.loads(line[bom:])
    except InputError as exc:
        return Item(index, where, None, raw, error=str(exc), undecodable=True)
    except json.JSONDecodeError as exc:
        return Item(index, where, None, raw, error=f"{where}: invalid JSON: {exc}")
    if not isinstance(record, dict):
        return Item(index, where, None, raw, error=f"{where}: not a JSON object")
    doc_id = where
    if fmt.id_field in record and record[fmt.id_field] is not None:
        doc_id = str(record[fmt.id_field])
    text = record.get(fmt.field)
    if not isinstance(text, str):
        if fmt.field not in record:
            problem = "missing"
        elif text is None:
            problem = "null (no text to clean)"
        else:
            problem = f"of type {type(text).__name__}, not a string"
        error = f"{doc_id}: field {fmt.field!r} is {problem}"
        return Item(index, doc_id, None, raw, error=error)
    span = value_span(line[bom:], fmt.field)
    if span is not None:
        span = (span[0] + bom, span[1] + bom)
    return Item(index, doc_id, text, raw, record=record, line=line, span=span)


# --- corpora for the learning commands -------------------------------------------


@dataclass
class Corpus:
    """The files of the learning commands' ``CORPUS`` arguments (``.gz`` read as gzip).

    A file that cannot be read or decoded (with ``errors="strict"``) is reported
    on standard error and left out; the run goes on. ``failures`` lists them.
    """

    paths: Sequence[str]
    encoding: str = "utf-8"
    errors: str = "strict"
    failures: list[str] = field(default_factory=list)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Corpus:
        """The corpus of parsed :func:`~.arguments.add_corpus_arguments` arguments."""
        return cls(args.corpus, args.encoding, args.errors)

    def files(self) -> list[Source]:
        """Every input file, folders walked in sorted order (hidden files skipped)."""
        return find_inputs(self.paths, warn=_warn)

    def texts(self, files: Sequence[Source] | None = None) -> Iterator[str]:
        """The decoded text of each readable file (of ``files``, default all), in order."""
        for source in self.files() if files is None else files:
            try:
                with _open(source) as handle:
                    data = handle.read()
                yield decode(data, name=source.name, encoding=self.encoding, errors=self.errors)
            except (OSError, EOFError) as exc:
                self._fail(f"{source.name}: cannot read: {exc}")
            except InputError as exc:
                self._fail(str(exc))

    def lines(self, source: Source) -> Iterator[str]:
        """The lines of one file, decoded as they are read (for files too big to hold)."""
        decoder = codecs.getincrementaldecoder(self.encoding)(self.errors)
        offset = 0
        try:
            with _open(source) as handle:
                for raw in handle:
                    try:
                        yield decoder.decode(raw)
                    except UnicodeDecodeError as exc:
                        at = offset + exc.start
                        self._fail(
                            f"{source.name}: cannot decode byte 0x{raw[exc.start]:02x} at offset "
                            f"{at} as {self.encoding}; the rest of the file is left out "
                            "(give the right --encoding, or --errors replace)"
                        )
                        return
                    offset += len(raw)
        except (OSError, EOFError) as exc:
            self._fail(f"{source.name}: cannot read: {exc}")

    def _fail(self, message: str) -> None:
        self.failures.append(message)
        print(f"mtclean: error: {message}", file=sys.stderr)


def _open(source: Source) -> Any:
    if source.is_stdin:
        return contextlib.nullcontext(sys.stdin.buffer)
    if source.path.endswith(".gz"):
        return gzip.open(source.path, "rb")
    return Path(source.path).open("rb")


def _warn(message: str) -> None:
    print(f"mtclean: warning: {message}", file=sys.stderr)


# --- writing ---------------------------------------------------------------------


def line_end(raw: bytes) -> bytes:
    if raw.endswith(b"\r\n"):
        return b"\r\n"
    return b"\n" if raw.endswith(b"\n") else b""
