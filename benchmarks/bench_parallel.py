"""Cleaning a corpus on two cores: ``clean_many``, the CLI's ``-j 2`` and Dask, against serial.

``python benchmarks/bench_parallel.py CORPUS_DIR [--mb N] [--dask-mb M]`` takes the
first N MB of the clean and of the dirty bench corpus (documents interleaved) and
prints, in one run:

* ``clean_many(processes=1)`` and ``clean_many(processes=2)`` in this process
  (the pipeline built and warmed first, as in a long-lived program);
  target: processes=2 >= 1.7x serial;
* ``mtclean clean DIR -o OUT/`` (one file per document) and ``mtclean clean
  --jsonl`` with ``-j 1`` and ``-j 2``, each in a fresh process, timed from the
  CLI's ``main`` to its return (start-up and building the pipeline, the same for
  any -j, are left out); target: -j 2 >= 1.7x -j 1 (``--cli-repeat N``: N runs
  of each, in turns, medians);
* ``mtclean.dask.clean_bag`` on a ``LocalCluster`` of two one-thread worker
  processes, after :func:`mtclean.dask.prepare` built the pipeline on each worker
  (timed apart), for several partition sizes, against one process cleaning the
  same M MB; target: >= 1.5x.

Every parallel output is compared with the serial one (same texts, same order,
same bytes). Next to each wall-clock ratio, the CPU seconds of all processes
(for Dask: this one, where the scheduler runs, and the workers) are shown against
serial: on a machine that other jobs load, the wall-clock ratio
drops but the CPU overhead of going parallel does not. ftfy's rate is the usual
yardstick.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import corpus_arg, ftfy_rate, load_docs, report

import mtclean
from mtclean.corpus.engine import clean_many

SPEEDUP_TARGET = 1.7
DASK_TARGET = 1.5

_RUNNER = """
import json, resource, sys, time
import mtclean
from mtclean.cli.main import main
mtclean.default_pipeline()  # what every run builds first (cached for main below)
start, cpu = time.perf_counter(), time.process_time()
code = main(sys.argv[2:])
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
children = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as handle:
    json.dump({"seconds": seconds, "cpu": cpu + children.ru_utime + children.ru_stime,
               "code": code}, handle)
"""


def interleave(corpus: Path, mb: float) -> list[str]:
    """Clean and dirty documents, alternating (both halves of the bench corpus)."""
    clean, dirty = load_docs(corpus, "clean", mb), load_docs(corpus, "dirty", mb)
    docs = [d for pair in zip(clean, dirty, strict=False) for d in pair]
    return docs + clean[len(dirty) :] + dirty[len(clean) :]


def cpu_now() -> float:
    """CPU seconds of this process and of its finished child processes."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(func: Callable[[], list[str]]) -> tuple[list[str], float, float]:
    """``func()``, its wall-clock seconds and the CPU seconds it took (children included)."""
    cpu, start = cpu_now(), time.perf_counter()
    out = func()
    return out, time.perf_counter() - start, cpu_now() - cpu


def row(label: str, seconds: float, cpu: float, base: tuple[float, float], target: float) -> bool:
    """Print one parallel row against its serial ``base`` (seconds, cpu); return pass."""
    speedup = base[0] / seconds
    ok = speedup >= target
    print(
        f"{label:<34} {seconds:7.2f} s  {speedup:5.2f}x serial  "
        f"(CPU {cpu:6.2f} s = {cpu / base[1]:4.2f}x serial's)  "
        f"target >= {target:g}x: {'PASS' if ok else 'FAIL'}",
        flush=True,
    )
    return ok


def run_cli(args: list[str], work: Path) -> tuple[float, float]:
    """Run ``mtclean`` with ``args`` in a fresh process; its processing and CPU seconds."""
    result = work / "cli.json"
    cmd = [sys.executable, "-c", _RUNNER, str(result), *args, "-q"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not result.is_file():
        raise SystemExit(f"benchmark: mtclean failed:\n{done.stderr}")
    got = json.loads(result.read_text(encoding="utf-8"))
    if got["code"] != 0:
        raise SystemExit(f"benchmark: mtclean exited with {got['code']}:\n{done.stderr}")
    return got["seconds"], got["cpu"]


def bench_cli(docs: list[str], work: Path, repeat: int = 1) -> bool:
    """A folder of one file per document, and one JSONL file: -j 1 against -j 2.

    With ``repeat`` above 1 the two are run in turns (-j 1, -j 2, -j 1, ...) into
    fresh output folders, and each row is the median of its runs: on a shared
    machine one run of a command that fsyncs thousands of files says little.
    """
    folder = work / "in"
    folder.mkdir()
    width = len(str(len(docs)))
    for i, doc in enumerate(docs):
        (folder / f"doc{i:0{width}d}.txt").write_text(doc + "\n", encoding="utf-8")
    jsonl = work / "in.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for i, doc in enumerate(docs):
            handle.write(json.dumps({"id": i, "text": doc}, ensure_ascii=False) + "\n")
    ok = True
    for kind in ("folder", "jsonl"):
        outputs: dict[str, list[tuple[str, bytes]]] = {}
        timings: dict[str, list[tuple[float, float]]] = {"1": [], "2": []}
        for turn in range(repeat):
            for jobs in ("1", "2"):
                out = work / f"out-{kind}-{jobs}-{turn}"
                if kind == "folder":
                    args = ["clean", str(folder), "-o", f"{out}/", "-j", jobs]
                else:
                    args = ["clean", "--jsonl", str(jsonl), "-o", str(out), "-j", jobs]
                timings[jobs].append(run_cli(args, work))
                outputs.setdefault(jobs, _read_output(out))
        if outputs["1"] != outputs["2"]:
            raise SystemExit(f"benchmark: CLI {kind} output differs between -j 1 and -j 2")
        serial, parallel = _median(timings["1"]), _median(timings["2"])
        runs = f" (median of {repeat})" if repeat > 1 else ""
        print(f"CLI {kind} -j 1{runs:<22} {serial[0]:7.2f} s  (CPU {serial[1]:6.2f} s)")
        ok &= row(f"CLI {kind} -j 2{runs}", *parallel, serial, SPEEDUP_TARGET)
    return ok


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The run of median wall-clock time (with its CPU seconds)."""
    return sorted(runs)[len(runs) // 2]


def _read_output(path: Path) -> list[tuple[str, bytes]]:
    if path.is_file():
        return [("", path.read_bytes())]
    return [(p.name, p.read_bytes()) for p in sorted(path.iterdir())]


def bench_dask(docs: list[str], partitions: list[int]) -> bool:
    """Two one-thread Dask workers against one process, per partition size."""
    try:
        import distributed
    except ImportError:
        print("dask: not installed (pip install 'mtclean[dask]'); skipped")
        return True
    from mtclean.dask import bag_of_texts, clean_bag, prepare

    serial, seconds, serial_cpu = timed(lambda: list(clean_many(docs, processes=1)))
    mb = sum(len(d) for d in docs) / 1e6
    print(
        f"dask: {mb:.1f} MB, {len(docs):,} documents; "
        f"one process: {seconds:.2f} s (CPU {serial_cpu:.2f} s)"
    )
    ok = True
    start = time.perf_counter()
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        started = time.perf_counter()
        prepare(client, warm=docs[:1000])  # patterns compiled on first use: now
        ready = time.perf_counter()
        print(
            f"  cluster start {started - start:.2f} s, prepare (pipeline built on "
            f"each worker) {ready - started:.2f} s"
        )
        for size in partitions:
            bag = bag_of_texts(docs, docs_per_task=size)
            workers_cpu = sum(client.run(time.process_time).values())
            here, begin = cpu_now(), time.perf_counter()
            got = clean_bag(bag).compute()
            took = time.perf_counter() - begin
            here = cpu_now() - here
            workers = sum(client.run(time.process_time).values()) - workers_cpu
            cpu = here + workers
            if got != serial:
                raise SystemExit(f"benchmark: Dask output differs (partitions of {size})")
            speedup = seconds / took
            passed = speedup >= DASK_TARGET
            ok &= passed
            label = f"dask, {size} docs/partition ({bag.npartitions} tasks)"
            print(
                f"  {label:<40} {took:7.2f} s  {speedup:5.2f}x one process  "
                f"(CPU {cpu / serial_cpu:4.2f}x: workers {workers:.2f} s, here {here:.2f} s)  "
                f"target >= {DASK_TARGET:g}x: {'PASS' if passed else 'FAIL'}",
                flush=True,
            )
        for size in partitions:
            took = _dask_files(docs, size, serial)
            speedup = seconds / took
            label = f"dask, JSONL files of {size} docs, read and written by the workers"
            print(f"  {label:<40} {took:7.2f} s  {speedup:5.2f}x one process", flush=True)
    return ok


def _dask_files(docs: list[str], size: int, serial: list[str]) -> float:
    """Seconds to clean ``docs`` from JSONL files of ``size`` documents into JSONL files,
    each worker reading and writing its own (``dask.bag.read_text``, ``to_textfiles``):
    no text passes through this process or the scheduler."""
    import dask.bag as db

    from mtclean.dask import clean_bag

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        for n in range(0, len(docs), size):
            lines = [json.dumps({"text": d}) + "\n" for d in docs[n : n + size]]
            (src / f"part-{n // size:05d}.jsonl").write_text("".join(lines), encoding="utf-8")
        bag = db.read_text(str(src / "*.jsonl")).map(json.loads).pluck("text")
        begin = time.perf_counter()
        clean_bag(bag).map(lambda t: json.dumps({"text": t})).to_textfiles(str(out / "*.jsonl"))
        took = time.perf_counter() - begin
        got = [
            json.loads(line)["text"]
            for path in sorted(out.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
    if got != serial:
        raise SystemExit(f"benchmark: Dask file output differs (files of {size})")
    return took


def main() -> int:
    """Run every measurement; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_arg(parser)
    parser.add_argument("--dask-mb", type=float, default=None, help="MB per file for Dask")
    parser.add_argument(
        "--partitions", default="50,200,800", help="documents per Dask partition to try"
    )
    parser.add_argument(
        "--rows", default="many,cli,dask", help="which rows to run (default: many,cli,dask)"
    )
    parser.add_argument(
        "--cli-repeat", type=int, default=1, help="runs of each CLI command, in turns (median)"
    )
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"cores: {cores}; load average at start: {os.getloadavg()[0]:.2f}")
    docs = interleave(args.corpus, args.mb)
    mb = sum(len(d) for d in docs) / 1e6
    print(f"corpus: {mb:.1f} MB, {len(docs):,} documents (clean and dirty interleaved)")
    report("ftfy.fix_text", ftfy_rate(docs[: max(1, len(docs) // 8)]), 1.0)
    mtclean.default_pipeline()
    list(clean_many(docs[:200], processes=1))  # patterns compiled on first use: now
    serial, seconds, cpu = timed(lambda: list(clean_many(docs, processes=1)))
    print(f"clean_many(processes=1){'':<11} {seconds:7.2f} s  (CPU {cpu:6.2f} s)")
    rows = set(args.rows.split(","))
    ok = True
    if "many" in rows:
        two, par_seconds, par_cpu = timed(lambda: list(clean_many(docs, processes=2)))
        if two != serial:
            raise SystemExit("benchmark: clean_many(processes=2) differs from serial")
        ok &= row("clean_many(processes=2)", par_seconds, par_cpu, (seconds, cpu), SPEEDUP_TARGET)
    if "cli" in rows:
        work = Path(tempfile.mkdtemp(prefix="bench-parallel-"))
        try:
            ok &= bench_cli(docs, work, args.cli_repeat)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if "dask" in rows:
        dask_docs = docs if args.dask_mb is None else interleave(args.corpus, args.dask_mb)
        sizes = [int(x) for x in args.partitions.split(",") if x.strip()]
        ok &= bench_dask(dask_docs, sizes)
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (1 min), {os.getloadavg()[1]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
