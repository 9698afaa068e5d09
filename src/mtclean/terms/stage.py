"""The terms stage: which term packs run for the given options.

>>> from mtclean.options import Options
>>> [s.pack_names for s in build_steps(Options(source_lang="nl"))]
[('terms-nl',)]
>>> build_steps(Options(source_lang="nl", disable=frozenset({"terms-nl"})))
[]
"""

from __future__ import annotations

import functools

from ..core import Normalizer
from ..errors import UnknownNormalizerError
from ..kinds import available_packs, load_rules
from ..options import Options
from ..rulepacks.model import RulePack
from .lang import LANG_NAMES
from .replacer import TermReplacer

__all__ = ["build_steps"]


@functools.lru_cache(maxsize=64)
def _cached(
    packs: tuple[RulePack, ...], disabled: frozenset[str], detect: tuple[RulePack, ...]
) -> TermReplacer:
    return TermReplacer(packs, disabled, detect)


def _bundled(name: str) -> RulePack | None:
    try:
        return load_rules(name)
    except UnknownNormalizerError:
        return None


def build_steps(options: Options) -> list[Normalizer]:
    """The term stage: the source-language pack (or all, to detect), style and user packs."""
    packs: list[RulePack] = []
    detect: list[RulePack] = []
    langs = (options.source_lang,) if options.source_lang else tuple(LANG_NAMES)
    for lang in langs:
        pack = _bundled(f"terms-{lang}")
        if pack is not None and not options.is_disabled(pack.name):
            (packs if options.source_lang else detect).append(pack)
    for name in available_packs():
        if name.startswith("style-"):
            pack = _bundled(name)
            if (
                pack is not None
                and pack.kind == "terms"
                and (pack.enabled or name in options.enable)
            ):
                packs.append(pack)
    for pack in options.packs_of("terms"):
        if pack.enabled or pack.name in options.enable:
            packs.append(pack)
    packs = [p for p in packs if not options.is_disabled(p.name)]
    if not packs and not detect:
        return []
    return [_cached(tuple(packs), frozenset(options.disable), tuple(detect))]
