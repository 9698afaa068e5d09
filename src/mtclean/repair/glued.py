"""Words glued together where a page's markup ended: ``"rivers in floodthe Civil"``.

Scraping drops the space between two elements (a link and the text after it, a
label and a date), and machine translation then keeps the glued token as it is.
``repair/glued-words`` puts the space back in two shapes only, where the token
tells its own story:

* a word glued to a following function word that starts a clause
  (``floodthe``, ``Ramawith whom``, ``Chigiafter``): the glued token is no word in
  English nor in the source languages mtclean knows, and the first part is a
  word English text uses (names of the news included) or a name the text also
  writes on its own;
* a lower-case word glued to a weekday or month name (``infoThursday``).

``repair/drop-cap`` takes back the first letter of a paragraph that a page's drop
cap (the large initial letter, set apart in the markup) wrote twice: ``"LLast
week"`` at the start of a line, when the word without it is an English word and
the doubled one no word at all.

Everything else stays, whatever it looks like: real words (``breathe``,
``forthwith``, ``therewhile``, ``Goethe``), names (``Olivier Verand``), code (``getValue``),
brands (``iPhone``), and tokens in URLs, e-mail addresses, hashtags and handles.

>>> fix = GluedWordSplitter()
>>> fix("Because of rivers in floodthe Civil protection acted.")
'Because of rivers in flood the Civil protection acted.'
>>> fix("He spoke at Palazzo Chigi. Then Chigiafter the meeting, the vote.")
'He spoke at Palazzo Chigi. Then Chigi after the meeting, the vote.'
>>> fix("Interview on France infoThursday, 7 September.")
'Interview on France info Thursday, 7 September.'
>>> fix("Breathe in; Goethe wrote forthwith to Olivier Verand. Call getValue() #floodthe.")
'Breathe in; Goethe wrote forthwith to Olivier Verand. Call getValue() #floodthe.'
>>> fix("Title\\nTThe talks resumed.\\nLLaMA, LLC and OOo stay; so does the LLast one.")
'Title\\nThe talks resumed.\\nLLaMA, LLC and OOo stay; so does the LLast one.'
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick_rs

from ..core import Edit, EditsNormalizer
from .knownwords import CALENDAR_WORDS, CLAUSE_WORDS, COMMON_ZIPF, KNOWN_LANGS, SHAPE, known_words
from .scan import joined

__all__ = ["DROP_CAP", "GLUED_RULES", "GLUED_WORDS", "GluedWordSplitter", "hints", "known_word"]

GLUED_WORDS = "repair/glued-words"
DROP_CAP = "repair/drop-cap"
GLUED_RULES = (GLUED_WORDS, DROP_CAP)

#: A doubled first letter is a drop cap's when the word is this many Zipf points more
#: frequent than the doubled token (which typos make a little frequent: "tthe").
DOUBLED_MARGIN = 2.5

#: Heads of old English compounds (``therewhile``, ``herefrom``, ``wherewith``).
_ADVERB_HEADS = ("there", "here", "where")

# Candidates: a lower-case letter glued to a clause word that ends a word, or to a capital
# and a lower-case letter. Found with one Aho-Corasick scan of the text mapped to a byte
# per character (ASCII lower-case letters kept, capitals as "A", anything else a space):
# a regular expression that starts with a character class is tried at every position,
# about five times slower.
_HINT_MAP = bytes(b if 97 <= b <= 122 else 65 if 65 <= b <= 90 else 32 for b in range(256))
_CONTINUATION = bytes(range(0x80, 0xC0))  # dropped: one byte per character
_CLAUSE_RE = re.compile(rf"(?P<head>[A-Z]?[a-z]{{3,}})(?P<tail>{'|'.join(CLAUSE_WORDS)})")
_CALENDAR_RE = re.compile(rf"(?P<head>[a-z]{{3,}})(?P<tail>{'|'.join(CALENDAR_WORDS)})")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
#: A token glued to one of these is part of something else: a handle, a path, a URL,
#: a hyphenated or elided word, a call.
_NOT_BEFORE = frozenset("@#/.-'’&=_")
_NOT_AFTER = frozenset("@/-'’(_")
#: What may come before a paragraph's first word: indentation and opening quotes.
_LINE_OPENERS = frozenset(" \t\"'“‘«„(")


@functools.cache
def _hint_automaton() -> ahocorasick_rs.BytesAhoCorasick:
    lower = [chr(c) for c in range(97, 123)]
    keys = [c + w + " " for c in lower for w in CLAUSE_WORDS]
    keys += [c + "A" + d for c in lower for d in lower]
    return ahocorasick_rs.BytesAhoCorasick(
        [k.encode("ascii") for k in keys], implementation=ahocorasick_rs.Implementation.DFA
    )


def hints(text: str) -> list[int]:
    """Sorted starts of the candidates: a lower-case letter glued to a clause word that
    is not followed by a letter, or to a capital and a lower-case letter.

    >>> hints("rivers in floodthe Civil, infoThursday, the theme")
    [14, 29]
    """
    return _hint_starts(text).tolist()


#: The automaton scans the mapped text this many bytes at a time (and the few after
#: each piece that a hint starting in it may reach), so that a long text holds its
#: hints' offsets, not a tuple of three integers per automaton match.
_PIECE = 1 << 16
_LONGEST_HINT = 2 + max(len(w) for w in CLAUSE_WORDS)


def _hint_starts(text: str) -> array[int]:
    """:func:`hints` as an array, found piece by piece."""
    mapped = text.encode("utf-8", "surrogatepass").translate(_HINT_MAP, _CONTINUATION) + b" "
    automaton = _hint_automaton()
    starts = array("q")
    for a in range(0, len(mapped), _PIECE):
        piece = mapped[a : a + _PIECE + _LONGEST_HINT]
        found = automaton.find_matches_as_indexes(piece, overlapping=True)
        starts.extend(sorted({a + s for _, s, _ in found if s < _PIECE}))
    return starts


def _texts_with_hints(texts: Sequence[str]) -> set[int]:
    """The indices of ``texts`` with a hint, from one scan of them joined by newlines
    (a newline, like a text's end, is no letter: each text's hints are its own).

    >>> sorted(_texts_with_hints(["floodthe", "the flood", "infoThursday"]))
    [0, 2]
    """
    whole, ends = joined(texts)
    return {bisect_right(ends, start) for start in _hint_starts(whole)}


def _token(text: str, at: int) -> tuple[int, int] | None:
    """The span of the run of ASCII letters around ``at``, if it stands on its own."""
    start, end = at, at
    while start > 0 and text[start - 1] in _LETTERS:
        start -= 1
    while end < len(text) and text[end] in _LETTERS:
        end += 1
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in _NOT_BEFORE or after.isalnum() or after in _NOT_AFTER:
        return None
    if after == "." and end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] == "_"):
        return None  # a domain or a dotted name
    return start, end


@functools.lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    import wordfreq  # a runtime dependency; asked only about words the table has not

    return float(wordfreq.zipf_frequency(word, lang))


def known_word(word: str) -> bool:
    """Whether ``word`` is a word of English or of a language mtclean translates from
    (a candidate's shape is looked up in :func:`known_words`' table).

    >>> known_word("breathe"), known_word("Goethe"), known_word("floodthe")
    (True, True, False)
    """
    low = word.lower()
    if SHAPE.fullmatch(low):
        return low in known_words().shaped
    return any(_zipf(low, lang) > 0 for lang in KNOWN_LANGS)


def _english_zipf(word: str) -> float:
    """The Zipf frequency in English of ``word`` (lower case) if it is at least
    :data:`COMMON_ZIPF`, else 0."""
    if word.isascii() and word.isalpha():
        return known_words().english.get(word, 0.0)
    zipf = _zipf(word, "en")
    return zipf if zipf >= COMMON_ZIPF else 0.0


def _english(word: str) -> bool:
    return _english_zipf(word.lower()) > 0


@dataclass(frozen=True)
class GluedWordSplitter(EditsNormalizer):
    """Put back the space between a word and the function word or date glued to it, and
    take back a drop cap's doubled letter.

    Args:
        active: the rule ids that are on (a subset of :data:`GLUED_RULES`).
    """

    active: frozenset[str] = frozenset(GLUED_RULES)
    name: str = "repair-glued-words"
    rule_ids: tuple[str, ...] = GLUED_RULES
    pack_names: tuple[str, ...] = ("repair",)

    def warm_up(self) -> None:
        """Read the table of word frequencies now, not on the first glued token (see
        :meth:`Pipeline.warm_up`)."""
        known_words()

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it (``False``: surely not):
        a drop cap, or a hint (see :func:`hints`) found by one scan of them all."""
        drop_caps = DROP_CAP in self.active
        flags = [drop_caps and bool(_drop_caps(t)) for t in texts]
        if GLUED_WORDS in self.active:
            for k in _texts_with_hints(texts):
                flags[k] = True
        return flags

    def edits(self, text: str) -> list[Edit]:
        """One space inserted per glued token; one letter dropped per doubled drop cap."""
        out = _drop_caps(text) if DROP_CAP in self.active else []
        if GLUED_WORDS not in self.active:
            return out
        seen: set[int] = set()
        for hint in _hint_starts(text):
            span = _token(text, hint)
            if span is None or span[0] in seen:
                continue
            seen.add(span[0])
            token = text[span[0] : span[1]]
            edit = self._split(text, token, span[0])
            if edit is not None:
                out.append(edit)
        return sorted(out, key=lambda e: e.start)

    def _split(self, text: str, token: str, start: int) -> Edit | None:
        m = _CLAUSE_RE.fullmatch(token)
        if m is not None:
            head = m.group("head")
            if len(head) < 4 or head.lower().endswith(_ADVERB_HEADS) or known_word(token):
                return None
            if _english(head) or _written_alone(text, head):
                return self._space(start + m.end("head"), "a word glued to the clause after it")
            return None
        m = _CALENDAR_RE.fullmatch(token)
        if m is not None and not known_word(token) and _english(m.group("head")):
            return self._space(start + m.end("head"), "a word glued to a date")
        return None

    @staticmethod
    def _space(at: int, why: str) -> Edit:
        return Edit(at, at, " ", GLUED_WORDS, f"space restored: {why}")


def _drop_caps(text: str) -> list[Edit]:
    """Edits dropping the doubled first letter of a line's first word ("TThe").

    Only a capital written twice and then lower-case letters (three or more letters
    in all) in a word that stands on its own (see :func:`_doubled`).
    """
    out: list[Edit] = []
    pos, size = 0, len(text)
    while pos < size:
        p = pos
        while p < size and text[p] in _LINE_OPENERS:
            p += 1
        if p + 3 < size and "A" <= text[p] <= "Z" and text[p + 1] == text[p]:
            span = _token(text, p)
            if span is not None and span[0] == p:
                word = text[p + 1 : span[1]]
                if len(word) >= 3 and word[1:].islower() and _doubled(word):
                    out.append(Edit(p, p + 1, "", DROP_CAP, "a drop cap's letter written twice"))
        newline = text.find("\n", pos)
        if newline < 0:
            break
        pos = newline + 1
    return out


def _doubled(word: str) -> bool:
    """Whether ``word`` with its first letter written twice is that letter's mistake: the
    word is English and the doubled token far rarer in every known language (a typo).

    >>> _doubled("The"), _doubled("Aron"), _doubled("Zorbx")
    (True, False, False)
    """
    low = word.lower()
    if not (low.isascii() and low.isalpha()):
        return False
    english = _english_zipf(low)
    rarest = known_words().doubled.get(low[0] + low, 0.0)
    return english > 0 and english - rarest >= DOUBLED_MARGIN


def _written_alone(text: str, word: str) -> bool:
    """Whether a capitalised ``word`` also stands on its own in ``text`` (a name it uses)."""
    if not word[0].isupper():
        return False
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
