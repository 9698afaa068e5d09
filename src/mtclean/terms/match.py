"""Literal multi-term matching for term packs: one Aho-Corasick scan per text.

Every key (a term, a regex rule's trigger, a leftover source-language word) is
mapped to ASCII bytes the way texts are: the UTF-8 bytes go through one
``bytes.translate`` that keeps ASCII letters and digits (lower-cased), turns every
other character into one space and drops UTF-8 continuation bytes, so the result
has one byte per character and its offsets are the text's code-point offsets.
A whole-word key is padded with spaces on its word edges, so it can only occur
at word boundaries. All keys sit in one Rust Aho-Corasick automaton
(``ahocorasick-rs``, a DFA); a text without any key costs one C-level
translate and one scan, whatever the number of keys.

The automaton holds only the first :data:`PREFIX` bytes of a one-word key (of a
phrase: its first word and :data:`PREFIX` bytes more): its size, its build time
and its scan speed then grow far slower than the number of keys (100,000 terms
build in a fraction of a second and scan about as fast as 1,000), and a hit is
completed by comparing the rest of the key. A scan can be *gated*: it reports
nothing unless one of the keys marked as gate keys occurs, so the caller's fast
path and its full path share one scan.

Hits are candidates: the mapping is lossy (non-ASCII letters and punctuation
all become spaces), so callers check each hit against the original text (case,
accents, word boundaries). Spans are code-point offsets of the original string.
Keys without any ASCII letter or digit (a Greek or Cyrillic term) go into a
second, small automaton over the folded text, scanned only for non-ASCII texts.
"""

from __future__ import annotations

import collections
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from typing import Any

import ahocorasick_rs

__all__ = [
    "PREFIX",
    "Hits",
    "TermIndex",
    "ascii_key",
    "fold_term",
    "is_word_char",
    "triples",
    "word_bounded",
]

#: Bytes of a one-word key that go into the automaton (the rest is compared on a
#: hit); a phrase keeps its first word and this many bytes after it.
PREFIX = 8

#: Hits of a scan, flat: start, end and key id of each, in one array of machine
#: integers (24 bytes a hit; a text with a term every few words holds thousands).
Hits = array

_Id = tuple[int, int, int, str | None]  # key id, left pad, right pad, exact text
#: The keys an automaton pattern stands for, with their ids; whether one of the ids
#: is a gate id (see :meth:`TermIndex.build`).
_Group = tuple[tuple[tuple[bytes, tuple[_Id, ...]], ...], bool]


def _head(key: bytes) -> bytes:
    """The part of a mapped key the automaton holds.

    >>> _head(b" staatssecretaris "), _head(b" in the frame of ")
    (b' staatss', b' in the fram')
    """
    space = key.find(b" ", 1, len(key) - 1)
    return key[: PREFIX if space < 0 else space + 1 + PREFIX]


#: ASCII letters and digits stay (lower-cased), every other byte becomes a space.
_FOLD = bytes(
    b + 32 if 65 <= b <= 90 else b if 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256)
)
#: The same with the case kept (for keys matched only as written).
_CASED = bytes(b if 65 <= b <= 90 or 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256))
#: The same, but NUL stays NUL: keys are mapped in bulk, joined by NUL.
_FOLD_JOINED = b"\x00" + _FOLD[1:]
#: UTF-8 continuation bytes, dropped: every character maps to exactly one byte.
_CONTINUATION = bytes(range(0x80, 0xC0))
#: The only non-ASCII character whose lower case is an ASCII letter: the Kelvin sign.
_KELVIN = "\u212a"


def _fold_char(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


def fold_term(text: str) -> str:
    """Lower-case ``text`` character by character, keeping its length (offsets stay valid).

    A character whose lower case is longer, such as "İ", is kept as it is.

    >>> fold_term("NAVO-top")
    'navo-top'
    >>> len(fold_term("İstanbul")) == len("İstanbul")
    True
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def is_word_char(c: str) -> bool:
    """Whether ``c`` is part of a word: a letter, digit or combining mark in any script.

    >>> is_word_char("é"), is_word_char("'"), is_word_char("-")
    (True, False, False)
    """
    return c.isalnum() or unicodedata.category(c)[0] == "M"


def triples(hits: Hits[int]) -> Iterator[tuple[int, int, int]]:
    """The ``(start, end, id)`` of each hit in ``hits``.

    >>> list(triples(array("q", [3, 7, 0, 3, 11, 1])))
    [(3, 7, 0), (3, 11, 1)]
    """
    it = iter(hits)
    return zip(it, it, it, strict=True)


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


def ascii_key(text: str) -> bytes:
    """The bytes the automaton sees for ``text`` (before padding): one per character.

    >>> ascii_key("Navo-Top"), ascii_key("Oekraïne")
    (b'navo top', b'oekra ne')
    """
    return text.encode("utf-8", "surrogatepass").translate(_FOLD, _CONTINUATION)


def _odd_and_phrases(joined: bytes) -> tuple[set[int], set[int]]:
    """Numbers of the NUL-separated keys in ``joined`` that are empty or start or end
    with a space, and of those with a space inside.

    >>> _odd_and_phrases(b"navo\\x00 ber\\x00tweede kamer\\x00\\x00kabinet ")
    ({1, 3, 4}, {2})
    """
    odd: set[int] = set()
    phrases: set[int] = set()
    prev = count = 0
    pos = joined.find(b" ")
    while pos >= 0:  # spaces are rare in keys: one C-level find each
        count += joined.count(b"\x00", prev, pos)
        prev = pos
        if pos == 0 or joined[pos - 1] == 0 or pos + 1 == len(joined) or joined[pos + 1] == 0:
            odd.add(count)
        else:
            phrases.add(count)
        pos = joined.find(b" ", pos + 1)
    if not joined or joined[0] == 0:
        odd.add(0)
    if joined[-1:] == b"\x00":
        odd.add(joined.count(b"\x00"))
    pos = joined.find(b"\x00\x00")
    while pos >= 0:
        odd.add(joined.count(b"\x00", 0, pos + 1))
        pos = joined.find(b"\x00\x00", pos + 1)
    return odd, phrases


#: Above this many patterns an automaton is a contiguous NFA, not a DFA: a DFA of a
#: 100,000-rule pack costs 200 MB more for no faster a scan of short heads.
NFA_ABOVE = 20_000


def _kind(patterns: list[bytes]) -> Any:
    """The automaton implementation for ``patterns``: a DFA, or an NFA for many."""
    impl = ahocorasick_rs.Implementation
    return impl.ContiguousNFA if len(patterns) > NFA_ABOVE else impl.DFA


class TermIndex:
    """Find every occurrence of many keys in one scan.

    Each key gets an id (its registration number); :meth:`scan` reports hits as
    ``(start, end, id)``, so callers keep what a key stands for in their own lists
    instead of one object per key. ``whole_word`` keys match only where they do
    not continue a word, ``word_start`` keys only where they start one (a prefix,
    as for regex triggers); ``cased`` keys only as written. A key may repeat.

    >>> index = TermIndex()
    >>> index.add_many(["Navo", "Navo-top"])
    0
    >>> index.build()
    >>> list(triples(index.scan("de Navo-top, Navona")))
    [(3, 7, 0), (3, 11, 1)]
    >>> list(index.scan("nothing here"))
    []
    """

    def __init__(self) -> None:
        self._keys: list[bytes] = []  # per id: the mapped, padded key (b"" if none)
        self._lefts = bytearray()  # per id: 1 if the key is padded on its left
        self._rights = bytearray()
        self._exact: dict[int, str] = {}  # id -> the key as written, for cased keys
        self._opaque: dict[str, list[int]] = {}  # folded key -> ids, no ASCII letter in it
        self._phrases: list[int] = []  # ids of keys with an inner space
        self._head_id: dict[bytes, int] = {}  # automaton pattern -> an id it stands for
        self._head_ids: dict[bytes, list[int]] = {}  # pattern -> all ids, if more than one
        self._prefixes: list[bytes] = []  # the automaton's patterns
        self._groups: dict[int, _Group] = {}  # pattern number -> its keys (filled lazily)
        self._gate: bytes = b""
        self._automaton: Any = None
        self._gate_automaton: Any = None
        # Folded and cased selected keys (folded ``None``: most keys, the full automaton).
        self._selected: tuple[_Heads | None, _Heads] | None = None
        self._select = b""
        self._opaque_automaton: Any = None
        self._opaque_ids: list[list[int]] = []
        self._opaque_id_set: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self._keys)

    def add_many(
        self,
        keys: Sequence[str],
        *,
        whole_word: bool = True,
        word_start: bool = False,
        cased: bool = False,
    ) -> int:
        """Register ``keys`` with the same boundary settings; return the id of the first.

        ``keys[i]`` gets the id ``first + i`` (an empty key gets an id but never matches).
        """
        first = len(self._keys)
        if not keys:
            return first
        left = whole_word or word_start
        lpad, rpad = b" " * left, b" " * whole_word
        joined = "\x00".join(keys)
        if joined.count("\x00") == len(keys) - 1:
            # One encode, translate and split for all keys (fast for 100,000 of them);
            # the few keys that need a closer look are found by a regex over them all.
            body = joined.encode("utf-8", "surrogatepass").translate(_FOLD_JOINED, _CONTINUATION)
            padded = lpad + body.replace(b"\x00", rpad + b"\x00" + lpad) + rpad
            mapped = padded.split(b"\x00")
            odd, phrases = _odd_and_phrases(body)
        else:  # a key holds a NUL itself
            mapped = [lpad + ascii_key(k) + rpad for k in keys]
            odd = set(range(len(keys)))
            phrases = set()
        lefts, rights = bytearray([left]) * len(keys), bytearray([whole_word]) * len(keys)
        for i in odd:
            # A key starting or ending with a non-ASCII or punctuation character: its
            # padding depends on that character.
            mapped[i], lefts[i], rights[i] = self._odd_key(keys[i], first + i, whole_word, left)
            if mapped[i].find(b" ", 1, len(mapped[i]) - 1) >= 0:
                phrases.add(i)
            else:
                phrases.discard(i)
        self._phrases.extend(first + i for i in sorted(phrases))
        self._keys.extend(mapped)
        self._lefts.extend(lefts)
        self._rights.extend(rights)
        if cased:
            for i, key in enumerate(keys, first):
                self._exact[i] = key
        return first

    def _odd_key(self, key: str, id_: int, whole_word: bool, left: bool) -> tuple[bytes, int, int]:
        body = ascii_key(key)
        if not body.strip():
            if key:
                self._opaque.setdefault(fold_term(key), []).append(id_)
            return b"", 0, 0
        pad_left = int(left and is_word_char(key[0]))
        pad_right = int(whole_word and is_word_char(key[-1]))
        return b" " * pad_left + body + b" " * pad_right, pad_left, pad_right

    def build(self, gate: bytes = b"", select: bytes | None = None) -> None:
        """Compile the automata; call once after the last :meth:`add_many`.

        ``gate`` holds one byte per id: :meth:`scan` with ``gated=True`` reports
        nothing unless a key whose byte is not zero occurs. ``select`` (default:
        ``gate``) marks the keys :meth:`scan_selected` reports.
        """
        self._gate = gate
        select = gate if select is None else select
        keys = self._keys
        # The common case in C: a one-word key's head is its first PREFIX bytes.
        heads = [k[:PREFIX] for k in keys]
        for i in self._phrases:
            heads[i] = _head(keys[i])
        head_id = dict(zip(heads, range(len(heads)), strict=True))
        head_id.pop(b"", None)  # empty and opaque keys
        head_ids: dict[bytes, list[int]] = {}
        if len(head_id) < len(heads):
            shared = {h for h, n in collections.Counter(heads).items() if n > 1 and h}
            for i in [i for i, h in enumerate(heads) if h in shared]:
                head_ids.setdefault(heads[i], []).append(i)
        self._head_id, self._head_ids = head_id, head_ids
        self._prefixes = list(head_id)
        self._groups = {}
        self._automaton = (
            ahocorasick_rs.BytesAhoCorasick(self._prefixes, implementation=_kind(self._prefixes))
            if self._prefixes
            else None
        )
        # The heads of gate keys alone: a text none of them occurs in passes no gate,
        # found with one scan of this smaller automaton (most texts need no more).
        gate_heads = [
            h
            for h in self._prefixes
            if any(n < len(gate) and gate[n] for n in head_ids.get(h) or [head_id[h]])
        ]
        self._gate_automaton = (
            ahocorasick_rs.BytesAhoCorasick(gate_heads, implementation=_kind(gate_heads))
            if gate_heads and len(gate_heads) < len(self._prefixes)
            else None
        )
        # The selected keys in two small automata: those matched in any case over the
        # folded text, those matched only as written over the text with its case kept
        # (a capitalised key like "May" then costs nothing on every "may").
        # When most keys are selected, the full automaton serves (its hits filtered).
        ids = [n for n in range(min(len(keys), len(select))) if select[n] and keys[n]]
        exact = self._exact
        folded = [n for n in ids if n not in exact]
        self._select = select
        self._selected = (
            _Heads({n: keys[n] for n in folded}, self) if 2 * len(folded) <= len(keys) else None,
            _Heads({n: self._cased_key(n) for n in ids if n in exact}, self),
        )
        if self._opaque:
            self._opaque_automaton = ahocorasick_rs.AhoCorasick(list(self._opaque))
            self._opaque_ids = list(self._opaque.values())
        self._opaque_id_set = frozenset(i for ids in self._opaque.values() for i in ids)

    def scan(self, text: str, *, gated: bool = False) -> Hits[int]:
        """Every ``(start, end, id)`` whose key occurs in ``text`` (code-point offsets).

        Hits are candidates to verify against ``text`` (see the module docstring).
        ``gated``: nothing unless a gate key occurs (see :meth:`build`); keys
        without an ASCII letter or digit always pass the gate.

        >>> index = TermIndex()
        >>> index.add_many(["Navo", "Rusland"])
        0
        >>> index.build(gate=bytes([1, 0]))
        >>> list(index.scan("Rusland", gated=True)), list(triples(index.scan("Rusland")))
        ([], [(0, 7, 1)])
        >>> list(triples(index.scan("Navo, Rusland", gated=True)))
        [(0, 4, 0), (6, 13, 1)]
        """
        out = self._scan_ascii(text, gated) if self._automaton is not None else array("q")
        self._scan_opaque(text, out)
        return out

    def scan_selected(self, text: str) -> Hits[int]:
        """The hits of :meth:`scan` whose keys are selected (see :meth:`build`), and
        every hit of a key without an ASCII letter or digit; one scan of an automaton
        of the selected keys alone (cheaper than :meth:`scan` when they are few).

        >>> index = TermIndex()
        >>> index.add_many(["Navo", "Rusland"])
        0
        >>> index.build(gate=bytes([0, 1]), select=bytes([1, 0]))
        >>> list(index.scan_selected("Navo, Rusland")), list(index.scan("Navo, Rusland"))
        ([0, 4, 0], [0, 4, 0, 6, 13, 1])
        """
        out: Hits[int] = array("q")
        if self._selected is not None:
            folded, cased = self._selected
            if folded is None:
                self._find_selected(self._mapped(text), text, out)
            elif folded.automaton is not None:
                folded.find(self._mapped(text), text, out)
            if cased.automaton is not None:
                cased.find(self._mapped(text, _CASED), text, out)
        self._scan_opaque(text, out)
        return out

    def _find_selected(self, mapped: bytes, text: str, out: Hits[int]) -> None:
        """Add the hits of selected keys matched in any case, found by the full automaton."""
        if self._automaton is None:
            return
        groups, select, exact = self._groups, self._select, self._exact
        found: Hits[int] = array("q")
        for hit in self._automaton.find_matches_as_indexes(mapped, overlapping=True):
            group = groups.get(hit[0]) or self._group(hit[0])
            _complete(hit, group[0], mapped, text, found, self._gate)
        for h in triples(found):
            if h[2] < len(select) and select[h[2]] and h[2] not in exact:
                out.extend(h)

    def _scan_opaque(self, text: str, out: Hits[int]) -> None:
        if self._opaque_automaton is not None and not text.isascii():
            ids = self._opaque_ids
            for i, start, end in self._opaque_automaton.find_matches_as_indexes(
                fold_term(text), overlapping=True
            ):
                for id_ in ids[i]:
                    out.extend((start, end, id_))

    def is_gate(self, id_: int) -> bool:
        """Whether key ``id_`` opens the gate (see :meth:`opens_gate`)."""
        gate = self._gate
        return bool(id_ < len(gate) and gate[id_]) or id_ in self._opaque_id_set

    def opens_gate(self, hits: Hits[int]) -> bool:
        """Whether a gated :meth:`scan` of the same text reports ``hits`` (from an
        ungated scan): one of them is a gate key, or a key without ASCII letters."""
        gate = self._gate
        opaque = self._opaque_id_set
        return any((id_ < len(gate) and gate[id_]) or id_ in opaque for id_ in hits[2::3])

    def _group(self, pattern: int) -> _Group:
        """The keys the automaton's pattern number ``pattern`` stands for, with their ids.

        Computed on the first hit and kept: a pack of 100,000 terms builds no
        per-key objects it does not need.
        """
        head = self._prefixes[pattern]
        keys, gate = self._keys, self._gate
        by_key: dict[bytes, list[int]] = {}
        for n in self._head_ids.get(head) or [self._head_id[head]]:
            by_key.setdefault(keys[n], []).append(n)
        found = [
            (key, tuple((n, self._lefts[n], self._rights[n], self._exact.get(n)) for n in ids))
            for key, ids in by_key.items()
        ]
        gated = any(n < len(gate) and gate[n] for ids in by_key.values() for n in ids)
        group = self._groups[pattern] = (tuple(found), gated)
        return group

    @staticmethod
    def _mapped(text: str, table: bytes = _FOLD) -> bytes:
        """``text`` as the automata see it: one byte per character, a space on each side."""
        if table is _FOLD and not text.isascii() and _KELVIN in text:
            text = text.replace(_KELVIN, "k")  # the only non-ASCII letter folding to ASCII
        return b" " + text.encode("utf-8", "surrogatepass").translate(table, _CONTINUATION) + b" "

    def _cased_key(self, n: int) -> bytes:
        """Key ``n`` (matched only as written) mapped with its case kept, padded."""
        exact = self._exact[n].encode("utf-8", "surrogatepass").translate(_CASED, _CONTINUATION)
        return b" " * self._lefts[n] + exact + b" " * self._rights[n]

    def _scan_ascii(self, text: str, gated: bool) -> Hits[int]:
        mapped = self._mapped(text)
        gate_automaton = self._gate_automaton if gated else None
        if gate_automaton is not None and not gate_automaton.find_matches_as_indexes(mapped):
            return array("q")
        hits = self._automaton.find_matches_as_indexes(mapped, overlapping=True)
        if not hits:
            return array("q")
        groups = self._groups
        out: Hits[int] = array("q")
        later: list[tuple[int, int, int]] = []
        passed = not gated
        for hit in hits:
            group = groups.get(hit[0]) or self._group(hit[0])
            if passed or group[1]:
                passed = _complete(hit, group[0], mapped, text, out, self._gate) or passed
            else:
                later.append(hit)
        if not passed:
            return array("q")
        for hit in later:
            _complete(hit, groups[hit[0]][0], mapped, text, out, self._gate)
        return out


class _Heads:
    """An automaton over the heads of some keys of a :class:`TermIndex`, for one mapping.

    ``keys`` maps ids to their mapped, padded keys; a hit is completed and checked
    the way :func:`_complete` does.
    """

    def __init__(self, keys: dict[int, bytes], index: TermIndex) -> None:
        groups: dict[bytes, dict[bytes, list[_Id]]] = {}
        lefts, rights, exact = index._lefts, index._rights, index._exact
        for n, key in keys.items():
            ids = groups.setdefault(_head(key), {}).setdefault(key, [])
            ids.append((n, lefts[n], rights[n], exact.get(n)))
        heads = list(groups)
        self.groups = [tuple((k, tuple(v)) for k, v in groups[h].items()) for h in heads]
        self.automaton = (
            ahocorasick_rs.BytesAhoCorasick(heads, implementation=ahocorasick_rs.Implementation.DFA)
            if heads
            else None
        )

    def find(self, mapped: bytes, text: str, out: Hits[int]) -> None:
        """Add the ``(start, end, id)`` of every key that occurs in ``text`` to ``out``."""
        if self.automaton is None:
            return
        groups = self.groups
        for hit in self.automaton.find_matches_as_indexes(mapped, overlapping=True):
            _complete(hit, groups[hit[0]], mapped, text, out, ())


def _complete(
    hit: tuple[int, int, int],
    keys: tuple[tuple[bytes, tuple[_Id, ...]], ...],
    mapped: bytes,
    text: str,
    out: Hits[int],
    gate: Sequence[int],
) -> bool:
    """Add the ``(start, end, id)`` of the keys an automaton ``hit`` on a head stands for
    (each completed in ``mapped`` and checked against ``text``); whether one of them is
    a ``gate`` key."""
    _, start, stop = hit
    size = len(text)
    found = False
    for key, ids in keys:
        length = len(key)
        if length > stop - start and not mapped.startswith(key, start):
            continue
        for id_, left, right, exact in ids:
            # ``mapped`` has one byte per character and a space before the text.
            first = max(start + left - 1, 0)
            end = min(start + length - right - 1, size)
            if exact is None or text[first:end] == exact:
                out.extend((first, end, id_))
                found = found or (id_ < len(gate) and gate[id_] != 0)
    return found
