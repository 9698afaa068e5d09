"""Findings no rule can safely fix: reported, never changed.

The lint stage proposes no edits. Its check, ``lint/stray-capital``, flags a
capitalized function word in the middle of a sentence, as machine translation
leaves them when it loses a sentence boundary or copies a capital from the
source: "... told The Wall Street Journal That the Russians ...", "... end up in
a position What with second-class members ...".

Capitals that clean prose has for a reason are left alone: sentence starts
(after any punctuation, abbreviations included), line starts, quotations,
headings and titles in title case ("Notes on What the Future Holds", "in The
Hague", "the song What a Wonderful World"), and words that are also names or
months ("Will Smith", "May", "vitamin A").

>>> [f.rule for f in StrayCapitals().findings("a position What with members")]
['lint/stray-capital']
>>> StrayCapitals().findings("The band played in The Hague. That was all.")
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from .core import Analysis, Edit, Finding, Normalizer
from .names.words import PARTICLES
from .options import Options

__all__ = ["RULE_ID", "StrayCapitals", "build_steps"]

RULE_ID = "lint/stray-capital"

#: Function words that are never capitalized mid-sentence after a lowercase word,
#: except in titles. Words that double as names or months (May, Will, Can, Mark,
#: Bill), single letters (A, I), and pronouns capitalized for a deity (He, His)
#: are left out on purpose.
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
        "They",
        "There",
        "Has",
        "Have",
        "Had",
        "Not",
        "Also",
        "Been",
        "Our",
        "We",
        "She",
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
_WORD = regex.compile(r"[\p{L}\p{M}'’\-]+")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}'’\-]+)[ \t]*$")
_SENTENCE_END = regex.compile(r"[.!?:;\"”’)\]…]\s*$")

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

    def findings(self, text: str) -> list[Finding]:
        """One finding per stray capitalized function word."""
        return list(self._findings(text))

    def _findings(self, text: str) -> Iterator[Finding]:
        matches = list(_CANDIDATE.finditer(text))
        skip_lines = _verse_lines(text, matches)
        heading_cache: dict[int, bool] = {}
        for m in matches:
            start, end = m.span()
            line_start = text.rfind("\n", 0, start) + 1
            if line_start in skip_lines:
                continue
            if line_start not in heading_cache:
                line_end = text.find("\n", end)
                line = text[line_start : len(text) if line_end < 0 else line_end]
                heading_cache[line_start] = _is_heading(line)
            if heading_cache[line_start]:
                continue
            confidence = _judge(text, line_start, start, end, m.group())
            if confidence:
                message = _MESSAGE.format(word=m.group())
                yield Finding(start, end, RULE_ID, message, confidence)


def _verse_lines(text: str, matches: list[Any]) -> set[int]:
    """Starts of lines with two or more candidates: verse run into one line, or a
    style that capitalizes on purpose; a translation slip is a single one."""
    seen: set[int] = set()
    many: set[int] = set()
    for m in matches:
        line_start = text.rfind("\n", 0, m.start()) + 1
        (many if line_start in seen else seen).add(line_start)
    return many


def _words_before(text: str, line_start: int, pos: int, limit: int = 4) -> list[str]:
    """Up to ``limit`` words before ``pos`` on its line, nearest first, stopping at punctuation."""
    words: list[str] = []
    chunk = text[max(line_start, pos - 120) : pos]
    while len(words) < limit:
        m = _WORD_BEFORE.search(chunk)
        if m is None:
            break
        words.append(m.group(1))
        chunk = chunk[: m.start()]
    return words


def _words_after(text: str, pos: int, limit: int = 4) -> list[str]:
    """Up to ``limit`` words after ``pos``, nearest first, stopping at punctuation."""
    words: list[str] = []
    chunk = text[pos : pos + 120]
    i = 0
    while len(words) < limit:
        j = i
        while j < len(chunk) and chunk[j] in " \t":
            j += 1
        m = _WORD.match(chunk, j)
        if m is None:
            break
        words.append(m.group())
        i = m.end()
    return words


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
    before = _words_before(text, line_start, start)
    after = _words_after(text, end)
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


def _is_heading(line: str) -> bool:
    """Whether ``line`` looks like a title-case heading: short, unpunctuated, capitals.

    >>> _is_heading("Notes on What the Future Holds"), _is_heading("It ends here.")
    (True, False)
    """
    if _SENTENCE_END.search(line):
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 12:
        return False
    content = [w for w in words if len(w) >= 4 and w not in FUNCTION_WORDS | CLAUSE_WORDS]
    if not content:
        return True
    capitalized = sum(1 for w in content if _is_cap(w))
    return capitalized / len(content) >= 0.75


def build_steps(options: Options) -> list[Normalizer]:
    """The lint stage of the default pipeline: findings only."""
    return [] if options.is_disabled(RULE_ID) else [StrayCapitals()]
