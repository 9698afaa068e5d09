"""The ``mtclean clean`` command on a JSONL corpus: scaling with -j and flat memory.

``python benchmarks/bench_cli.py CORPUS_DIR [--mb N]`` writes the first N MB and 3N MB of
the dirty bench corpus (one document per JSON line) and runs the CLI as a user
would (``mtclean clean --jsonl in.jsonl -o out.jsonl -q``) in a fresh process:

* with ``-j 1`` and ``-j 2`` on 3N MB: target ``-j 2`` >= 1.7x ``-j 1``, measured
  on the processing time: from calling the CLI's ``main`` to its return
  (workers started, every document read, cleaned and written). Interpreter
  start-up, imports and building the default pipeline (done once per run, the
  same for any -j) are timed apart and shown;
* with ``-j 2`` on N MB and on 3N MB: peak resident memory of the main process
  (its ``VmHWM``) and of the largest child process (``RUSAGE_CHILDREN``);
  target: the sum grows by less than 25% while the corpus triples (streaming:
  only a few batches per worker are in memory at once).

ftfy's rate on the same documents is printed as the usual yardstick.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import corpus_arg, ftfy_rate, load_docs, report

SPEEDUP_TARGET = 1.7
MEMORY_GROWTH_LIMIT = 1.25

_RUNNER = """
import json, resource, sys, time
start = time.perf_counter()
import mtclean
from mtclean.cli.main import main
mtclean.default_pipeline()  # what every run builds first (cached for main below)
ready = time.perf_counter()
code = main(sys.argv[2:])
done = time.perf_counter()
with open("/proc/self/status") as status:  # VmHWM: this image's own peak (not the parent's)
    hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
peak = {
    "startup": ready - start,
    "seconds": done - ready,
    "self_mb": hwm / 1024,
    "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "code": code,
}
with open(sys.argv[1], "w") as handle:
    json.dump(peak, handle)
"""


def write_jsonl(docs: list[str], path: Path) -> int:
    """Write ``docs`` as JSON lines; return the file size in bytes."""
    with path.open("w", encoding="utf-8") as handle:
        for i, doc in enumerate(docs):
            handle.write(json.dumps({"id": f"doc-{i}", "text": doc}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def run_cli(src: Path, jobs: int, work: Path) -> dict[str, float]:
    """Run the CLI once in a fresh process; return its timings and peak memory."""
    peak_file = work / "peak.json"
    out = work / f"out-{jobs}-{src.stem}.jsonl"
    cmd = [sys.executable, "-c", _RUNNER, str(peak_file), "clean", "--jsonl", str(src)]
    cmd += ["-o", str(out), "-j", str(jobs), "-q"]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    peak = json.loads(peak_file.read_text(encoding="utf-8"))
    if peak["code"] != 0:
        raise SystemExit(f"benchmark: mtclean failed:\n{done.stderr}")
    size = src.stat().st_size
    return {
        "wall": wall,
        "startup": peak["startup"],
        "seconds": peak["seconds"],
        "rate": size / peak["seconds"] / 1e6,
        "mb": size / 1e6,
        "self_mb": peak["self_mb"],
        "children_mb": peak["children_mb"],
    }


def main() -> int:
    """Run the scaling and memory measurements; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arg(parser)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src_small = work / "small.jsonl"
        src_large = work / "large.jsonl"
        docs = load_docs(args.corpus, "dirty", args.mb)
        n_docs = len(docs)
        ftfy_mbps = ftfy_rate(docs[: max(1, n_docs // 4)])
        write_jsonl(docs, src_small)
        write_jsonl(load_docs(args.corpus, "dirty", args.mb * 3), src_large)
        del docs  # keep this process small: a child's peak memory starts from ours
        one = run_cli(src_large, 1, work)
        big = run_cli(src_large, 2, work)
        two = run_cli(src_small, 2, work)
    print(f"corpus: {one['mb']:.1f} MB of JSON lines ({n_docs:,} documents in the first third)")
    for label, r in (("-j 1", one), ("-j 2", big)):
        print(
            f"  {label}: {r['seconds']:.2f} s processing + {r['startup']:.2f} s start-up "
            f"(wall {r['wall']:.2f} s)"
        )
        report(f"mtclean clean --jsonl {label} (processing)", r["rate"], ftfy_mbps)
    speedup = big["rate"] / one["rate"]
    wall_speedup = one["wall"] / big["wall"]
    passed = speedup >= SPEEDUP_TARGET
    ok &= passed
    print(
        f"speed-up -j 2 / -j 1: {speedup:.2f}x processing, {wall_speedup:.2f}x wall  "
        f"target >= {SPEEDUP_TARGET}x: {'PASS' if passed else 'FAIL'}"
    )
    print("peak resident memory, -j 2 (main process / largest child process):")
    for r in (two, big):
        print(f"  {r['mb']:6.1f} MB corpus: {r['self_mb']:6.1f} MB / {r['children_mb']:6.1f} MB")
    total_small = two["self_mb"] + two["children_mb"]
    total_big = big["self_mb"] + big["children_mb"]
    growth = total_big / total_small
    flat = growth < MEMORY_GROWTH_LIMIT
    ok &= flat
    print(
        f"memory growth for {big['mb'] / two['mb']:.1f}x the corpus: {growth:.2f}x  "
        f"target < {MEMORY_GROWTH_LIMIT}x: {'PASS' if flat else 'FAIL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
