"""Word lists shipped in ``mtclean/data/*.txt``, read once by one helper.

Each file holds one entry per line; ``#`` starts a comment line.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["word_list"]


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``mtclean/data/<name>.txt`` (stripped, comments and blanks dropped).

    >>> "mr" in word_list("abbreviations-en")
    True
    >>> "van" in word_list("name-particles")
    True
    """
    text = (resources.files("mtclean") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))
