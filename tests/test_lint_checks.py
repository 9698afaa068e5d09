"""The lint checks for grammar slips of machine translation: exact findings (rule,
span) on positives, none on clean English, and the rule notes' examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mtclean
from mtclean.lint import (
    CHECKS,
    DoubledWords,
    Lint,
    ModalObjects,
    StackedVerbs,
    StrayPronouns,
    build_steps,
)
from mtclean.lint.rules import LintExample, LintRule, lint_rules
from mtclean.options import Options

BY_ID = {c.rule_id: c for c in CHECKS}


def spans(check: object, text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.start, f.end) for f in check.findings(text)]  # type: ignore[attr-defined]


def at(text: str, part: str, rule: str, nth: int = 0) -> tuple[str, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return (rule, start, start + len(part))


EXAMPLES = [(r, e) for r in lint_rules() for e in r.examples]


@pytest.mark.parametrize("case", EXAMPLES, ids=[f"{r.id}:{i}" for i, (r, _) in enumerate(EXAMPLES)])
def test_rule_examples(case: tuple[LintRule, LintExample]) -> None:
    rule, example = case
    found = [example.input[f.start : f.end] for f in BY_ID[rule.id].findings(example.input)]  # type: ignore[attr-defined]
    assert found == list(example.flags)


def test_every_check_has_a_note_and_both_kinds_of_example() -> None:
    assert [r.id for r in lint_rules()] == [c.rule_id for c in CHECKS]
    for rule in lint_rules():
        assert rule.note
        assert any(e.flags for e in rule.examples), rule.id
        assert any(not e.flags for e in rule.examples), rule.id


class TestDoubledWords:
    CHECK = DoubledWords()
    RULE = "lint/doubled-word"

    @pytest.mark.parametrize(
        ("text", "part"),
        [
            ("The result was a big victory victory for the coalition.", "victory victory"),
            ("He spoke of of the budget.", "of of"),
            ("the reform reform", "reform reform"),
            ("She went to to the market.", "to to"),
        ],
    )
    def test_positive(self, text: str, part: str) -> None:
        assert spans(self.CHECK, text) == [at(text, part, self.RULE)]

    @pytest.mark.parametrize(
        "text",
        [
            "The fact is is that nobody knew.",
            "What it was was a misunderstanding.",
            "They came in in the end, one by one.",
            "It went on and on, over and over, again and again.",
            "Duran Duran played in Baden-Baden and Walla Walla.",
            "The vote was 50 50 in the end.",
            "He said bye bye and ha ha and so so.",
            "The phrase 'the the' has a hyphen in the-the.",
            "Type b b to repeat.",
            "a very long long way, far far away",
            "the theory of the thesis",
            "",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert spans(self.CHECK, text) == []

    def test_message(self) -> None:
        (f,) = self.CHECK.findings("a budget budget cut")
        assert f.message == "'budget' written twice in a row"
        assert f.confidence == 0.7


class TestStackedVerbs:
    CHECK = StackedVerbs()
    RULE = "lint/stacked-verbs"

    @pytest.mark.parametrize(
        ("text", "part"),
        [
            ("Each member has was paid by the state.", "has was"),
            ("The parties have are ready to talk.", "have are"),
            ("The minister has will resign.", "has will"),
            ("The plan would is unclear.", "would is"),
            ("The talks were was postponed.", "were was"),
            ("He should was there.", "should was"),
        ],
    )
    def test_positive(self, text: str, part: str) -> None:
        assert spans(self.CHECK, text) == [at(text, part, self.RULE)]

    @pytest.mark.parametrize(
        "text",
        [
            "What the government has is a plan.",
            "All he has is his name.",
            "The lump I have is useless.",
            "Whatever the cause was is not known.",
            "As honest as he was could not save him.",
            "The will was read on Monday.",
            "His might was increased, and Minnie May has croup.",
            "The party's will may prevail.",
            "He would have left, and she had had enough.",
            "The talks have been held and the deal has been done.",
            "A pleasant time was had by all.",
            "The things they didn't have were many.",
            "The vessel in which the man\nor men are is a sailing ship.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert spans(self.CHECK, text) == []

    def test_message(self) -> None:
        (f,) = self.CHECK.findings("each guest has was paid")
        assert f.message == "'has' followed by 'was': two finite verbs"


class TestModalObjects:
    CHECK = ModalObjects()
    RULE = "lint/modal-object"

    @pytest.mark.parametrize(
        ("text", "part"),
        [
            ("That would the closure of the plant mean.", "would the"),
            ("It could their support cost.", "could their"),
            ("The mayor said she would Councillor Brown a letter send.", "would Councillor"),
            ("They will the budget next week present.", "will the"),
            ("He won the vote. It will the reform block.", "will the"),
        ],
    )
    def test_positive(self, text: str, part: str) -> None:
        assert spans(self.CHECK, text) == [at(text, part, self.RULE)]

    @pytest.mark.parametrize(
        "text",
        [
            "Would the minister resign?",
            "What would the party do if it lost?",
            "Nor would the court, and neither could the police.",
            "So would the others, said the mayor.",
            "Only then could the talks begin.",
            "Should the talks fail, the strike will go on.",
            "The court would the next day rule on it.",  # no subject pronoun before
            "She treated him as she would a brother.",
            "It did more than it could the year before.",
            "I will the sooner leave, and they will the more regret it.",
            "He said I would, and she can EVEN win.",
            "Why He Would Resign\nThe minister left.",
            "We will have to see what it can do.",
            "We can't command our love, but we can our actions.",
            "They won't the first time, but we will the second.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert spans(self.CHECK, text) == []

    def test_message(self) -> None:
        (f,) = self.CHECK.findings("That would the end mean.")
        assert f.message == "'would' followed by 'the': a modal with no verb after it"
        assert f.confidence == 0.6


class TestStrayPronouns:
    CHECK = StrayPronouns()
    RULE = "lint/stray-pronoun"

    @pytest.mark.parametrize(
        ("text", "part"),
        [
            ("The report quoted Gomez He defends the plan strongly.", "He"),
            ("Prices rose sharply She said the trend would continue.", "She"),
            ("The bill passed quickly It now goes to the senate.", "It"),
            ("the vote was close We expect a recount, the party said.", "We"),
        ],
    )
    def test_positive(self, text: str, part: str) -> None:
        assert spans(self.CHECK, text) == [at(text, part, self.RULE)]

    @pytest.mark.parametrize(
        "text",
        [
            "The minister left. He said nothing.",
            "The minister left, He said nothing.",  # after punctuation: not this check's
            "He said nothing.\nShe left early.",
            "Trust in God, for He will provide.",
            "The proverb says He who hesitates is lost.",
            "They watched It Follows and We Bought a Zoo.",
            "When She Was Queen\nA history of the court.",
            "the stars that shine And We are the Light of it",
            "He met Ludwig van He in Delft.",
            "",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert spans(self.CHECK, text) == []


class TestStage:
    """The lint stage runs every check in one step, changes nothing, and each
    check can be switched off by its rule id."""

    TEXT = "That would the end mean. Each guest has was paid the the bill.\n"

    def test_findings_through_the_pipeline(self) -> None:
        result = mtclean.clean_and_explain(self.TEXT)
        assert result.text == self.TEXT
        ours = [(f.rule, self.TEXT[f.start : f.end]) for f in result.findings]
        assert ours == [
            ("lint/modal-object", "would the"),
            ("lint/stacked-verbs", "has was"),
            ("lint/doubled-word", "the the"),
        ]

    @pytest.mark.parametrize("rule", [c.rule_id for c in CHECKS])
    def test_disable_one_rule(self, rule: str) -> None:
        result = mtclean.clean_and_explain(self.TEXT, disable=[rule])
        assert all(f.rule != rule for f in result.findings)
        (step,) = build_steps(Options(disable=frozenset({rule})))
        assert rule not in step.rule_ids  # type: ignore[attr-defined]

    def test_all_off_means_no_step(self) -> None:
        off = frozenset(c.rule_id for c in CHECKS)
        assert build_steps(Options(disable=off)) == []

    def test_no_edits(self) -> None:
        step = Lint(CHECKS)
        assert step.edits(self.TEXT) == [] and step.fix(self.TEXT) == self.TEXT
        assert step.analyze(self.TEXT).findings == ()
        assert len(step.analyze(self.TEXT, audit=True).findings) == 3


@given(st.text(st.characters(), max_size=200))
def test_checks_never_crash_and_spans_are_in_range(text: str) -> None:
    for check in CHECKS:
        for f in check.findings(text):
            assert 0 <= f.start < f.end <= len(text)


@given(
    st.lists(
        st.sampled_from(["the", "has", "was", "would", "He", "that", "minister", ".", "It"]),
        max_size=25,
    )
)
def test_doubled_findings_are_doubles(words: list[str]) -> None:
    text = " ".join(words)
    for f in DoubledWords().findings(text):
        first, second = text[f.start : f.end].split(" ")
        assert first == second


def test_stray_pronoun_message() -> None:
    (f,) = StrayPronouns().findings("The report quoted Gomez He defends the plan.")
    assert f.message == (
        "capitalized 'He' after 'Gomez' with no punctuation between: a lost sentence boundary?"
    )
    assert f.confidence == 0.6
