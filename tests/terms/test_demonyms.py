"""Nationality adjectives and demonyms: the generated ``demonyms`` domain of each terms pack."""

from __future__ import annotations

import pytest

import mtclean
from mtclean.kinds import load_rules
from mtclean.terms import demonyms

LANGS = demonyms.LANGS


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # nl: adjectives are capitalised in Dutch, plural nouns too.
        ("nl", "The Zwitserse banks were closed.", "The Swiss banks were closed."),
        ("nl", "She spoke to the Hongaarse ambassador.", "She spoke to the Hungarian ambassador."),
        ("nl", "Many Belgen crossed the border.", "Many Belgians crossed the border."),
        ("nl", "The Oostenrijkers and the Zwitsers agreed.", "The Austrians and the Swiss agreed."),
        ("nl", "He met a Zwitser in Bern.", "He met a Swiss in Bern."),
        ("nl", "The Duitsers’ cars and the Duitsers.", "The Germans’ cars and the Germans."),
        # de: adjectives in every ending; nouns; one word for singular and plural.
        ("de", "The schweizerischen banks refused.", "The Swiss banks refused."),
        ("de", "The Schweizer banks refused.", "The Swiss banks refused."),
        (
            "de",
            "A row between the Dänen and the Schotten.",
            "A row between the Danes and the Scots.",
        ),
        ("de", "Many Amerikaner are worried.", "Many Americans are worried."),
        ("de", "Only one Amerikaner was there.", "Only one American was there."),
        ("de", "The Amerikaner are worried.", "The Americans are worried."),
        ("de", "Talks with the Kanadiern ended.", "Talks with the Canadians ended."),
        # fr: lower-case adjectives, capitalised nouns.
        ("fr", "The suédoise government resigned.", "The Swedish government resigned."),
        ("fr", "The Suédois are divided.", "The Swedes are divided."),
        ("fr", "Many Norvégiens voted no.", "Many Norwegians voted no."),
        ("fr", "The ukrainienne army advanced.", "The Ukrainian army advanced."),
        # es / it / pt: gender and number; a plural is a noun before a verb.
        ("es", "The suecos are worried.", "The Swedes are worried."),
        ("es", "The suecos soldiers left.", "The Swedish soldiers left."),
        ("es", "The ucraniana army advanced.", "The Ukrainian army advanced."),
        ("it", "The svedesi want more.", "The Swedes want more."),
        ("it", "The svedesi tanks arrived.", "The Swedish tanks arrived."),
        ("it", "The ucraina army advanced.", "The Ukrainian army advanced."),
        ("pt", "The alemães are worried.", "The Germans are worried."),
        ("pt", "The brasileira economy grew.", "The Brazilian economy grew."),
        # pl: every case form of the adjective; plural nouns.
        ("pl", "The polskiego government protested.", "The Polish government protested."),
        ("pl", "The niemieckiej economy shrank.", "The German economy shrank."),
        ("pl", "Many Polacy work abroad.", "Many Poles work abroad."),
        # ro: articled and case forms.
        ("ro", "The românii voted on Sunday.", "The Romanians voted on Sunday."),
        ("ro", "The românească economy grew.", "The Romanian economy grew."),
        ("ro", "The suedezi voted no.", "The Swedes voted no."),
        ("ro", "The ucraineană army advanced.", "The Ukrainian army advanced."),
    ],
)
def test_fixed(lang: str, text: str, expected: str) -> None:
    assert mtclean.clean(text, source_lang=lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Names that contain an adjective stay as they are.
        ("de", "Shares of Deutsche Bank fell."),
        ("de", "The Deutsche Bahn was late."),
        ("nl", "The Nederlandse Spoorwegen cancelled trains."),
        ("nl", "The Zwitserse Bondsraad met."),
        ("es", "The Banco Español de Crédito was rescued."),
        ("es", "It aired on Televisión Española."),
        ("fr", "She studied at the Comédie-Française."),
        ("fr", "He joined the Institut Français."),
        ("pl", "Polska Agencja Prasowa reported it."),
        ("pl", "It was on Polskie Radio."),
        ("ro", "The Academia Română met."),
        ("it", "The Repubblica Italiana was founded in 1946."),
        # English words and names that look like a form.
        ("nl", "Prime Minister Anthony Albanese spoke."),
        ("nl", "Friedrich Engels wrote it."),
        ("fr", "Eggs with hollandaise and a polonaise."),
        ("it", "An americano, please."),
        ("es", "He wore chinos."),
        ("ro", "The point is not germane."),
        ("de", "The Villa d'Este is in Tivoli."),
        # Quoted, in italics, or in a foreign phrase English uses.
        ("fr", "“Française?” he asked."),
        ("fr", "“Oui. Monsieur parle français?”"),
        ("fr", "Mushrooms à la grecque."),
        ("it", "The Rondo alla turca."),
        ("fr", "They danced an écossaise."),
        ("fr", "Their night at the Italiens."),
        # Singular or plural, and nothing says which: left alone.
        ("de", "The Amerikaner said so."),
        # English already.
        ("ro", "The Italian government."),
    ],
)
def test_left_alone(lang: str, text: str) -> None:
    assert mtclean.clean(text, source_lang=lang) == text


@pytest.mark.parametrize(
    "text",
    [
        "The Zwitserse banks were closed.",  # capitalised: a name English may share
        "The suecos are worried.",  # shared by Spanish and Portuguese
    ],
)
def test_ambiguous_forms_need_the_language(text: str) -> None:
    assert mtclean.clean(text) == text


def test_unambiguous_forms_without_a_language() -> None:
    assert mtclean.clean("The polskiego government protested.") == (
        "The Polish government protested."
    )


def test_mentions_are_left_alone() -> None:
    text = "The Dutch word Zwitserse means Swiss."
    assert mtclean.clean(text, source_lang="nl") == text


@pytest.mark.parametrize("lang", LANGS)
def test_every_pack_has_a_demonyms_domain(lang: str) -> None:
    rules = [r for r in load_rules(f"terms-{lang}").rules if r.id.startswith("demonym-")]
    assert len(rules) >= 70
    for rule in rules:
        assert rule.get("case") == "sensitive", rule.full_id
        assert rule.get("not_after"), rule.full_id


def test_table_rows() -> None:
    rows = list(demonyms.entries())
    assert {e.lang for e in rows} >= set(LANGS)
    assert {e.kind for e in rows} == {"adj", "pl", "sg", "adjpl", "sgpl", "skip"}
    for e in rows:
        if e.kind in ("adjpl", "sgpl"):
            assert e.english.count("|") == 1, e


def test_generated_files_are_current() -> None:
    """The shipped TOML is what the generator makes of the table (rerun it after editing)."""
    from importlib import resources

    for lang in ("nl", "ro"):
        path = resources.files("mtclean") / "data" / "packs" / f"terms-{lang}" / "demonyms.toml"
        assert demonyms.generate(lang)[0] == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A plural that is also an adjective is the noun before a verb, in es and it too.
        (
            "es",
            "In the poll, the alemanes are the most worried.",
            "In the poll, the Germans are the most worried.",
        ),
        ("es", "Many españoles voted early.", "Many Spaniards voted early."),
        ("es", "The alemanes carmakers cut jobs.", "The German carmakers cut jobs."),
        ("it", "The tedeschi have voted.", "The Germans have voted."),
        ("it", "The italiani abroad can vote by post.", "The Italians abroad can vote by post."),
        ("it", "The tedeschi carmakers cut jobs.", "The German carmakers cut jobs."),
        # The singular adjective stays a curated rule.
        ("es", "The alemana economy shrank.", "The German economy shrank."),
    ],
)
def test_plural_demonyms_are_nouns(lang: str, text: str, expected: str) -> None:
    assert mtclean.clean(text, source_lang=lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A country, city or nationality word inside a longer proper name: after a
        # capitalised word of the name, or after its glue word.
        ("fr", "Shares of Crédit Suisse rose; Crédit Suisse was sold."),
        ("it", "It aired on the Radiotelevisione italiana."),
        ("it", "A report by the Banca d'Italia came out."),
        ("es", "Fans of the Atlético Madrid cheered."),
        ("de", "Their Bahnhof Polen sign was old."),
        ("nl", "The Hotel Zweden stayed open."),
    ],
)
def test_names_inside_longer_names_are_left_alone(lang: str, text: str) -> None:
    assert mtclean.clean(text, source_lang=lang) == text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Prices in Suisse rose.", "Prices in Switzerland rose."),
        ("nl", "The Zweden team won.", "The Sweden team won."),
        ("it", "The italiana economy grew.", "The Italian economy grew."),
    ],
)
def test_place_names_after_an_opener_still_change(lang: str, text: str, expected: str) -> None:
    assert mtclean.clean(text, source_lang=lang) == expected
