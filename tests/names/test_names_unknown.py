"""People the gazetteer does not know: one text, one spelling of their surname."""

from __future__ import annotations

import pytest

import mtclean
from mtclean.names.unknown import RULE, UnknownNames, translit_key

STEP = UnknownNames(first_names=frozenset({"Taras", "Olha", "Jon", "Jan", "Marek", "Anna"}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the spelling the text first uses with the first name wins
        (
            "Taras Hrytsenkyy spoke. Hrytsenkiy and Hrytsenky left; Hrytsenkyy's aide stayed.",
            "Taras Hrytsenkyy spoke. Hrytsenkyy and Hrytsenkyy left; Hrytsenkyy's aide stayed.",
        ),
        (
            "Hrytsenky arrived. Later Taras Hrytsenkiy spoke.",
            "Hrytsenkiy arrived. Later Taras Hrytsenkiy spoke.",
        ),
        ("Marek Kowalczik said. Kovalczik agreed.", "Marek Kowalczik said. Kowalczik agreed."),
        ("Olha Tchornenko said. Chornenko agreed.", "Olha Tchornenko said. Tchornenko agreed."),
        ("Anna Petrossyan said. Petrosyan agreed.", "Anna Petrossyan said. Petrossyan agreed."),
        # the same first name twice: one person
        (
            "Taras Hrytsenky met us. Taras Hrytsenkiy left.",
            "Taras Hrytsenky met us. Taras Hrytsenky left.",
        ),
        # a title or a common word before the surname is no other name
        ("Taras Hrytsenky spoke. Mr Hrytsenkiy left.", "Taras Hrytsenky spoke. Mr Hrytsenky left."),
    ],
)
def test_unknown_surname_spellings_converge(text: str, expected: str) -> None:
    assert STEP.fix(text) == expected
    assert STEP.fix(expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jon Smith and Jan Smit met.",  # different surnames
        "Taras Hrytsenko met Olha Hrytsenka.",  # not a transliteration difference
        "Taras Hrytsenky met Olha Hrytsenkiy.",  # different first names: two people
        "Hrytsenky and Hrytsenkiy met.",  # nobody introduced with a first name
        "Taras Hrytsenky met Hrytsenkiy Petro.",  # a first name, not the surname
        "Taras Hrytsenky met Oleh Hrytsenkiy.",  # another name before it
        "Jon Kelly met Kelli.",  # an ordinary English surname
        "Taras Woods met Voods.",  # a common word
    ],
)
def test_different_people_and_weak_evidence_stay_apart(text: str) -> None:
    assert STEP.fix(text) == text


def test_two_letters_apart_is_a_finding() -> None:
    text = "Taras Jurij spoke. Yuriy left."
    found = STEP.analyze(text, audit=True)
    assert found.edits == ()
    assert [(f.rule, text[f.start : f.end]) for f in found.findings] == [(RULE, "Yuriy")]
    assert "'Yuriy' may be Taras Jurij" in found.findings[0].message


def test_edits_name_the_rule_and_the_person() -> None:
    edits = STEP.analyze("Taras Hrytsenky spoke. Hrytsenkiy left.").edits
    assert [(e.replacement, e.rule, e.message) for e in edits] == [
        ("Hrytsenky", RULE, "spelling of Taras Hrytsenky used first in this text")
    ]


def test_evidence_reaches_about_an_article() -> None:
    far = "Taras Hrytsenky spoke." + " Rain fell." * 1000 + " Hrytsenkiy left."
    assert STEP.fix(far) == far


def test_translit_key() -> None:
    assert translit_key("Kowalskyj") == translit_key("Kovalskiy")
    assert translit_key("Mayer") != translit_key("Maier")  # y before a vowel stays


def test_in_the_pipeline_with_the_bundled_gazetteer() -> None:
    text = "Deputy mayor Oleksandr Hrytsenkyy said. Hrytsenkiy added details."
    assert mtclean.clean(text) == (
        "Deputy mayor Oleksandr Hrytsenkyy said. Hrytsenkyy added details."
    )
    assert mtclean.clean(text, disable=["names-unknown"]) == text
    # a person the gazetteer knows is the gazetteer's business
    assert mtclean.clean("Zelenskyy spoke. Zelenskiy left.") == "Zelensky spoke. Zelensky left."
