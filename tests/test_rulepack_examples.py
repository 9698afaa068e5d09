"""Every example of every bundled rule pack runs as a test, through that pack's own normalizer.

A positive example (input != expected) must also be fixed by the rule that carries it,
so an example never passes thanks to some other rule.
"""

from __future__ import annotations

import pytest

from mtclean import available_packs, load_rules, make_pipeline
from mtclean.kinds import KINDS


def _cases() -> list[tuple[str, str, int]]:
    cases = []
    for name in available_packs():
        pack = load_rules(name)
        for rule in pack.rules:
            for i, _ in enumerate(rule.examples):
                cases.append((name, rule.id, i))
    return cases


CASES = _cases()


@pytest.mark.parametrize(
    ("pack_name", "rule_id", "index"), CASES, ids=[f"{p}/{r}#{i}" for p, r, i in CASES]
)
def test_example(pack_name: str, rule_id: str, index: int) -> None:
    """The pack turns the example's input into its expected text."""
    pack = load_rules(pack_name)
    rule = pack.rule(rule_id)
    example = rule.examples[index]
    result = make_pipeline(KINDS[pack.kind].build(pack)).explain(example.input)
    assert result.text == example.expected
    if example.input != example.expected:
        assert rule.full_id in {c.rule for c in result.changes}, (
            f"{rule.full_id}'s example was changed by other rules only: "
            f"{sorted({c.rule for c in result.changes})}"
        )


def test_every_bundled_rule_has_a_note_and_an_example() -> None:
    """Bundled packs say why each rule exists and show it working."""
    missing = [
        f"{name}/{rule.id}"
        for name in available_packs()
        for rule in load_rules(name).rules
        if not rule.note.strip() or not rule.examples
    ]
    assert missing == []
