"""The names stage: the bundled gazetteer plus the user's name packs."""

from __future__ import annotations

import functools
from importlib import resources
from importlib.abc import Traversable

from ..core import Normalizer
from ..options import Options
from ..rulepacks.model import RulePack
from ..rulepacks.packcache import cached_pack
from . import table
from .canonicalizer import BUNDLED, NameCanonicalizer
from .table import parse_name_table
from .unknown import UnknownNames

__all__ = ["build_steps", "bundled_gazetteer", "bundled_gazetteers"]


@functools.cache
def bundled_gazetteers() -> tuple[RulePack, ...]:
    """The bundled gazetteers: one names pack per file of ``data/names/`` (``names-world``,
    ``names-de``, ``names-sport``, ...), each switched off by its name."""
    folder = resources.files("mtclean") / "data" / "names"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name)

    def parse(f: Traversable) -> RulePack:
        return parse_name_table(f.read_text("utf-8"), name=f.name[:-4], source=f"names/{f.name}")

    # parsed once per installation (the on-disk cache of mtclean.rulepacks.packcache)
    code = (table.__file__,)
    return tuple(
        cached_pack(f"names-table-{f.name}", [f], (), functools.partial(parse, f), code)
        for f in files
    )


def bundled_gazetteer() -> RulePack:
    """The bundled gazetteer of world figures (pack ``names-world``)."""
    return next(p for p in bundled_gazetteers() if p.name == BUNDLED)


@functools.lru_cache(maxsize=32)
def _cached(packs: tuple[RulePack, ...], disabled: frozenset[str], style: str) -> NameCanonicalizer:
    return NameCanonicalizer(packs, disabled, style)


def build_steps(options: Options) -> list[Normalizer]:
    """The name stage of the default pipeline: the bundled gazetteers plus user packs."""
    user = tuple(p for p in options.packs_of("names") if p.enabled or p.name in options.enable)
    packs = (*bundled_gazetteers(), *user)
    names = _cached(packs, options.disable, options.name_style)
    return [names, _unknown(names)]


@functools.lru_cache(maxsize=32)
def _unknown(names: NameCanonicalizer) -> UnknownNames:
    return UnknownNames(gazetteer=functools.partial(getattr, names, "gazetteer"))
