"""The lint stage's step: every check that is on, run over a text; findings only.

>>> from mtclean.lint import DoubledWords, StackedVerbs
>>> step = Lint((DoubledWords(), StackedVerbs()))
>>> [f.rule for f in step.findings("in the the minister has was paid")]
['lint/doubled-word', 'lint/stacked-verbs']
>>> step.edits("the the") == [] and step.fix("the the") == "the the"
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..core import Analysis, Edit, Finding

__all__ = ["Check", "Lint"]


class Check(Protocol):
    """One lint check: the rule it reports under and its findings in a text."""

    @property
    def rule_id(self) -> str:
        """The check's rule id, ``lint/<name>``."""
        ...

    def findings(self, text: str) -> list[Finding]:
        """Its findings in ``text``."""
        ...


@dataclass(frozen=True)
class Lint:
    """Run ``checks`` over a text: no edits, their findings in text order."""

    checks: tuple[Check, ...]
    name: str = "lint"

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The rules this step reports under."""
        return tuple(c.rule_id for c in self.checks)

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """No edits (these problems need a person to fix); with ``audit``, the findings."""
        return Analysis((), tuple(self.findings(text)) if audit else ())

    def edits(self, text: str) -> list[Edit]:
        """No edits: these problems need a person (or a sentence-level model) to fix."""
        return []

    def fix(self, text: str) -> str:
        """The text unchanged."""
        return text

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it: never."""
        return [False] * len(texts)

    def findings(self, text: str) -> list[Finding]:
        """Every check's findings, in text order."""
        found = [f for check in self.checks for f in check.findings(text)]
        return sorted(found, key=lambda f: (f.start, f.end, f.rule))
