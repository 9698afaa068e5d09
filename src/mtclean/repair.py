"""Character-level repair: mojibake, punctuation, spacing, quotes.

(Stage skeleton: the normalizers are filled in by the repair work.)
"""

from __future__ import annotations

from typing import Any

__all__ = ["punctuation_steps", "spacing_steps", "unicode_steps"]


def unicode_steps(options: Any) -> list[Any]:
    """Mojibake, HTML entities, control and zero-width characters."""
    return []


def punctuation_steps(options: Any) -> list[Any]:
    """Doubled punctuation, space before punctuation, glued sentences, quotes."""
    return []


def spacing_steps(options: Any) -> list[Any]:
    """Runs of spaces, trailing spaces, odd Unicode spaces, blank-line runs."""
    return []
