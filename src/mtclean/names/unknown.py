"""Coherence for people the gazetteer does not know: one text, one spelling of a surname.

A text that introduces somebody with a first name (``Taras Hrytsenkoy``) and then
writes the surname again with a transliteration letter changed (``Hrytsenko``,
``Hrytsenkoi``) means one person. The later spellings take the one the text first
used with the first name. Only transliteration differences count (``-y/-i/-iy/-yy``
at the end, ``y/i`` between consonants, ``j/y`` before a vowel, ``tch/ch``,
``w/v``, doubled letters), one letter apart at most; two letters apart is a
finding. Nothing changes when the spellings are introduced with different first
names (two people: ``Jon Smith and Jan Smit``), when one of them is a common word,
an ordinary English surname or a name the gazetteer knows (those are the
gazetteer's business), or when no spelling is introduced with a first name.

>>> step = UnknownNames(first_names=frozenset({"Taras", "Olha"}))
>>> step.fix("Taras Hrytsenkiy spoke. Hrytsenky and Hrytsenkyy left.")
'Taras Hrytsenkiy spoke. Hrytsenkiy and Hrytsenkiy left.'
>>> step.fix("Taras Hrytsenko met Olha Hrytsenka.")
'Taras Hrytsenko met Olha Hrytsenka.'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick_rs
import regex
from rapidfuzz.distance import Levenshtein

from ..core import NO_ANALYSIS, Analysis, Edit, EditsNormalizer, Finding
from .gazetteer import Gazetteer
from .window import WINDOW, spans_around
from .words import TITLES, common_words, english_names

__all__ = ["RULE", "UnknownNames", "translit_key"]

#: The rule of every edit and finding, also the step's name (``disable="names-unknown"``).
RULE = "names-unknown"

#: A capitalized word of at least four letters (a surname candidate), and one in UTF-8.
_CAP_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{Ll}\p{M}]{3,}(?![\p{L}\p{M}])")
_RAW_WORD_RE = re.compile(rb"(?:[A-Z]|[\xc0-\xff][\x80-\xbf]+)(?:[a-z]|[\xc0-\xff][\x80-\xbf]+)+")
#: Bytes a first name may not follow (it would be inside a word).
_WORD_BEFORE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'")
#: Bytes that continue a word after a lower-case letter (``McDonald``, ``Kyiv2``).
_WORD_GOES_ON = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
#: Letters transliteration swaps at the start of a word (``Wolkow``/``Volkov``).
_SWAPS = {"w": "v", "v": "w", "y": "ij", "i": "y", "j": "y"}
_FINAL_RE = regex.compile(r"(?:iy|yy|yi|ii|ij|yj|y|i)$")
_INNER_Y_RE = regex.compile(r"(?<=[^aeiouy])y(?=[^aeiouy])")
_J_RE = regex.compile(r"(?:^|(?<=[aeiou]))j(?=[aeiou])")
_DOUBLE_RE = regex.compile(r"(.)\1+")
#: The word right after a name (one space between), if it is capitalized.
_NEXT_RE = regex.compile(r" (\p{Lu}[\p{L}\p{M}]*)")


@functools.lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """``word`` with the letters transliteration varies on made alike.

    >>> translit_key("Zelenskyy"), translit_key("Zelenskiy"), translit_key("Zelensky")
    ('zelenski', 'zelenski', 'zelenski')
    >>> translit_key("Tchernenko"), translit_key("Kowalski"), translit_key("Jermak")
    ('chernenko', 'kovalski', 'yermak')
    >>> translit_key("Smith") == translit_key("Smit")
    False
    """
    w = word.lower().replace("tch", "ch").replace("w", "v")
    w = _FINAL_RE.sub("i", w)
    w = _INNER_Y_RE.sub("i", w)
    w = _J_RE.sub("y", w)
    return _DOUBLE_RE.sub(r"\1", w)


@dataclass(frozen=True, eq=False)
class UnknownNames(EditsNormalizer):
    """Unify the spellings of a surname the gazetteer does not know (see the module).

    ``first_names`` are the words that count as a first name and ``known`` the
    spellings left to the gazetteer; ``gazetteer`` (called on first use) adds the
    first names and spellings of a compiled gazetteer.

    A document is first scanned once for first names followed by a surname nobody
    knows (one automaton over its UTF-8 bytes); only around those introductions,
    within :data:`~mtclean.names.window.WINDOW` characters, are other spellings
    looked for, so the time per MB does not grow with the document.
    """

    first_names: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()
    gazetteer: Callable[[], Gazetteer] | None = None
    name: str = RULE

    def __getstate__(self) -> dict[str, object]:
        """Pickle support: the first names and the automaton are rebuilt on first use."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_lexicon", "_gate")}

    @functools.cached_property
    def _lexicon(self) -> tuple[frozenset[str], frozenset[str]]:
        """The first names and the known spellings (the gazetteer's built on first use)."""
        if self.gazetteer is None:
            return self.first_names, self.known
        gaz = self.gazetteer()
        common = common_words()
        givens = {
            word
            for word, groups in gaz.given_index.items()
            if word.lower() not in common and any(g.text == word for g in groups)
        }
        return self.first_names | givens, self.known | gaz.known_tokens

    @functools.cached_property
    def _gate(self) -> ahocorasick_rs.BytesAhoCorasick | None:
        """One automaton over every first name followed by a space."""
        names = sorted(n for n in self._lexicon[0] if n and "\n" not in n)
        if not names:
            return None
        keys = "\n".join(n + " " for n in names).encode("utf-8", "surrogatepass").split(b"\n")
        return ahocorasick_rs.BytesAhoCorasick(
            keys, implementation=ahocorasick_rs.Implementation.DFA
        )

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits unifying the spellings; with ``audit``, findings for the unsure pairs."""
        intros = self._introductions(text)
        if not intros:
            return NO_ANALYSIS
        groups = self._groups(text, intros)
        if not groups:
            return NO_ANALYSIS
        edits: list[Edit] = []
        findings: list[Finding] = []
        for spellings, places in groups:
            self._group(text, spellings, places, audit, edits, findings)
        edits.sort(key=lambda ed: ed.start)
        return Analysis(tuple(edits), tuple(findings))

    def _introductions(self, text: str) -> dict[str, list[int]]:
        """Surnames nobody knows written right after a first name, with their positions."""
        gate = self._gate
        if gate is None:
            return {}
        raw = text.encode("utf-8", "surrogatepass")
        same_offsets = len(raw) == len(text)
        first_names, known = self._lexicon
        common, english = common_words(), english_names()
        found: dict[str, list[int]] = {}
        ok: dict[bytes, str | None] = {}
        last_byte = last_char = 0
        for _, s, e in gate.find_matches_as_indexes(raw, overlapping=False):
            if s and raw[s - 1] in _WORD_BEFORE:
                continue
            m = _RAW_WORD_RE.match(raw, e)
            if m is None or len(m.group()) < 4:
                continue
            end = m.end()
            if end < len(raw) and (raw[end] in _WORD_GOES_ON):
                continue
            word = ok.get(m.group(), "")
            if word == "":
                word = m.group().decode("utf-8", "surrogatepass")
                bad = (
                    len(word) < 4
                    or not word[0].isupper()
                    or not word[1:].islower()
                    or word.lower() in common
                    or word in english
                    or word in TITLES
                    or word in first_names
                    or word in known
                )
                word = ok[m.group()] = None if bad else word
            if word is None:
                continue
            if same_offsets:
                pos = e
            else:  # byte offsets to character offsets, incrementally (hits come in order)
                pos = last_char + len(raw[last_byte:e].decode("utf-8", "surrogatepass"))
                last_byte, last_char = e, pos
            found.setdefault(word, []).append(pos)
        return found

    def _groups(
        self, text: str, intros: dict[str, list[int]]
    ) -> list[tuple[list[str], list[tuple[int, int]]]]:
        """Spellings of each introduced surname written near its introductions."""
        first_names, known = self._lexicon
        common, english = common_words(), english_names()
        by_key: dict[str, tuple[set[str], list[int]]] = {}
        for word, places in intros.items():
            spellings, at = by_key.setdefault(translit_key(word), (set(), []))
            spellings.add(word)
            at.extend(places)
        out = []
        for key, (spellings, at) in by_key.items():
            spans = spans_around(at, len(text))
            for prefix in {p for w in spellings for p in _prefixes(w)}:
                for a, b in spans:
                    i = text.find(prefix, a, b)
                    while i >= 0:
                        m = _CAP_RE.match(text, i)
                        if m is not None and translit_key(m.group()) == key:
                            spellings.add(m.group())
                        i = text.find(prefix, i + 1, b)
            if len(spellings) < 2 or any(
                w.lower() in common or w in english or w in TITLES or w in first_names or w in known
                for w in spellings
            ):
                continue
            out.append((sorted(spellings), spans))
        return out

    def _group(
        self,
        text: str,
        spellings: list[str],
        spans: list[tuple[int, int]],
        audit: bool,
        edits: list[Edit],
        findings: list[Finding],
    ) -> None:
        pattern = regex.compile(
            r"(?<![\p{L}\p{M}\p{N}])(?:(\p{Lu}[\p{Ll}\p{M}]+) )?("
            + "|".join(map(regex.escape, sorted(spellings, key=len, reverse=True)))
            + r")(?![\p{L}\p{M}])"
        )
        common, first_names = common_words(), self._lexicon[0]
        mentions = []  # (start, end, spelling, first name or "")
        for a, b in spans:
            for m in pattern.finditer(text, a, b):
                given, e = m.group(1) or "", m.end(2)
                if given and given not in first_names:
                    if given not in TITLES and given.lower() not in common:
                        continue  # another name before it: a longer name, somebody else
                    given = ""
                after = _NEXT_RE.match(text, e)
                if after is not None and after.group(1).lower() not in common:
                    continue  # a name after it: a first name or a longer name ("Russel Crowe")
                mentions.append((m.start(2), e, m.group(2), given))
        intros = [(s, w, g) for s, _, w, g in mentions if g]
        if not intros:
            return  # nobody introduced with a first name: too little to go on
        firsts = {translit_key(g) for _, _, g in intros}
        if len(firsts) > 1:
            return  # introduced with different first names: different people
        _, target, given = intros[0]
        for s, e, word, _ in mentions:
            if word == target or not self._near(intros, target, s):
                continue
            if Levenshtein.distance(word.lower(), target.lower(), score_cutoff=2) > 1:
                if audit:
                    message = f"{word!r} may be {given} {target} (spelt {target!r} first)"
                    findings.append(Finding(s, e, RULE, message, 0.5))
                continue
            message = f"spelling of {given} {target} used first in this text"
            edits.append(Edit(s, e, target, RULE, message))

    @staticmethod
    def _near(intros: list[tuple[int, str, str]], target: str, pos: int) -> bool:
        return any(w == target and abs(s - pos) <= WINDOW for s, w, _ in intros)


@functools.lru_cache(maxsize=4096)
def _prefixes(word: str) -> frozenset[str]:
    """The first three letters of every spelling of ``word`` transliteration may make
    (a spelling one letter apart keeps them, or swaps one of them).

    >>> sorted(_prefixes("Wolkow")), sorted(_prefixes("Tchernenko"))
    (['Vol', 'Wol'], ['Che', 'Tch'])
    """
    head = word[:3]
    options = [
        {c, *(_SWAPS.get(c.lower(), "").upper() if i == 0 else _SWAPS.get(c, ""))}
        for i, c in enumerate(head)
    ]
    out = {"".join(p) for p in itertools.product(*options)}
    if head.startswith("Tch"):
        out.add(word[1:4].capitalize())
    elif head.startswith("Ch"):
        out.add("T" + head[:2].lower())
    return frozenset(out)
