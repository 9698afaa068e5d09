"""Name-like tokens and how close two spellings of a surname are.

Scores compare *folded* spellings: lower case, no diacritics, and the
consonant spellings that transliterations disagree on made equal (w/v, z/s,
kh/h, sch/sh, ck/k, c/k, doubled letters). :func:`skeleton` keeps only the
consonants, with every vowel run (y and j count as vowels) reduced to one
mark, so "Koiliba" and "Kuleba" share the skeleton ``kVlVbV``.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Indel

__all__ = [
    "TOKEN_RE",
    "TOKEN_TAIL",
    "Score",
    "fold_name",
    "is_name_boundary",
    "score",
    "skeleton",
    "trie_pattern",
]

#: A capitalized name-like token: "Kuleba", "O'Brien", "Kramp-Karrenbauer" (not "'s", not "-led").
TOKEN_TAIL = r"[\p{L}\p{M}]*(?:['’]\p{Lu}[\p{L}\p{M}]*)?(?:-\p{Lu}[\p{L}\p{M}]*)*"
TOKEN_RE = regex.compile(r"\p{Lu}" + TOKEN_TAIL)

_CONSONANTS = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("kh", "h"),
    ("zh", "sh"),
    ("ph", "f"),
    ("ck", "k"),
    ("tz", "ts"),
    ("w", "v"),
    ("z", "s"),
    ("c", "k"),
    ("q", "k"),
)
_CONSONANT_RE = regex.compile("|".join(a for a, _ in _CONSONANTS))
_CONSONANT_MAP = dict(_CONSONANTS)
_DOUBLE_RE = regex.compile(r"(.)\1+")
_VOWELS_RE = regex.compile(r"[aeiouyj]+")
_OFF_RE = regex.compile(r"(?<=[oe])f$")  # Rachmaninoff, Peskoff: an old spelling of -ov


def is_name_boundary(text: str, index: int) -> bool:
    """Whether ``text[index]`` (or the text's edge) cannot continue a name token.

    >>> is_name_boundary("Kuleba's", 6), is_name_boundary("Kuleba", 3)
    (True, False)
    """
    if index < 0 or index >= len(text):
        return True
    ch = text[index]
    if ch.isalnum() or ch == "-":
        return False
    return ch.isascii() or unicodedata.category(ch) != "Mn"


@functools.lru_cache(maxsize=65536)
def fold_name(name: str) -> str:
    """``name`` lower-cased, without diacritics, transliteration spellings unified.

    >>> fold_name("Selenskyj"), fold_name("Zelensky"), fold_name("Lawrow"), fold_name("Peskoff")
    ('selenskyj', 'selensky', 'lavrov', 'peskov')
    """
    plain = name.lower()
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _CONSONANT_RE.sub(lambda m: _CONSONANT_MAP[m.group()], plain)
    return _OFF_RE.sub("v", _DOUBLE_RE.sub(r"\1", plain))


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The consonant skeleton of a folded ``name``: vowel runs become ``V``.

    >>> skeleton("Koiliba") == skeleton("Kuleba"), skeleton("Kulebyak") == skeleton("Kuleba")
    (True, False)
    """
    return _VOWELS_RE.sub("V", fold_name(name))


@dataclass(frozen=True, slots=True)
class Score:
    """How well a token matches a known spelling: similarity and shape agreement."""

    ratio: float
    same_skeleton: bool
    length_gap: int

    @property
    def value(self) -> float:
        """One number to rank candidates: the ratio, plus a bonus for a shared skeleton."""
        return self.ratio + (0.3 if self.same_skeleton else 0.0)


def score(token: str, known: str) -> Score:
    """Compare an unknown ``token`` with a ``known`` spelling.

    >>> s = score("Koiliba", "Kuleba")
    >>> round(s.ratio, 2), s.same_skeleton, s.length_gap
    (0.62, True, 1)
    """
    a, b = fold_name(token), fold_name(known)
    return Score(
        Indel.normalized_similarity(a, b), skeleton(token) == skeleton(known), abs(len(a) - len(b))
    )


def trie_pattern(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regular expression (for :mod:`re`) matching any of ``words``, as a trie.

    >>> import re
    >>> re.compile(trie_pattern({"Kuleba", "Kulik", "Putin"})).findall("Putin, Kulik")
    ['Putin', 'Kulik']
    """
    import re

    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root) or "(?!x)x"
