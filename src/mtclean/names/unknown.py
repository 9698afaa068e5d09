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
from collections.abc import Callable
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

from ..core import NO_ANALYSIS, Analysis, Edit, EditsNormalizer, Finding
from .gazetteer import Gazetteer
from .window import WINDOW
from .words import TITLES, common_words, english_names

__all__ = ["RULE", "UnknownNames", "translit_key"]

#: The rule of every edit and finding, also the step's name (``disable="names-unknown"``).
RULE = "names-unknown"

#: A capitalized word of at least four letters (a surname candidate).
_CAP_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{Ll}\p{M}]{3,}(?![\p{L}\p{M}])")
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
    """

    first_names: frozenset[str] = frozenset()
    known: frozenset[str] = frozenset()
    gazetteer: Callable[[], Gazetteer] | None = None
    name: str = RULE

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

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits unifying the spellings; with ``audit``, findings for the unsure pairs."""
        groups = self._groups(text)
        if not groups:
            return NO_ANALYSIS
        edits: list[Edit] = []
        findings: list[Finding] = []
        for spellings in groups:
            self._group(text, spellings, audit, edits, findings)
        edits.sort(key=lambda ed: ed.start)
        return Analysis(tuple(edits), tuple(findings))

    def _groups(self, text: str) -> list[list[str]]:
        """Capitalized words of ``text`` that are spellings of one another (two or more)."""
        by_key: dict[str, list[str]] = {}
        for word in set(_CAP_RE.findall(text)):
            by_key.setdefault(translit_key(word), []).append(word)
        groups = [sorted(ws) for ws in by_key.values() if len(ws) > 1]
        if not groups:
            return []
        common, english = common_words(), english_names()
        first_names, known = self._lexicon
        return [
            ws
            for ws in groups
            if not any(
                w.lower() in common or w in english or w in TITLES or w in first_names or w in known
                for w in ws
            )
        ]

    def _group(
        self,
        text: str,
        spellings: list[str],
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
        for m in pattern.finditer(text):
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
        givens_of: dict[str, set[str]] = {}
        for _, w, g in intros:
            givens_of.setdefault(w, set()).add(g)
        firsts = {g for gs in givens_of.values() for g in gs}
        if len({translit_key(g) for g in firsts}) > 1:
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
