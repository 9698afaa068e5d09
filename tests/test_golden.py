"""Golden cases in fixtures/golden/*.json, run through the default pipeline.

Each file is a JSON list of cases: ``label``, ``comment``, ``input``, ``expected``,
optional ``options`` (keywords for :func:`mtclean.clean_and_explain`), optional
``rules_fired`` and ``expect`` ("pass" or "fail"; known failures run as strict xfail).
Each case also checks that replaying the recorded changes on the input gives the output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import mtclean

ROOT = Path(__file__).parent.parent
GOLDEN = ROOT / "fixtures" / "golden"
KEYS = {"label", "comment", "input", "expected", "options", "rules_fired", "expect"}


def _cases() -> list[Any]:
    params = []
    for path in sorted(GOLDEN.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            unknown = set(case) - KEYS
            assert not unknown, f"{path.name}: {case.get('label')}: unknown keys {unknown}"
            marks = []
            if case.get("expect", "pass") == "fail":
                marks.append(pytest.mark.xfail(strict=True, reason=case.get("comment", "")))
            params.append(pytest.param(case, id=f"{path.stem}:{case['label']}", marks=marks))
    return params


CASES = _cases()


@pytest.mark.parametrize("case", CASES)
def test_golden(case: dict[str, Any]) -> None:
    """Output equals the expected text; the audit replays; the named rules fired."""
    options = dict(case.get("options", {}))
    if "rules" in options:  # pack paths are relative to the repository root
        options["rules"] = [str(ROOT / r) if r.endswith(".toml") else r for r in options["rules"]]
    result = mtclean.clean_and_explain(case["input"], **options)
    assert result.text == case["expected"]
    assert mtclean.clean(case["input"], **options) == result.text
    assert result.replay() == result.text
    fired = {c.rule for c in result.changes}
    for rule in case.get("rules_fired", []):
        assert rule in fired, f"{rule} did not fire; fired: {sorted(fired)}"
    if case["input"] == case["expected"]:
        assert result.changes == ()


def test_golden_files_exist() -> None:
    """There are golden cases to run."""
    assert len(CASES) >= 5
