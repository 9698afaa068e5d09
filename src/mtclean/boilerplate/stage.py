"""The boilerplate stage: bundled packs plus the user's boilerplate packs."""

from __future__ import annotations

import functools

from ..core import Normalizer
from ..kinds import available_packs, load_rules
from ..options import Options
from ..rulepacks.model import RulePack
from .remover import MAX_SHARE, BoilerplateRemover
from .repeated import (
    REPEATED_PARAGRAPH,
    REPEATED_TITLE,
    RepeatedParagraphStep,
    RepeatedTitleRemover,
)

__all__ = ["build_steps", "bundled_packs"]


def bundled_packs() -> tuple[RulePack, ...]:
    """The boilerplate packs bundled with mtclean (English and source-language clutter)."""
    return tuple(load_rules(n) for n in available_packs() if n.startswith("boilerplate-"))


@functools.lru_cache(maxsize=32)
def _cached(
    packs: tuple[RulePack, ...], disabled: frozenset[str], max_share: float
) -> BoilerplateRemover:
    return BoilerplateRemover(
        packs, disabled, max_share=1.0 if MAX_SHARE in disabled else max_share
    )


def build_steps(options: Options) -> list[Normalizer]:
    """The boilerplate stage: the rule step (bundled packs plus the user's boilerplate
    packs), then the repeated-title and repeated-paragraph steps unless disabled."""
    packs = tuple(
        p
        for p in (*bundled_packs(), *options.packs_of("boilerplate"))
        if p.enabled or p.name in options.enable
    )
    steps: list[Normalizer] = [_cached(packs, options.disable, options.boilerplate_max_share)]
    if REPEATED_TITLE not in options.disable:
        steps.append(RepeatedTitleRemover())
    if REPEATED_PARAGRAPH not in options.disable:
        steps.append(RepeatedParagraphStep(options.repeated_paragraphs))
    return steps
