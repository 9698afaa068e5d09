"""Fast candidate scanning shared by the punctuation and spacing repairs.

Python's ``re`` is slow on a pattern that starts with a lookbehind or a
character class, and on an alternation of many rules: it tries every rule at
every position. A :class:`ScanRule` therefore pairs its precise pattern with
*finders*: small patterns that start with a literal (which ``re`` searches
for at C speed) and match a superset of the rule's matches. The precise
pattern only runs, with ``match``, where a finder hit; an optional ``gate``
(cheap ``in`` tests) skips the finders on text that cannot hold a match.

>>> import re
>>> rule = ScanRule("x/comma", re.compile(r"(?<=\\w) +,"), (re.compile(" ,"),), back=" ")
>>> [(r.rule, m.span()) for r, m in scan("a  , b ,", (rule,))]
[('x/comma', (1, 4)), ('x/comma', (6, 8))]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from re import Match, Pattern

__all__ = ["AnyIn", "ScanRule", "any_in", "scan"]


@dataclass(frozen=True)
class ScanRule:
    """A rule's precise pattern and the fast finders that locate its candidates.

    Args:
        rule: the rule id.
        pattern: the precise pattern, matched at each candidate start.
        finders: fast patterns; every match of ``pattern`` overlaps a finder hit
            whose start, walked back over ``back`` characters, is the match start.
        back: characters to walk back over from a finder hit.
        gate: if given, the finders only run on text for which it returns true.
    """

    rule: str
    pattern: Pattern[str]
    finders: tuple[Pattern[str], ...]
    back: str = ""
    gate: Callable[[str], bool] | None = None


@dataclass(frozen=True)
class AnyIn:
    """A gate that is true when the text contains one of ``needles`` (picklable).

    >>> AnyIn(("\\t", "  "))("a\\tb"), AnyIn(("\\t",))("ab")
    (True, False)
    """

    needles: tuple[str, ...]

    def __call__(self, text: str) -> bool:
        return any(n in text for n in self.needles)


def any_in(*needles: str) -> AnyIn:
    """A gate that is true when the text contains one of ``needles``."""
    return AnyIn(needles)


def scan(text: str, rules: Sequence[ScanRule]) -> list[tuple[ScanRule, Match[str]]]:
    """Matches of ``rules`` in ``text``: leftmost first, earlier rules first at one start,
    none overlapping (a zero-width match blocks nothing)."""
    found: list[tuple[int, int, int, ScanRule, Match[str]]] = []
    for priority, rule in enumerate(rules):
        if rule.gate is not None and not rule.gate(text):
            continue
        tried: set[int] = set()
        for finder in rule.finders:
            for hit in finder.finditer(text):
                start = hit.start()
                while start > 0 and text[start - 1] in rule.back:
                    start -= 1
                if start in tried:
                    continue
                tried.add(start)
                m = rule.pattern.match(text, start)
                if m is not None:
                    found.append((m.start(), priority, m.end(), rule, m))
    if len(found) > 1:
        found.sort(key=lambda f: (f[0], f[1]))
    out: list[tuple[ScanRule, Match[str]]] = []
    end = 0
    for start, _, stop, rule, m in found:
        if start < end:
            continue
        out.append((rule, m))
        end = stop
    return out
