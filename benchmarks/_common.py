"""Shared helpers for mtclean's benchmarks: corpus loading and throughput measurement.

Every benchmark measures ``ftfy.fix_text`` on the same documents in the same run
and prints ratios against it, so numbers stay comparable across machines.
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import ftfy


def corpus_arg(parser: argparse.ArgumentParser) -> None:
    """Add the corpus-folder argument and the size limit every benchmark takes."""
    parser.add_argument("corpus", type=Path, help="folder with clean.txt.gz and dirty.txt.gz")
    parser.add_argument(
        "--mb", type=float, default=4.0, help="megabytes of each corpus file to use (default 4)"
    )


def load_docs(corpus: Path, name: str, mb: float) -> list[str]:
    """The first ``mb`` megabytes of ``corpus/name.txt.gz`` as documents (split on blank lines)."""
    path = corpus / f"{name}.txt.gz"
    if not path.is_file():
        raise SystemExit(f"benchmark: {path} not found (give the bench-corpus folder)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read(int(mb * 1_000_000))
    docs = [d for d in text.split("\n\n") if d.strip()]
    return docs[:-1] if len(docs) > 1 else docs  # the last one may be cut mid-way


def throughput(func: Callable[[str], object], docs: Sequence[str], *, repeat: int = 1) -> float:
    """Best-of-``repeat`` throughput of ``func`` over ``docs``, in MB (10^6 chars) per second."""
    chars = sum(len(d) for d in docs)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for d in docs:
            func(d)
        best = min(best, time.perf_counter() - start)
    return chars / best / 1e6


def ftfy_rate(docs: Sequence[str], *, repeat: int = 3) -> float:
    """``ftfy.fix_text`` throughput on ``docs`` (MB/s), the yardstick of every ratio:
    best of ``repeat`` runs, as the stages get, so a busy machine never flatters mtclean."""
    return throughput(ftfy.fix_text, docs, repeat=repeat)


def report(label: str, rate: float, ftfy_mbps: float, target: float | None = None) -> bool:
    """Print one result row; return whether it met ``target`` (a ratio to ftfy)."""
    ratio = rate / ftfy_mbps
    verdict = ""
    ok = True
    if target is not None:
        ok = ratio >= target
        verdict = f"  target >= {target:g}x: {'PASS' if ok else 'FAIL'}"
    print(f"{label:<44} {rate:9.2f} MB/s  {ratio:7.1f}x ftfy{verdict}", flush=True)
    return ok
