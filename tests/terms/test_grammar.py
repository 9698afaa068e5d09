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


def test_an_article_free_name_loses_the_source_languages_article() -> None:
    result = mtclean.clean_and_explain("Leaders of the Navo met on Monday.", source_lang="nl")
    assert result.text == "Leaders of NATO met on Monday."
    (change,) = [c for c in result.changes if c.step == "terms"]
    assert (change.before, change.after) == ("the Navo", "NATO")
    assert mtclean.clean("The Navo said no.", source_lang="nl") == "NATO said no."
    assert mtclean.clean(result.text, source_lang="nl") == result.text


def test_the_article_stays_when_the_name_modifies_a_noun() -> None:
    for text, expected in [
        ("At the Navo summit, leaders spoke.", "At the NATO summit, leaders spoke."),
        ("The Navo-top begins.", "The NATO summit begins."),
        ("He met the Navo chief.", "He met the NATO chief."),
    ]:
        assert mtclean.clean(text, source_lang="nl") == expected


def test_a_name_that_takes_an_article_keeps_it() -> None:
    assert agree("of the Kamer met", 7, 12, "House", 0) == (7, 12, "House")
    assert agree("the X met", 4, 5, "NATO", 6) == (4, 5, "NATO")  # floor protects "the"


def test_a_rule_that_takes_in_the_article_keeps_it_before_a_noun() -> None:
    """A find that holds "the" ("the OTAN" -> "NATO") drops it only where the name is the
    head of its phrase; before a noun the article stays, outside the change."""
    for text, expected in [
        ("Leaders at the OTAN summit agreed.", "Leaders at the NATO summit agreed."),
        ("The OTAN summit in Brussels ended.", "The NATO summit in Brussels ended."),
        ("Ukraine wants to join the OTAN.", "Ukraine wants to join NATO."),
        ("The OTAN warned Russia.", "NATO warned Russia."),
        ("France joined the ONU in 1945.", "France joined the UN in 1945."),
        ("The OTAN wants more troops.", "NATO wants more troops."),
        ("Finland joined the OTAN after the invasion.", "Finland joined NATO after the invasion."),
        ("The OTAN early warning system works.", "The NATO early warning system works."),
    ]:
        assert mtclean.clean(text, source_lang="fr") == expected
        assert mtclean.clean(expected, source_lang="fr") == expected
    result = mtclean.clean_and_explain("At the OTAN summit.", source_lang="fr")
    (change,) = [c for c in result.changes if c.step == "terms"]
    assert (change.before, change.after, change.start) == ("OTAN", "NATO", 7)


def test_the_source_languages_article_before_a_replacement_becomes_the() -> None:
    """ "Die Bundesregierung" -> "The federal government": the German article machine
    translation left before the word it kept is part of the change."""
    result = mtclean.clean_and_explain("Die Bundesregierung met on Tuesday.", source_lang="de")
    assert result.text == "The federal government met on Tuesday."
    (change,) = [c for c in result.changes if c.step == "terms"]
    assert (change.before, change.after) == ("Die Bundesregierung", "The federal government")
    assert mtclean.clean(result.text, source_lang="de") == result.text
    # an article English never writes, inside a sentence; a name English writes bare
    assert agree("of het kabinet", 7, 14, "cabinet", 0, "nl") == (3, 14, "the cabinet")
    assert agree("Die Nato met.", 4, 8, "NATO", 0, "de") == (0, 8, "NATO")
    # an acronym English writes with "the" keeps it
    assert mtclean.clean("Le député said no.", source_lang="fr") == "The MP said no."


def test_words_that_may_be_english_or_a_name_are_not_taken_for_articles() -> None:
    # "die" inside a sentence, "A" at its start (English), a replacement with its own
    # article, another language's article
    assert agree("they die Bundesregierung", 9, 24, "government", 0, "de")[0] == 9
    assert agree("A Câmara voted.", 2, 8, "Chamber", 0, "pt") == (2, 8, "Chamber")
    assert agree("Die Mirror said.", 4, 10, "Der Spiegel", 0, "de") == (4, 10, "Der Spiegel")
    assert agree("Het kabinet fell.", 4, 11, "cabinet", 0, "de") == (4, 11, "cabinet")
