"""Properties of every step of the default pipeline, and of the pipeline as a whole.

Parametrized over the steps of the default pipeline under several option sets
(so a new stage is covered as soon as it is wired in):

* no exception on arbitrary text (lone surrogates, control characters, empty and
  long lines included);
* idempotence: ``n(n(x)) == n(x)``;
* the audit: changes are empty iff the text is unchanged; a change's ``before``
  equals the original slice where no earlier change touched it; replaying the
  changes reproduces the output; the fast path equals the audited path;
* determinism: two runs give the same output and changes;
* clean prose (ASCII words, single spaces, well-formed sentences) comes back
  identical with zero changes.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mtclean
from mtclean import Normalizer, make_pipeline

OPTION_SETS: list[dict[str, Any]] = [
    {},
    {"source_lang": "nl"},
    {"source_lang": "de"},
    {"quotes": "dominant", "repeated_paragraphs": "remove"},
]


def _steps() -> list[Any]:
    seen: dict[str, Normalizer] = {}
    for options in OPTION_SETS:
        for step in mtclean.default_pipeline(**options).steps:
            seen.setdefault(f"{step.name}@{sorted(options.items())}", step)
    return [pytest.param(step, id=key) for key, step in seen.items()]


STEPS = _steps()
# The default pipeline's idempotence is checked on 10,000 examples in CI (profile "ci"),
# the pipelines of the other option sets on fewer, to keep the suite within minutes.
_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
DEFAULT_EXAMPLES = {"ci": 10_000, "deep": 20_000}.get(_PROFILE, 150)
PIPELINE_EXAMPLES = {"ci": 400, "deep": 5_000}.get(_PROFILE, 100)
PIPELINES = [
    pytest.param(mtclean.default_pipeline(**o), id=str(sorted(o.items()))) for o in OPTION_SETS
]

# Fragments that trigger the stages: leftovers, names, clutter, punctuation, mojibake.
FRAGMENTS = [
    "Navo",
    "NAVO",
    "Navuled",
    "Tweede Kamer",
    "Second Chamber",
    "Statue of ",
    "Image ",
    " / de Volkskrant",
    "Bild: ",
    "Foto: ",
    "Dmytro Koiliba",
    "Zelensky",
    "Zelenskyy",
    "Zelenskiy",
    "Volodymyr",
    "See also ",
    "Leave a Reply",
    "Share this:",
    "Lees ook:",
    "Your email address will not be published.",
    "Required fields are marked *",
    " . .",
    ", ,",
    " ,",
    "Kiev.Statue",
    "...",
    "U.S.",
    "3.5",
    "https://nu.nl/a.b",
    "â€œ",
    "Ã©",
    "&amp;",
    "\u00a0",
    "\u200b",
    "  ",
    "\t",
    "\n",
    "\n\n\n",
    " What ",
    "the",
    "said",
    "on Monday",
    "Ukraine",
    "NATO",
    "’s",
    "'",
    '"',
    "“",
    "”",
    "ß",
    "\u2028",
    "\x00",
    "\x85",
    "\ud800",
]
newsy = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=30).map(
    "".join
)
anything = st.one_of(
    st.text(st.characters(codec=None), max_size=200),  # includes lone surrogates
    newsy,
    st.text(alphabet="a .\n", min_size=2000, max_size=5000),  # long lines
)

WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "monday",
    "that",
    "talks",
    "with",
    "the",
    "union",
    "would",
    "continue",
    "after",
    "a",
    "long",
    "meeting",
    "in",
    "the",
    "capital",
    "where",
    "officials",
    "agreed",
    "to",
    "review",
    "the",
    "budget",
    "and",
    "report",
    "back",
]


_SLIPS = {(w, w) for w in WORDS} | {("would", "the")}


@st.composite
def clean_prose(draw: st.DrawFn) -> str:
    """Distinct paragraphs of well-formed ASCII sentences with single spaces."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 3))):
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
            # a doubled word ("the the") and a modal before a noun phrase ("would the")
            # are slips the lint stage reports, not clean prose
            kept = words[:1]
            for word in words[1:]:
                if (kept[-1], word) not in _SLIPS:
                    kept.append(word)
            words = kept
            sentences.append(" ".join(words).capitalize() + draw(st.sampled_from(".!?")))
        paragraphs.append(" ".join(sentences))
    unique = list(dict.fromkeys(paragraphs))  # a repeated paragraph is a defect, not clean
    return "\n\n".join(unique) + draw(st.sampled_from(["", "\n"]))


def _overlaps(a: mtclean.Change, b: mtclean.Change) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    return (a.start == a.end and b.start <= a.start <= b.end) or (
        b.start == b.end and a.start <= b.start <= a.end
    )


def _check_audit(original: str, result: mtclean.Result) -> None:
    assert (result.changes == ()) == (result.text == original)
    assert result.replay() == result.text
    for change in result.changes:
        prior = [p for p in result.changes if p.step_index < change.step_index]
        if not any(_overlaps(change, p) for p in prior):
            assert original[change.start : change.end] == change.before
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(original)


@pytest.mark.parametrize("step", STEPS)
class TestEveryStep:
    """Each step on its own."""

    @given(anything)
    def test_no_crash_idempotent_audited(self, step: Normalizer, text: str) -> None:
        """No exception; idempotent; the audit is consistent; deterministic."""
        p = make_pipeline(step)
        result = p.explain(text)
        assert p(text) == result.text
        _check_audit(text, result)
        if getattr(step, "idempotent", True):
            assert p(result.text) == result.text
        again = p.explain(text)
        assert (again.text, again.changes) == (result.text, result.changes)

    @given(clean_prose())
    def test_clean_prose_unchanged(self, step: Normalizer, text: str) -> None:
        """Clean prose: no change at all."""
        result = make_pipeline(step).explain(text)
        assert result.text == text
        assert result.changes == ()


@pytest.mark.parametrize("pipeline", PIPELINES)
class TestDefaultPipeline:
    """The default pipeline as a whole."""

    @settings(max_examples=PIPELINE_EXAMPLES)
    @given(anything)
    def test_idempotent_and_audited(self, pipeline: mtclean.Pipeline, text: str) -> None:
        """clean(clean(x)) == clean(x); the audit replays; fast path == audited path."""
        result = pipeline.explain(text)
        assert pipeline(text) == result.text
        assert pipeline(result.text) == result.text
        _check_audit(text, result)

    @given(clean_prose())
    def test_clean_prose_unchanged(self, pipeline: mtclean.Pipeline, text: str) -> None:
        """Clean prose comes back byte-identical with zero changes and zero findings."""
        result = pipeline.explain(text)
        assert result.text == text
        assert result.changes == ()
        assert result.findings == ()


@settings(max_examples=DEFAULT_EXAMPLES)
@given(anything)
def test_default_pipeline_idempotent_on_many_examples(text: str) -> None:
    """clean(clean(x)) == clean(x) and the fast path equals the audited one."""
    pipeline = mtclean.default_pipeline()
    result = pipeline.explain(text)
    assert pipeline(text) == result.text
    assert pipeline(result.text) == result.text


def test_there_are_steps() -> None:
    """The default pipeline has steps once the stages are wired in."""
    assert len(STEPS) >= 1
