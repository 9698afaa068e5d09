"""The leftover lexicon: curated words machine translation leaves behind, their inflected
forms, and the suggestions of the ``terms/leftover`` findings."""

from __future__ import annotations

from importlib import resources

import pytest

import mtclean
from mtclean.kinds import load_rules
from mtclean.terms import leftlex
from mtclean.terms.report import LEFTOVER_RULE, suggestions

LANGS = leftlex.LANGS


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nl",
            "She was taken to the ziekenhuis after the crash.",
            "She was taken to the hospital after the crash.",
        ),
        ("nl", "Two ziekenhuizen closed their doors.", "Two hospitals closed their doors."),
        ("nl", "The droogte hit the farmers hard.", "The drought hit the farmers hard."),
        (
            "de",
            "Critics of the Regierung said it was too late.",
            "Critics of the government said it was too late.",
        ),
        ("de", "Both Regierungen signed the deal.", "Both governments signed the deal."),
        (
            "fr",
            "The sécheresse ruined the harvest this summer.",
            "The drought ruined the harvest this summer.",
        ),
        ("es", "The huelga lasted two days.", "The strike lasted two days."),
        ("es", "It raised the impuestos on fuel.", "It raised the taxes on fuel."),
        # Every inflected form of an adjective has the translation.
        ("es", "The económicas measures were late.", "The economic measures were late."),
        ("it", "The ospedali were full.", "The hospitals were full."),
        ("pt", "The vereador resigned on Friday.", "The councillor resigned on Friday."),
        ("pl", "The szpital was full.", "The hospital was full."),
        ("ro", "The spital was full.", "The hospital was full."),
    ],
)
def test_one_translation_is_a_change(lang: str, text: str, expected: str) -> None:
    result = mtclean.clean_and_explain(text, source_lang=lang)
    assert result.text == expected
    assert mtclean.clean(text, source_lang=lang) == expected
    assert any(c.rule.startswith(f"terms-{lang}/lexicon-") for c in result.changes)
    assert mtclean.clean(expected, source_lang=lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "word", "message"),
    [
        # Several translations: a finding that lists them.
        (
            "nl",
            "The overheid has to act now.",
            "overheid",
            "Dutch word 'overheid' left untranslated (suggestions: government, authorities)",
        ),
        (
            "it",
            "The azienda cut two hundred jobs.",
            "azienda",
            "Italian word 'azienda' left untranslated (suggestions: company, business)",
        ),
        # An inflected noun: the lexicon knows the word, not its number or case.
        (
            "pl",
            "The director of the szpitala resigned.",
            "szpitala",
            "Polish word 'szpitala' left untranslated (a form of 'szpital': hospital)",
        ),
        (
            "ro",
            "The spokesman of the guvernului said so.",
            "guvernului",
            "Romanian word 'guvernului' left untranslated (a form of 'guvern': government)",
        ),
    ],
)
def test_uncertain_words_are_findings_with_suggestions(
    lang: str, text: str, word: str, message: str
) -> None:
    result = mtclean.clean_and_explain(text, source_lang=lang)
    assert result.text == text
    found = [f for f in result.findings if f.rule == LEFTOVER_RULE]
    assert [(text[f.start : f.end], f.message) for f in found] == [(word, message)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Talked about as a word, quoted, glossed, in italics: the writer's.
        ("nl", "The Dutch word ziekenhuis means hospital."),
        ("nl", "Locals call it the “ziekenhuis” on the hill."),
        ("nl", "The new hospital (ziekenhuis) opens in May."),
        ("nl", "The sign read _ziekenhuis_ in red."),
        ("es", "What Spaniards called a huelga lasted two days."),
        # Part of a proper name, or at the start of a sentence (the capital would be lost).
        ("nl", "She works at the Sint Lucas Ziekenhuis."),
        ("de", "The Berliner Regierung building."),
        ("de", "Regierung officials declined to comment."),
        # A line still in the source language is left as it is.
        ("it", "Il nuovo ospedale della città sarà pronto entro la fine del prossimo anno."),
        # A plural adjective that is also a noun: not certain.
        ("it", "The politici argued for hours."),
    ],
)
def test_mentions_names_and_foreign_lines_are_left_alone(lang: str, text: str) -> None:
    assert mtclean.clean(text, source_lang=lang) == text


def test_the_language_must_be_known() -> None:
    """Lexicon rules are ``ambiguous``: one leftover word decides nothing."""
    text = "She was taken to the ziekenhuis after the crash."
    assert mtclean.clean(text) == text
    decided = "The kabinet met on woensdag; she was taken to the ziekenhuis."
    assert "hospital" in mtclean.clean(decided)


@pytest.mark.parametrize(
    "text",
    [
        "The hospital ward was full, and the strike lasted two days.",
        "Policy makers met the press on Monday to discuss the budget and the economy.",
        "The politics of the region are complicated, the mayor said.",
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_clean_english_is_untouched(lang: str, text: str) -> None:
    assert mtclean.clean_and_explain(text, source_lang=lang).changes == ()


@pytest.mark.parametrize("lang", LANGS)
def test_every_pack_has_a_lexicon_domain(lang: str) -> None:
    rules = [r for r in load_rules(f"terms-{lang}").rules if r.id.startswith("lexicon-")]
    assert len(rules) >= 30
    for rule in rules:
        assert rule.get("case") == "sensitive", rule.full_id
        assert rule.get("ambiguous") is True, rule.full_id
        assert rule.get("unless"), rule.full_id


def test_table_rows() -> None:
    rows = list(leftlex.entries())
    assert {e.lang for e in rows} == set(LANGS)
    assert {e.pos for e in rows} == set(leftlex.POS)
    for e in rows:
        assert e.english and all(e.english), e


def test_suggestions() -> None:
    assert suggestions("nl", "overheid") == ("overheid", ("government", "authorities"))
    assert suggestions("nl", "ziekenhuis") is None  # one translation: a rule, not a suggestion


def test_generated_files_are_current() -> None:
    """The shipped lexicon is what the generator makes of the table (needs simplemma)."""
    pytest.importorskip("simplemma")
    text, _, _ = leftlex.generate("nl")
    path = resources.files("mtclean") / "data" / "packs" / "terms-nl" / "lexicon.toml"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("pt", "They danced to bossa nova until dawn."),
        ("pt", "A nova is far brighter than the star was before."),
        ("pt", "The court ordered a de novo review of the case."),
        ("it", "He is a career politico from Ohio."),
        ("fr", "The restaurant serves nouvelle cuisine."),
        ("fr", "The nouveaux riches bought the villas."),
    ],
)
def test_words_english_uses_itself_are_no_leftovers(lang: str, text: str) -> None:
    assert mtclean.clean_and_explain(text, source_lang=lang).changes == ()
