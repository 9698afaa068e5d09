"""Translated surnames, the spelling policy, particles and misspelt first names."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtclean
from mtclean.kinds import load_rules, parse_rules
from mtclean.names.canonicalizer import NameCanonicalizer
from mtclean.names.policy import plain_forms, target_spelling
from mtclean.names.stage import build_steps
from mtclean.options import Options

PEOPLE = """
[pack]
name = "people"
kind = "names"

[[rules]]
id = "anna-visser"
canonical = "Anna Bakker"
roles = ["Housing Minister"]
translated_as = ["Baker"]

[[rules]]
id = "karl-mueller"
canonical = "Karl Müller"
variants = ["Karl Mueller"]
translated_as = ["Miller"]

[[rules]]
id = "jan-de-jong"
canonical = "Jan de Jong"
translated_as = ["the Young"]

[[rules]]
id = "lea-le-maire"
canonical = "Léa Le Maire"
roles = ["Budget Minister"]
translated_as = ["the Mayor"]

[[rules]]
id = "ricarda-lang"
canonical = "Ricarda Lang"
roles = ["Party Leader"]

[[rules]]
id = "marianne-vermeulen"
canonical = "Marianne Vermeulen"

[[rules]]
id = "markus-soder"
canonical = "Markus Söder"
variants = ["Markus Soeder"]
roles = ["Bavarian Premier"]
"""


@pytest.fixture(scope="module")
def people() -> NameCanonicalizer:
    return NameCanonicalizer((parse_rules(PEOPLE, source="people.toml"),))


WORLD = build_steps(Options())[0]


# -- translated surnames ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Baker said no.", "Anna Bakker said no."),  # first name beside it
        ("Housing Minister Baker said no.", "Housing Minister Bakker said no."),  # role
        ("Bakker spoke first. Later Baker said no.", "Bakker spoke first. Later Bakker said no."),
        ("Müller spoke. Miller and Bakker met.", "Müller spoke. Müller and Bakker met."),
        ("Le Maire spoke, insisted the Mayor.", "Le Maire spoke, insisted Le Maire."),
        ("Jan the Young spoke.", "Jan de Jong spoke."),
    ],
)
def test_translated_surname_with_evidence(
    people: NameCanonicalizer, text: str, expected: str
) -> None:
    assert people.fix(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The young baker and the miller asked the mayor.",  # ordinary words
        "Baker said no. The Mayor agreed. Miller left.",  # no evidence
        "Bakker met the Baker family and Tom Baker.",  # another name, an article
        "Le Maire met the Mayor of Lyon.",  # the mayor of somewhere
        "Müller met Miller Street residents.",  # part of a longer name
    ],
)
def test_translated_surname_without_evidence_is_left(people: NameCanonicalizer, text: str) -> None:
    assert people.fix(text) == text


def test_bundled_translations() -> None:
    assert mtclean.clean("Giorgia Melons spoke.") == "Giorgia Meloni spoke."
    text = "Giorgia Meloni spoke. Melons and Schlein met."
    assert mtclean.clean(text) == "Giorgia Meloni spoke. Meloni and Schlein met."
    assert mtclean.clean("Ricarda Long spoke.") == "Ricarda Lang spoke."
    assert mtclean.clean("It was a long day. Melons are sweet.") == (
        "It was a long day. Melons are sweet."
    )


# -- spelling policy ---------------------------------------------------------------------


def test_native_spelling_keeps_its_diacritics() -> None:
    text = "Erdogan spoke. Erdogan left. Erdoğan returned."
    assert WORLD.fix(text) == "Erdoğan spoke. Erdoğan left. Erdoğan returned."
    assert WORLD.fix("Erdogan spoke. Erdogan left.") == "Erdogan spoke. Erdogan left."


def test_one_spelling_throughout_is_kept(people: NameCanonicalizer) -> None:
    text = "Bavarian Premier Markus Soeder spoke. Soeder left."
    assert people.fix(text) == text
    mixed = "Markus Soeder spoke. Söder left."
    assert people.fix(mixed) == "Markus Söder spoke. Söder left."


def test_target_spelling_styles() -> None:
    from collections import Counter

    used = Counter({"Soeder": 2, "Söder": 1})
    assert target_spelling("Söder", used, "default") == "Söder"
    assert target_spelling("Söder", used, "dominant") == "Soeder"
    assert target_spelling("Soeder", Counter({"Söder": 1}), "canonical") == "Soeder"
    assert plain_forms("Hołownia") == frozenset({"Holownia"})


# -- particles and case ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister Hugo De Jonge said.", "Minister Hugo de Jonge said."),
        ("Minister De Jonge said.", "Minister De Jonge said."),  # Dutch style, surname alone
        ("Prime Minister de Wever said.", "Prime Minister De Wever said."),
        ("Marine le Pen spoke.", "Marine Le Pen spoke."),
        ("Ursula spoke. von der Leyen left.", "Ursula spoke. von der Leyen left."),
        ("The Meloni-von der Leyen meeting.", "The Meloni-von der Leyen meeting."),
    ],
)
def test_particles_take_the_persons_case(text: str, expected: str) -> None:
    assert WORLD.fix(text) == expected


# -- first names one letter off ----------------------------------------------------------


def test_first_name_one_letter_off(people: NameCanonicalizer) -> None:
    text = "Marianne Vermeulen spoke. Later Mariane Vermeulen left."
    assert people.fix(text) == "Marianne Vermeulen spoke. Later Marianne Vermeulen left."


def test_close_names_of_different_people_kept_apart(people: NameCanonicalizer) -> None:
    text = "Marianne Vermeulen spoke. Later Anna Vermeulen and Maria Vermeulen left."
    assert people.fix(text) == text
    assert WORLD.fix("Andriy Zelenskyy met Olaf Scholz.") == "Andriy Zelenskyy met Olaf Scholz."


# -- name tables as rules ------------------------------------------------------------------


def test_table_path_loads_as_names_pack(tmp_path: Path) -> None:
    table = tmp_path / "newsroom.tsv"
    table.write_text("canonical\ttranslated_as\nAnna Bakker\tBaker\n", encoding="utf-8")
    pack = load_rules(str(table))
    assert (pack.name, pack.kind) == ("newsroom", "names")
    assert mtclean.clean("Anna Baker spoke.", rules=[str(table)]) == "Anna Bakker spoke."
    csv = tmp_path / "more.csv"
    csv.write_text("canonical,translated_as\nAnna Bakker,Baker\n", encoding="utf-8")
    assert load_rules(csv).rules[0].get("translated_as") == ("Baker",)


# -- precision -------------------------------------------------------------------------------

SHARED = """
[pack]
name = "shared"
kind = "names"

[[rules]]
id = "a"
canonical = "Jan Kowalczyk"
roles = ["Prime Minister"]

[[rules]]
id = "b"
canonical = "Eva Brzezinska"
roles = ["Prime Minister"]

[[rules]]
id = "c"
canonical = "Ola Wisniewska"
roles = ["Prime Minister"]

[[rules]]
id = "d"
canonical = "Ada Zielinska"
roles = ["Prime Minister"]

[[rules]]
id = "e"
canonical = "Tomas Landsbergis"
roles = ["Lithuanian Foreign Minister"]
"""


def test_a_role_many_people_hold_anchors_no_fuzzy_fix() -> None:
    step = NameCanonicalizer((parse_rules(SHARED, source="shared.toml"),))
    assert step.fix("Prime Minister Kowalczik spoke.") == "Prime Minister Kowalczik spoke."
    assert step.fix("Jan Kowalczik spoke.") == "Jan Kowalczyk spoke."
    text = "Lithuanian Foreign Minister Landsbergys spoke."
    assert step.fix(text) == "Lithuanian Foreign Minister Landsbergis spoke."


def test_shared_variant_follows_the_first_name() -> None:
    assert WORLD.fix("Gerd Muller spoke. Gerd Müller left.") == (
        "Gerd Müller spoke. Gerd Müller left."
    )
    assert WORLD.fix("Muller spoke. Mueller left.") == "Muller spoke. Mueller left."


def test_untranslated_foreign_words_are_not_fuzzy_targets() -> None:
    from mtclean.names.gazetteer import could_be_misspelt

    assert not could_be_misspelt("Rathaus", frozenset())
    assert not could_be_misspelt("Gemeente", frozenset())
    assert could_be_misspelt("Koiliba", frozenset())


def test_diacritics_on_some_words_of_a_name_but_not_all() -> None:
    assert WORLD.fix("José Maria Aznar spoke.") == "José María Aznar spoke."
    assert WORLD.fix("Jose Maria Aznar spoke.") == "Jose Maria Aznar spoke."
