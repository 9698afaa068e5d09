"""The audited path (``clean_and_explain``) against the fast path (``clean``) and ftfy.

Each step analyses a text once and both paths use that one analysis; the audited
path adds only the bookkeeping (offsets back to the original, change records,
findings). Target: ``clean_and_explain`` costs at most 1.6x ``clean`` on damaged
text, where most changes are made.

Usage: python benchmarks/bench_explain.py CORPUS_DIR [--mb 2]
"""

from __future__ import annotations

import argparse
import sys
import time

import ftfy
from _common import corpus_arg, load_docs, report

import mtclean


def _seconds(func: object, docs: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for d in docs:
            func(d)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 if the audited path costs too much more than the fast one."""
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
        print(f"-- {name}: {len(docs)} documents, {chars:.1f} MB (CPU seconds, best of 3)")
        report(f"ftfy.fix_text ({name})", base, base)
        report(f"mtclean.clean ({name})", chars / fast, base)
        report(f"mtclean.clean_and_explain ({name})", chars / audited, base)
        within = audited <= 1.6 * fast
        ok &= within or name == "clean"
        print(
            f"audited / fast: {audited / fast:.2f} "
            f"(target <= 1.6 on damaged text: {'PASS' if within else 'FAIL'})"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
