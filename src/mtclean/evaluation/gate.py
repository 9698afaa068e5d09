"""Thresholds: the scores a labelled set must reach (``thresholds.toml``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path

from .dataset import read_file
from .model import EvalError
from .report import EvalReport

# -- thresholds ------------------------------------------------------------------------


def load_thresholds(path: str | Path) -> dict[str, dict[str, float]]:
    """Read ``thresholds.toml``: a table per mode (``source_lang``, ``detect``) of minimum scores.

    Keys are those of :meth:`EvalReport.metrics`; nested tables (``[source_lang.terms]``
    with ``precision``/``recall``) are flattened to ``terms.precision``.
    """
    data = tomllib.loads(read_file(Path(path)))
    out: dict[str, dict[str, float]] = {}
    for mode, table in data.items():
        if mode not in ("source_lang", "detect"):
            msg = f"{path}: unknown table [{mode}] (use [source_lang] or [detect])"
            raise EvalError(msg)
        flat: dict[str, float] = {}
        for key, value in table.items():
            if isinstance(value, dict):
                flat.update({f"{key}.{k}": float(v) for k, v in value.items()})
            else:
                flat[key] = float(value)
        out[mode] = flat
    return out


def check_thresholds(report: EvalReport, thresholds: Mapping[str, float]) -> list[str]:
    """The metrics of ``report`` below their thresholds, as readable lines ([] = all pass)."""
    metrics = report.metrics()
    failures = []
    for key, minimum in sorted(thresholds.items()):
        if key not in metrics:
            failures.append(f"{key}: unknown metric (known: {', '.join(sorted(metrics))})")
        elif metrics[key] + 1e-9 < minimum:
            failures.append(f"{key}: {metrics[key]:.3f} is below the threshold {minimum:.3f}")
    return failures
