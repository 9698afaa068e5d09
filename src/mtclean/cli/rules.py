"""List the rules of a rule pack: each rule's full id (``pack/rule``) and its note.

PACK is a bundled pack's name (``mtclean packs`` lists them) or a path to your
own pack. Each id can be given to ``--disable``; rules that are off by default
are marked.
"""

from __future__ import annotations

import argparse
import json

from .packs import bundled_pack

NAME = "rules"
HELP = "list a rule pack's rules and their notes"
ORDER = 31


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean rules``."""
    parser.add_argument("pack", metavar="PACK", help="a bundled pack name or a .toml path")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="lines or JSON lines"
    )


def run(args: argparse.Namespace) -> int:
    """Print one line per rule."""
    pack = bundled_pack(args.pack)
    for rule in pack.rules:
        if args.format == "json":
            row = {"id": rule.full_id, "domain": rule.domain, "enabled": rule.enabled}
            row["note"] = rule.note
            print(json.dumps(row, ensure_ascii=False))
            continue
        off = "" if rule.enabled else " (off by default)"
        print(f"{rule.full_id}{off}  {rule.note or '-'}")
    return 0
