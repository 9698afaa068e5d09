"""Findings no rule can safely fix: reported, never changed.

(Stage skeleton: the checks are filled in by the lint work.)
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_steps"]


def build_steps(options: Any) -> list[Any]:
    """The lint stage of the default pipeline: findings only."""
    return []
