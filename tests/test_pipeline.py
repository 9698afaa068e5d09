"""Pipelines: composition, the audit, replay, adapters."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtclean import (
    Edit,
    EditConflictError,
    Finding,
    FunctionNormalizer,
    PatternTimeoutError,
    Pipeline,
    RegexNormalizer,
    make_pipeline,
)
from mtclean.core import Analysis, EditsNormalizer, diff_edits
from mtclean.errors import OptionsError, UnknownNormalizerError

NAVO = RegexNormalizer("navo", r"\bNavo\b", "NATO", message="Dutch acronym")
DOTS = RegexNormalizer("dots", r" ?\. \.", ".")
MEMBER = RegexNormalizer("member", r"\bNATO member\b", "NATO ally")
DROP_SEE_ALSO = RegexNormalizer("see-also", r"(?m)^See also .*\n?", "")


class Shouter(EditsNormalizer):
    """A small user normalizer class: upper-cases the word 'nato' and flags 'What'."""

    name = "shout"

    def edits(self, text: str) -> list[Edit]:
        i = text.find("nato")
        return [] if i < 0 else [Edit(i, i + 4, "NATO", "shout/nato")]

    def findings(self, text: str) -> list[Finding]:
        i = text.find(" What ")
        return [] if i < 0 else [Finding(i + 1, i + 5, "shout/what", "stray word", 0.4)]


class TestComposition:
    """make_pipeline(a, b)(x) == b(a(x)); the empty pipeline is the identity."""

    @given(st.text(alphabet="Navo .\nSeealsT", max_size=60))
    def test_composition(self, text: str) -> None:
        """Composing a then b equals b(a(x)), explained or not."""
        p = make_pipeline(NAVO, DOTS)
        assert p(text) == DOTS.fix(NAVO.fix(text))
        assert p.explain(text).text == p(text)

    @given(st.text())
    def test_empty_pipeline_is_identity(self, text: str) -> None:
        """No steps: the text and no changes."""
        result = make_pipeline().explain(text)
        assert make_pipeline()(text) == text
        assert result.text == text
        assert result.changes == ()

    def test_then_and_without_return_new_pipelines(self) -> None:
        """Pipelines are immutable; then/without build new ones."""
        p = make_pipeline(NAVO)
        q = p.then(DOTS)
        assert p.names == ("navo",)
        assert q.names == ("navo", "dots")
        assert q.without("navo").names == ("dots",)
        with pytest.raises(UnknownNormalizerError, match="did you mean 'navo'"):
            q.without("nav")

    def test_pipeline_nests_as_a_step(self) -> None:
        """A pipeline given as a step joins with its steps: the audit keeps their rules."""
        inner = make_pipeline(NAVO, DOTS)
        outer = make_pipeline(inner, str.strip)
        assert outer.names == ("navo", "dots", "strip")
        assert outer(" Navo . . ") == "NATO."
        result = outer.explain(" Navo . . ")
        assert result.text == "NATO."
        assert [c.rule for c in result.changes] == ["navo", "dots", "strip", "strip"]
        assert repr(outer) == "Pipeline(navo, dots, strip)"

    def test_plain_function_step(self) -> None:
        """A str -> str function is a step; its changes come from a diff."""
        result = make_pipeline(str.strip).explain("  x ")
        assert result.text == "x"
        assert [(c.rule, c.start, c.end, c.before) for c in result.changes] == [
            ("strip", 0, 2, "  "),
            ("strip", 3, 4, " "),
        ]

    def test_bad_step(self) -> None:
        """A step that is neither a normalizer nor callable is refused."""
        with pytest.raises(TypeError, match="normalizer or a str -> str function"):
            make_pipeline(42)  # type: ignore[arg-type]

    def test_function_returning_non_str(self) -> None:
        """A function step that returns something else fails clearly."""
        p = make_pipeline(FunctionNormalizer(lambda s: None, name="broken"))  # type: ignore[arg-type,return-value]
        with pytest.raises(TypeError, match="'broken' returned NoneType"):
            p("x")

    def test_pickle(self) -> None:
        """Pipelines of regex normalizers pickle (for worker processes)."""
        p = make_pipeline(NAVO, DOTS)
        assert pickle.loads(pickle.dumps(p))("Navo . .") == "NATO."


class TestExplain:
    """Every change carries its rule and its span in the original text."""

    def test_spans_after_several_stages(self) -> None:
        """Spans stay right in the original after earlier stages shift the text."""
        original = "See also junk\nThe Navo said so . . Then the Navo met.\n"
        p = make_pipeline(DROP_SEE_ALSO, NAVO, DOTS)
        result = p.explain(original)
        assert result.text == "The NATO said so. Then the NATO met.\n"
        rows = [(c.rule, c.before, c.after, original[c.start : c.end]) for c in result.changes]
        assert rows == [
            ("see-also", "See also junk\n", "", "See also junk\n"),
            ("navo", "Navo", "NATO", "Navo"),
            ("navo", "Navo", "NATO", "Navo"),
            ("dots", " . .", ".", " . ."),
        ]
        assert result.replay() == result.text

    def test_change_on_changed_text_widens(self) -> None:
        """A change to text an earlier step wrote maps to the original text behind it."""
        original = "A Navo member."
        result = make_pipeline(NAVO, MEMBER).explain(original)
        assert result.text == "A NATO ally."
        last = result.changes[-1]
        assert (last.rule, last.before, last.after) == ("member", "NATO member", "NATO ally")
        assert original[last.start : last.end] == "Navo member"
        assert result.replay() == result.text

    def test_findings_are_mapped(self) -> None:
        """Findings travel in the result with original offsets."""
        original = "See also x\nWe end up What with nato."
        result = make_pipeline(DROP_SEE_ALSO, Shouter()).explain(original)
        assert result.text == "We end up What with NATO."
        (finding,) = result.findings
        assert original[finding.start : finding.end] == "What"
        assert (finding.rule, finding.confidence) == ("shout/what", 0.4)

    def test_report_and_diff(self) -> None:
        """The readable report and the unified diff say what changed."""
        result = make_pipeline(NAVO).explain("x\nthe Navo\n")
        assert result.report() == '2:5: navo: "Navo" -> "NATO"  (Dutch acronym)'
        assert result.diff(name="doc") == (
            "--- a/doc\n+++ b/doc\n@@ -1,2 +1,2 @@\n x\n-the Navo\n+the NATO\n"
        )
        assert make_pipeline(NAVO).explain("clean").report() == "no changes"

    def test_json_lines(self) -> None:
        """Each change is one JSON line with the document id."""
        (line,) = make_pipeline(NAVO).explain("Navo").to_json_lines(doc_id="d1")
        assert line.startswith('{"type": "change", "rule": "navo", "before": "Navo"')
        assert '"doc": "d1"' in line

    def test_overlapping_edits_name_the_normalizer(self) -> None:
        """A normalizer that proposes overlapping edits is named in the error."""

        class Broken(EditsNormalizer):
            name = "broken-step"

            def edits(self, text: str) -> list[Edit]:
                return [Edit(0, 3, "x", "b/1"), Edit(2, 4, "y", "b/2")]

        with pytest.raises(EditConflictError, match=r"'broken-step'.*b/1.*b/2"):
            make_pipeline(Broken()).explain("abcdef")
        with pytest.raises(EditConflictError, match="'broken-step'"):
            make_pipeline(Broken())("abcdef")

    def test_no_op_edits_are_dropped(self) -> None:
        """An edit that replaces a slice with itself is not a change."""
        same = RegexNormalizer("same", r"NATO", "NATO")
        result = make_pipeline(same).explain("NATO")
        assert result.changes == ()
        assert not result.changed


class TestAdapters:
    """RegexNormalizer and diff_edits."""

    def test_regex_timeout_is_a_clear_error(self) -> None:
        """A catastrophic pattern stops within its budget and names the rule."""
        bad = RegexNormalizer("bad", r"(a|aa)+$", "", rule="user/bad", timeout=0.2)
        with pytest.raises(PatternTimeoutError, match="rule 'user/bad'"):
            bad.fix("a" * 40 + "!")

    @given(st.text(alphabet="ab\n c", max_size=50), st.text(alphabet="ab\n c", max_size=50))
    def test_diff_edits_replay(self, old: str, new: str) -> None:
        """Diff-derived edits turn old into new and never touch equal text."""
        edits = diff_edits(old, new, rule="r")
        assert Pipeline((FunctionNormalizer(lambda _: new, name="r"),)).explain(old).text == new
        from mtclean import apply_edits

        assert apply_edits(old, edits) == new
        assert (edits == []) == (old == new)


class _CountingStep(EditsNormalizer):
    """Counts its analyses; upper-cases 'nato' and reports 'What'."""

    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        self.calls += 1
        i = text.find("nato")
        edits = [] if i < 0 else [Edit(i, i + 4, "NATO", "counting/nato")]
        j = text.find(" What ")
        findings = [Finding(j + 1, j + 5, "counting/what", "stray")] if audit and j >= 0 else []
        return Analysis(tuple(edits), tuple(findings))


def test_each_step_analyses_a_text_once_per_explain() -> None:
    """One analysis per step gives both the edits and the findings of an audit."""
    first, second = _CountingStep(), _CountingStep()
    pipeline = make_pipeline(first, str.strip, second)
    result = pipeline.explain(" We end up What with nato. ")
    assert result.text == "We end up What with NATO."
    assert (first.calls, second.calls) == (1, 1)
    assert [f.rule for f in result.findings] == ["counting/what"]  # same span: reported once
    assert pipeline(" nato ") == "NATO"
    assert (first.calls, second.calls) == (2, 2)


def test_a_fixpoint_pass_skips_the_steps_that_saw_this_text_already() -> None:
    """Pass 2 reruns the steps up to the last one that changed something; the steps
    after it saw the same text in pass 1 and are not run again."""
    seen: list[str] = []

    def counted(name: str, func: Callable[[str], str]) -> FunctionNormalizer:
        def step(text: str) -> str:
            seen.append(name)
            return func(text)

        return FunctionNormalizer(step, name=name)

    p = Pipeline(
        (
            counted("a", lambda t: t),
            counted("b", lambda t: t.replace("x", "y")),
            counted("c", lambda t: t),
        ),
        passes=4,
    )
    assert p("axb") == "ayb"
    assert seen == ["a", "b", "c", "a", "b"]
    seen.clear()
    # a change in pass 2 before the skipped steps runs them again
    q = Pipeline(
        (
            counted("a", lambda t: t.replace("y", "z")),
            counted("b", lambda t: t.replace("x", "y")),
            counted("c", lambda t: t),
        ),
        passes=4,
    )
    assert q("x") == "z"
    assert seen == ["a", "b", "c", "a", "b", "c", "a"]


def test_warm_up_compiles_the_lazy_patterns_and_changes_nothing() -> None:
    import mtclean
    from mtclean.boilerplate.remover import BoilerplateRemover
    from mtclean.terms.replacer import TermReplacer

    text = "Share this article: Facebook Twitter\nThe Navo met.\n\nLeave a Reply\n"
    cold = mtclean.default_pipeline(source_lang="nl")
    expected = cold(text)
    warm = mtclean.default_pipeline(source_lang="nl", disable=["lint"])
    warm.warm_up()
    terms = next(s for s in warm.steps if isinstance(s, TermReplacer))
    regex_rules = sum("pattern" in r.fields for p in terms.packs for r in p.rules)
    assert len(terms._compiled) >= regex_rules > 0
    remover = next(s for s in warm.steps if isinstance(s, BoilerplateRemover))
    assert all(start is not None for start in remover._any._starts)
    assert warm(text) == expected


class _OwnFix(EditsNormalizer):
    """A normalizer whose ``fix`` does more than apply its edits."""

    name = "own-fix"

    def edits(self, text: str) -> list[Edit]:
        return []

    def fix(self, text: str) -> str:
        return text.replace("navo", "NATO")


class _OnlyAnalyze(EditsNormalizer):
    """A normalizer that defines only ``analyze``."""

    name = "only-analyze"

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        i = text.find("Navo")
        return Analysis(() if i < 0 else (Edit(i, i + 4, "NATO", "only/navo"),))


def test_the_fast_path_runs_each_kind_of_step_as_its_fix_would() -> None:
    """A step's own ``fix`` is called; a step with only ``edits`` or only ``analyze``
    has its edits applied; the result is each step's ``fix`` in turn."""
    text = "the navo and Navo summit"
    steps = (_OwnFix(), Shouter(), _OnlyAnalyze())
    assert Pipeline(steps)(text) == "the NATO and NATO summit"
    assert pickle.loads(pickle.dumps(Pipeline(steps)))(text) == "the NATO and NATO summit"
    # with a protected span in the text, the edits outside it are applied
    protected = "nato and Navo at www.navo.int"
    assert Pipeline(steps[1:])(protected) == "NATO and NATO at www.navo.int"
    # a step's own fix that would change a protected span: its edits, outside it, count
    assert Pipeline(steps[:1])("navo at www.navo.int") == "navo at www.navo.int"


def test_protected_spans_are_found_only_when_a_step_has_something_to_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import mtclean.pipeline as pipeline_module

    calls: list[str] = []
    real = pipeline_module.find_spans

    def counted(text: str) -> list[tuple[int, int]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(pipeline_module, "find_spans", counted)
    pipeline = Pipeline((Shouter(), _OnlyAnalyze()))
    assert pipeline("Plain prose at www.example.org.") == "Plain prose at www.example.org."
    assert calls == []
    assert pipeline("nato at www.example.org") == "NATO at www.example.org"
    assert calls == ["nato at www.example.org"]


def test_a_step_whose_pattern_does_not_compile_says_which() -> None:
    with pytest.raises(OptionsError, match=r"step 'x': pattern '\(unclosed' does not compile"):
        RegexNormalizer("x", "(unclosed", "")


def test_a_span_outside_the_cleaned_text_is_an_error() -> None:
    result = make_pipeline(NAVO).explain("The Navo met.")
    assert result.to_original(4, 8) == (4, 8)
    with pytest.raises(ValueError, match="not within the cleaned text"):
        result.to_original(10, 20)
