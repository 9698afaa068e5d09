"""Document-level context conditions (text_has, not_text_has, near) and ambiguity findings."""

from __future__ import annotations

from typing import Any

import pytest
import regex

import mtclean
from mtclean import PatternTimeoutError
from mtclean.errors import RulePackError
from mtclean.kinds import parse_rules
from mtclean.rulepacks.model import RulePack
from mtclean.terms import evidence
from mtclean.terms.replacer import TermReplacer


def pack(rules: str, *, lang: str = "de", name: str = "t") -> RulePack:
    head = f'[pack]\nname = "{name}"\nkind = "terms"\nlang = "{lang}"\n'
    return parse_rules(head + rules)


STATES = r"""
[[rules]]
id = "states"
find = "countries"
replace = "states"
after = 'and (?:the )?municipalities'
text_has = ['\bBundesrat\b', '\bfederal government\b']
not_text_has = '\bEU member states\b'
otherwise = "finding"
note = "German Länder rendered 'countries'."
"""

FEDERAL = "The Bundesrat voted on Friday.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            FEDERAL + "The countries and municipalities pay.",
            FEDERAL + "The states and municipalities pay.",
        ),
        ("The countries and municipalities pay.", "The countries and municipalities pay."),
        (FEDERAL + "Other countries disagree.", FEDERAL + "Other countries disagree."),
        (
            FEDERAL + "EU member states and the countries and municipalities pay.",
            FEDERAL + "EU member states and the countries and municipalities pay.",
        ),
        # Evidence after the match counts as well as before it.
        (
            "The countries and municipalities pay.\nThe federal government agreed.",
            "The states and municipalities pay.\nThe federal government agreed.",
        ),
    ],
)
def test_text_has_and_not_text_has(text: str, expected: str) -> None:
    step = TermReplacer((pack(STATES),))
    assert step.fix(text) == expected
    # The audit path makes exactly the edits of the fast path.
    assert mtclean.core.apply_edits(text, step.analyze(text, audit=True).edits) == expected


def test_missing_evidence_becomes_a_finding() -> None:
    step = TermReplacer((pack(STATES),))
    text = "The countries and municipalities pay."
    analysis = step.analyze(text, audit=True)
    assert analysis.edits == ()
    [finding] = analysis.findings
    assert (finding.start, finding.end, finding.rule) == (4, 13, "terms/ambiguous")
    assert finding.message.startswith("'countries' may stand for 'states' (t/states: ")
    # The shape did not hold: no finding either.
    assert step.analyze("Other countries pay.", audit=True).findings == []
    # Findings never change text, and they can be switched off.
    assert step.fix(text) == text
    quiet = TermReplacer((pack(STATES),), frozenset({"terms/ambiguous"}))
    assert quiet.analyze(text, audit=True).findings == []
    assert "terms/ambiguous" in step.rule_ids


def test_finding_through_the_api() -> None:
    p = pack(STATES, name="my-states")
    result = mtclean.clean_and_explain("The countries and municipalities pay.", rules=[p])
    assert result.text == "The countries and municipalities pay."
    assert [f.rule for f in result.findings if f.kind != "info"] == ["terms/ambiguous"]


NEAR = r"""
[[rules]]
id = "coach"
find = "technician"
replace = "coach"
near = ['\b(?:striker|goal|league|match)\b']
near_chars = 40
note = "Italian 'tecnico' (the coach of a team) rendered 'technician'."
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After the match the technician praised the team.",
            "After the match the coach praised the team.",
        ),
        (
            "The technician praised the team. " + "x " * 40 + "match",
            "The technician praised the team. " + "x " * 40 + "match",
        ),
        ("The technician fixed the boiler.", "The technician fixed the boiler."),
    ],
)
def test_near(text: str, expected: str) -> None:
    assert TermReplacer((pack(NEAR),)).fix(text) == expected


def test_near_reaches_the_given_distance_on_both_sides() -> None:
    step = TermReplacer((pack(NEAR),))
    gap = "y" * 35
    assert step.fix(f"match {gap} technician") == f"match {gap} coach"
    assert step.fix(f"technician {gap} match") == f"coach {gap} match"
    assert step.fix(f"match {gap}yyyyyyy technician") == f"match {gap}yyyyyyy technician"


class _Counting:
    """Counts how often each evidence pattern is searched (through the budget)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real_search, real_finditer = evidence.Budget.search, evidence.Budget.finditer
        calls = self.calls

        def search(self: Any, p: regex.Pattern[str], *a: Any, **k: Any) -> Any:
            calls.append(p.pattern)
            return real_search(self, p, *a, **k)

        def finditer(self: Any, p: regex.Pattern[str], *a: Any, **k: Any) -> Any:
            calls.append(p.pattern)
            return real_finditer(self, p, *a, **k)

        monkeypatch.setattr(evidence.Budget, "search", search)
        monkeypatch.setattr(evidence.Budget, "finditer", finditer)


def test_each_evidence_pattern_is_searched_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many candidates of several rules that share a regex: one search per text, in both
    paths (the fast path's two scans share what the first found)."""
    rules = STATES + STATES.replace('id = "states"', 'id = "states2"').replace(
        'find = "countries"', 'find = "Countries"\ncase = "sensitive"'
    )
    step = TermReplacer((pack(rules, name="user"),))
    text = FEDERAL + "The countries and municipalities pay; the countries and municipalities. " * 50
    counting = _Counting(monkeypatch)
    step.fix(text)
    assert counting.calls.count(r"\bBundesrat\b") == 1
    counting.calls.clear()
    step.analyze(text, audit=True)
    assert counting.calls.count(r"\bBundesrat\b") == 1
    counting.calls.clear()
    near = TermReplacer((pack(NEAR, name="user"),))
    near.fix("the technician, the match, the technician. " * 100)
    assert len(counting.calls) == 1


SLOWER = r"'(.|..|...)+\d'"


@pytest.mark.parametrize("field", ["text_has", "not_text_has", "near"])
def test_user_evidence_patterns_are_budgeted(field: str) -> None:
    head = '[[rules]]\nid = "haven"\nfind = "Havenbedrijf"\nreplace = "Port Authority"\n'
    rules = f"{head}{field} = {SLOWER}\n"
    step = TermReplacer((pack(rules, name="my-port"),))
    with pytest.raises(PatternTimeoutError) as info:
        step.fix("Havenbedrijf said aaaaaaaaaaaaaaaaaaaaaaaaaaaa!")
    assert f"rule 'my-port/haven' (pack 'my-port'), field '{field}'" in str(info.value)


@pytest.mark.parametrize(
    ("rule", "field", "message"),
    [
        ("text_has = '(unclosed'", "text_has", "invalid regular expression"),
        ("near = ['ok', '[']", "near", "invalid regular expression"),
        ("near = 'x'\nnear_chars = 0", "near_chars", "from 1 to 100,000"),
        ("near = 'x'\nnear_chars = 'far'", "near_chars", "must be an integer"),
        ("near_chars = 50", "near_chars", "only a rule with 'near'"),
        ("otherwise = 'finding'", "otherwise", "give 'text_has', 'not_text_has' or 'near'"),
        ("text_has = 'x'\notherwise = 'report'", "otherwise", "is not allowed"),
        ("text_hass = 'x'", "text_hass", "did you mean 'text_has'?"),
    ],
)
def test_fields_are_validated(rule: str, field: str, message: str) -> None:
    rules = f'[[rules]]\nid = "r"\nfind = "countries"\nreplace = "states"\n{rule}\n'
    with pytest.raises(RulePackError) as info:
        pack(rules, name="bad")
    error = str(info.value)
    assert "rule 'r'" in error or "r" in error
    assert field in error
    assert message in error
