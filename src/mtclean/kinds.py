"""The kinds of rule pack mtclean knows, each with its fields and normalizer.

Each kind's :class:`~mtclean.rules.KindSpec` lives beside the normalizer that
consumes it; this module only collects them.
"""

from __future__ import annotations

from .boilerplate import KIND as BOILERPLATE
from .names import KIND as NAMES
from .rules import KindSpec
from .terms import KIND as TERMS

__all__ = ["KINDS"]

KINDS: dict[str, KindSpec] = {k.name: k for k in (TERMS, BOILERPLATE, NAMES)}
