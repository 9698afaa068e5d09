"""Stray marks machine translation and scraping leave: a dagger for a full stop, ``??``
for characters a page could not encode, an opening parenthesis glued to a word.

* ``repair/dagger-period``: ``"in de Volkskrant† The"``: a dagger after a
  lower-case word and before a capitalized one ends a sentence (translated Dutch
  pages show it); a footnote dagger after a name or a number stays.
* ``repair/lost-chars``: ``"the area of ??Political Analysis"``: ``??`` glued to
  the start of a capitalized word after a space stands for a character that was
  lost (a no-break space); it goes. ``"What??"`` and ``"?? "`` stay.
* ``repair/glued-paren``: ``"alone(three billion)"``: a space goes before an
  opening parenthesis glued to a lower-case word when the parenthesis holds
  words (``candidate(s)``, ``f(x)``, ``print(a, b)`` and dotted code paths stay).

>>> fix = MarkRepairer()
>>> fix("in de Volkskrant† The plan for ??Political Analysis")
'in de Volkskrant. The plan for Political Analysis'
>>> fix("150 million alone(three billion in all).")
'150 million alone (three billion in all).'
>>> fix("Smith† died in 1990; the candidate(s) and f(x) stay. What?? Yes.")
'Smith† died in 1990; the candidate(s) and f(x) stay. What?? Yes.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..core import Edit, EditsNormalizer
from .punct import protected_spans
from .unicode import UnicodeRepairer, keep_ftfy_stable

__all__ = ["DAGGER_PERIOD", "GLUED_PAREN", "LOST_CHARS", "MARK_RULES", "MarkRepairer"]

DAGGER_PERIOD = "repair/dagger-period"
LOST_CHARS = "repair/lost-chars"
GLUED_PAREN = "repair/glued-paren"
MARK_RULES = (DAGGER_PERIOD, LOST_CHARS, GLUED_PAREN)

_PATTERNS = {
    DAGGER_PERIOD: (re.compile(r"(?<=[a-z]{2})\u2020(?= [A-Z][a-z])"), "."),
    LOST_CHARS: (re.compile(r"(?<= )\?\?(?=[A-Z][a-z])"), ""),
}
# A lower-case word of 3+ letters (not part of a dotted path) before "(", a word of 3+
# letters or a number, more words, ")" then a space or mark; the edit goes after the
# word. Found from each "(" (a pattern starting with the word would be tried at every
# position of every text).
_PAREN_BODY = re.compile(r"\((?:[a-z]{3,}|\d+)[^()\n=;{}]* [^()\n=;{}]*\)(?:[ ,.;:]|$)")
_FIRST = {DAGGER_PERIOD: "\u2020", LOST_CHARS: "??", GLUED_PAREN: "("}


@dataclass(frozen=True)
class MarkRepairer(EditsNormalizer):
    """Repair a dagger for a full stop, ``??`` for lost characters, a glued parenthesis.

    Args:
        active: the rule ids that are on (a subset of :data:`MARK_RULES`).
        guard: the unicode step, so that no edit hands ftfy new work.
    """

    active: frozenset[str] = frozenset(MARK_RULES)
    guard: UnicodeRepairer | None = None
    name: str = "repair-marks"
    rule_ids: tuple[str, ...] = MARK_RULES
    pack_names: tuple[str, ...] = ("repair",)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether it holds the first mark of an active rule
        (``False``: this step surely leaves it alone)."""
        firsts = [_FIRST[rule] for rule in MARK_RULES if rule in self.active]
        return [any(first in t for first in firsts) for t in texts]

    def edits(self, text: str) -> list[Edit]:
        """One edit per stray mark."""
        out: list[Edit] = []
        spans: list[tuple[int, int]] | None = None
        for rule in MARK_RULES:
            if rule not in self.active or _FIRST[rule] not in text:
                continue
            found = _glued_parens(text) if rule == GLUED_PAREN else _matches(text, rule)
            for start, end, edit in found:
                if spans is None:
                    spans = protected_spans(text)
                if any(s <= start <= e or s <= end <= e for s, e in spans):
                    continue
                out.append(edit)
        out.sort(key=lambda e: (e.start, e.end))
        return keep_ftfy_stable(self.guard, text, out)


def _matches(text: str, rule: str) -> Iterator[tuple[int, int, Edit]]:
    """The span each match of ``rule``'s pattern covers, and its edit."""
    pattern, replacement = _PATTERNS[rule]
    for m in pattern.finditer(text):
        yield m.start(), m.end(), Edit(m.start(), m.end(), replacement, rule)


def _glued_parens(text: str) -> Iterator[tuple[int, int, Edit]]:
    """The glued word and parenthesis each glued parenthesis covers, and its edit (a
    space before the parenthesis).

    >>> [(s, e) for s, e, _ in _glued_parens("alone(three billion) f(x) a.b(c d)")]
    [(0, 5)]
    """
    at = text.find("(")
    while at >= 0:
        start = at
        while start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        before = text[start - 1] if start else " "
        if (
            at - start >= 3
            and not (before.isalnum() or before in "_.")
            and _PAREN_BODY.match(text, at)
        ):
            yield start, at, Edit(at, at, " ", GLUED_PAREN)
        at = text.find("(", at + 1)
