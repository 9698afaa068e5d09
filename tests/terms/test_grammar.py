"""Grammar after a replacement is part of the same change."""

from __future__ import annotations

import mtclean
from mtclean.terms.grammar import agree, wants_an


def test_the_article_is_part_of_the_change() -> None:
    result = mtclean.clean_and_explain(
        "Police issued an allerta rossa for Genoa.", source_lang="it"
    )
    assert result.text == "Police issued a red alert for Genoa."
    (change,) = [c for c in result.changes if c.step == "terms"]
    assert (change.before, change.after) == ("an allerta rossa", "a red alert")


def test_a_right_article_is_left_alone() -> None:
    assert agree("a car", 2, 5, "vehicle", 0) == (2, 5, "vehicle")
    assert agree("an aviso", 3, 8, "alert", 0) == (3, 8, "alert")


def test_the_article_never_reaches_into_an_earlier_edit() -> None:
    assert agree("a kort", 2, 6, "injunction", 3) == (2, 6, "injunction")


def test_sound_not_spelling_decides() -> None:
    assert [wants_an(w) for w in ("hour", "union", "European", "MEP", "UN", "NGO", "x")] == [
        True,
        False,
        False,
        True,
        False,
        True,
        False,
    ]
