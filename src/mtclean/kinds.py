"""The kinds of rule pack mtclean knows, and the loader bound to them.

Each kind's :class:`~mtclean.rulepacks.model.KindSpec` lives beside the normalizer
that consumes it; this module collects them and hands them to the loader, so
``load_rules`` here accepts every kind (``mtclean.load_rules`` is this function).
"""

from __future__ import annotations

from pathlib import Path

from .boilerplate.remover import KIND as BOILERPLATE
from .names.kind import KIND as NAMES
from .rulepacks import loader
from .rulepacks.loader import available_packs
from .rulepacks.model import KindSpec, RulePack
from .terms.kind import KIND as TERMS

__all__ = ["KINDS", "available_packs", "load_rules", "parse_rules"]

KINDS: tuple[KindSpec, ...] = (TERMS, BOILERPLATE, NAMES)


def load_rules(name_or_path: str | Path | RulePack) -> RulePack:
    """Load, validate and compile a rule pack of any kind, once.

    ``name_or_path`` is a bundled pack's name (``"terms-nl"``), a path to a TOML
    file, or an already loaded :class:`RulePack` (returned as is). Packs are cached:
    a bundled pack by name, a file by path and modification time.

    >>> load_rules("terms-nl").kind
    'terms'
    """
    return loader.load_rules(name_or_path, kinds=KINDS)


def parse_rules(text: str, *, source: str = "<rules>") -> RulePack:
    """Parse and validate the TOML text of a rule pack of any kind."""
    return loader.parse_rules(text, kinds=KINDS, source=source)
