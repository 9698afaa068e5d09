"""``lint/doubled-word``: a word written twice in a row where English never doubles it.

Machine translation repeats a word when two source words map to one English word
("a very hemicycle hemicycle", "the the"). Doubles that English writes on purpose
stay clean: a clause ending where the next begins ("that that", "had had", "what
it is is"), emphasis ("very very"), interjections ("bye bye", "ha ha"), names in
capitals ("Walla Walla", "Duran Duran"), numbers, and hyphenated words
("Baden-Baden"). The check reads lowercase words after a space, with one space
between them (the spacing stage runs first); "The the" at a sentence start is
not looked for.

>>> [f.message for f in DoubledWords().findings("They sat in the the front row.")]
["'the' written twice in a row"]
>>> DoubledWords().findings("He had had enough of Walla Walla, bye bye.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..core import Finding
from .words import lint_words

__all__ = ["RULE_ID", "DoubledWords"]

RULE_ID = "lint/doubled-word"

_WORDS = lint_words("doubled-word")
_MAY_DOUBLE = _WORDS["may-double"]
_SHORT_NEVER = _WORDS["short-never"]

# A lowercase word after a space, a space, the same word again. The literal space
# that starts the pattern keeps the search fast (the spacing stage has already
# made runs of blanks single spaces); whether the word is all letters, and what
# follows it, are checked after.
_DOUBLE = re.compile(r" ([a-z]\w*+) \1\b")
_GLUED = frozenset("'’-_/@")


@dataclass(frozen=True)
class DoubledWords:
    """Report a word written twice in a row (findings only).

    >>> text = "A very hemicycle hemicycle."
    >>> [(f.rule, text[f.start : f.end]) for f in DoubledWords().findings(text)]
    [('lint/doubled-word', 'hemicycle hemicycle')]
    """

    rule_id: ClassVar[str] = RULE_ID

    def findings(self, text: str) -> list[Finding]:
        """One finding per doubled word, spanning both copies."""
        return list(self._findings(text))

    def _findings(self, text: str) -> Iterator[Finding]:
        for m in _DOUBLE.finditer(text):
            word, start, end = m.group(1), m.start(1), m.end()
            if (end < len(text) and text[end] in _GLUED) or not _is_slip(word):
                continue
            message = f"{word!r} written twice in a row"
            yield Finding(start, end, RULE_ID, message, 0.7)


def _is_slip(word: str) -> bool:
    """Whether ``word`` written twice is a doubled word English does not write.

    >>> _is_slip("the"), _is_slip("that"), _is_slip("b"), _is_slip("of"), _is_slip("x2")
    (True, False, False, True, False)
    """
    if not (word.isalpha() and word.islower()) or word in _MAY_DOUBLE:
        return False
    return len(word) > 2 or word in _SHORT_NEVER
