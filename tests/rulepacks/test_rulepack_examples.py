"""Every example of every bundled rule pack runs as a test, through that pack's own normalizer.

A positive example (input != expected) must also be fixed by the rule that carries it,
so an example never passes thanks to some other rule (see :mod:`mtclean.rulepacks.examples`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtclean import available_packs, load_rules
from mtclean.cli.main import main
from mtclean.kinds import KINDS
from mtclean.rulepacks.examples import check_examples, run_example
from mtclean.rulepacks.loader import verify_bundled

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("pack_name", available_packs())
def test_examples(pack_name: str) -> None:
    """The pack turns every example's input into its expected text, by the rule itself."""
    pack = load_rules(pack_name)
    outcomes = check_examples(pack, kinds=KINDS)
    assert outcomes, f"{pack_name} has no examples"
    failed = [o.explain() for o in outcomes if not o.passed]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("pack_name", available_packs())
def test_bundled_pack_passes_every_load_check(pack_name: str) -> None:
    """Loading skips the costly checks for bundled packs (every regex compiled, a terms
    pack's idempotence); here each bundled file gets them all, as a user's pack would."""
    parts = verify_bundled(pack_name, kinds=KINDS)
    assert parts and sum(len(p.rules) for p in parts) == len(load_rules(pack_name).rules)


def test_a_failing_example_is_reported() -> None:
    pack = load_rules("terms-nl")
    rule = pack.rules[0]
    outcome = run_example(pack, rule, 0, kinds=KINDS)
    assert outcome.passed
    wrong = type(rule.examples[0])(rule.examples[0].input, "something else")
    broken = type(rule)(rule.id, rule.pack, rule.note, (wrong,), rule.enabled, rule.fields)
    failed = run_example(pack, broken, 0, kinds=KINDS)
    assert not failed.passed and "expected 'something else'" in failed.explain()


def test_every_bundled_rule_has_a_note_and_an_example() -> None:
    """Bundled packs say why each rule exists and show it working."""
    missing = [
        f"{name}/{rule.id}"
        for name in available_packs()
        for rule in load_rules(name).rules
        if not rule.note.strip() or not rule.examples
    ]
    assert missing == []


class TestCheckRulesCommand:
    """``mtclean check-rules`` runs a user pack's examples."""

    def test_good_pack(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A pack whose examples hold: exit 0 and a summary line."""
        assert main(["check-rules", str(ROOT / "fixtures" / "rules" / "good-demo.toml")]) == 0
        assert capsys.readouterr().out.endswith("good-demo.toml: 2 rules, 3 examples, 0 failed\n")

    def test_wrong_example(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An example with the wrong expected text fails with what it got; exit 1."""
        text = (ROOT / "fixtures" / "rules" / "good-demo.toml").read_text(encoding="utf-8")
        path = tmp_path / "wrong.toml"
        path.write_text(text.replace('expected = "the NATO summit"', 'expected = "x"'), "utf-8")
        assert main(["check-rules", str(path)]) == 1
        out = capsys.readouterr().out
        assert "1 failed" in out
        assert "rule 'my-site/navo' example #1: input 'the Navo summit'" in out
        assert "got      'the NATO summit'" in out

    def test_broken_pack_is_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A pack that does not load is a configuration error."""
        bad = ROOT / "fixtures" / "rules" / "bad-regex.toml"
        assert main(["check-rules", str(bad)]) == 2
        assert "field 'pattern'" in capsys.readouterr().err
