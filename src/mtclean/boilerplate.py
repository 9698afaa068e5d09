"""Boilerplate: scraped page clutter removed from plain text, line by line.

(Stage skeleton: the rules and the remover are filled in by the boilerplate work.)
"""

from __future__ import annotations

from typing import Any

from .rules import FieldSpec, KindSpec, RulePack

__all__ = ["KIND", "build_steps"]


def _build(pack: RulePack) -> Any:
    msg = "boilerplate packs are not applied yet"
    raise NotImplementedError(msg)


KIND = KindSpec(
    name="boilerplate",
    fields=(
        FieldSpec("pattern", (str, list), required=True, is_regex=True),
        FieldSpec("where", choices=("edge", "anywhere")),
        FieldSpec("action", choices=("remove", "flag")),
        FieldSpec("message"),
    ),
    build=_build,
)


def build_steps(options: Any) -> list[Any]:
    """The boilerplate stage of the default pipeline."""
    return []
