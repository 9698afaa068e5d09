"""The lint checks' word lists, read once from ``mtclean/data/lint-words.toml``.

>>> "had" in lint_words("doubled-word")["may-double"]
True
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

__all__ = ["lint_words"]


@functools.cache
def _table() -> Mapping[str, Mapping[str, frozenset[str]]]:
    text = (resources.files("mtclean") / "data" / "lint-words.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return MappingProxyType(
        {
            check: MappingProxyType({key: frozenset(words) for key, words in lists.items()})
            for check, lists in data.items()
        }
    )


def lint_words(check: str) -> Mapping[str, frozenset[str]]:
    """The word lists of ``check`` (its table in lint-words.toml), by key."""
    return _table()[check]
