"""Benchmark the repair stage against ``ftfy.fix_text``: ``bench_repair.py CORPUS [--mb N]``.

Measures, in one run and on the same documents:

* the whole repair stage (unicode, punctuation and spacing steps of the default
  pipeline) on the clean and the dirty corpus, as a ratio to ``ftfy.fix_text``
  (targets: >= 10x on clean text, >= 3x on dirty text);
* each step of the stage alone (a step run on its own pays for the shared
  rare-character pass that the steps of one pipeline share), and ftfy with
  mtclean's MT-safe configuration;
* that the unicode step's output equals ``ftfy.fix_text(line, MT_SAFE_CONFIG)``
  on every line (so on every line ftfy would change, too).

Exits 1 if a target is missed or an output differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).parent))

from _common import corpus_arg, ftfy_rate, load_docs, report, throughput

from mtclean.options import Options
from mtclean.pipeline import Pipeline
from mtclean.repair.stage import punctuation_steps, spacing_steps, unicode_steps
from mtclean.repair.unicode import MT_SAFE_CONFIG, UnicodeRepairer

TARGETS = {"clean": 10.0, "dirty": 3.0}


def repair_stage() -> Pipeline:
    """The repair stage's steps with the default options, as one pipeline."""
    options = Options()
    return Pipeline(
        tuple(unicode_steps(options) + punctuation_steps(options) + spacing_steps(options))
    )


def lines_of(doc: str) -> list[str]:
    """The lines of ``doc`` as ftfy segments them: split after each "\\n" only."""
    return [line + "\n" for line in doc.split("\n")[:-1]] + [doc.rsplit("\n", 1)[-1]]


def ftfy_lines(doc: str) -> str:
    """``ftfy.fix_text`` with the MT-safe configuration, applied line by line."""
    return "".join(ftfy.fix_text(line, MT_SAFE_CONFIG) for line in lines_of(doc))


def check_same_as_ftfy(docs: list[str]) -> tuple[int, int]:
    """Return (lines ftfy changes, lines where the unicode step differs from ftfy)."""
    step = UnicodeRepairer()
    changed = differ = 0
    for doc in docs:
        for line in lines_of(doc):
            expected = ftfy.fix_text(line, MT_SAFE_CONFIG)
            got = step.fix(line)
            changed += expected != line
            if got != expected:
                differ += 1
                if differ <= 5:
                    print(f"  differs: {line!r}\n   ftfy: {expected!r}\n   ours: {got!r}")
        if step.fix(doc) != ftfy_lines(doc):
            differ += 1
    return changed, differ


def main(argv: list[str]) -> int:
    """Run the benchmark; return 1 if a target is missed or an output differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arg(parser)
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings (default 3)")
    args = parser.parse_args(argv)
    stage = repair_stage()
    ok = True
    for name in ("clean", "dirty"):
        docs = load_docs(args.corpus, name, args.mb)
        chars = sum(len(d) for d in docs)
        print(f"\n{name}: {len(docs)} documents, {chars / 1e6:.1f} M characters", flush=True)
        base = ftfy_rate(docs)
        report("ftfy.fix_text (default config)", base, base)
        report("ftfy.fix_text (MT-safe config)", throughput(ftfy_lines, docs), base)
        for step in stage.steps:
            rate = throughput(step.fix, docs, repeat=args.repeat)
            report(f"  step {step.name} alone", rate, base)
        rate = throughput(stage, docs, repeat=args.repeat)
        ok &= report(f"repair stage ({name})", rate, base, TARGETS[name])
        changed, differ = check_same_as_ftfy(docs)
        verdict = "PASS" if differ == 0 else "FAIL"
        print(
            f"lines ftfy changes: {changed}; lines where the unicode step differs: {differ}"
            f"  same as ftfy: {verdict}"
        )
        ok &= differ == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
