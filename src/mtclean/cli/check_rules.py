"""Check rule packs: load and validate each, then run the examples its rules carry.

Prints one line per pack (rules, examples, failures) and each failing example
with what it expected and what it got. Exit 1 if an example fails, 2 if a pack
does not load.
"""

from __future__ import annotations

import argparse

from ..kinds import KINDS, load_rules
from ..rulepacks.examples import check_examples

NAME = "check-rules"
HELP = "validate rule packs and run their examples"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean check-rules``."""
    parser.add_argument(
        "packs", nargs="+", metavar="PACK", help="a .toml path or a bundled pack name"
    )


def run(args: argparse.Namespace) -> int:
    """Check each pack; return 1 if any example failed."""
    failed = 0
    for name in args.packs:
        pack = load_rules(name)
        outcomes = check_examples(pack, kinds=KINDS)
        bad = [o for o in outcomes if not o.passed]
        failed += len(bad)
        print(
            f"{pack.source}: {len(pack.rules)} rules, {len(outcomes)} examples, {len(bad)} failed"
        )
        for outcome in bad:
            print(f"  {outcome.explain()}")
    return 1 if failed else 0
