"""The names stage: the bundled gazetteer plus the user's name packs."""

from __future__ import annotations

import functools
from importlib import resources

from ..core import Normalizer
from ..options import Options
from ..rulepacks.model import RulePack
from .canonicalizer import BUNDLED, NameCanonicalizer
from .table import parse_name_table

__all__ = ["build_steps", "bundled_gazetteer"]


@functools.cache
def bundled_gazetteer() -> RulePack:
    """The bundled gazetteer of public figures (pack ``names-world``)."""
    resource = resources.files("mtclean") / "data" / f"{BUNDLED}.tsv"
    return parse_name_table(resource.read_text("utf-8"), name=BUNDLED, source=f"{BUNDLED}.tsv")


@functools.lru_cache(maxsize=32)
def _cached(packs: tuple[RulePack, ...], disabled: frozenset[str], style: str) -> NameCanonicalizer:
    return NameCanonicalizer(packs, disabled, style)


def build_steps(options: Options) -> list[Normalizer]:
    """The name stage of the default pipeline: the bundled gazetteer plus user packs."""
    user = tuple(p for p in options.packs_of("names") if p.enabled or p.name in options.enable)
    packs = (bundled_gazetteer(), *user)
    return [_cached(packs, options.disable, options.name_style)]
