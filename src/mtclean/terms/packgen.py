"""Helpers of the pack generators (``python -m mtclean.terms.cldr``, ``.demonyms``, and
``mtclean lexicon import``): TOML strings, and a generated pack settled so it loads.

>>> toml_str('Côte d"Ivoire')
'"Côte d\\\\"Ivoire"'
"""

from __future__ import annotations

import json
from collections.abc import Iterable

__all__ = ["settle", "toml_str"]


def toml_str(value: str | list[str]) -> str:
    """``value`` as a TOML basic string (or array of them): JSON's escapes are TOML's."""
    return json.dumps(value, ensure_ascii=False)


def settle(head: str, rules: Iterable[str], lang: str) -> tuple[str, list[str]]:
    """The pack ``head`` + ``rules`` (TOML texts, one ``[[rules]]`` each) as it can ship,
    and why rules were dropped: a rule whose own examples fail, then, until the whole
    pack loads, the rule the loader names (a replacement another rule matches again)."""
    from ..errors import RulePackError
    from ..kinds import KINDS, parse_rules
    from ..rulepacks.examples import check_examples

    kept: list[str] = []
    skipped: list[str] = []
    for toml in rules:
        try:
            one = parse_rules(head + "\n" + toml, bundled=True)
        except RulePackError as exc:
            skipped.append(f"{lang} rule dropped: {exc}")
            continue
        if all(o.passed for o in check_examples(one, kinds=KINDS)):
            kept.append(toml)
        else:
            skipped.append(f"{lang} rule dropped, its example fails: {toml.splitlines()[1]}")
    while True:
        text = head + "\n" + "\n".join(kept)
        try:
            parse_rules(text, bundled=True)
            return text, skipped
        except RulePackError as exc:
            bad = f"id = {toml_str(exc.rule_id or '')}"
            rest = [r for r in kept if bad not in r.splitlines()]
            if len(rest) == len(kept):
                raise
            skipped.append(f"{lang} rule dropped: {exc}")
            kept = rest
