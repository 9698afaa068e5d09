"""Loading and building a 100,000-rule user pack: time and peak memory.

Usage: ``python benchmarks/bench_packs.py [CORPUS] [--rules N]`` (the corpus is
not read: the argument is accepted so ``run.py`` can pass it).

A seeded ``kind = "terms"`` pack of ``N`` literal rules (pseudo-words, a tenth of
them with ``case = "exact"``, every twentieth with a note) is written to a
temporary TOML file. A fresh process, with the bundled Dutch pack already loaded,
then measures ``load_rules(path)`` (reading, TOML parsing, validation, the
idempotence check) and building the terms stage that applies it, each phase
timed, and the peak resident memory over both above the process's memory before
them (Linux: the peak is reset through ``/proc/self/clear_refs``). Times are
CPU seconds of the process (loading is single-threaded), so a machine shared with
other jobs measures the same. Targets: <= 1.5 s and <= 150 MB for 100,000 rules.
The ``ftfy`` ratio of the other benchmarks does not apply: load time is compared
with the TOML parse of the same file in the same run (``tomllib`` alone, and the
loader's own TOML path, whose share of the total is printed).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.5
TARGET_MB = 150.0

ONSETS = ("b", "br", "d", "dr", "g", "gr", "k", "kl", "kr", "m", "n", "p", "pl", "s", "st", "t")
VOWELS = ("a", "e", "i", "o", "u", "aa", "ee", "oo", "ei", "ui", "ij")
CODAS = ("", "k", "l", "m", "n", "r", "s", "t", "rd", "ng", "cht")


def pack_text(count: int, seed: int = 17) -> str:
    """The TOML text of a pack of ``count`` literal term rules."""
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = rng.randint(2, 4)
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(syllables)
        )
        words.setdefault(word)
    out = ['[pack]\nname = "big-site"\nkind = "terms"\nlang = "nl"\n']
    for i, word in enumerate(words):
        term = word.capitalize() if i % 3 == 0 else word
        out.append(f'\n[[rules]]\nid = "r{i}"\nfind = "{term}"\nreplace = "item {i}"\n')
        if i % 10 == 0:
            out.append('case = "exact"\n')
        if i % 20 == 0:
            out.append(f'note = "Generated rule number {i}."\n')
    return "".join(out)


def _status_mb(field: str) -> float:
    """A memory figure of this process from ``/proc/self/status``, in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1e3
    raise SystemExit(f"benchmark: no {field} in /proc/self/status")


def _reset_peak() -> None:
    """Reset the peak resident memory (VmHWM) to the current one (Linux >= 4.0)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
        handle.write("5")


def measure(path: str) -> dict[str, float]:
    """Time the phases of loading and building ``path`` (run in a fresh process)."""
    import tomllib

    from mtclean.kinds import load_rules
    from mtclean.options import Options
    from mtclean.rulepacks import toml
    from mtclean.terms.stage import build_steps

    load_rules("terms-nl")  # the bundled pack is not what is measured
    text = Path(path).read_text(encoding="utf-8")
    start = time.process_time()
    tomllib.loads(text)
    toml_s = time.process_time() - start
    start = time.process_time()
    toml.loads(text)
    fast_s = time.process_time() - start
    del text
    _reset_peak()
    base = _status_mb("VmRSS")
    start = time.process_time()
    pack = load_rules(path)
    loaded = time.process_time()
    (step,) = build_steps(Options(source_lang="nl", rules=(pack,)))
    built = time.process_time()
    peak = _status_mb("VmHWM")
    probe = "De " + pack.rules[1].get("find") + " sprak."
    changed = step.fix(probe) != probe  # type: ignore[attr-defined]
    return {
        "rules": len(pack.rules),
        "toml_s": toml_s,
        "fast_s": fast_s,
        "load_s": loaded - start,
        "build_s": built - loaded,
        "total_s": built - start,
        "peak_mb": peak - base,
        "works": float(changed),
    }


def main(argv: list[str]) -> int:
    """Run the benchmark in a fresh process; return 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", help="ignored (accepted for run.py)")
    parser.add_argument("--mb", type=float, help="ignored (accepted for run.py)")
    parser.add_argument("--rules", type=int, default=100_000, help="rules in the pack")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big-site.toml"
        path.write_text(pack_text(args.rules), encoding="utf-8")
        size = path.stat().st_size / 1e6
        run = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
    row = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"pack: {int(row['rules']):,} rules, {size:.1f} MB of TOML")
    print(f"tomllib.loads alone           {row['toml_s']:6.2f} s")
    print(f"mtclean's TOML path alone     {row['fast_s']:6.2f} s")
    print(f"load_rules (parse, validate)  {row['load_s']:6.2f} s")
    print(f"build the terms stage         {row['build_s']:6.2f} s")
    share = row["fast_s"] / row["total_s"]
    ok_time = row["total_s"] <= TARGET_SECONDS
    ok_mem = row["peak_mb"] <= TARGET_MB
    print(
        f"load + build                  {row['total_s']:6.2f} s  (TOML {share:.0%}, CPU)  "
        f"target <= {TARGET_SECONDS:g} s: {'PASS' if ok_time else 'FAIL'}"
    )
    print(
        f"peak memory above baseline    {row['peak_mb']:6.0f} MB  "
        f"target <= {TARGET_MB:g} MB: {'PASS' if ok_mem else 'FAIL'}"
    )
    if not row["works"]:
        print("the built stage did not apply the pack: FAIL")
        return 1
    return 0 if ok_time and ok_mem else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
