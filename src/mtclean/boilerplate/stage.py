"""The boilerplate stage: bundled packs plus the user's boilerplate packs."""

from __future__ import annotations

import functools

from ..core import Normalizer
from ..kinds import available_packs, load_rules
from ..options import Options
from ..rulepacks.model import RulePack
from .remover import MAX_SHARE, REPEATED_PARAGRAPH, REPEATED_TITLE, BoilerplateRemover

__all__ = ["build_steps", "bundled_packs"]


def bundled_packs() -> tuple[RulePack, ...]:
    """The boilerplate packs bundled with mtclean (English and source-language clutter)."""
    return tuple(load_rules(n) for n in available_packs() if n.startswith("boilerplate-"))


@functools.lru_cache(maxsize=32)
def _cached(
    packs: tuple[RulePack, ...], disabled: frozenset[str], max_share: float, paragraphs: str
) -> BoilerplateRemover:
    return BoilerplateRemover(
        packs,
        disabled,
        max_share=1.0 if MAX_SHARE in disabled else max_share,
        titles=REPEATED_TITLE not in disabled,
        paragraphs="off" if REPEATED_PARAGRAPH in disabled else paragraphs,
    )


def build_steps(options: Options) -> list[Normalizer]:
    """The boilerplate stage: bundled packs plus the user's boilerplate packs."""
    packs = tuple(
        p
        for p in (*bundled_packs(), *options.packs_of("boilerplate"))
        if p.enabled or p.name in options.enable
    )
    return [
        _cached(packs, options.disable, options.boilerplate_max_share, options.repeated_paragraphs)
    ]
