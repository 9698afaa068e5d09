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
from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

import ahocorasick
import ahocorasick_rs

__all__ = ["LiteralIndex", "Prefilter", "fold", "is_word_char", "word_bounded"]

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


#: ASCII bytes that are not word characters become spaces; "?" stands for any
#: non-ASCII word character (see :func:`boundary_map`).
_BYTE_TABLE = bytes(
    b if chr(b).isalnum() or b == ord("?") else ord(" ") for b in range(128)
) + bytes(range(128, 256))

#: Frequent non-ASCII punctuation, replaced by plain calls before the slower regex.
_COMMON_PUNCT = "’‘“”„«»–—…\xa0\u2009\u202f‐‑·•"


def boundary_map(folded: str) -> str:
    """An ASCII copy of ``folded``, same length: non-word characters are spaces.

    ASCII letters and digits stay, every other word character becomes "?", so a
    key padded with spaces can only match a whole word.

    >>> boundary_map("navo's über-top? ok")
    'navo s ?ber top  ok'
    """
    if folded.isascii():
        return folded.replace("?", " ").encode("ascii").translate(_BYTE_TABLE).decode("ascii")
    text = folded.replace("?", " ")
    for c in _COMMON_PUNCT:
        if c in text:
            text = text.replace(c, " ")
    if not text.isascii():
        for c in set(text):
            if c > "\x7f" and not is_word_char(c):
                text = text.replace(c, " ")
    return text.encode("ascii", "replace").translate(_BYTE_TABLE).decode("ascii")


def _key(folded: str, *, whole_word: bool, word_start: bool) -> tuple[str, int, int]:
    mapped = boundary_map(folded)
    left = int((whole_word or word_start) and is_word_char(folded[0]))
    right = int(whole_word and is_word_char(folded[-1]))
    return " " * left + mapped + " " * right, left, right


class LiteralIndex(Generic[T]):
    """Map keys to payloads and find every occurrence in one pass.

    Keys and texts are folded (:func:`fold`) and boundary-mapped
    (:func:`boundary_map`); a whole-word key is padded with spaces on its word
    edges, so the automaton reports only occurrences at word boundaries and a
    short term does not fire inside every longer word. Hits are candidates: the
    caller verifies them against the folded text.

    >>> index: LiteralIndex[str] = LiteralIndex()
    >>> index.add("Navo", "nato")
    >>> index.add("Navo-top", "summit")
    >>> index.build()
    >>> list(index.scan(fold("de Navo-top, Navona")))
    [(3, 7, ['nato']), (3, 11, ['summit'])]
    >>> list(index.scan("nothing here"))
    []
    """

    def __init__(self) -> None:
        self._payloads: dict[str, tuple[int, dict[tuple[int, int], list[T]]]] = {}
        self._automaton: Any = None

    def __len__(self) -> int:
        return len(self._payloads)

    def add(
        self, key: str, payload: T, *, whole_word: bool = True, word_start: bool = False
    ) -> None:
        """Register ``payload`` under ``key``; keys may repeat.

        ``whole_word``: the key matches only as a whole word; ``word_start``: only at
        the start of a word (a prefix, as for regex triggers).
        """
        self.add_many([(key, payload, whole_word)], word_start=word_start)

    def add_many(self, items: Iterable[tuple[str, T, bool]], *, word_start: bool = False) -> None:
        """Register many ``(key, payload, whole_word)`` items at once (one call, fast)."""
        payloads = self._payloads
        for key, payload, whole_word in items:
            if not key:
                continue
            if key.isascii() and key.isalpha():
                # The common case, kept cheap so 100,000 terms load fast.
                left = 1 if whole_word or word_start else 0
                right = 1 if whole_word else 0
                mapped = " " * left + key.lower() + " " * right
            else:
                mapped, left, right = _key(fold(key), whole_word=whole_word, word_start=word_start)
            entry = payloads.get(mapped)
            if entry is None:
                payloads[mapped] = (len(mapped), {(left, right): [payload]})
            else:
                entry[1].setdefault((left, right), []).append(payload)

    def build(self) -> None:
        """Compile the automaton; call once after the last :meth:`add`."""
        if not self._payloads:
            self._automaton = None
            return
        automaton = ahocorasick.Automaton()
        for key, entry in self._payloads.items():
            automaton.add_word(key, entry)
        automaton.make_automaton()
        self._automaton = automaton

    def scan(self, folded: str) -> Iterator[tuple[int, int, list[T]]]:
        """Yield ``(start, end, payloads)`` for every key occurring in ``folded``.

        Offsets are offsets of ``folded`` (so of the original text).
        """
        if self._automaton is None:
            return
        padded = " " + boundary_map(folded) + " "
        size = len(folded)
        for last, (length, groups) in self._automaton.iter(padded):
            # One key can stand for a whole word and for a word start ("kabinet-"
            # and "kabinet" both map to " kabinet "): offsets differ per group.
            for (left, right), payloads in groups.items():
                # A key ending in a non-word character can end on the padding.
                yield last - length + left, min(last - right, size), payloads


#: Byte tables of the prefilter: ASCII letters and digits stay (lower-cased in the
#: folding table), every other byte, including each byte of a non-ASCII character,
#: becomes a space. Keys are mapped the same way, so a key occurs in the mapped
#: text wherever its term occurs in the text, whatever characters surround it.
_GATE_FOLD = bytes(
    b + 32 if 65 <= b <= 90 else b if 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256)
)
_GATE_KEEP = bytes(b if b < 128 and chr(b).isalnum() else 32 for b in range(256))
#: Non-ASCII characters whose lower case is an ASCII letter (the Kelvin sign): a text
#: holding one may match a folded key that the byte tables cannot see.
_FOLDS_TO_ASCII = "\u212a"


def _gate_key(term: str, table: bytes, *, whole_word: bool, word_start: bool) -> bytes:
    body = term.encode("utf-8", "surrogatepass").translate(table)
    left = b" " if (whole_word or word_start) and is_word_char(term[0]) else b""
    right = b" " if whole_word and is_word_char(term[-1]) else b""
    return left + body + right


class Prefilter:
    """A one-scan test of whether any key can occur in a text (no false negatives).

    Every key is folded and mapped to ASCII bytes (see ``_gate_key``) and all of
    them go into one Rust Aho-Corasick automaton; the text is encoded and mapped by
    one ``bytes.translate``, so a text without any key costs about one C-level
    pass. A hit of a key registered as ``sensitive`` counts only if the text there
    has the key's case. A hit is only a maybe: the exact matcher decides.

    >>> gate = Prefilter()
    >>> gate.add("Navo")
    >>> gate.add("The World", sensitive=True)
    >>> gate.build()
    >>> gate.may_match("A NAVO-top"), gate.may_match("Navona"), gate.may_match("the world")
    (True, False, False)
    >>> gate.may_match("in The World and")
    True
    """

    #: Above this many keys there is no prefilter (every text takes the exact path):
    #: Rust automata of 100,000 keys build in about a second and scan slower than
    #: the exact matcher, whose cost stays flat.
    MAX_KEYS = 20_000

    def __init__(self) -> None:
        self._keys: dict[bytes, set[bytes] | None] = {}
        self._automaton: Any = None
        self._verify: list[frozenset[bytes] | None] = []
        self.always = False

    def add(
        self,
        term: str,
        *,
        sensitive: bool = False,
        whole_word: bool = True,
        word_start: bool = False,
    ) -> None:
        """Register ``term``; ``sensitive``: it only matches as written."""
        if not term or self.always:
            return
        if len(self._keys) >= self.MAX_KEYS:
            self.always = True
            self._keys = {}
            return
        key = _gate_key(term, _GATE_FOLD, whole_word=whole_word, word_start=word_start)
        if not key.strip():
            # Only non-ASCII characters: nothing to look for cheaply.
            self.always = True
        known = self._keys.get(key, set())
        if not sensitive or known is None:
            self._keys[key] = None
        else:
            known.add(_gate_key(term, _GATE_KEEP, whole_word=whole_word, word_start=word_start))
            self._keys[key] = known

    def build(self) -> None:
        """Compile the automaton; call once after the last :meth:`add`."""
        keys = list(self._keys)
        if len(keys) > self.MAX_KEYS:
            self._keys = {}
            self.always = True
            return
        self._verify = [None if v is None else frozenset(v) for v in self._keys.values()]
        self._keys = {}
        if not keys:
            self._automaton = None
            return
        impl = ahocorasick_rs.Implementation.DFA
        self._automaton = ahocorasick_rs.BytesAhoCorasick(keys, implementation=impl)

    def may_match(self, text: str) -> bool:
        """Whether a registered term may occur in ``text`` (``False``: it surely does not)."""
        if self.always:
            return True
        if self._automaton is None:
            return False
        if _FOLDS_TO_ASCII in text:
            return True
        raw = b" " + text.encode("utf-8", "surrogatepass") + b" "
        verify = self._verify
        for i, start, end in self._automaton.find_matches_as_indexes(
            raw.translate(_GATE_FOLD), overlapping=True
        ):
            forms = verify[i]
            if forms is None or raw[start:end].translate(_GATE_KEEP) in forms:
                return True
        return False
