"""Time and memory on pathological shapes: one long line, short sentences, a line without
spaces, only newlines; and, when a corpus folder is given, its clean and its damaged
documents joined into one line (real text, whose repairs are not evenly spread).

For each shape and each stage of the default pipeline, seconds per MB at two sizes
(``--mb`` and a quarter of it). Target: linear time, the larger size's seconds per MB
within 2x of the smaller's (plus 0.05 s of noise), and peak memory of the whole
pipeline at most 10x the text size (``tracemalloc``, at the larger size, after a
first call on the same text has built the pipeline and loaded what it needs).

Usage: python benchmarks/bench_long_inputs.py CORPUS_DIR [--mb 1]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

from _common import load_docs

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


def _corpus_line(corpus: str, name: str, chars: int) -> str:
    """The corpus file's documents joined into one line, cut at a space near ``chars``."""
    docs = load_docs(Path(corpus), name, chars / 1e6 + 0.1)
    line = " ".join(d.replace("\n", " ") for d in docs)
    cut = line.rfind(" ", 0, chars)
    return line[: cut if cut > 0 else chars]


def _seconds_per_mb(func: object, text: str) -> float:
    start = time.perf_counter()
    func(text)  # type: ignore[operator]
    return (time.perf_counter() - start) / (len(text) / 1e6)


def main(argv: list[str] | None = None) -> int:
    """Print one row per shape and stage; return 1 if a row is not linear."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", help="bench corpus folder (adds its two lines)")
    parser.add_argument("--mb", type=float, default=1.0, help="the larger size (default 1 MB)")
    args, _ = parser.parse_known_args(argv)
    big = int(args.mb * 1_000_000)
    small = big // 4
    ok = True
    texts = {shape: (_text(unit, small), _text(unit, big)) for shape, unit in SHAPES.items()}
    if args.corpus:
        for name in ("clean", "dirty"):
            line = _corpus_line(args.corpus, name, big)
            texts[f"corpus-{name}-line"] = (line[: line.rfind(" ", 0, small)], line)
    for shape, (small_text, big_text) in texts.items():
        for stage in (s.name for s in STAGES):
            pipeline = mtclean.default_pipeline(
                source_lang="nl", disable=[s.name for s in STAGES if s.name != stage]
            )
            if not pipeline.steps:
                continue
            # warm up lazily built tables (on real text, all that both sizes need)
            for warm in (big_text,) if shape.startswith("corpus") else (small_text[:1000],):
                pipeline(warm)
            a = _seconds_per_mb(pipeline, small_text)
            b = _seconds_per_mb(pipeline, big_text)
            linear = b <= 2 * a + 0.05
            ok &= linear
            verdict = "ok" if linear else "NOT LINEAR"
            print(
                f"{shape:18} {stage:12} {a:8.3f} s/MB at {len(small_text):>9,}  "
                f"{b:8.3f} s/MB at {len(big_text):>9,}"
                f"  {verdict}",
                flush=True,
            )
        # At the larger size, after a first call on the same text has built the
        # pipeline, loaded the tables it needs and filled the interpreter's free
        # lists: what a text costs, not what starting costs.
        text = big_text
        mtclean.clean(text, source_lang="nl")
        tracemalloc.start()
        mtclean.clean(text, source_lang="nl")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        ratio = peak / max(1, len(text))
        ok &= ratio <= 10
        print(
            f"{shape:18} {'memory':12} peak {ratio:.1f}x the text size"
            f"  {'ok' if ratio <= 10 else 'OVER 10x'}",
            flush=True,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
