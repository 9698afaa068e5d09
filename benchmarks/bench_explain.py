"""The audited path (``clean_and_explain``) against the fast path (``clean``) and ftfy.

Each step analyses a text once and both paths use that one analysis; the audited
path adds only the bookkeeping (offsets back to the original, change records,
findings). The row "each step analysing twice" audits the way mtclean did before
(a findings pass and an edits pass per step). Target: the audited path at least
1.3x faster than that, on clean and on damaged text.

Usage: python benchmarks/bench_explain.py CORPUS_DIR [--mb 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from typing import Any

import ftfy
from _common import corpus_arg, load_docs, report

import mtclean
from mtclean.core import Analysis
from mtclean.pipeline import Pipeline, analyze


@dataclass(frozen=True)
class _TwiceAnalysed:
    """A step audited the way mtclean audited before one analysis per step: a findings
    pass and an edits pass, each a full analysis of the text."""

    step: Any

    @property
    def name(self) -> str:
        return str(self.step.name)

    def analyze(self, text: str, audit: bool = True) -> Analysis:
        findings = analyze(self.step, text).findings
        return Analysis(analyze(self.step, text).edits, findings)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.step, attr)


def _seconds(func: object, docs: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for d in docs:
            func(d)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 if one analysis per step saves less than the target."""
    parser = argparse.ArgumentParser(description=__doc__)
    corpus_arg(parser)
    args = parser.parse_args(argv)
    ok = True
    for name in ("clean", "dirty"):
        docs = load_docs(args.corpus, name, args.mb)
        for d in docs[:50]:  # warm up lazily built tables
            mtclean.clean_and_explain(d)
        chars = sum(map(len, docs)) / 1e6
        base = chars / _seconds(ftfy.fix_text, docs)
        fast = _seconds(mtclean.clean, docs)
        audited = _seconds(mtclean.clean_and_explain, docs)
        pipeline = mtclean.default_pipeline()
        twice = Pipeline(tuple(_TwiceAnalysed(s) for s in pipeline.steps), pipeline.passes)
        two_pass = _seconds(twice.explain, docs)
        print(f"-- {name}: {len(docs)} documents, {chars:.1f} MB (CPU seconds, best of 3)")
        report(f"ftfy.fix_text ({name})", base, base)
        report(f"mtclean.clean ({name})", chars / fast, base)
        report(f"mtclean.clean_and_explain ({name})", chars / audited, base)
        report(f"  each step analysing twice ({name})", chars / two_pass, base)
        within = two_pass >= 1.3 * audited
        ok &= within
        print(
            f"one analysis per step: audited path {two_pass / audited:.2f}x faster than "
            f"analysing twice (target >= 1.3: {'PASS' if within else 'FAIL'}); "
            f"audited / fast: {audited / fast:.2f}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
