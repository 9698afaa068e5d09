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
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..corpus.engine import PRIME_CHARS, Task, default_processes, process_io
from .arguments import (
    add_input_arguments,
    add_pipeline_arguments,
    check_output,
    fail,
    pipeline_options,
)
from .fileio import (
    Janitor,
    OutputError,
    Source,
    atomic_output,
    find_inputs,
    temp_mark,
    write_atomic,
)
from .inputs import DocFormat, Raw, read_raw
from .outputs import Done, FilesSink, Sink, StreamSink, WrittenSink, stdout_bytes
from .progress import Progress, Totals
from .work import CliIO, FileWriter

NAME = "clean"
HELP = "clean text files, directories, JSONL corpora or standard input"
ORDER = 0

#: Below this many input bytes, -j defaults to 1 (starting workers costs more).
SMALL_INPUT = 2_000_000


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


@dataclass(frozen=True)
class _Plan:
    mode: str  # "stdout", "file", "mirror", "inplace"
    targets: list[Path]


def _plan(args: argparse.Namespace, sources: list[Source]) -> _Plan:
    has_stdin = any(s.is_stdin for s in sources)
    if args.backup and not args.in_place:
        fail("--backup needs --in-place")
    if args.in_place:
        if args.output:
            fail("give either --in-place or -o, not both")
        if has_stdin:
            fail("--in-place needs files; standard input cannot be replaced")
        if args.diff:
            fail("--diff prints a diff; it cannot be written --in-place")
        # a symbolic link stays a link: the file it points to is cleaned
        return _Plan("inplace", [Path(os.path.realpath(s.path)) for s in sources])
    if not args.output:
        return _Plan("stdout", [])
    out = Path(args.output)
    any_dir = any(Path(p).is_dir() for p in args.files if p != "-")
    if out.is_dir() or args.output.endswith(("/", "\\")) or any_dir:
        if has_stdin:
            fail("-o DIR mirrors input files; standard input goes to -o FILE")
        if args.diff:
            fail("--diff writes one diff; give -o FILE, not a directory")
        if out.exists() and not out.is_dir():
            fail(f"-o {args.output}: a folder of inputs is written to a folder, and this is a file")
        targets = [out / s.relative for s in sources]
        seen: dict[Path, str] = {}
        for source, target in zip(sources, targets, strict=True):
            if target in seen:
                msg = f"{seen[target]} and {source.path} would both be written to {target}"
                fail(msg)
            seen[target] = source.path
        return _Plan("mirror", targets)
    if len(sources) > 1:
        fail(
            "-o FILE takes one input; to write several, give an existing directory "
            "or end the path with /"
        )
    check_output(args.output)
    return _Plan("file", [out])


def _one_per_file(sources: list[Source]) -> list[Source]:
    """The sources less those naming a file already taken (a link and its target)."""
    seen: set[str] = set()
    unique = []
    for source in sources:
        real = os.path.realpath(source.path)
        if real not in seen:
            seen.add(real)
            unique.append(source)
    return unique


def _warn(message: str) -> None:
    print(f"mtclean: warning: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Clean every input and write the results; 1 if any document failed."""
    skip = Path(args.output) if args.output else None
    exclude = list(args.exclude)
    if args.in_place and args.backup:
        exclude.append(f"*{args.backup}")  # never clean the backups of an earlier run
    sources = find_inputs(args.files, include=args.include, exclude=exclude, skip=skip, warn=_warn)
    if args.in_place:
        sources = _one_per_file(sources)
    if not args.jsonl:
        for source in sources:
            if source.path.endswith((".jsonl", ".ndjson")):
                _warn(f"{source.path}: cleaned as plain text; give --jsonl to clean its records")
    plan = _plan(args, sources)
    check_output(args.stats_json, "--stats-json")
    if args.jobs is not None and args.jobs < 1:
        fail(f"-j takes a number of processes >= 1, not {args.jobs}")
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
    sizes = [s.size() for s in sources]
    total_bytes = sum(sizes)
    show_progress = not args.quiet and sys.stderr.isatty() and not (explain and not to_files)
    progress = Progress(sys.stderr, enabled=show_progress, total_bytes=total_bytes)
    processes = args.jobs
    if processes is None:
        small = not any(s.is_stdin for s in sources) and total_bytes < SMALL_INPUT
        processes = 1 if small or (len(sources) == 1 and not args.jsonl) else default_processes()
    totals = Totals()
    fmt = DocFormat.from_args(args)
    # with several processes, when every input file has an output file of its own,
    # the workers read, clean and write the files: this process hands out the paths
    workers_write = processes > 1 and plan.mode in ("mirror", "inplace") and not args.jsonl
    with contextlib.ExitStack() as stack:
        janitor = stack.enter_context(Janitor()) if to_files else None
        sink: Sink
        writer = None
        if plan.mode == "stdout":
            sink = StreamSink(stdout_bytes())
        elif plan.mode == "file":
            handle = stack.enter_context(atomic_output(plan.targets[0], janitor=janitor))
            sink = StreamSink(handle, str(plan.targets[0]))  # type: ignore[arg-type]
        elif workers_write:
            writer = FileWriter(
                temp_mark(secrets.token_hex(4)), args.backup, plan.mode == "inplace"
            )
            sink = WrittenSink(_prepare_folders(plan.targets, janitor, writer.mark))
        else:
            sink = FilesSink(
                plan.targets,
                stack,
                janitor=janitor,
                backup=args.backup,
                only_changed=plan.mode == "inplace",
            )
        io = CliIO(fmt, to_stdout=plan.mode == "stdout", writer=writer)
        targets = plan.targets if workers_write else None
        try:
            results = process_io(
                read_raw(sources, args, sizes, targets),
                _same,
                task,
                io,
                size_of=Raw.size,
                processes=processes,
                # from standard input (a stream, maybe one that trickles in): results
                # after every PRIME_CHARS, not after a whole large batch
                batch_chars=PRIME_CHARS if any(s.is_stdin for s in sources) else None,
            )
            with contextlib.closing(results):  # the workers are done before the janitor
                for _, done in results:
                    _handle(done, args, sink, totals, progress, report_out)
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


def _same(raw: Raw) -> Raw:
    return raw


def _prepare_folders(targets: list[Path], janitor: Janitor | None, mark: str) -> list[Path]:
    """Create the folders the workers write into (each watched by ``janitor`` for
    temporary files holding ``mark``); they are returned in first-use order."""
    folders = list(dict.fromkeys(t.parent for t in targets))
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            msg = f"{folder}: cannot create the folder: {exc.strerror or exc}"
            raise OutputError(msg) from exc
        if janitor is not None:
            janitor.watch(str(folder.absolute()), mark)
    return folders


def _handle(
    done: Done,
    args: argparse.Namespace,
    sink: Sink,
    totals: Totals,
    progress: Progress,
    report_out: TextIO,
) -> None:
    sink.write(done)
    if not done.counted:
        return
    failure = done.failure
    totals.add(
        done.size, changed=done.changed, removed_lines=done.removed_lines, failed=bool(failure)
    )
    totals.add_counts(done.rules, done.findings)
    progress.update(done.size)
    if failure is not None:
        progress.close()
        if done.passed:
            note = "passed through unchanged"
        elif args.diff:
            note = "not cleaned"
        else:
            note = "left out of standard output; the input is untouched"
        print(f"mtclean: error: {failure} ({note})", file=sys.stderr)
    if done.report:
        progress.close()
        report_out.write(done.report)
