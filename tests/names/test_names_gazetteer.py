"""The whole bundled gazetteer (every table of data/names) and people who share a surname."""

from __future__ import annotations

import pytest

from mtclean.kinds import parse_rules
from mtclean.names.canonicalizer import AMBIGUOUS_RULE, NameCanonicalizer
from mtclean.names.policy import plain_forms
from mtclean.names.stage import bundled_gazetteers

ALL = NameCanonicalizer(bundled_gazetteers())


def test_bundled_gazetteer_has_five_thousand_people() -> None:
    assert len(ALL.gazetteer.persons) >= 5000
    names = {p.name for p in bundled_gazetteers()}
    assert {"names-uk", "names-ru", "names-tr", "names-us", "names-gb"} <= names


def test_every_canonical_name_is_left_alone() -> None:
    persons = ALL.gazetteer.persons
    text = ". ".join(p.canonical for p in persons) + "."
    assert ALL.fix(text) == text


def test_every_spelling_of_the_new_tables_resolves_to_its_person() -> None:
    gaz = ALL.gazetteer
    for p, forms in zip(gaz.persons, gaz.person_surnames, strict=True):
        if p.rule.split("/")[0] in ("names-world", "names-de", "names-nl", "names-fr"):
            continue  # checked by test_names.py on names-world
        for f in forms:
            if f.kind == "canonical" or f.capital:
                continue
            if len({g.person for g in gaz.surname_index.get(f.text, ())}) > 1:
                continue  # shared by relatives ("Zepkalo"): see test_people_sharing_a_surname
            text = f"Officials met {f.text} on Monday."
            assert ALL.fix(text) == (
                text if f.kind == "accepted" else f"Officials met {p.surname} on Monday."
            ), (p.canonical, f.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukrainian Finance Minister Serhii Marchenko said.", None),
        (
            "Turkish opposition leader Ozgur Ozel and Özgür Özel.",
            "Turkish opposition leader Özgür Özel and Özgür Özel.",
        ),
        ("Senator Lindsey Graham spoke.", None),
        ("Zohran Mamdani, the mayor, met Kathy Hochul.", None),
        ("Sergei Lawrow met Karen Khachanov.", "Sergei Lavrov met Karen Khachanov."),
        ("Kremlin aide Anton Vaino spoke; Vaino left.", None),
        ("Greek Finance Minister Yanis Varoufakis and Varoufakis.", None),
    ],
)
def test_new_tables_in_running_text(text: str, expected: str | None) -> None:
    assert ALL.fix(text) == (text if expected is None else expected)


SHARED = parse_rules(
    """
[pack]
name = "shared"
kind = "names"

[[rules]]
id = "gerd"
canonical = "Gerd Müller"
variants = ["Gerd Muller"]

[[rules]]
id = "thomas"
canonical = "Thomas Müller"
variants = ["Thomas Muller"]

[[rules]]
id = "cem"
canonical = "Cem Özdemir"

[[rules]]
id = "cuneyt"
canonical = "Cüneyt Özdemir"
variants = ["Cuneyt Ozdemir"]
"""
)
STEP = NameCanonicalizer((SHARED,))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a shared variant follows the one of its people the text names with a first name
        ("Gerd Müller spoke. Later Muller left.", "Gerd Müller spoke. Later Müller left."),
        ("Thomas Müller scored. Muller celebrated.", "Thomas Müller scored. Müller celebrated."),
        # nobody named, or both: it stays
        ("Later Muller left.", "Later Muller left."),
        (
            "Gerd Müller met Thomas Müller. Muller left.",
            "Gerd Müller met Thomas Müller. Muller left.",
        ),
        # a first name, then its person's surname without diacritics that is another
        # person's variant: the first name decides
        ("Cem Ozdemir spoke. Özdemir left.", "Cem Özdemir spoke. Özdemir left."),
        ("Cuneyt Ozdemir spoke.", "Cuneyt Ozdemir spoke."),
        ("Cüneyt Özdemir spoke. Ozdemir left.", "Cüneyt Özdemir spoke. Özdemir left."),
    ],
)
def test_people_sharing_a_surname(text: str, expected: str) -> None:
    assert STEP.fix(text) == expected
    assert STEP.fix(expected) == expected


def test_shared_variant_without_a_named_person_is_a_finding() -> None:
    found = STEP.analyze("Gerd Müller met Thomas Müller. Muller left.", audit=True)
    assert [f.rule for f in found.findings] == [AMBIGUOUS_RULE]
    assert "Gerd Müller" in found.findings[0].message
    assert "Thomas Müller" in found.findings[0].message


def test_plain_forms_of_new_native_spellings() -> None:
    assert "Ozel" in plain_forms("Özel")
