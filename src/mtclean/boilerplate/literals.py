"""Required literals of a rule pattern: text that every match must contain.

A line that contains none of a rule's required literals cannot match the rule,
so the matcher skips the rule without running its regex. This matters for
rules whose pattern can begin any line ("<anything> への返信", "<headline> |
<Section>"): without a literal to test first, every line would run them.

The literals are read from the pattern's parse tree (Python's ``re`` parser,
after ``\\p{..}`` classes are replaced by ``\\w``), folded by :func:`fold`; a pattern the
parser does not read, or a branch without a literal, gives no literal set
(``None``): the rule is then always tried.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from ..diskcache import default_cache, file_stamp, fingerprint

T = TypeVar("T")

try:  # Python 3.11+
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _parser

__all__ = ["fold", "literals_of", "required_literals", "rule_literals", "union_or_none"]

_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
#: A literal shorter than this is not worth testing.
MIN_LITERAL = 1


def fold(text: str) -> str:
    """``text`` folded so that a case-insensitive match implies containment.

    ``str.casefold`` plus the Turkish i's ("İ" folds to "i" and a combining dot,
    "ı" does not fold), which the ``regex`` module matches to "i" and "I".

    >>> fold("BİR yanıt")
    'bir yanit'
    """
    text = text.casefold()
    if "ı" in text or "\u0307" in text:
        text = text.replace("ı", "i").replace("i\u0307", "i")
    return text


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The requirement with the longest shortest literal (the most selective one)."""
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


def _sequence(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        text = fold("".join(run))
        if len(text) >= MIN_LITERAL:
            options.append(frozenset((text,)))
        run.clear()

    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        close()
        found = _item(op, arg)
        if found is not None:
            options.append(found)
    close()
    return _best(options)


def _item(op: Any, arg: Any) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1])
    if op is _c.ATOMIC_GROUP:
        return _sequence(arg)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = arg
        return _sequence(sub) if low >= 1 else None
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:
            need = _sequence(branch)
            if need is None:
                return None
            found |= need
        return frozenset(found)
    return None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Casefolded literals one of which every match of ``pattern`` contains, or ``None``.

    >>> sorted(required_literals(r"[^。]{1,60}(?:への|に)返信する"))
    ['返信する']
    >>> sorted(required_literals(r"(?:Leave a|Post a) (?:Reply|Comment)"))
    ['leave a', 'post a']
    >>> required_literals(r"\\d+ (?:hours?|days?) ago") == frozenset({" ago"})
    True
    >>> required_literals(r"\\p{L}+") is None
    True
    """
    try:
        tree = _parser.parse(_PROPERTY.sub(r"\\w", pattern))
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        return None
    return _sequence(list(tree))


def rule_literals(patterns: Iterable[str]) -> frozenset[str] | None:
    """The literals of a rule with several patterns: one per pattern, or ``None``.

    >>> sorted(rule_literals(["Share this", r"Like this:?"]))
    ['like this', 'share this']
    >>> rule_literals(["Share this", r"\\w+"]) is None
    True
    """
    return union_or_none(required_literals(p) for p in patterns)


def union_or_none(sets: Iterable[frozenset[T] | set[T] | None]) -> frozenset[T] | None:
    """The union of ``sets``, or ``None`` if one of them is ``None`` (what a rule with
    several patterns needs: what one of them needs, or nothing to go by).

    >>> sorted(union_or_none([{1}, {2}])), union_or_none([{1}, None])
    ([1, 2], None)
    """
    found: set[T] = set()
    for one in sets:
        if one is None:
            return None
        found |= one
    return frozenset(found)


#: The literals of a rule, sorted (``None``: no literals to go by).
Literals = tuple[str, ...] | None

_ENTRY = "boilerplate-literals"


@functools.cache
def _known() -> dict[tuple[str, ...], Literals]:
    """The literals worked out so far, by a rule's patterns: the on-disk cache's first."""
    known = default_cache().load(_ENTRY, _key())
    return known if isinstance(known, dict) else {}


def _key() -> str:
    return fingerprint(file_stamp(__file__))


def literals_of(rules: Iterable[tuple[str, ...]], *, keep: bool = True) -> tuple[Literals, ...]:
    r""":func:`rule_literals` of each rule's patterns, sorted, worked out once per
    installation: with ``keep``, new ones are added to the on-disk cache (mtclean keeps
    those of its bundled packs, not of user packs). Parsing some hundreds of patterns
    for them is a good part of a first ``clean()``.

    >>> literals_of([("Share this", r"Like this:?"), (r"\w+",)], keep=False)
    (('like this', 'share this'), None)
    """
    known = _known()
    rules = list(rules)
    new = {r for r in rules if r not in known}
    for patterns in new:
        found = rule_literals(patterns)
        known[patterns] = None if found is None else tuple(sorted(found))
    if new and keep:
        default_cache().store(_ENTRY, _key(), known)
    return tuple(known[r] for r in rules)
