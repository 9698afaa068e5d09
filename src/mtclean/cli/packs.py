"""List the rule packs bundled with mtclean: name, kind, rule count, language, domains.

Packs that are off by default (style packs) say so; switch one on with
``--enable NAME``. ``mtclean rules NAME`` lists a pack's rules.
"""

from __future__ import annotations

import argparse
import json

from ..kinds import available_packs, load_rules
from ..names.stage import bundled_gazetteers
from ..rulepacks.model import RulePack

__all__ = ["bundled_pack", "every_bundled_pack"]

NAME = "packs"
HELP = "list the bundled rule packs (name, kind, rules, language, domains)"
ORDER = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean packs``."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="a table or JSON lines"
    )


def every_bundled_pack() -> list[RulePack]:
    """Every bundled pack: the rule packs and the name gazetteers, by name."""
    packs = [load_rules(name) for name in available_packs()]
    return sorted([*packs, *bundled_gazetteers()], key=lambda p: p.name)


def bundled_pack(name: str) -> RulePack:
    """The bundled pack or gazetteer called ``name``, or a pack file at that path."""
    for pack in bundled_gazetteers():
        if pack.name == name:
            return pack
    return load_rules(name)


def run(args: argparse.Namespace) -> int:
    """Print one line per bundled pack."""
    rows: list[dict[str, object]] = []
    for pack in every_bundled_pack():
        rows.append(
            {
                "name": pack.name,
                "kind": pack.kind,
                "rules": len(pack.rules),
                "lang": pack.lang or "-",
                "default": "on" if pack.enabled else "off",
                "domains": ", ".join(pack.domains) or "-",
            }
        )
    if args.format == "json":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    header: dict[str, object] = {"name": "pack", "kind": "kind", "rules": "rules"}
    header |= {"lang": "lang", "default": "default", "domains": "domains"}
    width = max(len(str(r["name"])) for r in [header, *rows])
    for row in [header, *rows]:
        print(
            f"{row['name']:<{width}}  {row['kind']:<11}  {row['rules']:>5}  {row['lang']:<4}  "
            f"{row['default']:<7}  {row['domains']}"
        )
    return 0
