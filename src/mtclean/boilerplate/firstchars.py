"""The first characters a rule pattern can begin with, read without compiling it.

A boilerplate matcher picks the rules worth trying on a line by the line's first
:data:`DEPTH` characters. Compiling every rule's pattern to ask it costs most of
a first ``clean()``; reading the pattern's parse tree (Python's ``re`` parser, as
:mod:`.literals` does) tells for most rules which characters can stand at each of
the first positions of a match. The answer is a pre-filter only: a rule that
passes it is still tested by its compiled pattern, so it may let too many rules
through, never too few.

A rule's *openings* are alternatives, each a tuple of character sets (by case
key, see :func:`case_key`), one per position; after an opening's last position
anything may follow. ``None`` means "any line".

>>> may_begin("Leave a", first_chars("(?:Leave a|Post a) (?:Reply|Comment)"))
True
>>> may_begin("Lea", first_chars("Leave|Post")), may_begin("Lx", first_chars("Leave|Post"))
(True, False)
>>> may_begin("12 c", first_chars(r"\\d+ comments")), may_begin("12c", first_chars(r"\\d comments"))
(True, False)
>>> first_chars(r"\\p{L}+ ago") is None, first_chars("[[:alpha:]]+ ago") is None
(True, True)
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterable
from typing import Any

from ..diskcache import default_cache, file_stamp, fingerprint
from .literals import union_or_none

try:  # Python 3.11+
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

__all__ = [
    "DEPTH",
    "OpeningIndex",
    "Openings",
    "case_key",
    "first_chars",
    "may_begin",
    "openings_of",
    "rule_first_chars",
]

#: Characters of a line the openings describe.
DEPTH = 4
#: Above this many alternatives, a rule's openings are cut to their first character.
MAX_OPENINGS = 64
#: Characters that ``regex`` may match case-insensitively with a letter of another
#: case key (the dotted and dotless Turkish i): a line that begins with one may match
#: any rule, and a pattern that begins with one may begin any line.
_ODD_CASES = frozenset("\u0130\u0131")
#: The ASCII characters of ``\s`` and ``\d`` (a class stands for them and, see
#: :func:`may_begin`, for every other space and digit).
_ASCII_SPACE = frozenset(" \t\n\r\f\v")
_ASCII_DIGIT = frozenset("0123456789")
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
#: Syntax of ``regex`` that Python's parser would read as something else (POSIX and
#: nested classes, fuzzy matching, version flags, named lists): such a pattern may
#: begin any line.
_REGEX_ONLY = re.compile(r"\[[:\[]|\{\s*[eisd]\s*[<=]|\(\?V|\\L<")

_Opening = tuple[frozenset[str], ...]
#: The openings of a rule (see the module doc).
Openings = frozenset[_Opening]
# While reading: (opening, ended) pairs; ``ended``: the item's match ends there, so the
# next item's characters follow (else anything may follow).
_Parts = set[tuple[_Opening, bool]]
_ANYTHING: _Parts = {((), False)}
_NOTHING: _Parts = {((), True)}


class _Any(Exception):
    """Raised inside the analysis: the pattern can begin with anything."""


def case_key(char: str) -> str | None:
    """The key under which ``char`` and its other cases meet (its simple case fold), or
    ``None`` where Python's folding may not be the one ``regex`` uses.

    >>> case_key("A"), case_key("Σ"), case_key("ς"), case_key("ß"), case_key("ı")
    ('a', 'σ', 'σ', None, None)
    """
    folded = char.casefold()
    return folded if len(folded) == 1 and char not in _ODD_CASES else None


def _one(chars: Iterable[str]) -> _Parts:
    return {((frozenset(chars),), True)}


def _then(first: _Parts, second: _Parts) -> _Parts:
    out: _Parts = set()
    for a, ended in first:
        if not ended or len(a) >= DEPTH:
            out.add((a[:DEPTH], False))
            continue
        for b, b_ended in second:
            joined = a + b
            out.add((joined[:DEPTH], b_ended and len(joined) <= DEPTH))
    if len(out) > MAX_OPENINGS:
        raise _Any
    return out


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Parts:
    parts = _NOTHING
    for op, arg in items:
        if all(not ended or len(a) >= DEPTH for a, ended in parts):
            break
        parts = _then(parts, _item(op, arg))
    return parts


def _item(op: Any, arg: Any) -> _Parts:
    if op is _c.LITERAL:
        key = case_key(chr(arg))
        return _ANYTHING if key is None else _one(key)
    if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
        return _NOTHING  # zero-width: the next item decides
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1])
    if op is _c.ATOMIC_GROUP:
        return _sequence(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = arg
        one = _sequence(sub)
        parts = _NOTHING
        for _ in range(min(low, DEPTH)):
            parts = _then(parts, one)
        if high != low:  # perhaps more copies: the next one, then anything
            more = {(a, False) for a, _ in one}
            parts = parts | _then(parts, more)
        return parts
    if op is _c.BRANCH:
        out: _Parts = set()
        for branch in arg[1]:
            out |= _sequence(branch)
        return out
    if op is _c.IN:
        return _in(arg)
    return _ANYTHING


def _in(items: list[tuple[Any, Any]]) -> _Parts:
    found: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            key = case_key(chr(arg))
            if key is None:
                return _ANYTHING
            found.add(key)
        elif op is _c.CATEGORY and arg is _c.CATEGORY_SPACE:
            found |= _ASCII_SPACE
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            found |= _ASCII_DIGIT
        elif op is _c.RANGE and arg[1] < 128:
            for code in range(arg[0], arg[1] + 1):
                key = case_key(chr(code))
                if key is None:
                    return _ANYTHING
                found.add(key)
        else:
            return _ANYTHING
    return _one(found)


def first_chars(pattern: str) -> Openings | None:
    """The openings of ``pattern``, or ``None`` (any line: a pattern that may begin with
    anything, or match nothing)."""
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ("possible nested set": see _REGEX_ONLY)
            tree = _parser.parse(_PROPERTY.sub(r"\\w", pattern))
        parts = _sequence(list(tree))
    except (_Any, re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    if any(not a for a, _ in parts):
        return None
    return frozenset(a for a, _ in parts)


@functools.cache
def _known() -> dict[str, Openings | None]:
    """The openings worked out so far, by pattern: those of the on-disk cache first."""
    known = default_cache().load(_ENTRY, _key())
    return known if isinstance(known, dict) else {}


def _key() -> str:
    return fingerprint(DEPTH, MAX_OPENINGS, file_stamp(__file__))


_ENTRY = "boilerplate-openings"


def openings_of(patterns: Iterable[str], *, keep: bool = True) -> tuple[Openings | None, ...]:
    """The openings of each of ``patterns`` (:func:`first_chars`), worked out once per
    installation: with ``keep``, new ones are added to the on-disk cache (mtclean keeps
    those of its bundled packs, not of user packs)."""
    known = _known()
    patterns = list(patterns)
    new = {p for p in patterns if p not in known}
    for pattern in new:
        known[pattern] = first_chars(pattern)
    if new and keep:
        default_cache().store(_ENTRY, _key(), known)
    return tuple(known[p] for p in patterns)


def rule_first_chars(patterns: Iterable[str]) -> Openings | None:
    """The openings of a rule with several patterns (``None``: any line)."""
    return union_or_none(first_chars(p) for p in patterns)


def _fits(char: str, allowed: frozenset[str]) -> bool:
    key = case_key(char)
    if key is None or key in allowed:
        return True
    if char.isspace():
        return not allowed.isdisjoint(_ASCII_SPACE)
    return char.isdecimal() and not char.isascii() and not allowed.isdisjoint(_ASCII_DIGIT)


def may_begin(key: str, openings: Openings | None) -> bool:
    """Whether a rule with ``openings`` may match a line that begins with ``key`` (in any
    case; any space or digit may stand for an ASCII one).

    >>> may_begin("É", first_chars("e")), may_begin("é", first_chars("é"))
    (False, True)
    """
    if openings is None:
        return True
    for opening in openings:
        for char, allowed in zip(key, opening, strict=False):
            if not _fits(char, allowed):
                break
        else:
            return True
    return False


class OpeningIndex:
    """Which of many rules may begin a line, by the line's first characters: what
    :func:`may_begin` says of each rule, worked out for all of them at once.

    Every opening of every rule is a bit; for each of the first :data:`DEPTH`
    positions and each character seen there, a mask holds the openings that
    character fits. A line's openings are the masks of its characters and-ed
    together, its rules those owning a bit left (and the rules that may begin any
    line). The masks are built per (position, character) on first use.

    >>> index = OpeningIndex([first_chars("Leave|Post"), None, first_chars(r"\\d+ min")])
    >>> index.rules("Leave a reply"), index.rules("12 min read"), index.rules("xyz")
    ((0, 1), (1, 2), (1,))
    """

    def __init__(self, openings: Iterable[Openings | None]) -> None:
        self._always: list[int] = []
        self._owner: list[int] = []  # the rule of each opening's bit
        # per position: the openings each case key fits, those a space or a digit
        # fits (by an ASCII one), and those shorter than the position (anything fits)
        self._table: list[dict[str, int]] = [{} for _ in range(DEPTH)]
        self._space = [0] * DEPTH
        self._digit = [0] * DEPTH
        self._short = [0] * DEPTH
        for rule, alternatives in enumerate(openings):
            if alternatives is None:
                self._always.append(rule)
                continue
            for opening in alternatives:
                bit = 1 << len(self._owner)
                self._owner.append(rule)
                for k in range(DEPTH):
                    if k >= len(opening):
                        self._short[k] |= bit
                        continue
                    table = self._table[k]
                    for char in opening[k]:
                        table[char] = table.get(char, 0) | bit
                    if not opening[k].isdisjoint(_ASCII_SPACE):
                        self._space[k] |= bit
                    if not opening[k].isdisjoint(_ASCII_DIGIT):
                        self._digit[k] |= bit
        self._all = (1 << len(self._owner)) - 1
        self._masks: list[dict[str, int]] = [{} for _ in range(DEPTH)]

    def _mask(self, k: int, char: str) -> int:
        """The openings ``char`` fits at position ``k`` (see :func:`_fits`)."""
        found = self._masks[k].get(char)
        if found is None:
            key = case_key(char)
            if key is None:
                found = self._all
            else:
                found = self._table[k].get(key, 0) | self._short[k]
                if char.isspace():
                    found |= self._space[k]
                elif char.isdecimal() and not char.isascii():
                    found |= self._digit[k]
            self._masks[k][char] = found
        return found

    def rules(self, key: str) -> tuple[int, ...]:
        """The rules that may begin a line beginning with ``key``, in order."""
        bits = self._all
        for k, char in enumerate(key[:DEPTH]):
            bits &= self._mask(k, char)
            if not bits:
                break
        found = set(self._always)
        owner = self._owner
        while bits:
            low = bits & -bits
            found.add(owner[low.bit_length() - 1])
            bits ^= low
        return tuple(sorted(found))
