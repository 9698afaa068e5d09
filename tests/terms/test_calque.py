"""Calque variants: a rule gives the glosses of each part, the loader generates the terms."""

from __future__ import annotations

import gzip
import re
import tomllib
from pathlib import Path

import pytest

import mtclean
from mtclean.errors import RulePackError
from mtclean.kinds import parse_rules
from mtclean.rulepacks.loader import available_packs, bundled_folder
from mtclean.terms.calque import parse_parts, renderings

PACK = """
[pack]
name = "my-calques"
kind = "terms"
lang = "nl"

[[rules]]
id = "enquete"
note = "parlementaire enquetecommissie rendered part by part"
calque = ["parliamentary|", "survey|probe", "committee|commission"]
replace = "parliamentary inquiry committee"
plural = "parliamentary inquiry committees"
"""


def test_the_renderings_become_find_terms_and_plurals_a_sibling_rule() -> None:
    pack = parse_rules(PACK)
    assert [r.id for r in pack.rules] == ["enquete", "enquete-plural"]
    one, many = pack.rules
    assert one.fields["find"] == (
        "parliamentary survey committee",
        "parliamentary survey commission",
        "parliamentary probe committee",
        "parliamentary probe commission",
        "survey committee",
        "survey commission",
        "probe committee",
        "probe commission",
    )
    assert "calque" not in one.fields and "plural" not in one.fields
    assert many.fields["replace"] == "parliamentary inquiry committees"
    assert "survey commissions" in many.fields["find"]


def test_generated_terms_clean_like_typed_ones() -> None:
    pack = parse_rules(PACK)
    assert mtclean.clean("The survey committee met.", rules=[pack]) == (
        "The parliamentary inquiry committee met."
    )
    assert mtclean.clean("Two Probe Commissions sat.", rules=[pack]) == (
        "Two Parliamentary Inquiry Committees sat."
    )
    assert mtclean.clean("A survey of voters.", rules=[pack]) == "A survey of voters."
    result = mtclean.clean_and_explain("The survey commission met.", rules=[pack])
    assert [c.rule for c in result.changes] == ["my-calques/enquete"]


def test_sensitive_rules_get_case_variants() -> None:
    pack = parse_rules(
        PACK.replace('plural = "parliamentary inquiry committees"\n', 'case = "sensitive"\n')
    )
    finds = pack.rules[0].fields["find"]
    assert {"Survey Committee", "Survey committee", "survey committee"} <= set(finds)
    assert "SURVEY COMMITTEE" not in finds


@pytest.mark.parametrize(
    ("calque", "message"),
    [
        ('["survey|", "committee|"]', "every part is optional"),
        ('["survey|survey", "committee"]', "repeats a gloss"),
        ('["a|b|c|d|e|f|g|h", "a|b|c|d|e|f|g|h", "a|b|c|d|e|f|g|h2|i"]', "at most 512"),
        ('["parliamentary|", "survey"]', "'survey' alone, an ordinary English word"),
    ],
)
def test_bad_calques_name_the_rule_and_field(calque: str, message: str) -> None:
    text = PACK.replace(
        '["parliamentary|", "survey|probe", "committee|commission"]', calque
    ).replace('plural = "parliamentary inquiry committees"\n', "")
    with pytest.raises(RulePackError, match=re.escape(message)) as err:
        parse_rules(text, source="mine.toml")
    assert "rule 'enquete'" in str(err.value) and "field 'calque'" in str(err.value)


def test_plural_needs_a_calque() -> None:
    text = PACK.replace(
        'calque = ["parliamentary|", "survey|probe", "committee|commission"]',
        'find = "survey committee"',
    )
    with pytest.raises(RulePackError, match="only a 'calque' rule takes 'plural'"):
        parse_rules(text)


CLEAN = Path(__file__).resolve().parents[2] / "fixtures" / "clean-english"


def _bundled_calques() -> list[tuple[str, str]]:
    found = []
    for name in available_packs():
        folder = bundled_folder() / name
        files = folder.iterdir() if folder.is_dir() else [bundled_folder() / f"{name}.toml"]
        for f in files:
            if not f.name.endswith(".toml"):
                continue
            data = tomllib.loads(f.read_text("utf-8"))
            for rule in data.get("rules", []):
                if "calque" in rule:
                    for form in renderings(parse_parts(rule["calque"])):
                        found.append((f"{name}/{rule['id']}", form))
    return found


def test_bundled_packs_use_calques() -> None:
    assert len(_bundled_calques()) >= 20


def test_no_generated_rendering_occurs_in_clean_english() -> None:
    text = " ".join(gzip.decompress(book.read_bytes()).decode() for book in CLEAN.glob("*.gz"))

    def padded(s: str) -> str:
        return " " + " ".join(re.findall(r"\w+", s.lower())) + " "

    words = padded(text)
    hits = [(rule, form) for rule, form in _bundled_calques() if padded(form) in words]
    assert hits == []
