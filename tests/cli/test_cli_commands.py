"""Listing packs and rules, checking several packs, lint's options, eval's default, stats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mtclean.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "rules" / "good-demo.toml"
BAD = ROOT / "fixtures" / "rules" / "bad-unknown-key.toml"


def test_packs_lists_every_bundled_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["packs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["pack", "kind", "rules", "lang", "default", "domains"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["terms-nl"][1:4] == ["terms", rows["terms-nl"][2], "nl"]
    assert "politics," in rows["terms-nl"]
    assert rows["style-en"][4] == "off"
    assert rows["names-world"][1] == "names"
    assert main(["packs", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert sorted(first) == ["default", "domains", "kind", "lang", "name", "rules"]


def test_rules_lists_ids_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", str(DEMO)]) == 0
    assert capsys.readouterr().out == (
        "my-site/navo  Dutch acronym for NATO left untranslated.\n"
        "my-site/second-chamber  Tweede Kamer translated word for word.\n"
    )
    assert main(["rules", "names-world"]) == 0
    assert capsys.readouterr().out.startswith("names-world/")
    assert main(["rules", "no-such-pack"]) == 2
    assert "no bundled rule pack called 'no-such-pack'" in capsys.readouterr().err


def test_check_rules_reports_every_broken_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "broken.toml"
    other.write_text('[pack]\nname = "x"\nkind = "terms"\n[[rules]]\nid = "a"\n', "utf-8")
    assert main(["check-rules", str(BAD), str(DEMO), str(other)]) == 2
    out, err = capsys.readouterr()
    assert "bad-unknown-key.toml:6: rule 'navo'" in err
    assert "broken.toml" in err
    assert "good-demo.toml: 2 rules" in out


def test_lint_help_lists_only_what_lint_uses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--help"]) == 0
    out = capsys.readouterr().out
    for used in ("--from", "--rules", "--disable", "--enable", "--encoding", "--errors"):
        assert used in out
    for unused in ("--quotes", "--name-style", "--repeated-paragraphs", "--in-place"):
        assert unused not in out


def test_eval_without_a_folder_outside_a_clone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["eval"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mtclean: error: no labelled set given")
    assert "mtclean eval DIR" in err


def test_eval_of_an_unknown_article_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt --article is an error with a hint, not a report on no articles."""
    article = tmp_path / "set" / "nl-navo-summit"
    article.mkdir(parents=True)
    (article / "input.txt").write_text("The Navo met.\n", encoding="utf-8")
    (article / "expected.txt").write_text("NATO met.\n", encoding="utf-8")
    (article / "meta.toml").write_text('source_lang = "nl"\n', encoding="utf-8")
    assert main(["eval", str(tmp_path / "set"), "--article", "nl-navo-sumit"]) == 2
    assert "did you mean 'nl-navo-summit'?" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "set"), "--article", "nl-navo-summit"]) == 0


def test_user_boilerplate_rule_message_is_its_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "site.toml"
    pack.write_text(
        '[pack]\nname = "site"\nkind = "boilerplate"\n[[rules]]\nid = "promo"\n'
        'pattern = "Get the Example app now"\nnote = "The site\'s app promotion."\n',
        "utf-8",
    )
    src = tmp_path / "a.txt"
    src.write_text("The council met on Tuesday.\nGet the Example app now\n", "utf-8")
    argv = ["clean", str(src), "--rules", str(pack), "--explain", "--format", "json"]
    assert main(argv) == 0
    changes = [json.loads(x) for x in capsys.readouterr().err.splitlines() if x.startswith("{")]
    promo = [c for c in changes if c["rule"] == "site/promo"]
    assert promo and promo[0]["message"].startswith("The site's app promotion.")


def test_info_findings_are_not_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The source-language note is how a text was handled, not a finding in it."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The council met on Tuesday.\n", "utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(folder), "-o", f"{out}/", "--from", "sv", "--stats"]) == 0
    captured = capsys.readouterr()
    assert "terms/source-lang" not in captured.out
    assert re.search(r"\b0 findings\b", captured.err), captured.err
