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
    # a lower-case word of 3+ letters (not part of a dotted path), "(", a word of 3+
    # letters or a number, more words, ")" then a space or mark; the edit goes after
    # the word
    GLUED_PAREN: (
        re.compile(
            r"(?<![\w.])[a-z]{3,}(?=\((?:[a-z]{3,}|\d+)[^()\n=;{}]* [^()\n=;{}]*\)(?:[ ,.;:]|$))"
        ),
        " ",
    ),
}
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

    def edits(self, text: str) -> list[Edit]:
        """One edit per stray mark."""
        out: list[Edit] = []
        spans: list[tuple[int, int]] | None = None
        for rule, (pattern, replacement) in _PATTERNS.items():
            if rule not in self.active or _FIRST[rule] not in text:
                continue
            for m in pattern.finditer(text):
                if spans is None:
                    spans = protected_spans(text)
                if any(s <= m.start() <= e or s <= m.end() <= e for s, e in spans):
                    continue
                start = m.end() if rule == GLUED_PAREN else m.start()
                out.append(Edit(start, m.end(), replacement, rule))
        out.sort(key=lambda e: (e.start, e.end))
        return keep_ftfy_stable(self.guard, text, out)
