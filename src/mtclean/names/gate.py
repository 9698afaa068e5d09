"""The name stage's precheck: one Aho-Corasick scan over a document's UTF-8 bytes.

Most documents need nothing from the name stage, yet prose is full of
capitalized words, so looking at each of them would cost more than everything
else the stage does. A document can only need a change if it contains

* a non-canonical spelling of a surname ("Zelenskyy", "Lawrow"), or
* a word that can anchor a name (a first name, a role word, a title) followed
  by a space and a word that can start a name or a translated surname.

:class:`NameGate` finds both with one automaton over the document's bytes (a
byte-level automaton is several times faster than scanning characters),
drops hits inside longer words and anchors followed by lower-case words that
start nothing it knows, and yields the rest as character spans for the stage
to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import NamedTuple

import ahocorasick_rs

__all__ = [
    "GIVEN",
    "ROLE",
    "SPELLING",
    "TITLE",
    "TRANSLATION",
    "VARIANT_GIVEN",
    "GateHit",
    "NameGate",
]

#: A non-canonical spelling of a surname (the whole spelling, particles included).
SPELLING = 1
#: The last word of a person's given name.
GIVEN = 2
#: The last word of a person's role ("Minister" of "Foreign Minister").
ROLE = 4
#: A title that may stand before a name ("Mr", "President").
TITLE = 8
#: The last word of a non-canonical spelling of a given name ("Vladimir", "Wolodymyr").
VARIANT_GIVEN = 16
#: A surname translated as common words ("Melons"): a change only if the person is named too.
TRANSLATION = 32

# a name token never starts right after these (an apostrophe may stand before a quoted name)
_WORD_BEFORE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class GateHit(NamedTuple):
    """A span worth a closer look: ``text[start:end] == word``; ``flags`` say why."""

    flags: int
    start: int
    end: int
    word: str


class NameGate:
    """Find the few places in a document where a name change could start.

    ``spellings`` are matched as whole words. ``anchors`` (word -> flags) count
    only before a space and a word that can follow them: one of ``followers``
    (the words names and translated surnames start with) or, after first names
    and roles, a word ``candidate(anchor, word)`` accepts (a word a fuzzy fix
    could change). Hits may be false alarms (the caller checks them), but a
    place the stage could change is never missed.

    >>> gate = NameGate(["Lawrow"], {"Dmytro": GIVEN}, ["Kuleba"])
    >>> fuzzy = lambda anchor, word: word == "Koiliba"
    >>> text = "Dmytro Koiliba met Lawrow, not Dmytro Smith."
    >>> [h.word for h in gate.hits(text, candidate=fuzzy)], [h.word for h in gate.hits(text)]
    (['Dmytro', 'Lawrow'], ['Lawrow'])
    >>> list(gate.hits("Lawrowski and Dmytro said. Fine prose.", candidate=fuzzy))
    []
    """

    def __init__(
        self,
        spellings: Iterable[str],
        anchors: Mapping[str, int],
        followers: Iterable[str],
        translations: Iterable[str] = (),
    ) -> None:
        # line breaks end every name (and separate the keys below)
        spellings = [t for t in spellings if "\n" not in t]
        translations = [t for t in translations if "\n" not in t and t not in spellings]
        anchors = {w: f for w, f in anchors.items() if "\n" not in w}
        words = [*spellings, *translations, *anchors]
        flags = [SPELLING] * len(spellings) + [TRANSLATION] * len(translations)
        flags += list(anchors.values())
        joined = "\n".join([*spellings, *translations, *(w + " " for w in anchors)])
        keys = joined.encode("utf-8", "surrogatepass").split(b"\n") if words else []
        unique = dict(zip(keys, zip(flags, words, strict=True), strict=True))
        self._flags = [f for f, _ in unique.values()]
        self._words = [w for _, w in unique.values()]
        followers = [w for w in followers if w]
        joined = "\n".join(followers)
        if joined.isascii():
            self._followers = frozenset(joined.encode("ascii").split(b"\n"))
        else:
            self._followers = frozenset(w.encode("ascii") for w in followers if w.isascii())
        firsts = frozenset(ord(c) for c in {w[0] for w in followers} if c < "\x80")
        # followers that start with neither a letter nor a non-ASCII character
        self._odd_starts = firsts - _LETTERS
        # after an anchor, a lower-case word can only be one of these followers
        self._lower_starts = firsts & _LOWER
        self._keys = list(unique)
        self._automaton = _automaton(self._keys)

    def __getstate__(self) -> dict[str, object]:
        """Pickle support: the automaton is rebuilt from the keys when unpickled."""
        state = self.__dict__.copy()
        del state["_automaton"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._automaton = _automaton(self._keys)

    def hits(
        self, text: str, *, candidate: Callable[[str, str], bool] | None = None
    ) -> Iterator[GateHit]:
        """The places in ``text`` where a change could start, in order of their end."""
        if self._automaton is None:
            return
        raw = text.encode("utf-8", "surrogatepass")
        size = len(raw)
        same_offsets = size == len(text)
        flags_of = self._flags
        last_byte = last_char = 0  # byte offsets become character offsets incrementally
        for i, s, e in self._automaton.find_matches_as_indexes(raw, overlapping=True):
            if s and raw[s - 1] in _WORD_BEFORE:
                continue  # inside a word
            flags = flags_of[i]
            if flags in (SPELLING, TRANSLATION):
                if e < size and raw[e] in _LETTERS:
                    continue  # the word goes on
            elif e >= size or not self._may_follow(raw, e, i, candidate):
                continue
            word = self._words[i]
            if same_offsets:
                start = s
            elif s >= last_byte:
                start = last_char + len(raw[last_byte:s].decode("utf-8", "surrogatepass"))
                last_byte, last_char = s, start
            else:  # an overlapping match that starts earlier
                start = len(raw[:s].decode("utf-8", "surrogatepass"))
            yield GateHit(flags, start, start + len(word), word)

    def _may_follow(
        self, raw: bytes, pos: int, key: int, candidate: Callable[[str, str], bool] | None
    ) -> bool:
        """Whether the word at ``raw[pos]`` may follow the anchor ``key`` in a change."""
        byte = raw[pos]
        if byte in _LOWER and byte not in self._lower_starts:
            return False  # "Tom was": no name or translated surname starts so
        m = _ASCII_WORD.match(raw, pos)
        if m is None:
            return byte >= 0x80 or byte in self._odd_starts  # a non-ASCII letter, maybe
        end = m.end()
        if end < len(raw) and raw[end] in _WORD_GOES_ON:
            return True  # "O'Brien", "Kramp-Karrenbauer", "Šefčovič": not checked here
        word = m.group()
        if word in self._followers:
            return True
        return (
            candidate is not None
            and bool(self._flags[key] & (GIVEN | ROLE))
            and word[0] in _UPPER
            and candidate(self._words[key], word.decode("ascii"))
        )


def _automaton(keys: list[bytes]) -> ahocorasick_rs.BytesAhoCorasick | None:
    """One automaton over ``keys``: a DFA scans fastest, a contiguous NFA builds faster."""
    if not keys:
        return None
    impl = ahocorasick_rs.Implementation
    kind = impl.DFA if len(keys) <= 10_000 else impl.ContiguousNFA
    return ahocorasick_rs.BytesAhoCorasick(keys, implementation=kind)


_ASCII_WORD = re.compile(rb"[A-Za-z]+")
_UPPER = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = frozenset(b"abcdefghijklmnopqrstuvwxyz")
_WORD_GOES_ON = frozenset(b"-'") | frozenset(range(0x80, 0x100))
