"""Cleaning a batch (``Pipeline.many``) gives what cleaning each text alone gives.

A step may screen a batch with ``may_change(texts)``: ``False`` must mean that the
step surely makes no edit to that text. Both are checked on generated batches of
texts built from fragments that set the stages off, under several option sets.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mtclean
from mtclean import Normalizer, Pipeline, make_pipeline

OPTION_SETS: list[dict[str, Any]] = [
    {},
    {"source_lang": "nl"},
    {"source_lang": "de"},
    {"quotes": "curly", "repeated_paragraphs": "remove", "boilerplate_max_share": 1.0},
]
PIPELINES = [
    pytest.param(mtclean.default_pipeline(**o), id=str(sorted(o.items()))) for o in OPTION_SETS
]


def _screened_steps() -> list[Any]:
    seen: dict[str, Normalizer] = {}
    for options in OPTION_SETS:
        for step in mtclean.default_pipeline(**options).steps:
            if callable(getattr(step, "may_change", None)):
                seen.setdefault(f"{step.name}@{sorted(options.items())}", step)
    return [pytest.param(step, id=key) for key, step in seen.items()]


SCREENED = _screened_steps()

# Fragments that set off the screened steps (and a few that look like they might).
FRAGMENTS = [
    "Navo",
    "Tweede Kamer",
    "Bundestag",
    "the Union faction",
    "Dmytro Koiliba",
    "Zelenskiy",
    "Volodymyr Zelensky",
    "Maria Wolkowa",
    "Wolkova",
    "Anna ",
    "Kowalsky",
    "Kowalski",
    "Mr ",
    "President ",
    "Leave a Reply",
    "Share this:",
    "with video",
    "The",
    "Minister",
    "floodthe",
    "infoThursday",
    "TThe",
    "iPhone",
    "meanwhile",
    " , ",
    ",,",
    " .",
    "..",
    "it.Why",
    " :",
    "?",
    "!",
    "(",
    "(see",
    "??",
    "\u2020",
    "“",
    "”",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "'",
    '"',
    "Ã©",
    "â€œ",
    "Å koda",
    "€",
    "Ä",
    "&amp;",
    "\x85",
    "\x00",
    "\u00a0",
    "\u2009",
    "\u200b",
    "\u2060",
    "  ",
    "\t",
    " \n",
    "\n",
    "\n\n\n",
    "https://example.org/a.b",
    "é",
    "ß",
]
text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=16).map(
    "".join
)
batch = st.lists(text, max_size=8)
_CI = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev") != "dev"
EXAMPLES = 200 if _CI else 80


@pytest.mark.parametrize("pipeline", PIPELINES)
@settings(max_examples=EXAMPLES, deadline=None)
@given(texts=batch)
def test_a_batch_comes_out_as_each_text_alone(pipeline: Pipeline, texts: list[str]) -> None:
    assert pipeline.many(texts) == [pipeline(t) for t in texts]


@pytest.mark.parametrize("step", SCREENED)
@settings(max_examples=EXAMPLES, deadline=None)
@given(texts=batch)
def test_a_screen_never_hides_an_edit(step: Any, texts: list[str]) -> None:
    """``may_change`` says ``False`` only for texts the step leaves as they are."""
    flags = step.may_change(texts)
    assert len(flags) == len(texts)
    for flag, t in zip(flags, texts, strict=True):
        if not flag:
            assert list(step.edits(t)) == [], t


BODY = (
    "The ministers met, on Monday to discuss the budget for the coming year, and they "
    "agreed on very little.\n\nBoth sides said they would return next week with new "
    "proposals on the spending plans and the tax changes.\n"
)
PAGE = (
    "Home » World\n\nTalks stall in Geneva\n\n"
    + BODY.replace("met,", "met , ,")
    + "\nLeave a Reply\n\nYour email address will not be published.\n"
)


def test_a_batch_of_short_and_long_texts() -> None:
    """Exact outputs for a mixed batch: untouched prose, repairs, a page with clutter."""
    texts = [
        "",
        "Plain prose stays as it is.",
        "The minister said , , no.",
        "Cafe\u0301 au lait  with friends.",
        "Floods hit the valleyWednesday.",
        PAGE,
        "See https://example.org/a , b for more.",
    ]
    pipeline = mtclean.default_pipeline()
    out = pipeline.many(texts)
    assert out == [pipeline(t) for t in texts]
    assert out == [
        "",
        "Plain prose stays as it is.",
        "The minister said, no.",
        "Cafe\u0301 au lait with friends.",
        "Floods hit the valley Wednesday.",
        "Talks stall in Geneva\n\n" + BODY,
        "See https://example.org/a, b for more.",
    ]


def test_a_pipeline_with_a_plain_function_cleans_each_text_alone() -> None:
    """A plain function's changes are not followed by the protected spans: the batch
    keeps the order of work of cleaning each text alone."""
    pipeline = make_pipeline(str.upper, mtclean.default_pipeline())
    texts = ["see www.example.org , now", "the  end"]
    assert (
        pipeline.many(texts)
        == [pipeline(t) for t in texts]
        == [
            "SEE WWW.EXAMPLE.ORG, NOW",
            "THE END",
        ]
    )


def test_many_checks_its_texts() -> None:
    with pytest.raises(TypeError):
        mtclean.default_pipeline().many(["ok", b"bytes"])  # type: ignore[list-item]
