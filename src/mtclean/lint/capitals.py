"""``lint/stray-capital``: a capitalized function word in the middle of a sentence.

Machine translation leaves them when it loses a sentence boundary or copies a
capital from the source: "... told The Wall Street Journal That the Russians
...", "... end up in a position What with second-class members ...".

Capitals that clean prose has for a reason are left alone: sentence starts
(after any punctuation, abbreviations included), line starts, quotations,
headings and titles in title case ("Notes on What the Future Holds", "in The
Hague", "the song What a Wonderful World"), and words that are also names or
months ("Will Smith", "May", "vitamin A"). Capitalized personal pronouns are
``lint/stray-pronoun``'s (see :mod:`mtclean.lint.pronouns`).

>>> [f.rule for f in StrayCapitals().findings("a position What with members")]
['lint/stray-capital']
>>> StrayCapitals().findings("The band played in The Hague. That was all.")
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..core import Analysis, Edit, Finding
from ..names.words import PARTICLES
from .context import is_heading, verse_lines, words_after, words_before

__all__ = ["CLAUSE_WORDS", "FUNCTION_WORDS", "RULE_ID", "StrayCapitals"]

RULE_ID = "lint/stray-capital"

#: Function words that are never capitalized mid-sentence after a lowercase word,
#: except in titles. Words that double as names or months (May, Will, Can, Mark,
#: Bill), single letters (A, I), and personal pronouns (``lint/stray-pronoun``
#: checks those) are left out on purpose.
FUNCTION_WORDS = frozenset(
    [
        "The",
        "An",
        "That",
        "What",
        "Which",
        "Who",
        "Whom",
        "Whose",
        "This",
        "These",
        "Those",
        "Its",
        "Is",
        "Are",
        "Was",
        "Were",
        "And",
        "But",
        "Or",
        "Nor",
        "Of",
        "In",
        "On",
        "At",
        "To",
        "For",
        "With",
        "From",
        "By",
        "If",
        "When",
        "Where",
        "While",
        "Than",
        "Then",
        "Because",
        "Although",
        "Though",
        "Whether",
        "Into",
        "About",
        "After",
        "Before",
        "Their",
        "There",
        "Has",
        "Have",
        "Had",
        "Not",
        "Also",
        "Been",
        "Our",
    ]
)

#: Words that start a clause: flagged even after a capitalized word
#: ("Journal That the"), where a title would capitalize the next word too.
CLAUSE_WORDS = frozenset(
    [
        "That",
        "Which",
        "Whom",
        "Whose",
        "Whether",
        "Because",
        "Although",
        "Though",
        "Than",
        "Whereas",
    ]
)

#: Lowercase words a title keeps in lower case; skipped when looking for the
#: content words around a candidate.
_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "as",
        "vs",
        "via",
        "into",
        "onto",
        "upon",
    ]
)


_ALTERNATION = "|".join(sorted(FUNCTION_WORDS | CLAUSE_WORDS, key=len, reverse=True))
# One pass over the text: a letter, blanks, a candidate word, blanks, a lowercase letter.
_CANDIDATE = regex.compile(rf"(?<=\p{{L}}[ \t]+)(?:{_ALTERNATION})(?=[ \t]+\p{{Ll}})")

#: Words a heading's capitals are not counted on (as before pronouns moved out).
_TITLE_SMALL = FUNCTION_WORDS | CLAUSE_WORDS | {"They", "We", "She"}

_MESSAGE = (
    "capitalized {word!r} in mid-sentence: a lost sentence boundary or a title word "
    "left by machine translation?"
)


@dataclass(frozen=True)
class StrayCapitals:
    """Report capitalized function words in the middle of a sentence (findings only).

    >>> text = "He told The Wall Street Journal That the Russians left."
    >>> [text[f.start : f.end] for f in StrayCapitals().findings(text)]
    ['That']
    >>> StrayCapitals().findings("Will Smith arrived in May and said I was right.")
    []
    """

    name: str = "lint"
    rule_id: ClassVar[str] = RULE_ID

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The rule this step reports under."""
        return (RULE_ID,)

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """No edits (these problems need a person to fix); with ``audit``, one finding
        per stray capitalized function word."""
        return Analysis((), tuple(self._findings(text)) if audit else ())

    def edits(self, text: str) -> list[Edit]:
        """No edits: these problems need a person (or a sentence-level model) to fix."""
        return []

    def fix(self, text: str) -> str:
        """The text unchanged."""
        return text

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it: never."""
        return [False] * len(texts)

    def findings(self, text: str) -> list[Finding]:
        """One finding per stray capitalized function word."""
        return list(self._findings(text))

    def _findings(self, text: str) -> Iterator[Finding]:
        matches = list(_CANDIDATE.finditer(text))
        skip_lines = verse_lines(text, (m.start() for m in matches))
        heading_cache: dict[int, bool] = {}
        for m in matches:
            start, end = m.span()
            line_start = text.rfind("\n", 0, start) + 1
            if line_start in skip_lines:
                continue
            if line_start not in heading_cache:
                line_end = text.find("\n", end)
                line = text[line_start : len(text) if line_end < 0 else line_end]
                heading_cache[line_start] = is_heading(line, _TITLE_SMALL)
            if heading_cache[line_start]:
                continue
            confidence = _judge(text, line_start, start, end, m.group())
            if confidence:
                message = _MESSAGE.format(word=m.group())
                yield Finding(start, end, RULE_ID, message, confidence)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _content(words: list[str]) -> str | None:
    return next((w for w in words if w.lower() not in _SMALL), None)


def _judge(text: str, line_start: int, start: int, end: int, word: str) -> float:
    """The finding's confidence, or 0 when the capital is plausible here.

    After a lowercase word: flagged unless the next content word is capitalized
    too (a title: "the song What a Wonderful World"). After a capitalized name of
    two or more words: flagged only for clause words ("Journal That the").
    """
    before = words_before(text, line_start, start)
    after = words_after(text, end)
    if not before or not after or not after[0].islower():
        return 0.0
    previous = before[0]
    if previous.lower() in PARTICLES:
        return 0.0
    if previous[:1].islower():
        following = _content(after)
        if following is not None and _is_cap(following):
            return 0.0
        return 0.8
    if word in CLAUSE_WORDS and len(before) >= 2 and _is_cap(before[1]):
        return 0.6
    return 0.0
