"""A foreign word the writer glosses beside it is meant: it stays, and so does its gloss."""

from __future__ import annotations

import pytest

import mtclean


@pytest.mark.parametrize(
    "text",
    [
        "The ziekenhuis (hospital) was full.",
        "In Dutch a hospital is a ziekenhuis.",
        "The woningnood, or housing shortage, grows every year.",
        "The wethouder (alderman) opened the bridge.",
        "The Berlin paper reported that the Verkehrswende (transport transition) stalled.",
    ],
)
def test_a_glossed_word_stays(text: str) -> None:
    lang = "de" if "Verkehrswende" in text else "nl"
    assert mtclean.clean(text, source_lang=lang) == text


def test_the_same_word_without_its_gloss_is_translated() -> None:
    assert mtclean.clean("The ziekenhuis was full and the kabinet met.", source_lang="nl") == (
        "The hospital was full and the cabinet met."
    )


def test_an_abbreviation_in_parentheses_is_no_gloss() -> None:
    text = "The Berlin paper The Daily Newspaper (taz) reported it."
    assert mtclean.clean(text, source_lang="de") == "The Berlin paper taz (taz) reported it."
