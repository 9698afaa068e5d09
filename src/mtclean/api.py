"""The default pipeline and the top-level ``clean`` functions.

The default pipeline runs these stages in order (each can be switched off by
name with ``disable=``):

1. ``unicode``: mojibake, HTML entities, control characters (before anything
   reads words);
2. ``boilerplate``: scraped clutter lines (before terms, so clutter is not
   "fixed" and then removed);
3. ``terms``: source-language leftovers and calques;
4. ``names``: person-name variants;
5. ``punctuation``: doubled and misplaced punctuation (after the stages that can
   leave it behind);
6. ``spacing``: runs of spaces and blank lines (last, after lines were removed);
7. ``lint``: findings only.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

from .core import Normalizer, check_text
from .errors import UnknownNormalizerError
from .options import Options
from .pipeline import Pipeline
from .result import Result
from .rules import did_you_mean

__all__ = ["STAGES", "clean", "clean_and_explain", "default_pipeline", "known_names"]

#: Stage name -> "module:function" building that stage's steps from Options.
STAGES: dict[str, str] = {
    "unicode": "mtclean.repair:unicode_steps",
    "boilerplate": "mtclean.boilerplate:build_steps",
    "terms": "mtclean.terms:build_steps",
    "names": "mtclean.names:build_steps",
    "punctuation": "mtclean.repair:punctuation_steps",
    "spacing": "mtclean.repair:spacing_steps",
    "lint": "mtclean.lint:build_steps",
}


def _builder(target: str) -> Callable[[Options], list[Normalizer]]:
    module, func = target.split(":")
    builder: Callable[[Options], list[Normalizer]] = getattr(importlib.import_module(module), func)
    return builder


def known_names(pipeline: Pipeline) -> set[str]:
    """Every name ``disable=`` accepts for ``pipeline``: stages, steps, packs, rules."""
    names = set(STAGES)
    for step in pipeline.steps:
        names.add(step.name)
        names.update(getattr(step, "rule_ids", ()))
        names.update(getattr(step, "pack_names", ()))
        names.update(p.name for p in getattr(step, "packs", ()))
    return names


@functools.lru_cache(maxsize=32)
def _pipeline_for(options: Options) -> Pipeline:
    steps: list[Normalizer] = []
    built: list[Normalizer] = []  # before dropping disabled steps, whose names are known too
    for stage, target in STAGES.items():
        if options.is_disabled(stage):
            continue
        stage_steps = _builder(target)(options)
        built.extend(stage_steps)
        steps.extend(s for s in stage_steps if not options.is_disabled(s.name))
    pipeline = Pipeline(tuple(steps))
    unknown = options.disable and (
        options.disable - known_names(Pipeline(tuple(built))) - _all_rule_ids(options)
    )
    if unknown:  # names of steps and rules of a disabled stage are valid names too
        for stage, target in STAGES.items():
            if options.is_disabled(stage):
                built.extend(_builder(target)(options))
        unknown = options.disable - known_names(Pipeline(tuple(built))) - _all_rule_ids(options)
    if unknown:
        name = sorted(unknown)[0]
        hint = did_you_mean(name, known_names(pipeline))
        msg = f"cannot disable {name!r}: no stage, step, pack or rule has that name"
        raise UnknownNormalizerError(msg + (f" ({hint})" if hint else ""))
    return pipeline


def _all_rule_ids(options: Options) -> set[str]:
    """Every pack and rule name a stage may use, bundled or given, for checking ``disable``."""
    from .rules import available_packs, load_rules

    ids: set[str] = set()
    for pack in (*(load_rules(n) for n in available_packs()), *options.rules):
        ids.add(pack.name)
        ids.update(r.full_id for r in pack.rules)
    return ids


_DEFAULT_OPTIONS = Options()


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


def clean(text: str, *, pipeline: Pipeline | None = None, **options: Any) -> str:
    """Clean ``text`` and return the cleaned text (the fast path: no audit is built).

    Args:
        text: the text, a ``str`` (decode bytes first).
        pipeline: a pipeline to run instead of the default one.
        **options: options of the default pipeline (see :class:`mtclean.Options`):
            ``source_lang``, ``rules``, ``disable``, ``enable``, ``quotes``, ...

    Raises:
        TypeError: ``text`` is not a ``str``, or an option is unknown.

    >>> clean("Plain, clean prose stays as it is.")
    'Plain, clean prose stays as it is.'
    """
    text = check_text(text)
    return _resolve(pipeline, options)(text)


def clean_and_explain(text: str, *, pipeline: Pipeline | None = None, **options: Any) -> Result:
    """Clean ``text`` and return a :class:`~mtclean.result.Result` with every change.

    Each change carries its rule id, the text before and after, and its span in the
    original text; findings (problems reported but not changed) come with it.
    """
    text = check_text(text)
    return _resolve(pipeline, options).explain(text)
