"""The default pipeline (``mtclean.clean``) against ``ftfy.fix_text``, measured in the same run.

Targets: >= 10x ftfy's throughput on clean prose and >= 5x on damaged text, per
stage figures for orientation, >= 2x ftfy on 10,000 documents of about 200
characters (documents per second: the per-call cost, with ``clean`` one document
at a time and with ``clean_many`` in one process, which cleans them in batches),
and time linear in text length (a 5 MB and a 50 MB single text: seconds per MB
within 1.5x of each other).

Usage: python benchmarks/bench_pipeline.py CORPUS_DIR [--mb 4] [--no-large]
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import corpus_arg, ftfy_rate, load_docs, report, throughput

import mtclean
from mtclean.stages import STAGES

STAGE_NAMES = [s.name for s in STAGES]


def _stage_rate(stage: str, docs: list[str]) -> float | None:
    others = [s for s in STAGE_NAMES if s != stage]
    pipeline = mtclean.default_pipeline(disable=others)
    if not pipeline.steps:
        return None
    for doc in docs:  # compile what these documents need (compiled once per process)
        pipeline(doc)
    return throughput(pipeline, docs)


def _small_docs(docs: list[str], count: int = 10_000, size: int = 200) -> list[str]:
    """``count`` documents of about ``size`` characters: the corpus cut at spaces."""
    text = " ".join(d.replace("\n", " ") for d in docs)
    out: list[str] = []
    pos = 0
    while len(out) < count:
        cut = text.find(" ", pos + size)
        if cut < 0:
            break
        out.append(text[pos:cut])
        pos = cut + 1
    return out


def _many_rate(docs: list[str], repeat: int = 2) -> float:
    """``clean_many(docs, processes=1)`` throughput (MB/s), best of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in mtclean.clean_many(docs, processes=1):
            pass
        best = min(best, time.perf_counter() - start)
    return sum(map(len, docs)) / best / 1e6


def _seconds_per_mb(text: str) -> float:
    start = time.perf_counter()
    mtclean.clean(text)
    return (time.perf_counter() - start) / (len(text) / 1e6)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 1 if a target was missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    corpus_arg(parser)
    parser.add_argument("--no-large", action="store_true", help="skip the 50 MB linearity check")
    args = parser.parse_args(argv)
    ok = True
    for name in ("clean", "dirty"):  # warm up lazily built tables
        for doc in load_docs(args.corpus, name, 0.2):
            mtclean.clean(doc)
    for name, target in (("clean", 10.0), ("dirty", 5.0)):
        docs = load_docs(args.corpus, name, args.mb)
        base = ftfy_rate(docs)
        print(f"-- {name}: {len(docs)} documents, {sum(map(len, docs)) / 1e6:.1f} MB")
        report(f"ftfy.fix_text ({name})", base, base)
        ok &= report(
            f"mtclean.clean ({name})", throughput(mtclean.clean, docs, repeat=2), base, target
        )
        report(f"clean_many, one process ({name})", _many_rate(docs), base)
        for stage in STAGE_NAMES:
            rate = _stage_rate(stage, docs)
            if rate is not None:
                report(f"  stage {stage} alone", rate, base)
    small = _small_docs(load_docs(args.corpus, "clean", max(args.mb, 2.1)))
    for doc in small[:1000]:  # warm up what these documents need
        mtclean.clean(doc)
    print(f"-- {len(small):,} documents of ~200 characters (a ratio of MB/s is one of docs/s)")
    base = ftfy_rate(small)
    report("ftfy.fix_text (small documents)", base, base)
    ok &= report("mtclean.clean (small documents)", throughput(mtclean.clean, small), base, 2.0)
    report("clean_many, one process (small documents)", _many_rate(small), base, 2.0)
    if not args.no_large:
        docs = load_docs(args.corpus, "dirty", 6.0)
        small = "\n\n".join(docs)[:5_000_000]
        large = small * 10
        s_small = _seconds_per_mb(small)
        s_large = _seconds_per_mb(large)
        linear = s_large <= 1.5 * s_small
        ok &= linear
        print(
            f"linearity: 5 MB text {s_small:.3f} s/MB, 50 MB text {s_large:.3f} s/MB "
            f"(ratio {s_large / s_small:.2f}; target <= 1.5: {'PASS' if linear else 'FAIL'})"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
