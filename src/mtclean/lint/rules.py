"""The notes and examples of the lint checks, from ``data/lint-rules.toml``.

>>> [r.id for r in lint_rules()][:2]
['lint/stray-capital', 'lint/stray-pronoun']
>>> lint_rules()[2].examples[0].flags
('chamber chamber',)
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

__all__ = ["LintExample", "LintRule", "lint_rules"]


@dataclass(frozen=True)
class LintExample:
    """A text and the exact text of each finding its rule reports in it, in order
    (none: a negative example)."""

    input: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class LintRule:
    """A lint check's rule id, its note and its examples."""

    id: str
    note: str
    examples: tuple[LintExample, ...]


@functools.cache
def lint_rules() -> tuple[LintRule, ...]:
    """Every lint rule's note and examples, in the order of the file."""
    text = (resources.files("mtclean") / "data" / "lint-rules.toml").read_text("utf-8")
    return tuple(
        LintRule(
            id=r["id"],
            note=" ".join(r["note"].split()),
            examples=tuple(LintExample(e["input"], tuple(e["flags"])) for e in r["examples"]),
        )
        for r in tomllib.loads(text)["rules"]
    )
