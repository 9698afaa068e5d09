"""``lint/stray-pronoun``: a capitalized subject pronoun in the middle of a sentence.

Machine translation loses a sentence boundary and leaves the next sentence's
pronoun capitalized after a word or a name: "... said Sánchez He defends ...",
"... the report was late They said ...". Left alone: sentence and line starts
(after any punctuation), title-case headings and titles ("the film It Follows":
the word after the pronoun must be lower case), verse run into one line (two or
more such capitals on a line), reverent capitals near "God", "Lord", "Him" and the
like ("praise the Lord for He is good"), and "He who", "They that".

>>> [f.message for f in StrayPronouns().findings("Then Sanchez He defends the plan.")]
["capitalized 'He' after 'Sanchez' with no punctuation between: a lost sentence boundary?"]
>>> StrayPronouns().findings("Trust in the Lord and He will guide you.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..core import Finding
from ..names.words import PARTICLES
from .capitals import CLAUSE_WORDS, FUNCTION_WORDS
from .context import is_heading, line_of, words_before
from .words import lint_words

__all__ = ["RULE_ID", "StrayPronouns"]

RULE_ID = "lint/stray-pronoun"

_WORDS = lint_words("stray-pronoun")
_PRONOUNS = _WORDS["pronouns"]
_FOLLOWED_BY = _WORDS["followed-by"]
_REVERENT = regex.compile(rf"\b(?:{'|'.join(sorted(_WORDS['reverent']))})\b")
_TITLE_SMALL = FUNCTION_WORDS | CLAUSE_WORDS | _PRONOUNS

# A space, the pronoun, a space, a lowercase letter; that a letter stands before
# the space is checked after. The literal space that starts the pattern keeps the
# search fast (the spacing stage has made runs of blanks single spaces).
_CANDIDATE = re.compile(rf" (?:{'|'.join(sorted(_PRONOUNS))}) (?=[^\W\d_A-Z])")
# Any capitalized function word or pronoun after a lowercase word: counted per line
# to tell verse run into one line from a single slip.
_VERSE = regex.compile(
    rf"(?<=\p{{Ll}}[ \t]+)(?:{'|'.join(sorted(FUNCTION_WORDS | _PRONOUNS))})(?=[ \t]+\p{{L}})"
)


@dataclass(frozen=True)
class StrayPronouns:
    """Report a capitalized subject pronoun after a word on the same line (findings only).

    >>> text = "The plan was late They said nothing."
    >>> [(f.rule, text[f.start : f.end]) for f in StrayPronouns().findings(text)]
    [('lint/stray-pronoun', 'They')]
    """

    rule_id: ClassVar[str] = RULE_ID

    def findings(self, text: str) -> list[Finding]:
        """One finding per stray capitalized pronoun."""
        return list(self._findings(text))

    def _findings(self, text: str) -> Iterator[Finding]:
        verse: dict[int, bool] = {}
        for m in _CANDIDATE.finditer(text):
            start, end = m.start() + 1, m.end() - 1
            if not text[start - 2 : start - 1].isalpha() or not text[end + 1].islower():
                continue
            if text[end + 1 : end + 7].split(" ", 1)[0].rstrip(",.;:") in _FOLLOWED_BY:
                continue
            line_start = text.rfind("\n", 0, start) + 1
            if line_start not in verse:
                verse[line_start] = _is_verse(line_of(text, start, end))
            if verse[line_start]:
                continue
            previous = words_before(text, line_start, start, 1)
            if not previous or previous[0].lower() in PARTICLES:
                continue
            if is_heading(line_of(text, start, end), _TITLE_SMALL):
                continue
            if _REVERENT.search(text, max(0, start - 300), min(len(text), end + 100)):
                continue
            word = text[start:end]
            message = (
                f"capitalized {word!r} after {previous[0]!r} with no punctuation between: "
                "a lost sentence boundary?"
            )
            yield Finding(start, end, RULE_ID, message, 0.6)


def _is_verse(line: str) -> bool:
    """Whether ``line`` has two or more capitalized function words or pronouns after
    lowercase words: verse run into one line, or a style that capitalizes on purpose.

    >>> _is_verse("the stars that shine And We are the Light"), _is_verse("a b He c")
    (True, False)
    """
    return len(_VERSE.findall(line)) >= 2
