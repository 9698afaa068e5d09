"""Cleaning twice gives what cleaning once gave: the default pipeline runs to a fixpoint."""

from __future__ import annotations

import pytest

import mtclean
from mtclean import RegexNormalizer, make_pipeline

CASES = [
    'He said :\u00a0"no"\n',
    "it.Why?Because.\n",
    " \r \n",
    "The Navo summit , , said :\u00a0'no' .\n",
    "Kiev.Statue of Remko de Waal / ANP\n",
]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("lang", [None, "nl", "de"])
def test_clean_is_idempotent(text: str, lang: str | None) -> None:
    once = mtclean.clean(text, source_lang=lang)
    assert mtclean.clean(once, source_lang=lang) == once
    result = mtclean.clean_and_explain(text, source_lang=lang)
    assert result.text == once
    assert result.replay() == once


def test_second_pass_finishes_what_a_later_step_started() -> None:
    """A later step's output that an earlier step would change is changed in the same call."""
    steps = (RegexNormalizer("aa", "aa", "b"), RegexNormalizer("bb", "c", "a"))
    once = make_pipeline(*steps)
    assert once("caa") == "ab"
    fixpoint = mtclean.Pipeline(once.steps, passes=4)
    assert fixpoint("ca") == "b"
    result = fixpoint.explain("ca")
    assert result.text == "b"
    assert [c.rule for c in result.changes] == ["bb", "aa"]
    assert result.replay() == "b"


def test_default_pipeline_runs_to_a_fixpoint() -> None:
    assert mtclean.default_pipeline().passes > 1
    assert make_pipeline(mtclean.default_pipeline()).passes > 1
    assert make_pipeline(str.strip).passes == 1
