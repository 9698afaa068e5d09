"""The characters a rule pattern can begin with, read without compiling it.

A boilerplate matcher picks the rules worth trying on a line by the line's first
character. Compiling every rule's pattern to ask it costs most of a first
``clean()``; reading the pattern's parse tree (Python's ``re`` parser, as
:mod:`.literals` does) tells for most rules which ASCII characters can begin a
match. That set is a pre-filter only: a rule that passes it is still tested by
its compiled pattern, so the set may be too large (never too small). ``None``
means "any character". Characters are compared by their case fold.

>>> sorted(first_chars("(?:Leave a|Post a) (?:Reply|Comment)"))
['l', 'p']
>>> sorted(first_chars(r"(?:Share|Tweet)? this")), sorted(first_chars(r"\\d+ comments"))
([' ', 's', 't'], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
>>> first_chars(r"\\p{L}+ ago") is None
True
>>> line_may_start("L", frozenset({"l"})), line_may_start("P", frozenset({"l"}))
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # Python 3.11+
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

__all__ = ["case_key", "first_chars", "line_may_start", "rule_first_chars"]

_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
#: Characters that ``regex`` may match case-insensitively with a letter of another
#: case key (the dotted and dotless Turkish i): a line that begins with one may match
#: any rule, and a pattern that begins with one may begin any line.
_ODD_CASES = frozenset("\u0130\u0131")
#: The ASCII characters of ``\s`` and ``\d`` (a class stands for them and, see
#: :func:`line_may_start`, for every other space and digit).
_ASCII_SPACE = frozenset(" \t\n\r\f\v")
_ASCII_DIGIT = frozenset("0123456789")


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


def _lower(code: int) -> str:
    key = case_key(chr(code))
    if key is None:
        raise _Any
    return key


def _sequence(items: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """First characters of a sequence, and whether it can match the empty string."""
    found: set[str] = set()
    for op, arg in items:
        first, empty = _item(op, arg)
        found |= first
        if not empty:
            return found, False
    return found, True


def _item(op: Any, arg: Any) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {_lower(arg)}, False
    if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero-width: the next item decides
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1])
    if op is _c.ATOMIC_GROUP:
        return _sequence(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = arg
        first, empty = _sequence(sub)
        return first, empty or low == 0
    if op is _c.BRANCH:
        found: set[str] = set()
        any_empty = False
        for branch in arg[1]:
            first, empty = _sequence(branch)
            found |= first
            any_empty = any_empty or empty
        return found, any_empty
    if op is _c.IN:
        return _in(arg), False
    raise _Any


def _in(items: list[tuple[Any, Any]]) -> set[str]:
    found: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            found.add(_lower(arg))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_SPACE:
            found |= _ASCII_SPACE
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            found |= _ASCII_DIGIT
        elif op is _c.RANGE and arg[1] < 128:
            found.update(_lower(code) for code in range(arg[0], arg[1] + 1))
        else:
            raise _Any
    return found


def first_chars(pattern: str) -> frozenset[str] | None:
    """The case keys (:func:`case_key`) of the characters one of which begins every
    match of ``pattern``, or ``None`` (any character, or a pattern that may match
    nothing)."""
    try:
        tree = _parser.parse(_PROPERTY.sub(r"\\w", pattern))
        first, empty = _sequence(list(tree))
    except (_Any, re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return None if empty or not first else frozenset(first)


def rule_first_chars(patterns: Iterable[str]) -> frozenset[str] | None:
    """The first characters of a rule with several patterns (``None``: any)."""
    found: set[str] = set()
    for pattern in patterns:
        first = first_chars(pattern)
        if first is None:
            return None
        found |= first
    return frozenset(found)


def line_may_start(char: str, first: frozenset[str] | None) -> bool:
    """Whether a rule whose patterns begin with ``first`` may match a line that begins
    with ``char`` (in any case; a space may be any space).

    >>> line_may_start("É", frozenset({"e"})), line_may_start("é", frozenset({"é"}))
    (False, True)
    """
    if first is None or char.isspace() or (char.isdecimal() and not char.isascii()):
        return True
    key = case_key(char)
    return key is None or key in first
