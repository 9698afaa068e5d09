"""Reading the documents to clean: files, directories, JSONL records and standard input."""

from __future__ import annotations

import argparse
import codecs
import contextlib
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

__all__ = ["Corpus", "Item", "item_key", "line_end", "read_items"]


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


def _read_bytes(source: Source) -> bytes:
    if source.is_stdin:
        return sys.stdin.buffer.read()
    try:
        return Path(source.path).read_bytes()
    except OSError as exc:
        msg = f"{source.path}: cannot read: {exc.strerror or exc}"
        raise InputError(msg) from exc


def read_items(sources: list[Source], args: argparse.Namespace) -> Iterator[Item]:
    """Every document of ``sources``, read lazily, in order."""
    for index, source in enumerate(sources):
        if args.jsonl:
            yield from _jsonl_items(index, source, args)
            continue
        try:
            raw = _read_bytes(source)
        except InputError as exc:
            yield Item(index, source.name, None, b"", error=str(exc))
            continue
        try:
            text = decode(raw, name=source.name, encoding=args.encoding, errors=args.errors)
        except InputError as exc:
            yield Item(index, source.name, None, raw, error=str(exc), undecodable=True)
            continue
        yield Item(index, source.name, text, raw)


def _lines(source: Source) -> Iterator[bytes]:
    if source.is_stdin:
        yield from sys.stdin.buffer
        return
    with Path(source.path).open("rb") as handle:
        yield from handle


def _jsonl_items(index: int, source: Source, args: argparse.Namespace) -> Iterator[Item]:
    previous: Item | None = None
    try:
        for lineno, raw in enumerate(_lines(source), 1):
            item = _jsonl_item(index, source, lineno, raw, args)
            if previous is not None:
                previous.last = False
                yield previous
            previous = item
    except OSError as exc:
        msg = f"{source.name}: cannot read: {exc.strerror or exc}"
        if previous is not None:
            previous.last = False
            yield previous
        yield Item(index, source.name, None, b"", error=msg)
        return
    if previous is None:
        yield Item(index, source.name, None, b"", counted=False)
    else:
        yield previous


def _jsonl_item(
    index: int, source: Source, lineno: int, raw: bytes, args: argparse.Namespace
) -> Item:
    where = f"{source.name}:{lineno}"
    if not raw.strip():
        return Item(index, where, None, raw, counted=False)
    try:
        line = decode(raw, name=where, encoding=args.encoding, errors=args.errors)
        bom = 1 if lineno == 1 and line.startswith("\ufeff") else 0  # kept in the output
        record = json.loads(line[bom:])
    except InputError as exc:
        return Item(index, where, None, raw, error=str(exc), undecodable=True)
    except json.JSONDecodeError as exc:
        return Item(index, where, None, raw, error=f"{where}: invalid JSON: {exc}")
    if not isinstance(record, dict):
        return Item(index, where, None, raw, error=f"{where}: not a JSON object")
    doc_id = where
    if args.id_field in record and record[args.id_field] is not None:
        doc_id = str(record[args.id_field])
    text = record.get(args.field)
    if not isinstance(text, str):
        if args.field not in record:
            problem = "missing"
        elif text is None:
            problem = "null (no text to clean)"
        else:
            problem = f"of type {type(text).__name__}, not a string"
        error = f"{doc_id}: field {args.field!r} is {problem}"
        return Item(index, doc_id, None, raw, error=error)
    span = value_span(line[bom:], args.field)
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
