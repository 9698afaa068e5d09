"""Bundled packs split by domain: one folder per pack, one file per domain."""

from __future__ import annotations

import pytest

import mtclean
from mtclean.errors import RulePackError, UnknownNormalizerError
from mtclean.kinds import KINDS, load_rules
from mtclean.rulepacks.loader import merge_domains, parse_rules


def _part(domain: str, rule_id: str, name: str = "terms-xx") -> mtclean.RulePack:
    text = f"""
[pack]
name = "{name}"
kind = "terms"
domain = "{domain}"

[[rules]]
id = "{rule_id}"
find = "Foo{rule_id}"
replace = "Bar"
"""
    return parse_rules(text, kinds=KINDS, source=f"{domain}.toml")


def test_every_rule_of_a_bundled_language_pack_has_a_domain() -> None:
    pack = load_rules("terms-de")
    assert pack.name == "terms-de"
    assert "general" in pack.domains
    assert all(r.domain for r in pack.rules)
    assert all(r.full_id.startswith("terms-de/") for r in pack.rules)


def test_a_domain_switches_off_by_pack_slash_domain() -> None:
    text = "The Federal Day passed the budget."
    assert mtclean.clean(text, source_lang="de") == "The Bundestag passed the budget."
    assert mtclean.clean(text, source_lang="de", disable=["terms-de/general"]) == text


def test_an_unknown_domain_is_an_error_with_a_hint() -> None:
    with pytest.raises(UnknownNormalizerError, match="did you mean 'terms-de/general'"):
        mtclean.clean("x", disable=["terms-de/genral"])


def test_files_of_a_folder_merge_into_one_pack() -> None:
    pack = merge_domains("terms-xx", [_part("politics", "a"), _part("media", "b")])
    assert [(r.full_id, r.domain) for r in pack.rules] == [
        ("terms-xx/a", "politics"),
        ("terms-xx/b", "media"),
    ]
    assert pack.domains == ("media", "politics")


def test_a_rule_id_repeated_across_domain_files_is_an_error() -> None:
    with pytest.raises(RulePackError, match="duplicate rule id"):
        merge_domains("terms-xx", [_part("politics", "a"), _part("media", "a")])


def test_a_file_naming_another_pack_is_an_error() -> None:
    with pytest.raises(RulePackError, match="must declare name = 'terms-xx'"):
        merge_domains("terms-xx", [_part("politics", "a", name="terms-yy")])
