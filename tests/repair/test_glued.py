"""repair/glued-words: the space between a word and the clause or date glued to it."""

from __future__ import annotations

import pytest

import mtclean
from mtclean.repair.glued import GLUED_WORDS, GluedWordSplitter

SPLIT = GluedWordSplitter()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam broke in floodthe night before.", "The dam broke in flood the night before."),
        ("The old bridgeafter the storm was shut.", "The old bridge after the storm was shut."),
        ("Ask Zubrovic. Zubrovicwhich he denied.", "Ask Zubrovic. Zubrovic which he denied."),
        ("Aired on radioMonday, 4 May.", "Aired on radio Monday, 4 May."),
    ],
)
def test_glued_words_are_split(text: str, expected: str) -> None:
    assert SPLIT(text) == expected
    assert SPLIT(expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She would breathe and seethe; Goethe wrote forthwith, herewith and therefrom.",
        "Olivier Verand met them.",  # a name ending in "and" ("and" is not a clause word)
        "Call getValue() and setMonday() in JavaScript; see iPhone and eBay.",
        "Tags: #floodthe @bridgeafter",
        "Clothe the poor, soothe the sick, loathe the lie.",
        "Zubrovicwhich was the odd spelling.",  # no standalone Zubrovic, no English word
    ],
)
def test_words_names_and_code_stay(text: str) -> None:
    assert SPLIT(text) == text


def test_urls_and_mail_are_protected_in_the_pipeline() -> None:
    text = "See https://example.com/floodthe/ or mail floodthe@example.com today.\n"
    assert mtclean.clean(text) == text


def test_the_change_names_its_rule() -> None:
    result = mtclean.clean_and_explain("Rivers in floodthe town.")
    assert [(c.rule, c.start, c.end, c.after) for c in result.changes] == [
        (GLUED_WORDS, 15, 15, " ")
    ]


def test_disable_by_rule_id() -> None:
    assert mtclean.clean("Rivers in floodthe town.", disable=[GLUED_WORDS]) == (
        "Rivers in floodthe town."
    )
