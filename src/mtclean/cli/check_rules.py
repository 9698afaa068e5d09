"""Check rule packs: load and validate each, then run the examples its rules carry.

Prints one line per pack (rules, examples, failures) and each failing example
with what it expected and what it got; a pack that does not load is reported
and the next one is checked. Exit 2 if a pack does not load, else 1 if an
example fails.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import MtcleanError
from ..kinds import KINDS, load_rules
from ..rulepacks.examples import check_examples
from .progress import plural

NAME = "check-rules"
HELP = "validate rule packs and run their examples"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean check-rules``."""
    parser.add_argument(
        "packs", nargs="+", metavar="PACK", help="a .toml path or a bundled pack name"
    )


def run(args: argparse.Namespace) -> int:
    """Check each pack; return 2 if any pack is broken, 1 if any example failed."""
    failed = broken = 0
    for name in args.packs:
        try:
            pack = load_rules(name)
        except MtcleanError as exc:
            broken += 1
            sys.stdout.flush()
            print(f"mtclean: error: {exc}", file=sys.stderr)
            continue
        outcomes = check_examples(pack, kinds=KINDS)
        bad = [o for o in outcomes if not o.passed]
        failed += len(bad)
        print(
            f"{pack.source}: {plural(len(pack.rules), 'rule')}, "
            f"{plural(len(outcomes), 'example')}, {len(bad)} failed"
        )
        for outcome in bad:
            print(f"  {outcome.explain()}")
    if broken:
        return 2
    return 1 if failed else 0
