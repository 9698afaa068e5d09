"""Time and memory on pathological shapes: one long line, short sentences, a line without
spaces, only newlines.

For each shape and each stage of the default pipeline, seconds per MB at two sizes
(``--mb`` and a quarter of it; the corpus folder is not read). Target: linear time,
the larger size's seconds per MB within 2x of the smaller's (plus 0.05 s of noise),
and peak memory of the whole pipeline at most 10x the text size (``tracemalloc``,
at the larger size, after a first call has built the pipeline).

Usage: python benchmarks/bench_long_inputs.py CORPUS_DIR [--mb 1]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc

import mtclean
from mtclean.api import STAGES

SHAPES = {
    "long-line": "The minister said on Monday that the talks would continue after a long meeting. ",
    "dirty-line": "The Navo minister Zelenskyy said , , on Monday that talks . . would go on.Why? ",
    "short-sentences": "It is. No. ",
    "no-spaces": "The,Navo,minister,Zelenskyy,said,,on,Monday;",
    "newlines-only": "\n",
}


def _text(unit: str, chars: int) -> str:
    """About ``chars`` characters of ``unit`` repeated, whole units only: both sizes of a
    shape end alike (a cut unit can end in a space at one size and not at the other,
    and then only one of them has a trailing space to repair)."""
    return unit * max(1, round(chars / len(unit)))


def _seconds_per_mb(func: object, text: str) -> float:
    start = time.perf_counter()
    func(text)  # type: ignore[operator]
    return (time.perf_counter() - start) / (len(text) / 1e6)


def main(argv: list[str] | None = None) -> int:
    """Print one row per shape and stage; return 1 if a row is not linear."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", help="ignored (the shapes are generated)")
    parser.add_argument("--mb", type=float, default=1.0, help="the larger size (default 1 MB)")
    args, _ = parser.parse_known_args(argv)
    big = int(args.mb * 1_000_000)
    small = big // 4
    ok = True
    for shape, unit in SHAPES.items():
        for stage in (s.name for s in STAGES):
            pipeline = mtclean.default_pipeline(
                source_lang="nl", disable=[s.name for s in STAGES if s.name != stage]
            )
            if not pipeline.steps:
                continue
            pipeline(_text(unit, 1000))  # warm up lazily built tables
            a = _seconds_per_mb(pipeline, _text(unit, small))
            b = _seconds_per_mb(pipeline, _text(unit, big))
            linear = b <= 2 * a + 0.05
            ok &= linear
            verdict = "ok" if linear else "NOT LINEAR"
            print(
                f"{shape:16} {stage:12} {a:8.3f} s/MB at {small:>9,}  {b:8.3f} s/MB at {big:>9,}"
                f"  {verdict}",
                flush=True,
            )
        # At the larger size, after a first call has built the pipeline (and filled
        # the interpreter's free lists): what a text costs, not what starting costs.
        mtclean.clean(_text(unit, small), source_lang="nl")
        text = _text(unit, big)
        tracemalloc.start()
        mtclean.clean(text, source_lang="nl")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        ratio = peak / max(1, len(text))
        ok &= ratio <= 10
        print(
            f"{shape:16} {'memory':12} peak {ratio:.1f}x the text size"
            f"  {'ok' if ratio <= 10 else 'OVER 10x'}",
            flush=True,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
