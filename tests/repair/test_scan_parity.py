"""Candidates found by cheaper scans are exactly those of the plain patterns they replace."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mtclean.repair.glued import CLAUSE_WORDS, hints
from mtclean.repair.marks import _glued_parens

GLUED = re.compile(rf"[a-z](?:(?:{'|'.join(CLAUSE_WORDS)})(?![A-Za-z])|[A-Z][a-z])")
GLUED_PIECES = [*CLAUSE_WORDS, "a", "Z", "x", "Thursday", " ", "\n", "é", "É", "1", "-", "🙂", "ß"]
PAREN = re.compile(
    r"(?<![\w.])[a-z]{3,}(?=\((?:[a-z]{3,}|\d+)[^()\n=;{}]* [^()\n=;{}]*\)(?:[ ,.;:]|$))"
)
PAREN_PIECES = [
    "alone",
    "ab",
    "(",
    ")",
    " ",
    "three",
    "12",
    ".",
    "_",
    "=",
    "\n",
    "é",
    "X",
    ",",
    "x",
]


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Every start of ``pattern``, overlapping ones too (as the automaton reports)."""
    return [i for i in range(len(text)) if pattern.match(text, i)]


@given(st.lists(st.sampled_from(GLUED_PIECES), max_size=30).map("".join))
def test_glued_hints_are_the_pattern_starts(text: str) -> None:
    assert hints(text) == _starts(GLUED, text)


def test_glued_hints_on_prose() -> None:
    text = "Rivers in floodthe Civil, infoThursday; theme, breathe, getValue and fooafter."
    assert hints(text) == _starts(GLUED, text) == [14, 29, 50, 58, 71]


def test_glued_hints_across_the_pieces_of_a_long_text() -> None:
    """A long text is scanned piece by piece: hints at and across each piece's end are
    found once, as in one scan."""
    unit = "Rivers in floodthe Civil, infoThursday; theme, getValue and fooafter. é "
    for shift in range(9):  # hints land on every offset around the pieces' ends
        text = "x" * shift + unit * 2_000
        assert len(text) > 2 * 65_536
        assert hints(text) == _starts(GLUED, text)


@given(st.lists(st.sampled_from(PAREN_PIECES), max_size=30).map("".join))
def test_glued_parens_are_the_pattern_matches(text: str) -> None:
    expected = [m.span() for m in PAREN.finditer(text)]
    assert [(s, e) for s, e, _ in _glued_parens(text)] == expected


def test_glued_parens_on_prose() -> None:
    text = "alone(three billion in all), candidate(s), f(x), a.path(to it), Word(two words)."
    assert [(s, e) for s, e, _ in _glued_parens(text)] == [(0, 5)]
