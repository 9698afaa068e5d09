"""``lint/modal-object``: a modal verb followed by a noun phrase instead of a verb.

Machine translation drops the verb after a modal when the source put it at the end
of the clause: "That would the dismissal of most staff mean", "he would Prime
Minister Smith proposals make". The check looks for a subject pronoun, a modal,
then a determiner or a capitalized name. Questions and inversions are English and
have no subject pronoun before the modal ("Would the minister resign?", "What
would the party do", "nor would the court", "Only then could the talks"); neither
are elided verbs ("as she would a daughter", "more than it could the others") nor
"the" with a comparative ("it will the sooner be").

>>> [f.message for f in ModalObjects().findings("That would the dismissal of all staff.")]
["'would' followed by 'the': a modal with no verb after it"]
>>> ModalObjects().findings("Would the minister resign? Nor would the court.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from ..core import Finding
from .context import is_heading, line_of, words_after, words_before
from .words import lint_words

__all__ = ["RULE_ID", "ModalObjects"]

RULE_ID = "lint/modal-object"

_WORDS = lint_words("modal-object")


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# A space, a modal (lower case), a space, then a determiner or a capitalized word
# other than "I"; the subject before the modal is checked after. The literal space
# that starts the pattern keeps the search fast (the spacing stage has made runs
# of blanks single spaces).
_CANDIDATE = re.compile(
    rf" ({_alternation(_WORDS['modals'])}) "
    rf"({_alternation(_WORDS['determiners'])}|(?!I\b)[A-Z\u00c0-\u00de][^\W\d_]*)\b"
)


#: Each modal as an earlier word of its sentence, negations included ("can't", "won't").
_EARLIER = {
    m: re.compile(r"\b(?:will(?:not)?|won[’']t)\b" if m == "will" else rf"\b{m}(?:n?[’']t|not)?\b")
    for m in _WORDS["modals"]
}


@dataclass(frozen=True)
class ModalObjects:
    """Report a modal verb with a noun phrase where its verb should be (findings only).

    >>> text = "Smith said he would Prime Minister Jones proposals submit."
    >>> [(f.rule, text[f.start : f.end]) for f in ModalObjects().findings(text)]
    [('lint/modal-object', 'would Prime')]
    """

    rule_id: ClassVar[str] = RULE_ID

    def findings(self, text: str) -> list[Finding]:
        """One finding per modal followed by a noun phrase, spanning both words."""
        return list(self._findings(text))

    def _findings(self, text: str) -> Iterator[Finding]:
        for m in _CANDIDATE.finditer(text):
            modal, following = m.group(1), m.group(2)
            start, end = m.start(1), m.end(2)
            line_start = text.rfind("\n", 0, start) + 1
            before = [w.lower() for w in words_before(text, line_start, start, 4)]
            if not before or before[0] not in _WORDS["subjects"]:
                continue
            if any(w in _WORDS["ellipsis"] for w in before[1:]) or _said_before(text, start, modal):
                continue
            after = words_after(text, end, 1)
            if following == "the" and after and after[0].lower() in _WORDS["comparatives"]:
                continue
            if following[1:].isupper():  # "he can EVEN finish": emphasis
                continue
            if following[:1].isupper() and is_heading(line_of(text, start, end)):
                continue
            message = f"{modal!r} followed by {following!r}: a modal with no verb after it"
            yield Finding(start, end, RULE_ID, message, 0.6)


def _said_before(text: str, start: int, modal: str) -> bool:
    """Whether ``modal`` (or its negation) is already in the sentence before ``start``:
    then the verb is elided on purpose ("we can't command our love, but we can our
    actions").

    >>> _said_before("We can't command love, but we can our acts", 31, "can")
    True
    >>> _said_before("That would the dismissal mean", 5, "would")
    False
    """
    window = text[max(0, start - 150) : start]
    stop = max(window.rfind(". "), window.rfind("? "), window.rfind("! "), window.rfind("\n\n"))
    return _EARLIER[modal].search(window, stop + 1) is not None
