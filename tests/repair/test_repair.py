"""The repair stage as a whole: rule notes and examples, switching rules off, properties."""

from __future__ import annotations

import pytest
from hypothesis import example as hypothesis_example
from hypothesis import given
from hypothesis import strategies as st

import mtclean
from mtclean.api import PASSES
from mtclean.options import Options
from mtclean.pipeline import Pipeline
from mtclean.repair.stage import (
    RULE_IDS,
    RepairExample,
    RepairRule,
    punctuation_steps,
    repair_rules,
    spacing_steps,
    unicode_steps,
)


def stage(**options: object) -> Pipeline:
    """The repair stage's steps alone (no other stage), for ``options``, run to a fixpoint
    as the default pipeline runs them (a step may make work for an earlier one: the
    spacing rules turn a space-and-tab run, which quote pairing leaves alone, into a space)."""
    opts = Options.from_kwargs(**options)
    steps = unicode_steps(opts) + punctuation_steps(opts) + spacing_steps(opts)
    return Pipeline(tuple(steps), passes=PASSES)


STAGE = stage()
EXAMPLES = [(r, e) for r in repair_rules() for e in r.examples]


def _id(case: tuple[RepairRule, RepairExample]) -> str:
    rule, example = case
    return f"{rule.id}:{example.input[:30]!r}"


@pytest.mark.parametrize("case", EXAMPLES, ids=[_id(c) for c in EXAMPLES])
def test_rule_examples(case: tuple[RepairRule, RepairExample]) -> None:
    rule, example = case
    pipeline = stage(**example.options)
    result = pipeline.explain(example.input)
    assert result.text == example.expected
    assert pipeline(example.input) == example.expected
    if example.input != example.expected:
        assert rule.id in {c.rule for c in result.changes}
    assert pipeline(result.text) == result.text


@pytest.mark.parametrize("rule", repair_rules(), ids=lambda r: r.id)
def test_every_rule_has_a_note_and_both_kinds_of_example(rule: RepairRule) -> None:
    assert len(rule.note) > 40
    assert any(e.input == e.expected for e in rule.examples), "needs a negative example"
    if rule.id != "repair/surrogates":  # TOML cannot hold a lone surrogate
        assert any(e.input != e.expected for e in rule.examples), "needs a positive example"
    assert rule.step in {s.name for s in stage(quotes="curly").steps}


def test_rule_ids_are_the_ones_documented() -> None:
    assert [r.id for r in repair_rules()] == list(RULE_IDS)
    names: set[str] = set()
    for step in stage(quotes="dominant").steps:  # the quote step runs only with a style
        names.update(getattr(step, "rule_ids", ()))
    assert names == set(RULE_IDS)


@pytest.mark.parametrize("rule", repair_rules(), ids=lambda r: r.id)
def test_each_rule_switches_off_alone(rule: RepairRule) -> None:
    """disable=<rule id> stops that rule and no other, through the public API."""
    for example in rule.examples:
        if example.input == example.expected:
            continue
        on = mtclean.clean_and_explain(example.input, **example.options)
        off = mtclean.clean_and_explain(example.input, disable=[rule.id], **example.options)
        assert rule.id in {c.rule for c in on.changes}
        assert rule.id not in {c.rule for c in off.changes}
        assert {c.rule for c in on.changes} - {rule.id} >= {c.rule for c in off.changes} - {rule.id}


def test_disable_the_whole_repair_pack() -> None:
    text = "Kiev.Statue , of  Liberty. . Fish &amp; chips"
    assert stage(disable=["repair"])(text) == text
    assert mtclean.clean(text, disable="repair") == text


def test_seed_like_article() -> None:
    text = (
        "Training a Ukrainian unit near the capital, Kiev.Statue of Emil Duc / de Volkskrant\n"
        "\n"
        "Sanctions could end all security cooperation, including arms control. . "
        "Ryabkov also said that Russia objects.\n"
    )
    assert STAGE(text) == (
        "Training a Ukrainian unit near the capital, Kiev. Statue of Emil Duc / de Volkskrant\n"
        "\n"
        "Sanctions could end all security cooperation, including arms control. "
        "Ryabkov also said that Russia objects.\n"
    )


CLEAN = [
    "The Statue of Liberty was a gift from France. It stands in New York Harbor.",
    "Shares rose 3.5% to $1,234.56 on Friday, the U.S. Treasury said at 10.30 a.m.",
    "Read https://www.example.com/path?a=1&b=2, mail info@example.org or see Nu.nl.",
    "J.K. Rowling met Dr. Smith, e.g. at No. 10, in Jan. 2022 (v1.2, file report.pdf).",
    'Run `x = a ? b : c ;` or "for (;;) {}" in C; os.path.join(a, b) in Python.',
    "Der Bürgermeister sagte: „Die Stadt wächst.“ Le maire a dit : « non ! »",
    "東京は日本の首都です。北京是中国的首都。서울은 한국의 수도입니다.",
    "مرحبا بالعالم. שלום עולם, ירושלים!",
    "“Curly quotes,” ‘single ones’ and it’s — all fine… really.",
    "Москва и Киев. Αθήνα και Θεσσαλονίκη.",
    "Wait... what? Then . . . nothing.\n\nA new paragraph.\n",
    "name\tage\nAnn\t42\n",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_byte_identical(text: str) -> None:
    result = STAGE.explain(text)
    assert result.text == text
    assert result.changes == ()


# ---- properties -------------------------------------------------------------------

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
sentence = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    words,
    st.lists(words, max_size=15),
    st.sampled_from([".", "!", "?"]),
)
paragraph = st.lists(sentence, min_size=1, max_size=6).map(" ".join)
prose = st.lists(paragraph, min_size=1, max_size=4).map("\n\n".join)


@given(prose)
def test_well_formed_ascii_prose_passes_unchanged(text: str) -> None:
    for step in stage(quotes="dominant").steps:
        assert list(step.edits(text)) == []
    assert STAGE(text) == text


_DAMAGE = [
    "word",
    "Kiev",
    "Statue",
    "U.S.",
    "e.g.",
    "3.5",
    " ",
    "  ",
    "\t",
    "\xa0",
    "\u2002",
    "\n",
    "\n\n\n",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    ". .",
    ",,",
    " ,",
    " .",
    "...",
    ". . .",
    '"',
    "'",
    "“",
    "”",
    "’",
    "&amp;",
    "\u200b",
    "\x07",
    "â€œ",
    "Ã©",
    "www.x.com",
    "`a , b`",
    "«",
    "»",
]
damaged = st.lists(st.sampled_from(_DAMAGE), max_size=40).map("".join)


@given(damaged, st.sampled_from([None, "straight", "curly", "dominant"]))
@hypothesis_example("\u201cword \t\u201c", None)  # quote pairing can only act once the tab is gone
def test_idempotent_and_replayable(text: str, quotes: str | None) -> None:
    pipeline = stage(quotes=quotes)
    result = pipeline.explain(text)
    assert pipeline(text) == result.text
    assert pipeline(result.text) == result.text
    for step in pipeline.steps:  # the fast path equals the edits, step by step
        edits = list(step.edits(text))
        assert step.fix(text) == mtclean.apply_edits(text, edits)
        text = step.fix(text)


@given(st.text())
def test_arbitrary_text_does_not_crash_and_is_idempotent(text: str) -> None:
    once = STAGE(text)
    assert STAGE(once) == once


@pytest.mark.parametrize(
    "text",
    [
        "“Ã\x9f“Ã \xa0",  # trailing space keeps ftfy from re-decoding its own output
        "a &amp ; b",  # removing the space would complete an entity
        "a &amp\u200b; b",
        "x\tÃ\u2002©\n",
    ],
)
def test_later_repairs_do_not_hand_ftfy_new_work(text: str) -> None:
    once = STAGE(text)
    assert STAGE(once) == once
    cleaned = mtclean.clean(text)
    assert mtclean.clean(cleaned) == cleaned


@pytest.mark.parametrize(
    "step",
    [
        "repair-unicode",
        "repair-zero-width",
        "repair-quotes",
        "repair-punctuation",
        "repair-spacing",
    ],
)
def test_disable_a_step_by_name(step: str) -> None:
    text = "Fish &amp; chips\u200b ,  please"
    result = mtclean.clean_and_explain(text, disable=step)
    assert step not in {c.step for c in result.changes}
    assert result.changes


@pytest.mark.parametrize("quotes", [None, "straight", "curly", "dominant"])
def test_zero_width_guard_knows_the_quote_style(quotes: str | None) -> None:
    pipeline = stage(quotes=quotes)
    once = pipeline("”\u200bÃ©")
    assert pipeline(once) == once


def test_steps_pickle() -> None:
    """Steps cross process boundaries (multiprocessing workers)."""
    import pickle

    pipeline = stage(quotes="curly")
    copy = pickle.loads(pickle.dumps(pipeline))
    text = 'Kiev.Statue ,  "x" &amp;\u200b y\n\n\n\nz'
    assert copy(text) == pipeline(text)


@given(damaged)
def test_fast_finders_find_every_match(text: str) -> None:
    """The literal-led finders miss no match: the same matches as trying every offset."""
    from mtclean.repair.punct import PunctuationRepairer
    from mtclean.repair.scan import first_matches
    from mtclean.repair.spacing import BLANK_LINES, SpacingRepairer, _paragraph_before

    every = range(len(text) + 1)
    punct = PunctuationRepairer()
    rules = punct._rules
    assert [(r.id, m.span()) for r, m in punct.matches(text)] == [
        (r.id, m.span()) for r, m in first_matches(text, [(r, every) for r in rules])
    ]
    spacing = SpacingRepairer()
    after_text = [i for i in every if _paragraph_before(text, i)]
    tries = [(r, after_text if r.id == BLANK_LINES else every) for r in spacing._rules]
    assert [(r.id, m.span()) for r, m in spacing.matches(text)] == [
        (r.id, m.span()) for r, m in first_matches(text, tries)
    ]


def test_disable_a_stage_and_one_of_its_rules() -> None:
    """A rule of a disabled stage is still a known name."""
    text = "a  b"
    assert mtclean.clean(text, disable=["spacing", "repair/nbsp"]) == text
    with pytest.raises(mtclean.errors.UnknownNormalizerError):
        mtclean.clean(text, disable=["spacing", "repair/nbspx"])
