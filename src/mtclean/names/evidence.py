"""Evidence helpers of the names stage: initials, sentence position, determiners, acceptance."""

from __future__ import annotations

import bisect
import functools
from typing import Any

import regex

from .gazetteer import Gazetteer
from .match import TOKEN_RE, TOKEN_TAIL, Score, fold_name, is_name_boundary, skeleton
from .words import PARTICLES, TITLES

__all__ = [
    "ADJECTIVE_ENDINGS",
    "accept",
    "after_determiner",
    "anchor_ok",
    "initial",
    "initials_re",
    "next_token",
    "overlaps",
    "prev_word",
    "sentence_start",
]


def initial(name: str) -> str:
    """The first letter of the folded ``name``, ``V`` for a vowel (as in :func:`skeleton`)."""
    return skeleton(name)[:1]


_SAME_SOUND = {"Z": "ZS", "S": "SZ", "C": "CK", "K": "KC", "V": "VW", "W": "WV"}


@functools.lru_cache(maxsize=256)
def initials_re(initials: frozenset[str]) -> Any:
    """Name tokens whose first letter may spell one of ``initials`` (Z/S, C/K, V/W alike)."""
    letters = "".join(sorted({c for i in initials for c in _SAME_SOUND.get(i, i)}))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}'’-])[{regex.escape(letters)}]" + TOKEN_TAIL)


_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "our", "their"]
)
ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ians", "eans")


def sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a sentence (or the text, or a line)."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i < 0 or text[i] in '.!?\n“"'


def after_determiner(text: str, start: int) -> bool:
    """Whether the word before ``text[start]`` is an article or possessive ("the Martian")."""
    head = text[max(0, start - 8) : start].rstrip(" ")
    if len(head) == start - max(0, start - 8):
        return False  # no space before the token
    word = head.rsplit(" ", 1)[-1].lower()
    return word in _DETERMINERS


def overlaps(starts: list[int], reach: list[int], s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps a span, given the spans' sorted starts and the running
    maximum of their ends (a binary search, so long texts stay linear)."""
    i = bisect.bisect_left(starts, e)
    return i > 0 and reach[i - 1] > s


def accept(sc: Score, evidence: str, token: str, surname: str) -> bool:
    """Whether a fuzzy score is strong enough for the evidence behind it."""
    if evidence == "document":
        return bool(
            sc.same_skeleton
            and sc.ratio >= 0.7
            and sc.length_gap <= 2
            and fold_name(token)[:1] == fold_name(surname)[:1]
        )
    if sc.same_skeleton:
        return sc.length_gap <= 2 and sc.ratio >= 0.5
    if fold_name(token)[:1] != fold_name(surname)[:1]:
        return False
    if sc.length_gap == 0:  # letters swapped or replaced
        return sc.ratio >= 0.85
    # one letter more or less: only in long names ("Rutter" is not "Rutte")
    return sc.length_gap == 1 and sc.ratio >= 0.9 and len(fold_name(surname)) >= 8


def prev_word(text: str, pos: int) -> str | None:
    """The capitalized word right before ``text[pos]`` (one space between), if any."""
    if pos < 2 or text[pos - 1] != " ":
        return None
    start = pos - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start : pos - 1]
    m = TOKEN_RE.fullmatch(word)
    return m.group() if m else None


def anchor_ok(word: str | None, common: frozenset[str], gaz: Gazetteer) -> bool:
    """Whether ``word`` before a surname leaves it free to be the gazetteer person."""
    if word is None or word in TITLES or word in gaz.role_index:
        return True
    return word.lower() in common or word.lower() in PARTICLES


def next_token(text: str, e: int) -> tuple[int, int, str] | None:
    """The name token right after ``text[e]`` (one space between), if any.

    >>> next_token("Dmytro Kuleba's visit", 6)
    (7, 13, 'Kuleba')
    """
    if e >= len(text) or text[e] != " ":
        return None
    tm = TOKEN_RE.match(text, e + 1)
    if tm is None or not is_name_boundary(text, tm.end()):
        return None
    return tm.start(), tm.end(), tm.group()
