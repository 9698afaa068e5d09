"""Names: person-name variants and misspellings made canonical.

(Stage skeleton: the gazetteer and the canonicalizer are filled in by the names work.)
"""

from __future__ import annotations

from typing import Any

from .rules import FieldSpec, KindSpec, RulePack

__all__ = ["KIND", "build_steps"]


def _build(pack: RulePack) -> Any:
    msg = "name gazetteers are not applied yet"
    raise NotImplementedError(msg)


KIND = KindSpec(
    name="names",
    fields=(
        FieldSpec("canonical", required=True),
        FieldSpec("variants", (list,)),
    ),
    build=_build,
)


def build_steps(options: Any) -> list[Any]:
    """The name stage of the default pipeline."""
    return []
