"""Literal multi-term matching for term packs: one Aho-Corasick scan per text.

The automaton is built once per pack set over *folded* (lower-cased) keys; the
text is folded the same way, keeping its length, so every hit's span is a span
of the original string (no lowercase-then-index drift: a character whose lower
case is longer, such as "İ", is kept as it is).

pyahocorasick is used because its scan cost stays flat as the number of terms
grows (100,000 terms scan as fast as 1,000), while a regex alternation slows
down linearly and a trie-shaped regex takes seconds to compile.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any, Generic, TypeVar

import ahocorasick

__all__ = ["LiteralIndex", "fold", "is_word_char", "word_bounded"]

T = TypeVar("T")


def _fold_char(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid).

    >>> fold("NAVO-top")
    'navo-top'
    >>> len(fold("İstanbul")) == len("İstanbul")
    True
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(_fold_char(c) for c in text)


def is_word_char(c: str) -> bool:
    """Whether ``c`` is part of a word: a letter, digit or combining mark in any script.

    >>> is_word_char("é"), is_word_char("'"), is_word_char("-")
    (True, False, False)
    """
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def word_bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is not part of a longer word on either side.

    A side is only checked where the span's own edge is a word character (as ``\\b``
    does), so "Navo's" and "Navo-top" contain the word "Navo", "Navona" does not.

    >>> word_bounded("Navo's", 0, 4), word_bounded("Navona", 0, 4)
    (True, False)
    """
    if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
        return False
    return not (end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]))


class LiteralIndex(Generic[T]):
    """Map folded keys to payloads and find every occurrence in one pass.

    >>> index: LiteralIndex[str] = LiteralIndex()
    >>> index.add("Navo", "nato")
    >>> index.build()
    >>> list(index.scan(fold("de Navo-top")))
    [(3, 7, ['nato'])]
    >>> list(index.scan("nothing here"))
    []
    """

    def __init__(self) -> None:
        self._payloads: dict[str, list[T]] = {}
        self._automaton: Any = None

    def __len__(self) -> int:
        return len(self._payloads)

    def add(self, key: str, payload: T) -> None:
        """Register ``payload`` under ``key`` (folded here); keys may repeat."""
        folded = fold(key)
        if folded:
            self._payloads.setdefault(folded, []).append(payload)

    def build(self) -> None:
        """Compile the automaton; call once after the last :meth:`add`."""
        if not self._payloads:
            self._automaton = None
            return
        automaton = ahocorasick.Automaton()
        for key, payloads in self._payloads.items():
            automaton.add_word(key, (len(key), payloads))
        automaton.make_automaton()
        self._automaton = automaton

    def scan(self, folded: str) -> Iterator[tuple[int, int, list[T]]]:
        """Yield ``(start, end, payloads)`` for every key occurring in ``folded``."""
        if self._automaton is None:
            return
        for last, (length, payloads) in self._automaton.iter(folded):
            yield last + 1 - length, last + 1, payloads
