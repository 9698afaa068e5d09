"""Word lists of the repair stage, read once from ``mtclean/data/*.txt``.

Each file holds one entry per line; ``#`` starts a comment line.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["abbreviations", "elisions", "file_extensions", "tlds", "word_list"]


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``mtclean/data/<name>.txt`` (stripped, comments and blanks dropped).

    >>> "mr" in word_list("abbreviations-en")
    True
    """
    text = (resources.files("mtclean") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def abbreviations() -> frozenset[str]:
    """English abbreviations written with a final period (lower case, period dropped)."""
    return word_list("abbreviations-en")


def tlds() -> frozenset[str]:
    """Top-level domains: ``word.<tld>`` is a domain-like name."""
    return word_list("tlds")


def file_extensions() -> frozenset[str]:
    """File-name extensions: ``name.<ext>`` is a file name."""
    return word_list("file-extensions")


def elisions() -> frozenset[str]:
    """Words written with a leading apostrophe (``’tis``, ``’em``)."""
    return word_list("elisions-en")
