"""Word lists of the repair stage (see :mod:`mtclean.wordlists`)."""

from __future__ import annotations

from ..wordlists import word_list

__all__ = ["abbreviations", "elisions", "file_extensions", "tlds"]


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
