"""Punctuation repair for English text: doubled marks, space before marks, glued sentences.

Three rules, each one alternative of a single pattern:

* ``repair/doubled-punct``: ``". ."``, ``".."``, ``",,"``, ``", ,"``, ``";;"`` left where
  sentences or clauses were joined become one mark. An ellipsis (``"..."``,
  ``". . ."``) stays.
* ``repair/space-before-punct``: ``"word ,"`` becomes ``"word,"`` (also ``. ; : ! ?``).
  ``" .NET"``, ``" .45"``, ``"wait ..."`` and French ``« … ! »`` lines stay.
* ``repair/glued-sentence``: ``"Kiev.Statue"`` becomes ``"Kiev. Statue"`` when a
  lower-case word ends in ``. ! ?`` and a capitalized word follows with no space.

No rule fires inside URLs, e-mail addresses, domain-like names (``Nu.nl``),
file names, text in backticks or code-like double-quoted strings, or after an
abbreviation (``mtclean/data/abbreviations-en.txt``). Decimals, versions and
times (``3.5``, ``v1.2``, ``10.30``) never match: a digit follows the mark.

Candidates are located by fast literal finders (:mod:`mtclean.repair_scan`);
clean prose costs a few C-speed scans.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..core import Edit, EditsNormalizer, line_bounds
from .data import abbreviations, file_extensions, tlds
from .scan import ScanRule, distinct, first_matches, hits, run_starts, texts_hit
from .unicode import UnicodeRepairer, keep_ftfy_stable

__all__ = [
    "DOUBLED",
    "GLUED",
    "PUNCT_RULES",
    "SPACE_BEFORE",
    "PunctuationRepairer",
    "protected_spans",
]

DOUBLED = "repair/doubled-punct"
SPACE_BEFORE = "repair/space-before-punct"
GLUED = "repair/glued-sentence"
PUNCT_RULES = (DOUBLED, SPACE_BEFORE, GLUED)

# Letters the glued-sentence rule looks at (Latin, as English text uses).
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# What may stand right after a repaired mark: a space, the line end or a closing mark.
_AFTER = r"(?=\s|$|[\"'”’»)\]])"
# What may stand right before a mark we repair: a word or a closing mark.
_BEFORE = r"(?<=[\w\"'”’)\]%])"

# Horizontal spaces (the same set the spacing rules collapse, so that no later
# spacing repair can make a new match: cleaning twice equals cleaning once).
_SP = " \\t\\xa0\\u202f\\u1680\\u2000-\\u200a\\u205f"

_PATTERNS = {
    DOUBLED: (
        _BEFORE + rf"(?:[{_SP}]*(?P<mark>[,;])(?:[{_SP}]*(?P=mark))+"  # ",,"  ", ,"  " ;;"
        rf"|[{_SP}]*(?P<dot>\.)[{_SP}]*\.(?![{_SP}]*\.))"  # ". ."  ".." not ". . ." "..."
         + _AFTER
    ),
    SPACE_BEFORE: (
        _BEFORE + rf"[{_SP}]+"
        r"(?=[,;!?](?=\s|$)"  # "word , next"  "why ?"
        r"|[!?](?=[”»])"  # "why ?”"
        r"|,(?=[\"'”’»)\]])"  # "word ,”"
        r"|:(?:[ \t]+(?![ \t\d])|$)"  # "Note : text" but not the ratio "3 : 1"
        rf"|\.(?![{_SP}]*\.)(?=\s|$|[\"'”’»)\]]))"  # "that . No", not " .NET" " .45" " . . ."
    ),
    GLUED: (
        rf"(?<=[{_LOWER}]{{2}})[.!?]"  # a sentence end after a lower-case word ...
        rf"(?=(?P<right>[{_UPPER}][{_LOWER}]+)"  # ... glued to a capitalized word
        r"(?![\w@/\\(]|\.\w))"  # that is not part of a code path like System.Console.Out
    ),
}
_SPACES = " \t\xa0\u202f\u1680\u205f" + "".join(map(chr, range(0x2000, 0x200B)))
# Every match of a rule starts after a word or closing mark, at a run of spaces and
# marks (doubled, space before) or at the mark itself (glued): walking back over
# these characters from any mark in the run finds the start.
_RUN_CHARS = _SPACES + ",.;:!?"

# A glued sentence end at the mark just matched (the precise pattern decides).
_GLUED_HERE = rf"(?=[{_UPPER}][{_LOWER}])(?<=[{_LOWER}]{{2}}.)"
# Fast finders: each starts with one mark (re scans for a literal character at C
# speed) and hits where that mark may belong to a match of some rule: after a space
# or another mark of its kind, or glued to a capitalized word. Clean prose has
# almost no hits; the precise patterns only run at the hits.
_FINDERS = tuple(
    re.compile(pattern)
    for pattern in (
        rf",(?<=[{_SP},],)",  # "word ,"  ",,"  ", ,"
        rf";(?<=[{_SP};];)",
        rf":(?<=[{_SP}]:)",
        rf"!(?:(?<=[{_SP}]!)|{_GLUED_HERE})",
        rf"\?(?:(?<=[{_SP}]\?)|{_GLUED_HERE})",
        # "word ." (not the end of ". . ."), the first dot of ". ." or ".." (not of
        # an ellipsis), or "word.Next"; the cheapest test of each comes first
        rf"\.(?:(?<=[{_SP}]\.)(?![{_SP}]*\.)(?<!\.[{_SP}]\.)"
        rf"|(?=[{_SP}]*\.(?![{_SP}]*\.))(?<!\.\.)(?<!\.[{_SP}]\.)|{_GLUED_HERE})",
    )
)

_COMPILED = {rule: re.compile(pattern, re.MULTILINE) for rule, pattern in _PATTERNS.items()}

# The word before a glued sentence end, and what may not precede that word.
_LEFT_WORD = re.compile(r"[\w’'-]*\Z")
_NOT_BEFORE_WORD = frozenset("._@/\\-")

_FRENCH_SPACED = re.compile("[«»]")
_WORD_TLD = r"[\w-]+(?:\.[\w-]+)*\.(?:{alts})\b"


@functools.cache
def _token_protect_re() -> re.Pattern[str]:
    """URLs, e-mails, domain-like names and file names: things without spaces."""
    tld_alts = "|".join(sorted(tlds(), key=len, reverse=True))
    ext_alts = "|".join(sorted(file_extensions(), key=len, reverse=True))
    parts = [
        r"\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+",  # URLs
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
        r"(?i:\b" + _WORD_TLD.format(alts=tld_alts) + ")",  # Nu.nl, example.com
        r"(?i:\b" + _WORD_TLD.format(alts=ext_alts) + ")",  # report.pdf, setup.py
    ]
    return re.compile("|".join(parts))


_CODE_PROTECT_RE = re.compile(
    r"`[^`\n]*`"  # code in backticks
    r"|\"[^\"\n]*[(){}\[\]=<>\\;][^\"\n]*\""  # code-like double-quoted string
)


def protected_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` that no punctuation rule may touch, sorted.

    >>> protected_spans("See example.com or `a , b` now")
    [(4, 15), (19, 26)]
    """
    stop = len(text) if end is None else end
    spans = [(m.start(), m.end()) for m in _token_protect_re().finditer(text, start, stop)]
    spans += [(m.start(), m.end()) for m in _CODE_PROTECT_RE.finditer(text, start, stop)]
    return sorted(spans)


#: How far around a match protected tokens are looked for (bounds the cost on huge tokens).
_TOKEN_REACH = 2000


def _is_protected(
    text: str, line: tuple[int, int], code: list[tuple[int, int]], start: int, end: int
) -> bool:
    """Whether ``text[start:end]`` overlaps a protected token near it or a ``code`` span."""
    lo, hi = max(line[0], start - _TOKEN_REACH), min(line[1], end + _TOKEN_REACH)
    a, b = start, end
    while a > lo and not text[a - 1].isspace():
        a -= 1
    while b < hi and not text[b].isspace():
        b += 1
    for m in _token_protect_re().finditer(text, a, b):
        if m.start() <= end and start < m.end():
            return True
    return any(s <= end and start < t for s, t in code)


def _code_spans(text: str, line: tuple[int, int]) -> list[tuple[int, int]]:
    """Backtick and code-like quoted spans of a line."""
    lo, hi = line
    segment = text[lo:hi]
    if "`" not in segment and '"' not in segment:
        return []
    return [(m.start(), m.end()) for m in _CODE_PROTECT_RE.finditer(text, lo, hi)]


@dataclass(frozen=True)
class PunctuationRepairer(EditsNormalizer):
    """Repair doubled punctuation, space before punctuation and glued sentences.

    Args:
        active: the rule ids that are on (a subset of :data:`PUNCT_RULES`).

    >>> fix = PunctuationRepairer()
    >>> fix("weapons control. . Ryabkov said , again")
    'weapons control. Ryabkov said, again'
    >>> fix("near the capital, Kyiv.Photo: Jan Smit / outlet")
    'near the capital, Kyiv. Photo: Jan Smit / outlet'
    >>> fix("The U.S. and Nu.nl said... wait . . . 3.5 at 10.30 (see www.example.com).")
    'The U.S. and Nu.nl said... wait . . . 3.5 at 10.30 (see www.example.com).'
    """

    active: frozenset[str] = frozenset(PUNCT_RULES)
    guard: UnicodeRepairer | None = None
    name: str = "repair-punctuation"
    rule_ids: tuple[str, ...] = PUNCT_RULES
    pack_names: tuple[str, ...] = ("repair",)
    _rules: tuple[ScanRule, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rules = tuple(ScanRule(r, _COMPILED[r]) for r in PUNCT_RULES if r in self.active)
        object.__setattr__(self, "_rules", rules)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it (``False``: surely not):
        every match of a rule holds a finder's hit (the finders look no further than
        the characters next to their mark, and never past a newline)."""
        if not self._rules:
            return [False] * len(texts)
        return texts_hit(texts, _FINDERS)

    def matches(self, text: str) -> Iterator[tuple[ScanRule, re.Match[str]]]:
        """The matches of the active rules' patterns, found at the finders' hits."""
        if not self._rules:
            return iter(())
        marks = hits(text, _FINDERS)
        if not marks:
            return iter(())
        starts = distinct(heapq.merge(run_starts(text, marks, _RUN_CHARS), marks))
        return first_matches(text, [(rule, starts) for rule in self._rules])

    def edits(self, text: str) -> list[Edit]:
        """The edits of every active rule, outside protected spans."""
        out: list[Edit] = []
        line = (0, -1)
        code: list[tuple[int, int]] = []
        for rule, m in self.matches(text):
            start, end = _reach(text, rule.id, m)
            if not line[0] <= start < line[1]:
                line = line_bounds(text, start)
                code = _code_spans(text, line)
            if not _is_protected(text, line, code, start, end):
                out.extend(_edit(text, rule.id, m))
        return keep_ftfy_stable(self.guard, text, out)


def _reach(text: str, rule: str, m: re.Match[str]) -> tuple[int, int]:
    """The stretch of text a match depends on (a glued sentence: both words)."""
    if rule == GLUED:
        return _left_word_start(text, m.start()), m.end("right")
    return m.start(), m.end()


def _left_word_start(text: str, pos: int) -> int:
    word = _LEFT_WORD.search(text, max(0, pos - 64), pos)
    return pos if word is None else word.start()


def _edit(text: str, rule: str, m: re.Match[str]) -> Iterable[Edit]:
    if rule == DOUBLED:
        mark = m.group("mark") or m.group("dot")
        yield Edit(m.start(), m.end(), mark, DOUBLED, _message("doubled", mark))
    elif rule == SPACE_BEFORE:
        mark = text[m.end()]
        if mark in ";:!?" and _FRENCH_SPACED.search(_line(text, m.start())):
            return  # French typography puts a space before these marks
        yield Edit(m.start(), m.end(), "", SPACE_BEFORE, _message("space before", mark))
    elif rule == GLUED:
        start = _left_word_start(text, m.start())
        word = text[start : m.start()].lower().lstrip("'’-")
        if start > 0 and text[start - 1] in _NOT_BEFORE_WORD:
            return  # part of a dotted name, path or address: www.kyiv.Today
        if not word.isalpha() and not word.replace("’", "").replace("'", "").isalpha():
            return  # digits or underscores: an identifier, not a word
        if word in abbreviations() or m.group("right").lower() in tlds() | file_extensions():
            return
        yield Edit(m.end(), m.end(), " ", GLUED, "sentence glued to the next one")


@functools.lru_cache(maxsize=256)
def _message(what: str, mark: str) -> str:
    """An edit's message, one string per mark (a text with thousands of edits shares it).

    >>> _message("doubled", ",")
    "doubled ','"
    """
    return f"{what} {mark!r}"


def _line(text: str, pos: int) -> str:
    start, end = line_bounds(text, pos)
    return text[start:end]
