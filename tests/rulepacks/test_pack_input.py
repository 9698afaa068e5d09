"""Pack files as editors save them: a byte order mark, empty and NUL values, names."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtclean
from mtclean import RulePackError, load_rules
from mtclean.kinds import parse_rules

PACK = '[pack]\nname = "my-port"\nkind = "terms"\n\n[[rules]]\nid = "haven"\n{rule}\n'


def _write(tmp_path: Path, body: str, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A pack saved with a UTF-8 BOM (as some editors do) loads and works."""
    body = PACK.format(rule='find = "Havenbedrijf"\nreplace = "Port Authority"\ncase = "exact"')
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    pack = load_rules(path)
    assert pack.name == "my-port"
    out = mtclean.clean("The Havenbedrijf said no.", rules=[pack])
    assert out == "The Port Authority said no."


def test_byte_order_mark_in_parsed_text() -> None:
    """parse_rules ignores a BOM too (text read without utf-8-sig)."""
    body = PACK.format(rule='find = "Havenbedrijf"\nreplace = "Port Authority"')
    assert parse_rules("\ufeff" + body).rules[0].id == "haven"


@pytest.mark.parametrize(
    ("rule", "field", "reason"),
    [
        ('find = ""\nreplace = "x"', "find", "must not be empty"),
        ('find = ["a", ""]\nreplace = "x"', "find", "non-empty"),
        ('find = "Haven\\u0000bedrijf"\nreplace = "Port"', "find", "NUL character"),
        ('find = ["Haven", "be\\u0000drijf"]\nreplace = "Port"', "find", "NUL character"),
        ('find = "Havenbedrijf"\nreplace = "Port\\u0000Authority"', "replace", "NUL character"),
        ('pattern = "Haven\\u0000"\nreplace = "Port"', "pattern", "NUL character"),
    ],
)
def test_empty_and_nul_values_are_refused(
    tmp_path: Path, rule: str, field: str, reason: str
) -> None:
    """The error names the file, the rule and the field."""
    path = _write(tmp_path, PACK.format(rule=rule), "nul.toml")
    with pytest.raises(RulePackError) as info:
        load_rules(path)
    text = str(info.value)
    assert f"nul.toml:5: rule 'haven': field '{field}'" in text, text
    assert reason in text


def test_empty_replace_still_deletes() -> None:
    """An empty ``replace`` stays allowed: it deletes the match."""
    pack = parse_rules(PACK.format(rule='find = "zie ook"\nreplace = ""\nwhole_word = true'))
    assert pack.rules[0].get("replace") == ""


def test_user_pack_with_a_bundled_name_is_refused(tmp_path: Path) -> None:
    """A user pack called like a bundled one does not silently merge with it."""
    body = PACK.format(rule='find = "Havenbedrijf"\nreplace = "Port Authority"')
    path = _write(tmp_path, body.replace('"my-port"', '"terms-nl"'), "clash.toml")
    with pytest.raises(RulePackError) as info:
        load_rules(path)
    text = str(info.value)
    assert "clash.toml: field 'pack.name'" in text, text
    assert "a bundled pack is called 'terms-nl'" in text
    assert 'rename it (name = "my-terms-nl")' in text


def test_bundled_packs_keep_their_names() -> None:
    """The bundled pack itself loads under its own name."""
    assert load_rules("terms-nl").name == "terms-nl"


def test_a_repeated_id_names_the_line_of_the_second_rule(tmp_path: Path) -> None:
    body = PACK.format(rule='find = "Haven"\nreplace = "Port"')
    body += '\n[[rules]]\nid = "haven"\nfind = "Kade"\nreplace = "Quay"\n'
    path = _write(tmp_path, body, "twice.toml")
    with pytest.raises(RulePackError) as info:
        load_rules(path)
    assert "twice.toml:10: rule 'haven': field 'id'" in str(info.value), str(info.value)
