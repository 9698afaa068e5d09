"""Repeated lines: a title scraped twice near the top, a paragraph repeated verbatim.

Both work on the lines still kept by the boilerplate rules (``alive``), so the
result does not depend on clutter between the copies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

__all__ = [
    "MIN_PARAGRAPH_CHARS",
    "MIN_TITLE_CHARS",
    "TITLE_FIRST_WITHIN",
    "normalize_line",
    "repeated_paragraphs",
    "repeated_titles",
    "sentence_like",
    "title_like",
]

#: A title shorter than this (after normalizing) is never treated as repeated.
MIN_TITLE_CHARS = 12
#: ... nor a line longer than this (a paragraph, not a title).
MAX_TITLE_CHARS = 300
#: A title has at least this many words.
MIN_TITLE_WORDS = 3
#: The first copy of a title must be among this many first kept lines...
TITLE_FIRST_WITHIN = 3
#: ...and a repeat among this many kept lines after it.
TITLE_REPEAT_WITHIN = 3
#: A paragraph shorter than this is never reported as repeated (dialogue repeats).
MIN_PARAGRAPH_CHARS = 80

_QUOTES_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
}
_QUOTE_PAIRS = tuple(_QUOTES_MAP.items())
_WORDS = re.compile(r"\w+")
_SPACED_DASH = re.compile(r"\s*-\s*")
_QUOTE_CHARS = "'\"‘’“”«»„"
_STOPS = ".,;:!?"


def normalize_line(line: str) -> str:
    """The comparison key of a line: quotes and dashes unified, spacing collapsed, casefolded.

    >>> normalize_line("  No “second-class”  members — he said ")
    'no "second-class" members-he said'
    >>> normalize_line('No "second-class" members - he said')
    'no "second-class" members-he said'
    """
    if not line.isascii():
        for mark, plain in _QUOTE_PAIRS:  # (many times faster than str.translate)
            if mark in line:
                line = line.replace(mark, plain)
    text = " ".join(line.split())
    if "-" in text:
        text = _SPACED_DASH.sub("-", text)
    return text.casefold()


def repeated_titles(lines: Sequence[str], alive: Callable[[int], bool]) -> list[int]:
    """Indices of later copies of a title line repeated near the top (the first copy stays).

    ``alive(i)`` says whether line ``i`` is still kept (blank lines are skipped).

    >>> repeated_titles(["Talks stall in Geneva", "", "Talks stall in Geneva", "Text."],
    ...                 lambda i: True)
    [2]
    >>> repeated_titles(['"Yes, sir."', '"Yes, sir."'], lambda i: True)
    []
    >>> repeated_titles(["‘Talks only about the deal now’", "‘Talks only about the deal now’"],
    ...                 lambda i: True)
    [1]
    """
    seen: list[tuple[int, str]] = []
    out: list[int] = []
    position = 0
    for i, line in enumerate(lines):
        if not alive(i) or not line.strip():
            continue
        if len(line) > MAX_TITLE_CHARS or sentence_like(line):
            if position >= TITLE_FIRST_WITHIN + TITLE_REPEAT_WITHIN:
                break
            position += 1
            continue
        key = normalize_line(line)
        first = next((p for p, k in seen if k == key), None)
        if first is not None and position - first <= TITLE_REPEAT_WITHIN:
            out.append(i)
            continue
        if position >= TITLE_FIRST_WITHIN + TITLE_REPEAT_WITHIN:
            break
        if position < TITLE_FIRST_WITHIN and title_like(key):
            seen.append((position, key))
        position += 1
    return out


def sentence_like(line: str) -> bool:
    """Whether a line reads as a sentence or a line of dialogue, not a headline."""
    text = line.strip()
    if not text:
        return True
    last = text[-1]
    if last in _STOPS:
        return True
    if last in _QUOTE_CHARS:  # a quoted headline ("‘No deal now’") has no stop inside
        return len(text) > 1 and text[-2] in _STOPS
    return False


def title_like(key: str) -> bool:
    """Whether a normalized line is long enough to be a title (12 characters, three words)."""
    return len(key) >= MIN_TITLE_CHARS and len(_WORDS.findall(key)) >= MIN_TITLE_WORDS


def repeated_paragraphs(lines: Sequence[str], alive: Callable[[int], bool]) -> list[int]:
    """Indices of later verbatim copies of a long paragraph line.

    >>> p = "A paragraph long enough to count, repeated word for word by a scraper bug."
    >>> repeated_paragraphs([p + " It goes on.", "x", p + " It goes on."], lambda i: True)
    [2]
    >>> repeated_paragraphs([p, p], lambda i: True)  # too short to tell
    []
    """
    seen: set[str] = set()
    out: list[int] = []
    long_lines = [line for line in lines if len(line) >= MIN_PARAGRAPH_CHARS]
    if len(set(long_lines)) == len(long_lines):
        return []
    for i, line in enumerate(lines):
        if len(line) < MIN_PARAGRAPH_CHARS or not alive(i):
            continue
        if line in seen:
            out.append(i)
        else:
            seen.add(line)
    return out
