"""``lint/stacked-verbs``: two finite verbs in a row ("each guest has was paid").

Machine translation stacks verbs when it renders a source tense twice, or an
auxiliary and a modal side by side: "the minister is was", "has will", "would
is". English has such pairs only where the first verb ends a clause of its own
("what he has is", "the lump I have is", "as honest as he was could"), or where
the first word is a noun ("the will was read", "his might was", "Minnie May
has"); those are left alone. "would have", "had had" and other legitimate pairs
are never candidates.

>>> [f.message for f in StackedVerbs().findings("Each guest has was paid.")]
["'has' followed by 'was': two finite verbs"]
>>> StackedVerbs().findings("All the party has is a slogan; the will was read.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..core import Finding
from .context import words_before
from .words import lint_words

__all__ = ["RULE_ID", "StackedVerbs"]

RULE_ID = "lint/stacked-verbs"

_WORDS = lint_words("stacked-verbs")
#: The second words flagged after each first word.
_FOLLOWERS: dict[str, frozenset[str]] = {
    **{w: _WORDS["have"] for w in _WORDS["have-words"]},
    **{w: _WORDS["be"] for w in _WORDS["be-words"]},
    **{w: _WORDS["modal"] for w in _WORDS["modal-words"]},
}
_SECOND = frozenset().union(*_FOLLOWERS.values())


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# Both words lower case, as a sentence has them mid-clause ("May has" is a name),
# one space before and between them: the literal space that starts the pattern
# keeps the search fast (the spacing stage has made runs of blanks single spaces).
_PAIR = re.compile(rf" ({_alternation(frozenset(_FOLLOWERS))}) ({_alternation(_SECOND)})\b")
_GLUED = frozenset("'’-")


@dataclass(frozen=True)
class StackedVerbs:
    """Report a finite verb straight after another one (findings only).

    >>> text = "The minister is was in Brussels."
    >>> [(f.rule, text[f.start : f.end]) for f in StackedVerbs().findings(text)]
    [('lint/stacked-verbs', 'is was')]
    """

    rule_id: ClassVar[str] = RULE_ID

    def findings(self, text: str) -> list[Finding]:
        """One finding per pair of stacked finite verbs, spanning both."""
        return list(self._findings(text))

    def _findings(self, text: str) -> Iterator[Finding]:
        for m in _PAIR.finditer(text):
            first, second = m.group(1), m.group(2)
            start, end = m.start(1), m.end()
            if second not in _FOLLOWERS[first] or (end < len(text) and text[end] in _GLUED):
                continue
            if _ends_a_clause(first, words_before(text, 0, start, 6)):
                continue
            message = f"{first!r} followed by {second!r}: two finite verbs"
            yield Finding(start, end, RULE_ID, message, 0.7)


def _ends_a_clause(first: str, before: list[str]) -> bool:
    """Whether ``first`` (a verb with the words ``before`` it, nearest first) can end a
    clause or be a noun, so that the next verb starts another clause.

    >>> _ends_a_clause("has", ["he", "all"]), _ends_a_clause("has", ["guest", "each"])
    (True, False)
    >>> _ends_a_clause("will", ["the"]), _ends_a_clause("would", ["the"])
    (True, False)
    """
    lowered = [w.lower() for w in before]
    if not lowered:
        return first in _WORDS["noun-modals"]
    if first in _WORDS["noun-modals"] and (
        lowered[0] in _WORDS["noun-markers"] or lowered[0].endswith(("'s", "’s"))
    ):
        return True
    if first in _WORDS["have-words"] and lowered[0] in _WORDS["clause-subjects"]:
        return True
    return any(w in _WORDS["clause-enders"] for w in lowered)
