"""The optional quote-style normalizer (Options.quotes)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mtclean
from mtclean.repair.quotes import QUOTES_CURLY, QUOTES_STRAIGHT, QuoteNormalizer

CURLY = QuoteNormalizer("curly")
STRAIGHT = QuoteNormalizer("straight")
DOMINANT = QuoteNormalizer("dominant")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Hello," she said.', "“Hello,” she said."),
        ("\"He told me 'no' twice,\" she said.", "“He told me ‘no’ twice,” she said."),
        ("\"'Nested' first\"", "“‘Nested’ first”"),
        ("don't, it's, Zelensky's, NATO's", "don’t, it’s, Zelensky’s, NATO’s"),
        ("the members' votes", "the members’ votes"),
        ("back in the '90s and '20s", "back in the ’90s and ’20s"),
        ("'Tis true, rock 'n' roll, 'em all", "’Tis true, rock ’n’ roll, ’em all"),
        ("the 1990's trend", "the 1990’s trend"),
        ('("quoted") and ["x"]', "(“quoted”) and [“x”]"),
        ('a dash—"quote"', "a dash—“quote”"),
    ],
)
def test_curly(text: str, expected: str) -> None:
    assert CURLY(text) == expected
    assert {e.rule for e in CURLY.edits(text)} == {QUOTES_CURLY}
    assert CURLY(expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        'He is 5\'10" tall and the screen is 27".',  # primes after digits
        "Run `print('hi')` and `x = \"y\"` in code.",  # code in backticks
        "No quotes at all.",
        "“Already” ‘curly’ it’s",
    ],
)
def test_curly_leaves_alone(text: str) -> None:
    assert CURLY(text) == text


def test_straight() -> None:
    text = "“Nested ‘quote’,” it’s „German“ ‚too‘"
    assert STRAIGHT(text) == "\"Nested 'quote',\" it's \"German\" 'too'"
    assert {e.rule for e in STRAIGHT.edits(text)} == {QUOTES_STRAIGHT}
    assert STRAIGHT("«guillemets» stay") == "«guillemets» stay"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('“One” “two” and "three"', "“One” “two” and “three”"),
        ('"One" "two" and “three”', '"One" "two" and "three"'),
        ('"tie" “tie”', '"tie" “tie”'),  # a tie changes nothing
    ],
)
def test_dominant(text: str, expected: str) -> None:
    assert DOMINANT(text) == expected


def test_off_by_default_and_via_options() -> None:
    text = '"Straight" and “curly”'
    assert mtclean.clean(text) == text
    assert mtclean.clean(text, quotes="curly") == "“Straight” and “curly”"
    assert mtclean.clean(text, quotes="straight") == '"Straight" and "curly"'
    assert mtclean.clean(text, quotes="curly", disable="repair/quotes-curly") == text


def test_bad_style() -> None:
    with pytest.raises(ValueError, match="quote style"):
        QuoteNormalizer("fancy")


quote_text = st.lists(
    st.sampled_from(['"', "'", "“", "”", "‘", "’", "a", "word", " ", "5", "(", "—", "\n", "`"]),
    max_size=30,
).map("".join)


@given(quote_text, st.sampled_from(["straight", "curly", "dominant"]))
def test_idempotent(text: str, style: str) -> None:
    step = QuoteNormalizer(style)
    once = step(text)
    assert step(once) == once
