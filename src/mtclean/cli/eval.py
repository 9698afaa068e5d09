"""Score the default pipeline on a folder of labelled articles.

Prints per-category precision and recall (terms, names, boilerplate lines,
punctuation and Unicode), whether the clean controls came out byte-identical,
and every miss and false change with the rule ids behind it. With --thresholds
(default: DIR/thresholds.toml when it exists) the exit code is 1 if a score is
below its threshold. See docs/evaluation.md for the folder layout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..evaluation import check_thresholds, evaluate, format_outcomes, load_articles, load_thresholds
from ..rulepacks.model import did_you_mean
from .arguments import fail

#: The labelled set of a clone of the mtclean repository (not installed with the package).
BUNDLED = "fixtures/articles"

NAME = "eval"
HELP = "score mtclean on labelled articles (precision/recall per category)"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean eval``."""
    parser.add_argument(
        "directory",
        nargs="?",
        metavar="DIR",
        help=f"folder of article folders (default: {BUNDLED}, in a clone of mtclean)",
    )
    parser.add_argument(
        "--detect",
        action="store_true",
        help="ignore each article's source_lang and let mtclean decide from the text",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--thresholds",
        metavar="FILE",
        help="check scores against this thresholds.toml (default: DIR/thresholds.toml if present)",
    )
    parser.add_argument(
        "--no-thresholds", action="store_true", help="do not check thresholds, only report"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        metavar="N",
        help="list at most N misses and N false changes",
    )
    parser.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="ID",
        help="only these articles; repeatable",
    )
    parser.add_argument(
        "--rules", action="append", default=[], metavar="PATH", help="add a rule pack; repeatable"
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="switch off a stage, pack or rule",
    )
    parser.add_argument(
        "--enable", action="append", default=[], metavar="PACK", help="switch on an optional pack"
    )


def run(args: argparse.Namespace) -> int:
    """Evaluate, print the report, and check the thresholds."""
    if args.directory is None:
        if not Path(BUNDLED).is_dir():
            fail(
                f"no labelled set given, and no {BUNDLED} here: pass a folder of labelled "
                "articles (mtclean eval DIR; each article a folder with input.txt, "
                f"expected.txt and meta.toml), or run it in a clone of mtclean for {BUNDLED}"
            )
        args.directory = BUNDLED
    articles = load_articles(args.directory)
    if args.article:
        known = {a.id for a in articles}
        for name in args.article:
            if name not in known:
                hint = did_you_mean(name, sorted(known))
                fail(f"no article {name!r} in {args.directory}" + (f" ({hint})" if hint else ""))
        wanted = set(args.article)
        articles = [a for a in articles if a.id in wanted]
    options: dict[str, Any] = {}
    for key in ("rules", "disable", "enable"):
        if getattr(args, key):
            options[key] = tuple(getattr(args, key))
    report = evaluate(articles, detect=args.detect, **options)
    failures: list[str] = []
    path = args.thresholds or str(Path(args.directory) / "thresholds.toml")
    default_check = Path(path).is_file() and not args.article
    if not args.no_thresholds and (args.thresholds or default_check):
        mode = "detect" if args.detect else "source_lang"
        failures = check_thresholds(report, load_thresholds(path).get(mode, {}))
    if args.format == "json":
        data = report.to_json()
        data["threshold_failures"] = failures
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(report.table())
        for title, kind in (("misses", "miss"), ("false changes", "false")):
            found = report.outcomes(kind)
            print(f"\n{title} ({len(found)}):")
            if found:
                print(format_outcomes(found, limit=args.limit))
        if failures:
            print("\nbelow thresholds:")
            print("\n".join(failures))
    return 1 if failures else 0
