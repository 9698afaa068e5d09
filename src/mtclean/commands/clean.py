"""Clean text files (or standard input) and write the cleaned text.

The cleaned text goes to standard output, or to -o FILE (written atomically).
--explain reports every change and finding: on standard error, or on standard
output when -o is given. --diff prints a unified diff instead of the text.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..api import clean, clean_and_explain
from ..fileio import read_text, write_atomic
from ..options import SOURCE_LANGS

NAME = "clean"
HELP = "clean text files or standard input"
ORDER = 0


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
    parser.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    parser.add_argument(
        "--errors",
        default="strict",
        choices=("strict", "replace", "surrogateescape"),
        help="what to do with undecodable input bytes (default: strict, an error)",
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
    return options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean clean``."""
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; - or none: stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the cleaned text here")
    parser.add_argument("--explain", action="store_true", help="report every change and finding")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="report format: readable text or JSON lines (default: text)",
    )
    parser.add_argument("--diff", action="store_true", help="print a unified diff, not the text")
    add_pipeline_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Clean each input and write the results."""
    files = args.files or ["-"]
    if args.output and len(files) > 1:
        print("mtclean: error: -o takes one input file", file=sys.stderr)
        return 2
    options = pipeline_options(args)
    audit = args.explain or args.diff
    report_out = sys.stdout if args.output else sys.stderr
    outputs = []
    for path in files:
        text = read_text(path, encoding=args.encoding, errors=args.errors)
        name = "<stdin>" if path == "-" else path
        if not audit:
            outputs.append(clean(text, **options))
            continue
        result = clean_and_explain(text, **options)
        outputs.append(result.diff(name=name) if args.diff else result.text)
        if args.explain:
            _report(result, name, args.format, report_out)
    if args.output:
        write_atomic(args.output, "".join(outputs))
    else:
        sys.stdout.write("".join(outputs))
        sys.stdout.flush()
    return 0


def _report(result: Any, name: str, fmt: str, out: Any) -> None:
    if fmt == "json":
        for line in result.to_json_lines(doc_id=name):
            print(line, file=out)
        return
    counts = result.rule_counts()
    print(f"== {name}: {len(result.changes)} changes, {len(result.findings)} findings", file=out)
    if result.changes or result.findings:
        print(result.report(), file=out)
    if counts:
        summary = ", ".join(f"{rule} x{n}" for rule, n in sorted(counts.items()))
        print(f"-- by rule: {summary}", file=out)
