"""The names kind of rule pack: its fields and checks (a person per rule)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..rulepacks.model import FieldSpec, KindSpec, RulePack
from .canonicalizer import NameCanonicalizer

__all__ = ["KIND"]


def _check_rule(fields: Mapping[str, Any]) -> tuple[str, str] | None:
    canonical = fields["canonical"].strip()
    if not canonical or not canonical[:1].isupper():
        return "canonical", "must be a capitalized name such as 'Dmytro Kuleba'"
    surname = fields.get("surname")
    if surname is not None and surname not in canonical.split(" ") and surname not in canonical:
        return "surname", f"must be part of the canonical name {canonical!r}"
    return None


def _check_pack(pack: RulePack) -> None:
    NameCanonicalizer((pack,))


def _build(pack: RulePack) -> NameCanonicalizer:
    return NameCanonicalizer((pack,))


KIND = KindSpec(
    name="names",
    fields=(
        FieldSpec("canonical", required=True),
        FieldSpec("surname"),
        FieldSpec("variants", (list,)),
        FieldSpec("misspellings", (list,)),
        FieldSpec("roles", (list,)),
        FieldSpec("translated_as", (list,)),
        FieldSpec("cyrillic", (bool,)),
        FieldSpec("message"),
    ),
    build=_build,
    check_rule=_check_rule,
    check_pack=_check_pack,
)
