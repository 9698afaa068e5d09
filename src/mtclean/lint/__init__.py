"""Findings no rule can safely fix: reported, never changed.

The lint stage proposes no edits. Its checks, one module each, report what
machine translation gets wrong in every language and clean English never does:

- ``lint/stray-capital`` (:mod:`.capitals`): a capitalized function word mid-sentence;
- ``lint/stray-pronoun`` (:mod:`.pronouns`): "... said Sánchez He defends ...";
- ``lint/doubled-word`` (:mod:`.doubled`): "a very hemicycle hemicycle";
- ``lint/stacked-verbs`` (:mod:`.verbs`): "each guest has was paid";
- ``lint/modal-object`` (:mod:`.modal`): "That would the dismissal of ...".

Their notes and examples (which run as tests) are in ``data/lint-rules.toml``,
their word lists in ``data/lint-words.toml``.

>>> [s.rule_ids for s in build_steps(Options(disable=frozenset({"lint/doubled-word"})))]
[('lint/stray-capital', 'lint/stray-pronoun', 'lint/stacked-verbs', 'lint/modal-object')]
"""

from __future__ import annotations

from ..core import Normalizer
from ..options import Options
from .capitals import CLAUSE_WORDS, FUNCTION_WORDS, RULE_ID, StrayCapitals
from .doubled import DoubledWords
from .modal import ModalObjects
from .pronouns import StrayPronouns
from .step import Check, Lint
from .verbs import StackedVerbs

__all__ = [
    "CHECKS",
    "CLAUSE_WORDS",
    "FUNCTION_WORDS",
    "RULE_ID",
    "Check",
    "DoubledWords",
    "Lint",
    "ModalObjects",
    "StackedVerbs",
    "StrayCapitals",
    "StrayPronouns",
    "build_steps",
]

#: Every lint check, in the order their rules are listed.
CHECKS: tuple[Check, ...] = (
    StrayCapitals(),
    StrayPronouns(),
    DoubledWords(),
    StackedVerbs(),
    ModalObjects(),
)


def build_steps(options: Options) -> list[Normalizer]:
    """The lint stage of the default pipeline: one step running the checks left on."""
    checks = tuple(c for c in CHECKS if not options.is_disabled(c.rule_id))
    return [Lint(checks)] if checks else []
