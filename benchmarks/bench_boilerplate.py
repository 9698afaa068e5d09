"""Throughput of the boilerplate stage alone, against ``ftfy.fix_text`` in the same run.

Usage: ``python benchmarks/bench_boilerplate.py CORPUS [--mb N]``. Target: on text
without boilerplate (``clean.txt.gz``) at least 50x ftfy's throughput. The number
on the dirty corpus (scraped clutter injected) is printed for information.
"""

from __future__ import annotations

import argparse
import sys

from _common import corpus_arg, ftfy_rate, load_docs, report, throughput

from mtclean.boilerplate.stage import build_steps
from mtclean.options import Options

TARGET_CLEAN = 50.0


def main() -> int:
    """Run the benchmark; exit 1 if the clean-text target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    corpus_arg(parser)
    args = parser.parse_args()
    steps = build_steps(Options())

    def stage(text: str) -> str:
        """The stage's steps in order (without the pipeline's protected-span scan)."""
        for step in steps:
            text = step.fix(text)
        return text

    ok = True
    for name, target in (("clean", TARGET_CLEAN), ("dirty", None)):
        docs = load_docs(args.corpus, name, args.mb)
        stage(docs[0])  # warm the prefix memos
        base = ftfy_rate(docs)
        rate = throughput(stage, docs, repeat=3)
        removed = sum(len(d) - len(stage(d)) for d in docs)
        label = f"boilerplate on {name} text ({len(docs)} docs)"
        ok &= report(label, rate, base, target)
        print(f"{'':<44} {removed} characters of clutter removed", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
