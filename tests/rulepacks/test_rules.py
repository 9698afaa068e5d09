"""Rule-pack loading: every mistake names the file, the rule and the field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import mtclean
from mtclean import RulePackError, UnknownNormalizerError, load_rules
from mtclean.kinds import parse_rules

RULES = Path(__file__).resolve().parents[2] / "fixtures" / "rules"
BAD = sorted(RULES.glob("bad-*.toml"))


def _expectation(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} needs an '# expect: REGEX' first line"
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_broken_pack_error_names_file_rule_and_field(path: Path) -> None:
    """Each broken fixture fails with the message its first line expects."""
    with pytest.raises(RulePackError) as info:
        load_rules(path)
    assert re.search(_expectation(path), str(info.value)), str(info.value)
    assert info.value.source.endswith(path.name)


def test_there_are_broken_fixtures() -> None:
    """The table above is not empty."""
    assert len(BAD) >= 10


class TestLoad:
    """Loading good packs."""

    def test_user_pack_by_path(self) -> None:
        """A user pack loads by path and cleans text as documented."""
        pack = load_rules(RULES / "good-demo.toml")
        assert pack.name == "my-site"
        assert [r.full_id for r in pack.rules] == ["my-site/navo", "my-site/second-chamber"]
        assert pack.rule("navo").note == "Dutch acronym for NATO left untranslated."
        out = mtclean.clean("The Navo and the Second Chamber.", rules=[pack])
        assert out == "NATO and the House of Representatives."

    def test_cached_until_the_file_changes(self, tmp_path: Path) -> None:
        """The same unchanged file loads once; an edited file loads again."""
        path = tmp_path / "p.toml"
        text = (RULES / "good-demo.toml").read_text(encoding="utf-8")
        path.write_text(text, encoding="utf-8")
        first = load_rules(path)
        assert load_rules(str(path)) is first
        path.write_text(text.replace("House of Representatives", "Dutch House"), encoding="utf-8")
        import os

        os.utime(path, ns=(1, 1))
        assert load_rules(path) is not first

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a RulePackError naming it."""
        with pytest.raises(RulePackError, match=r"nope\.toml: cannot read rule pack"):
            load_rules(tmp_path / "nope.toml")

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A pack that is not UTF-8 says so."""
        path = tmp_path / "latin.toml"
        path.write_bytes(b'[pack]\nname = "caf\xe9"\nkind = "terms"\n')
        with pytest.raises(RulePackError, match=r"latin\.toml: not UTF-8"):
            load_rules(path)

    def test_unknown_bundled_pack(self) -> None:
        """An unknown bundled name is an UnknownNormalizerError with a hint."""
        with pytest.raises(UnknownNormalizerError, match="no bundled rule pack called 'nope'"):
            load_rules("nope")

    @pytest.mark.parametrize("name", [".", ".."])
    def test_dot_names_are_paths_not_bundled_folders(
        self, name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """ "." and ".." name the user's folders, never mtclean's own data folders."""
        (tmp_path / "sub").mkdir()
        monkeypatch.chdir(tmp_path / "sub")
        with pytest.raises(RulePackError, match=rf"^{re.escape(name)}: cannot read rule pack"):
            load_rules(name)

    def test_defaults_apply_to_every_rule(self) -> None:
        """[pack].defaults fill rule fields the rules leave out."""
        pack = parse_rules(
            '[pack]\nname = "d"\nkind = "terms"\ndefaults = { case = "exact" }\n'
            '[[rules]]\nid = "a"\nfind = "x"\nreplace = "Y"\n'
        )
        assert pack.rules[0].get("case") == "exact"

    def test_rule_ids_with_slash_are_refused(self) -> None:
        """Rule ids cannot contain '/', which separates pack and rule in audits."""
        with pytest.raises(RulePackError, match="rule 'a/b': field 'id'"):
            parse_rules(
                '[pack]\nname = "d"\nkind = "terms"\n'
                '[[rules]]\nid = "a/b"\nfind = "x"\nreplace = "y"\n'
            )


def test_bundled_packs_all_load() -> None:
    """Every bundled pack loads and validates."""
    for name in mtclean.available_packs():
        pack = load_rules(name)
        assert pack.name == name, f"{name}.toml declares name {pack.name!r}"
