"""Regression gate: scores on fixtures/articles must meet fixtures/articles/thresholds.toml.

Raising a threshold locks in an improvement. A changed clean control fails with
the rules that changed it: fix the rule, never the control.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from mtclean.evaluation import (
    EvalReport,
    check_thresholds,
    evaluate,
    load_articles,
    load_thresholds,
)

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
THRESHOLDS = load_thresholds(ARTICLES / "thresholds.toml")


@cache
def _report(mode: str) -> EvalReport:
    return evaluate(load_articles(ARTICLES), detect=mode == "detect")


@pytest.mark.parametrize("mode", ["source_lang", "detect"])
def test_clean_controls_are_byte_identical(mode: str) -> None:
    report = _report(mode)
    changed = {
        s.article.id: [f"{o.rules} {o.before!r} -> {o.actual!r}" for o in s.outcomes]
        for s in report.controls
        if not s.exact
    }
    assert not changed, f"clean controls changed (mode {mode}): {changed}"


@pytest.mark.parametrize("mode", ["source_lang", "detect"])
def test_scores_meet_thresholds(mode: str) -> None:
    report = _report(mode)
    # controls_identical has its own test above, with the rules that changed each control.
    scores = {k: v for k, v in THRESHOLDS[mode].items() if k != "controls_identical"}
    assert THRESHOLDS[mode]["controls_identical"] == 1.0
    failures = check_thresholds(report, scores)
    assert not failures, "\n".join([*failures, "", report.table()])
