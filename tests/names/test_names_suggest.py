"""``mtclean suggest-names``: variant groups from a corpus, printed as a names pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtclean.cli.main import main
from mtclean.cli.suggest_names import Spelling, collect, group
from mtclean.kinds import load_rules
from mtclean.names.canonicalizer import NameCanonicalizer

CORPUS = """\
Ukrainian Foreign Minister Dmytro Kuleba met reporters. Later, Dmytro Kuleba left.

On Monday Dmytro Koeleba arrived in Brussels, where President Zelensky spoke.

The talks were led by Zelenskyy and by Dmytro Kuleba, officials said.

Russia and the Russians said nothing; Russian media agreed.
"""


def test_collect_counts_names_not_common_words() -> None:
    found = collect([CORPUS])
    assert found["Kuleba"].count == 3
    assert found["Kuleba"].before["Dmytro"] == 3
    assert "Later" not in found  # a common word
    assert "Ukrainian" not in found


def test_group_joins_spellings_but_not_derived_words() -> None:
    groups = {g[0].text: [s.text for s in g] for g in group(collect([CORPUS]))}
    assert groups["Kuleba"] == ["Kuleba", "Koeleba"]
    assert groups["Zelensky"] == ["Zelensky", "Zelenskyy"]
    assert all(len(g) == 1 for head, g in groups.items() if head.startswith("Russia"))


def test_group_keeps_people_with_different_first_names_apart() -> None:
    a = Spelling("Kovalenko", 5)
    a.before["Anna"] = 5
    b = Spelling("Kovalenka", 2)
    b.before["Petro"] = 2
    assert [[s.text for s in g] for g in group({"a": a, "b": b})] == [["Kovalenko"], ["Kovalenka"]]


def test_command_writes_a_loadable_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(CORPUS, encoding="utf-8")
    out = tmp_path / "people.toml"
    assert main(["suggest-names", str(folder), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert 'canonical = "Dmytro Kuleba"' in text
    assert 'variants = ["Koeleba"]' in text
    assert "#   Koeleba: ...On Monday Dmytro Koeleba arrived" in text
    pack = load_rules(out)
    step = NameCanonicalizer((pack,))
    assert step.fix("Dmytro Koeleba and Kuleba.") == "Dmytro Kuleba and Kuleba."
    assert main(["suggest-names", str(folder)]) == 0
    assert "[pack]" in capsys.readouterr().out
