"""Report what no rule could safely fix, as ``path:line:col: rule-id message``.

Runs the default pipeline's audit on each file and prints its findings (stray
capitals mid-sentence, source-language leftovers, near-miss names, boilerplate
kept by the safety rule, ...). Line and column (1-based, in characters) point
into the input as given. Exit code 1 when there are findings, as linters do.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..api import clean_and_explain
from ..errors import MtcleanError
from .arguments import add_input_arguments, add_pipeline_arguments, pipeline_options
from .fileio import find_inputs, read_text

NAME = "lint"
HELP = "report problems no rule could safely fix"
ORDER = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean lint``."""
    add_input_arguments(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (path:line:col: rule message) or JSON lines (default: text)",
    )
    add_pipeline_arguments(parser, output=False)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def run(args: argparse.Namespace) -> int:
    """Lint every input; 1 if anything was found, 2 if an input could not be read."""
    options = pipeline_options(args)
    clean_and_explain("", **options)  # configuration errors now (exit 2)
    found = failed = 0
    try:
        sources = find_inputs(args.files, include=args.include, exclude=args.exclude, warn=_warn)
    except MtcleanError as exc:  # a missing input: not "findings" (exit 1)
        print(f"mtclean: error: {exc}", file=sys.stderr)
        return 2
    for source in sources:
        try:
            text = read_text(source.path, encoding=args.encoding, errors=args.errors)
            result = clean_and_explain(text, **options)
        except MtcleanError as exc:
            failed += 1
            print(f"mtclean: error: {exc}", file=sys.stderr)
            continue
        for finding in result.findings:
            if finding.kind == "info":  # how the text was handled, not a problem in it
                continue
            found += 1
            print(_format(source.name, text, finding, args.format))
    sys.stdout.flush()
    return 2 if failed else 1 if found else 0


def _warn(message: str) -> None:
    print(f"mtclean: warning: {message}", file=sys.stderr)


def _format(path: str, text: str, finding: Any, fmt: str) -> str:
    line, col = line_col(text, finding.start)
    if fmt == "json":
        row = {
            "path": path,
            "line": line,
            "col": col,
            "start": finding.start,
            "end": finding.end,
            "rule": finding.rule,
            "message": finding.message,
            "confidence": finding.confidence,
            "text": text[finding.start : finding.end],
        }
        return json.dumps(row, ensure_ascii=False)
    return f"{path}:{line}:{col}: {finding.rule} {finding.message}"
