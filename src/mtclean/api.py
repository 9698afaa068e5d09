"""The default pipeline and the top-level ``clean`` functions.

The stages and their order are in :mod:`mtclean.stages`. ``disable=`` and
``enable=`` are interpreted here, in one place: each stage's builder leaves out
what is switched off, and a name no stage, step, pack or rule has is an error with
a "did you mean" hint.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

from .core import Normalizer, check_text
from .errors import UnknownNormalizerError
from .kinds import available_packs, load_rules
from .options import Options, with_options_signature
from .pipeline import Pipeline
from .result import Result
from .rulepacks.model import RulePack, did_you_mean
from .stages import STAGES

__all__ = ["PASSES", "clean", "clean_and_explain", "default_pipeline", "known_names"]

#: How many times the default pipeline may run over its own output before it stops:
#: a pass that changes nothing ends the loop, so clean text is read once.
PASSES = 4


def known_names(steps: tuple[Normalizer, ...]) -> set[str]:
    """Every name ``disable=`` accepts for ``steps``: stages, steps, packs, rules."""
    names = {stage.name for stage in STAGES}
    for step in steps:
        names.add(step.name)
        names.update(getattr(step, "rule_ids", ()))
        names.update(getattr(step, "pack_names", ()))
        names.update(p.name for p in getattr(step, "packs", ()))
    return names


@functools.lru_cache(maxsize=32)
def _pipeline_for(options: Options) -> Pipeline:
    _check_names(options)
    options = _expand_domains(options)
    steps: list[Normalizer] = []
    for stage in STAGES:
        if not options.is_disabled(stage.name):
            steps.extend(s for s in stage.build(options) if not options.is_disabled(s.name))
    return Pipeline(tuple(steps), passes=PASSES)


def _expand_domains(options: Options) -> Options:
    """``disable`` with each ``pack/domain`` name replaced by that domain's rule ids."""
    if not options.disable:
        return options
    extra = {
        r.full_id
        for p in _all_packs(options)
        for r in p.rules
        if r.domain and f"{p.name}/{r.domain}" in options.disable
    }
    return replace(options, disable=options.disable | extra) if extra else options


def _check_names(options: Options) -> None:
    """Raise :class:`UnknownNormalizerError` for a name in ``disable``/``enable`` that
    nothing has."""
    if not options.enable and not options.disable:
        return
    packs = _all_packs(options)
    if options.enable:
        switchable = {p.name for p in packs}
        for name in sorted(options.enable - switchable):
            hint = did_you_mean(name, switchable)
            msg = f"cannot enable {name!r}: no bundled or given rule pack has that name"
            raise UnknownNormalizerError(msg + (f" ({hint})" if hint else ""))
    if not options.disable:
        return
    ids = {p.name for p in packs} | {r.full_id for p in packs for r in p.rules}
    ids |= {f"{p.name}/{d}" for p in packs for d in p.domains}
    unknown = options.disable - ids
    if not unknown:
        return
    # Every step on (a quote style switches the optional quote step on), so that the
    # names of steps the options leave out are known too.
    everything = replace(options, disable=frozenset(), enable=frozenset(ids), quotes="dominant")
    known = known_names(tuple(s for stage in STAGES for s in stage.build(everything))) | ids
    for name in sorted(unknown - known):
        hint = did_you_mean(name, known)
        msg = f"cannot disable {name!r}: no stage, step, pack or rule has that name"
        raise UnknownNormalizerError(msg + (f" ({hint})" if hint else ""))


def _all_packs(options: Options) -> list[RulePack]:
    """Every pack a stage may use, bundled or given."""
    return [*(load_rules(n) for n in available_packs()), *options.rules]


_DEFAULT_OPTIONS = Options()


@with_options_signature
def default_pipeline(**options: Any) -> Pipeline:
    """The default pipeline for ``options`` (built once per distinct options, then cached)."""
    return _pipeline_for(Options.from_kwargs(**options) if options else _DEFAULT_OPTIONS)


def _resolve(pipeline: Pipeline | None, options: dict[str, Any]) -> Pipeline:
    if pipeline is not None:
        if options:
            msg = "give either pipeline= or options for the default pipeline, not both"
            raise TypeError(msg)
        return pipeline
    return default_pipeline(**options)


@with_options_signature
def clean(text: str, *, pipeline: Pipeline | None = None, **options: Any) -> str:
    """Clean ``text`` and return the cleaned text (the fast path: no audit is built).

    Args:
        text: the text, a ``str`` (decode bytes first).
        pipeline: a pipeline to run instead of the default one.
        **options: options of the default pipeline (see :class:`mtclean.Options`):
            ``source_lang``, ``rules``, ``disable``, ``enable``, ``quotes``,
            ``boilerplate_max_share``, ``repeated_paragraphs``, ``name_style``.

    Raises:
        TypeError: ``text`` is not a ``str``.
        OptionsError: an option is unknown or its value has the wrong type or range.

    >>> clean("Plain, clean prose stays as it is.")
    'Plain, clean prose stays as it is.'
    """
    text = check_text(text)
    return _resolve(pipeline, options)(text)


@with_options_signature
def clean_and_explain(text: str, *, pipeline: Pipeline | None = None, **options: Any) -> Result:
    """Clean ``text`` and return a :class:`~mtclean.result.Result` with every change.

    Each change carries its rule id, the text before and after, and its span in the
    original text; findings (problems reported but not changed) come with it.
    """
    text = check_text(text)
    return _resolve(pipeline, options).explain(text)
