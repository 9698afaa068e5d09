"""The rule-pack model: packs, rules, examples, and the specs of rule kinds.

A leaf module: it imports nothing of mtclean but the errors, so every rule family
can describe its kind (:class:`KindSpec`) without importing the loader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from ..errors import UnknownNormalizerError

if TYPE_CHECKING:
    from ..core import Normalizer

__all__ = ["Example", "FieldSpec", "KindSpec", "Rule", "RulePack", "did_you_mean"]

PACK_KEYS = ("name", "kind", "version", "lang", "description", "enabled", "defaults", "domain")
COMMON_RULE_KEYS = ("id", "note", "examples", "enabled")
RULE_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")  # (ASCII: the faster stdlib engine)


@dataclass(frozen=True, slots=True)
class Example:
    """An input and the text a pack must turn it into (equal for a negative example)."""

    input: str
    expected: str


@dataclass(frozen=True, eq=False, slots=True)
class Rule:
    """One validated rule. ``fields`` holds its kind-specific settings, read-only."""

    id: str
    pack: str
    note: str = ""
    examples: tuple[Example, ...] = ()
    enabled: bool = True
    fields: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    domain: str = ""

    @property
    def full_id(self) -> str:
        """``pack/rule``: the id that appears in audits."""
        return f"{self.pack}/{self.id}"

    def get(self, key: str, default: Any = None) -> Any:
        """The value of a kind-specific field, or ``default``."""
        return self.fields.get(key, default)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle support (``fields`` is a read-only mapping proxy, which does not pickle)."""
        fields = dict(self.fields)
        state = (self.id, self.pack, self.note, self.examples, self.enabled, fields, self.domain)
        return (_make_rule, state)


def _make_rule(*args: Any) -> Rule:
    id_, pack, note, examples, enabled, fields, domain = args
    return Rule(id_, pack, note, examples, enabled, MappingProxyType(dict(fields)), domain)


@dataclass(frozen=True, eq=False)
class RulePack:
    """A loaded, validated rule pack. Packs compare and hash by identity."""

    name: str
    kind: str
    rules: tuple[Rule, ...] = field(repr=False)
    source: str = "<rules>"
    version: str = ""
    lang: str = ""
    description: str = ""
    enabled: bool = True
    bundled: bool = False

    @property
    def domains(self) -> tuple[str, ...]:
        """The domains the pack's rules belong to (``terms-de/politics``: ``politics``)."""
        return tuple(sorted({r.domain for r in self.rules if r.domain}))

    def rule(self, rule_id: str) -> Rule:
        """The rule called ``rule_id`` (short or ``pack/rule`` form)."""
        short = rule_id.removeprefix(f"{self.name}/")
        for r in self.rules:
            if r.id == short:
                return r
        msg = f"pack {self.name!r} has no rule {rule_id!r}"
        raise UnknownNormalizerError(msg)


@dataclass(frozen=True)
class FieldSpec:
    """How one kind-specific rule field is validated.

    ``types`` are the accepted Python types after TOML parsing; ``choices`` limits a
    string field; ``is_regex`` compiles the value (or each item of a list) with
    :mod:`regex`; ``check`` returns an error message or ``None``.
    """

    name: str
    types: tuple[type, ...] = (str,)
    required: bool = False
    choices: tuple[str, ...] = ()
    is_regex: bool = False
    check: Callable[[Any], str | None] | None = None


@dataclass(frozen=True)
class KindSpec:
    """A kind of rule pack: its fields, cross-field checks and its normalizer factory."""

    name: str
    fields: tuple[FieldSpec, ...]
    build: Callable[[RulePack], Normalizer]
    check_rule: Callable[[Mapping[str, Any]], tuple[str, str] | None] | None = None
    check_pack: Callable[[RulePack], None] | None = None
    #: Turns one parsed rule into the rules it stands for (a terms rule's calque
    #: renderings become its ``find`` terms); ``None``: every rule stands for itself.
    expand: Callable[[Rule], tuple[Rule, ...]] | None = None

    def field(self, name: str) -> FieldSpec | None:
        """The spec of field ``name``, if the kind has one."""
        for f in self.fields:
            if f.name == name:
                return f
        return None


def did_you_mean(word: str, choices: Any) -> str | None:
    """A "did you mean" hint for a misspelt ``word``, or ``None``.

    >>> did_you_mean("replce", ["find", "replace", "case"])
    "did you mean 'replace'?"
    >>> did_you_mean("zzz", ["find"]) is None
    True
    """
    best = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=60)
    return f"did you mean {best[0]!r}?" if best else None
