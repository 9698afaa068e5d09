"""Clean text files, directories, JSONL corpora or standard input.

The cleaned text goes to standard output, to -o FILE (one input), to -o DIR
(mirroring the input tree), or back into each file with --in-place. Every file
is written atomically: a crash or Ctrl-C leaves the old or the new content,
never a half-written file. A document that cannot be cleaned is reported with
its id and passed through unchanged; the exit code is then 1.

--explain reports every change and finding (--format json: one JSON line per
change with the document id and original offsets): on standard error, or on
standard output when the cleaned text goes to files. --diff prints a unified
diff instead of the text. --stats prints per-rule counts at the end (and makes
the closing summary count findings: that runs every step's audit, slower).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NoReturn, TextIO

from ..choices import NAME_STYLES, QUOTE_STYLES, REPEATED_PARAGRAPHS
from ..corpus.engine import Outcome, Task, default_processes, process
from ..errors import InputError, MtcleanError
from ..options import SOURCE_LANGS
from .fileio import Janitor, Source, atomic_output, decode, find_inputs, write_atomic
from .progress import Progress, Totals

NAME = "clean"
HELP = "clean text files, directories, JSONL corpora or standard input"
ORDER = 0

#: Below this many input bytes, -j defaults to 1 (starting workers costs more).
SMALL_INPUT = 2_000_000


class UsageError(MtcleanError):
    """Arguments that do not fit together."""


def _fail(msg: str) -> NoReturn:
    raise UsageError(msg)


def add_pipeline_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that runs the default pipeline."""
    parser.add_argument(
        "--from",
        dest="source_lang",
        choices=SOURCE_LANGS,
        metavar="LANG",
        help=f"source language of the translation ({', '.join(SOURCE_LANGS)}); "
        "default: decide from the text",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="add a rule pack (a .toml path or a bundled pack name); repeatable",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="switch off a stage, step, pack or rule (e.g. names, terms-nl/navo); repeatable",
    )
    parser.add_argument(
        "--enable",
        action="append",
        default=[],
        metavar="PACK",
        help="switch on a bundled pack that is off by default (e.g. a style pack); repeatable",
    )
    parser.add_argument(
        "--quotes",
        choices=QUOTE_STYLES,
        help="make quotes consistent: straight, curly, or the text's dominant style "
        "(default: leave quotes as they are)",
    )
    parser.add_argument(
        "--name-style",
        choices=NAME_STYLES,
        default="default",
        help="spelling of a person named several ways in one document: the document's one "
        "accepted spelling (default), the gazetteer's canonical one, or the most frequent",
    )
    parser.add_argument(
        "--repeated-paragraphs",
        choices=REPEATED_PARAGRAPHS,
        default="report",
        help="a paragraph repeated verbatim: report it (default) or remove the repeat",
    )
    parser.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    parser.add_argument(
        "--errors",
        default="strict",
        choices=("strict", "replace", "surrogateescape"),
        help="what to do with undecodable input bytes (default: strict: the document "
        "fails and is passed through unchanged)",
    )


def pipeline_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword options for :func:`mtclean.clean` from parsed arguments."""
    options: dict[str, Any] = {}
    if args.source_lang:
        options["source_lang"] = args.source_lang
    if args.rules:
        options["rules"] = tuple(args.rules)
    if args.disable:
        options["disable"] = tuple(args.disable)
    if args.enable:
        options["enable"] = tuple(args.enable)
    if args.quotes:
        options["quotes"] = args.quotes
    if args.name_style != "default":
        options["name_style"] = args.name_style
    if args.repeated_paragraphs != "report":
        options["repeated_paragraphs"] = args.repeated_paragraphs
    return options


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Input selection shared by ``clean`` and ``lint``: files, directories, globs."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="PATH",
        help="input files or directories (walked recursively); - or none: stdin",
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, take only files matching GLOB (e.g. '*.txt'); repeatable",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, skip files matching GLOB; repeatable",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean clean``."""
    add_input_arguments(parser)
    out = parser.add_argument_group("output")
    out.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help="write to FILE (one input) or below DIR, mirroring the input tree "
        "(DIR must exist or end with /; implied when an input is a directory)",
    )
    out.add_argument("--in-place", action="store_true", help="replace each input file (atomically)")
    out.add_argument(
        "--backup",
        metavar="SUFFIX",
        help="with --in-place, keep each changed file's old content as FILE+SUFFIX",
    )
    out.add_argument("--diff", action="store_true", help="print a unified diff, not the text")
    jsonl = parser.add_argument_group("JSONL")
    jsonl.add_argument(
        "--jsonl", action="store_true", help="inputs are JSON lines; clean one field per record"
    )
    jsonl.add_argument("--field", default="text", help="the field holding the text (default: text)")
    jsonl.add_argument(
        "--id-field",
        default="id",
        help="the field naming a record in reports (default: id; else FILE:LINE)",
    )
    report = parser.add_argument_group("reports")
    report.add_argument("--explain", action="store_true", help="report every change and finding")
    report.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="--explain format: readable text or JSON lines (default: text)",
    )
    report.add_argument("--stats", action="store_true", help="print per-rule counts at the end")
    report.add_argument(
        "--stats-json", metavar="FILE", help="write the run's totals and per-rule counts as JSON"
    )
    report.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: all CPUs; 1 for small inputs)",
    )
    add_pipeline_arguments(parser)


# --- reading ---------------------------------------------------------------------


@dataclass(slots=True)
class Item:
    """One document on its way through the run (or a marker that only ends a source)."""

    source: int
    doc_id: str
    text: str | None
    raw: bytes
    record: dict[str, Any] | None = None
    error: str | None = None
    last: bool = True
    counted: bool = True
    undecodable: bool = False


def _key(item: Item) -> tuple[str, str | None]:
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
        record = json.loads(line)
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
        problem = "missing" if text is None else f"of type {type(text).__name__}, not a string"
        error = f"{doc_id}: field {args.field!r} is {problem}"
        return Item(index, doc_id, None, raw, error=error)
    return Item(index, doc_id, text, raw, record=record)


# --- writing ---------------------------------------------------------------------


def _line_end(raw: bytes) -> bytes:
    if raw.endswith(b"\r\n"):
        return b"\r\n"
    return b"\n" if raw.endswith(b"\n") else b""


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
            record = dict(item.record)
            record[args.field] = outcome.text
            line = json.dumps(record, ensure_ascii=False).encode(args.encoding, out_errors)
            return line + _line_end(item.raw), None
        return outcome.text.encode(args.encoding, out_errors), None
    except UnicodeEncodeError as exc:
        reason = f"{item.doc_id}: cannot encode the cleaned text as {args.encoding}: {exc.reason}"
        return item.raw, reason


class _Sink:
    """Where output bytes go; ``write`` is called per document, in input order."""

    def write(self, item: Item, data: bytes, changed: bool) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish (commit whatever is pending)."""


class _StreamSink(_Sink):
    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def write(self, item: Item, data: bytes, changed: bool) -> None:
        self.stream.write(data)

    def close(self) -> None:
        self.stream.flush()


class _FilesSink(_Sink):
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
            target.parent.mkdir(parents=True, exist_ok=True)
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


def _stdout_bytes() -> BinaryIO:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        return buffer  # type: ignore[no-any-return]
    return _TextBridge(sys.stdout)  # type: ignore[return-value]


class _TextBridge:
    """Write bytes to a text stream that has no ``buffer`` (UTF-8, bytes kept by escape)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8", "surrogateescape"))

    def flush(self) -> None:
        self.stream.flush()


# --- the command -----------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    mode: str  # "stdout", "file", "mirror", "inplace"
    targets: list[Path]


def _plan(args: argparse.Namespace, sources: list[Source]) -> _Plan:
    has_stdin = any(s.is_stdin for s in sources)
    if args.backup and not args.in_place:
        _fail("--backup needs --in-place")
    if args.in_place:
        if args.output:
            _fail("give either --in-place or -o, not both")
        if has_stdin:
            _fail("--in-place needs files; standard input cannot be replaced")
        if args.diff:
            _fail("--diff prints a diff; it cannot be written --in-place")
        return _Plan("inplace", [Path(s.path) for s in sources])
    if not args.output:
        return _Plan("stdout", [])
    out = Path(args.output)
    any_dir = any(Path(p).is_dir() for p in args.files if p != "-")
    if out.is_dir() or args.output.endswith(("/", "\\")) or any_dir:
        if has_stdin:
            _fail("-o DIR mirrors input files; standard input goes to -o FILE")
        if args.diff:
            _fail("--diff writes one diff; give -o FILE, not a directory")
        targets = [out / s.relative for s in sources]
        seen: dict[Path, str] = {}
        for source, target in zip(sources, targets, strict=True):
            if target in seen:
                msg = f"{seen[target]} and {source.path} would both be written to {target}"
                _fail(msg)
            seen[target] = source.path
        return _Plan("mirror", targets)
    if len(sources) > 1:
        _fail(
            "-o FILE takes one input; to write several, give an existing directory "
            "or end the path with /"
        )
    return _Plan("file", [out])


def run(args: argparse.Namespace) -> int:
    """Clean every input and write the results; 1 if any document failed."""
    skip = Path(args.output) if args.output else None
    sources = find_inputs(args.files, include=args.include, exclude=args.exclude, skip=skip)
    plan = _plan(args, sources)
    if args.jobs is not None and args.jobs < 1:
        _fail(f"-j takes a number of processes >= 1, not {args.jobs}")
    explain = args.format if args.explain else None
    corpus_mode = (
        len(sources) > 1
        or args.jsonl
        or plan.mode in ("mirror", "inplace")
        or any(Path(p).is_dir() for p in args.files if p != "-")
    )
    show_summary = not args.quiet and (corpus_mode or sys.stderr.isatty())
    audit = bool(args.stats or args.stats_json)
    task = Task(
        options=tuple(sorted(pipeline_options(args).items())),
        audit=audit,
        explain=explain,
        diff=args.diff,
    )
    task.build()  # configuration errors now, before any output
    to_files = plan.mode != "stdout"
    report_out = sys.stdout if to_files else sys.stderr
    total_bytes = sum(s.size() for s in sources)
    show_progress = not args.quiet and sys.stderr.isatty() and not (explain and not to_files)
    progress = Progress(sys.stderr, enabled=show_progress, total_bytes=total_bytes)
    processes = args.jobs
    if processes is None:
        small = not any(s.is_stdin for s in sources) and total_bytes < SMALL_INPUT
        processes = 1 if small or (len(sources) == 1 and not args.jsonl) else default_processes()
    totals = Totals()
    with contextlib.ExitStack() as stack:
        janitor = stack.enter_context(Janitor()) if to_files else None
        sink: _Sink
        if plan.mode == "stdout":
            sink = _StreamSink(_stdout_bytes())
        elif plan.mode == "file":
            handle = stack.enter_context(atomic_output(plan.targets[0], janitor=janitor))
            sink = _StreamSink(handle)  # type: ignore[arg-type]
        else:
            sink = _FilesSink(
                plan.targets,
                stack,
                janitor=janitor,
                backup=args.backup,
                only_changed=plan.mode == "inplace",
            )
        try:
            for item, outcome in process(
                read_items(sources, args), _key, task, processes=processes
            ):
                _handle(item, outcome, args, sink, totals, progress, report_out, plan.mode)
            sink.close()
        finally:
            progress.close()
    seconds = progress.elapsed()
    if args.stats:
        report_out.write(totals.stats_table())
        report_out.flush()
    if args.stats_json:
        write_atomic(args.stats_json, json.dumps(totals.to_json(seconds=seconds), indent=2) + "\n")
    if show_summary:
        audited = audit or explain is not None or args.diff
        print(totals.summary(seconds=seconds, audited=audited), file=sys.stderr)
    return 1 if totals.failures else 0


def _handle(
    item: Item,
    outcome: Outcome,
    args: argparse.Namespace,
    sink: _Sink,
    totals: Totals,
    progress: Progress,
    report_out: TextIO,
    mode: str,
) -> None:
    data, failure = render(item, outcome, args, to_stdout=mode == "stdout")
    changed = failure is None and outcome.changed
    sink.write(item, data, changed)
    if not item.counted:
        return
    size = len(item.raw) if item.raw else len(item.text or "")
    totals.add(size, changed=changed, removed_lines=outcome.removed_lines, failed=bool(failure))
    totals.add_counts(outcome.rules, outcome.findings)
    progress.update(size)
    if failure is not None:
        progress.close()
        if data:
            note = "passed through unchanged"
        elif args.diff:
            note = "not cleaned"
        else:
            note = "left out of standard output; the input is untouched"
        print(f"mtclean: error: {failure} ({note})", file=sys.stderr)
    if outcome.report:
        progress.close()
        report_out.write(outcome.report)
