"""What the lint checks look at around a candidate: the words before and after it on
its line, whether the line is a title-case heading, and lines of run-together verse.

>>> words_before("the minister has was paid", 0, 17)
['has', 'minister', 'the']
>>> words_after("the minister has was paid", 16)
['was', 'paid']
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["is_heading", "line_of", "verse_lines", "words_after", "words_before"]

_WORD = regex.compile(r"[\p{L}\p{M}'’\-]+")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}'’\-]+)[ \t]*$")
_SENTENCE_END = regex.compile(r"[.!?:;\"”’)\]…]\s*$")


def line_of(text: str, start: int, end: int) -> str:
    """The line of ``text`` that holds ``text[start:end]``.

    >>> line_of("a\\nb c\\nd", 3, 4)
    'b c'
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end < 0 else line_end]


def words_before(text: str, line_start: int, pos: int, limit: int = 4) -> list[str]:
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


def words_after(text: str, pos: int, limit: int = 4) -> list[str]:
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


def is_heading(line: str, small: frozenset[str] = frozenset()) -> bool:
    """Whether ``line`` looks like a title-case heading: short, unpunctuated, capitals.

    Words in ``small`` (function words a title may capitalize or not) do not count.

    >>> is_heading("Notes on What the Future Holds"), is_heading("It ends here.")
    (True, False)
    """
    if _SENTENCE_END.search(line):
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 12:
        return False
    content = [w for w in words if len(w) >= 4 and w not in small]
    if not content:
        return True
    capitalized = sum(1 for w in content if w[:1].isupper())
    return capitalized / len(content) >= 0.75


def verse_lines(text: str, positions: Iterable[int]) -> set[int]:
    """Starts of lines with two or more of the candidate ``positions``: verse run into
    one line, or a style that capitalizes on purpose; a translation slip is a single one.

    >>> sorted(verse_lines("a\\nb c d", [2, 4, 6]))
    [2]
    """
    seen: set[int] = set()
    many: set[int] = set()
    for pos in positions:
        line_start = text.rfind("\n", 0, pos) + 1
        (many if line_start in seen else seen).add(line_start)
    return many
