"""The terms stage: which term packs run for the given options.

>>> from mtclean.options import Options
>>> [s.pack_names for s in build_steps(Options(source_lang="nl"))]
[('terms-nl',)]
>>> build_steps(Options(source_lang="nl", disable=frozenset({"terms-nl"})))
[]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..core import NO_ANALYSIS, Analysis, EditsNormalizer, Finding, Normalizer
from ..errors import UnknownNormalizerError
from ..kinds import available_packs, load_rules
from ..languages import language_name
from ..options import Options
from ..rulepacks.model import RulePack
from .replacer import SOURCE_LANG_RULE, TermReplacer

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


def pack_languages() -> tuple[str, ...]:
    """The source languages with a bundled terms pack (``terms-<lang>``)."""
    return tuple(n.removeprefix("terms-") for n in available_packs() if n.startswith("terms-"))


@dataclass(frozen=True)
class NoTermsPack(EditsNormalizer):
    """Reports (as an ``info`` finding) that no terms pack exists for the source language.

    >>> print(NoTermsPack("tr").findings("text")[0].message)
    source language: tr (Turkish); mtclean has no terms pack for it, so only the
    language-independent stages ran
    """

    lang: str
    name: str = "terms-none"

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """No edits; with ``audit``, the one info finding."""
        if not audit:
            return NO_ANALYSIS
        msg = (
            f"source language: {self.lang} ({language_name(self.lang)}); mtclean has no terms "
            "pack for it, so only the language-independent stages ran"
        )
        return Analysis((), (Finding(0, 0, SOURCE_LANG_RULE, msg, 0.9, kind="info"),))


def build_steps(options: Options) -> list[Normalizer]:
    """The term stage: the source-language pack (or all, to detect), style and user packs."""
    packs: list[RulePack] = []
    detect: list[RulePack] = []
    lang = options.source_lang
    if lang is not None and lang not in pack_languages():
        steps: list[Normalizer] = [NoTermsPack(lang)]
        user = [p for p in options.packs_of("terms") if p.enabled or p.name in options.enable]
        user = [p for p in user if not options.is_disabled(p.name)]
        if user:
            steps.append(_cached(tuple(user), frozenset(options.disable), ()))
        return steps
    for code in (lang,) if lang else pack_languages():
        pack = _bundled(f"terms-{code}")
        if pack is not None and not options.is_disabled(pack.name):
            (packs if lang else detect).append(pack)
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
