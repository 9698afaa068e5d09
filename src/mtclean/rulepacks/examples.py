"""Run the examples a rule pack carries, as a test of the pack.

Each example's input goes through a normalizer built from the pack alone; the
output must equal ``expected``, and a positive example (input != expected) must
be changed by the very rule that carries it, so an example never passes thanks
to some other rule.

>>> from mtclean.kinds import KINDS, parse_rules
>>> pack = parse_rules('''
... [pack]
... name = "demo"
... kind = "terms"
... [[rules]]
... id = "navo"
... find = "Navo"
... replace = "NATO"
... case = "exact"
... examples = [{ input = "the Navo summit", expected = "the NATO meeting" }]
... ''')
>>> [(o.rule, o.got, o.passed) for o in check_examples(pack, kinds=KINDS)]
[('demo/navo', 'the NATO summit', False)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core import Normalizer
from ..pipeline import make_pipeline
from .model import Example, KindSpec, Rule, RulePack

__all__ = ["ExampleOutcome", "check_examples", "run_example"]


@dataclass(frozen=True)
class ExampleOutcome:
    """What one example produced."""

    rule: str
    index: int
    example: Example
    got: str
    fired: bool

    @property
    def passed(self) -> bool:
        """The output is as expected and, for a positive example, its own rule fired."""
        positive = self.example.input != self.example.expected
        return self.got == self.example.expected and (self.fired or not positive)

    def explain(self) -> str:
        """Why the example failed, in one or two lines ('' when it passed)."""
        if self.passed:
            return ""
        head = f"rule {self.rule!r} example #{self.index + 1}"
        if self.got != self.example.expected:
            return (
                f"{head}: input {self.example.input!r}\n"
                f"    expected {self.example.expected!r}\n    got      {self.got!r}"
            )
        return f"{head}: the output is right, but only other rules changed the input"


def run_example(
    pack: RulePack,
    rule: Rule,
    index: int,
    *,
    kinds: Iterable[KindSpec],
    normalizer: Normalizer | None = None,
) -> ExampleOutcome:
    """Run ``rule``'s example number ``index`` through ``pack``'s own normalizer
    (``normalizer``, or one built by the spec of the pack's kind among ``kinds``)."""
    if normalizer is None:
        kind = next(k for k in kinds if k.name == pack.kind)
        normalizer = kind.build(pack)
    example = rule.examples[index]
    result = make_pipeline(normalizer).explain(example.input)
    fired = rule.full_id in {c.rule for c in result.changes}
    return ExampleOutcome(rule.full_id, index, example, result.text, fired)


def check_examples(pack: RulePack, *, kinds: Iterable[KindSpec]) -> tuple[ExampleOutcome, ...]:
    """Run every example of every rule in ``pack``; the outcomes in pack order."""
    kind = next(k for k in kinds if k.name == pack.kind)
    normalizer = kind.build(pack)  # built once for all the pack's examples
    return tuple(
        run_example(pack, rule, index, kinds=(kind,), normalizer=normalizer)
        for rule in pack.rules
        for index in range(len(rule.examples))
    )
