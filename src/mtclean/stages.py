"""The stages of the default pipeline, in order, each built from :class:`Options`.

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

A builder returns only the steps that run for the options: a switched-off step is
left out, never kept with a flag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import lint
from .boilerplate import stage as boilerplate
from .core import Normalizer
from .names import stage as names
from .options import Options
from .repair import stage as repair
from .terms import stage as terms

__all__ = ["STAGES", "Stage"]


@dataclass(frozen=True)
class Stage:
    """A named stage: ``build(options)`` returns the steps it runs for those options."""

    name: str
    build: Callable[[Options], list[Normalizer]]


STAGES: tuple[Stage, ...] = (
    Stage("unicode", repair.unicode_steps),
    Stage("boilerplate", boilerplate.build_steps),
    Stage("terms", terms.build_steps),
    Stage("names", names.build_steps),
    Stage("punctuation", repair.punctuation_steps),
    Stage("spacing", repair.spacing_steps),
    Stage("lint", lint.build_steps),
)
