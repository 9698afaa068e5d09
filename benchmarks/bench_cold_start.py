"""Cold start: a fresh process that imports mtclean and cleans one text.

Usage: ``python benchmarks/bench_cold_start.py [CORPUS] [--repeat N]`` (the corpus
is not read: the argument is accepted so ``run.py`` can pass it).

Each row runs ``N`` fresh Python processes (default 5), after one unmeasured run
that writes the bytecode caches (in a temporary ``PYTHONPYCACHEPREFIX``, as an
installed package has them), and reports the median CPU time (user + system, from
``wait4``: a machine shared with other jobs measures about the same) and the
median peak resident memory of the process. Rows:

- ``python -c pass``: the interpreter alone;
- ftfy: ``import ftfy`` and a first ``fix_text`` (the yardstick: ratios are to it);
- ``import mtclean`` alone;
- ``import mtclean`` and a first ``clean()`` of a short English article, with a
  cold on-disk cache (an empty folder), a warm one (filled by an earlier process)
  and the cache off (``MTCLEAN_CACHE_DIR=off``);
- the same with a text whose lines need the source-language word statistics
  (the foreign-word table), cold and warm;
- the CLI (``python -m mtclean clean FILE``) on one file, warm cache.

Target (issue 17): import + first ``clean()`` <= 0.2 s with a warm cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

TARGET_SECONDS = 0.2

ARTICLE = (
    "City council approves new bus lanes\n\n"
    "The city council voted on Tuesday to add bus lanes on three of the busiest roads "
    "in the centre, a plan that has divided shop owners and commuters for a year.\n\n"
    "The lanes will open in stages from March. Officials expect journeys to be about "
    "ten minutes shorter at peak times.\n"
)
#: Lines with source-language words: the terms stage needs its word statistics.
MIXED = (
    "Het kabinet heeft gisteren besloten.\n"
    "The minister said the gemeente would pay for the new ziekenhuis next year.\n"
    "Talks continue on Monday.\n"
)

CLEAN = "import mtclean; mtclean.clean({text!r})"


def _run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU seconds and peak resident MB of one process running ``argv``."""
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"benchmark: {' '.join(argv)} failed:\n{err}")
    if proc.stderr:
        proc.stderr.close()
    rss_mb = usage.ru_maxrss / (1e6 if sys.platform == "darwin" else 1e3)
    return usage.ru_utime + usage.ru_stime, rss_mb


def _row(
    label: str,
    argv: Sequence[str],
    repeat: int,
    cache: Callable[[], str],
) -> tuple[str, float, float]:
    times, peaks = [], []
    _run(argv, {**os.environ, "MTCLEAN_CACHE_DIR": "off"})  # writes the bytecode caches
    for _ in range(repeat):
        env = {**os.environ, "MTCLEAN_CACHE_DIR": cache()}
        seconds, mb = _run(argv, env)
        times.append(seconds)
        peaks.append(mb)
    return label, statistics.median(times), statistics.median(peaks)


def main(argv: list[str]) -> int:
    """Run every row; return 1 if the warm-cache target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", help="ignored (accepted for run.py)")
    parser.add_argument("--mb", type=float, help="ignored (accepted for run.py)")
    parser.add_argument("--repeat", type=int, default=5, help="processes per row (default 5)")
    args = parser.parse_args(argv)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # Imports read bytecode (.pyc) as in an installed package, kept in a folder of
        # the run's own, even where the environment turns writing it off.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
        warm = str(root / "warm")
        article = root / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        counter = iter(range(1_000_000))

        def cold() -> str:
            return str(root / f"cold-{next(counter)}")

        def off() -> str:
            return "off"

        def warmed() -> str:
            return warm

        # fill the warm cache: every bundled pack and the foreign-word table
        _run([py, "-c", CLEAN.format(text=MIXED)], {**os.environ, "MTCLEAN_CACHE_DIR": warm})
        ftfy_code = f"import ftfy; ftfy.fix_text({ARTICLE!r})"
        rows = [
            _row("python -c pass", [py, "-c", "pass"], args.repeat, off),
            _row("ftfy: import + first fix_text()", [py, "-c", ftfy_code], args.repeat, off),
            _row("import mtclean", [py, "-c", "import mtclean"], args.repeat, warmed),
        ]
        first = [py, "-c", CLEAN.format(text=ARTICLE)]
        mixed = [py, "-c", CLEAN.format(text=MIXED)]
        cli = [py, "-m", "mtclean", "clean", str(article)]
        rows += [
            _row("import + first clean(), warm cache", first, args.repeat, warmed),
            _row("import + first clean(), cold cache", first, args.repeat, cold),
            _row("import + first clean(), cache off", first, args.repeat, off),
            _row("same, text needing word statistics, warm", mixed, args.repeat, warmed),
            _row("same, text needing word statistics, cold", mixed, args.repeat, cold),
            _row("CLI on one file, warm cache", cli, args.repeat, warmed),
        ]
    ftfy_s = rows[1][1]
    print(f"{args.repeat} fresh processes per row; medians of CPU time and peak memory")
    print(f"{'row':44} {'CPU s':>7} {'x ftfy':>7} {'peak MB':>8}")
    for label, seconds, mb in rows:
        print(f"{label:44} {seconds:7.3f} {seconds / ftfy_s:7.1f} {mb:8.0f}")
    warm_s = rows[3][1]
    ok = warm_s <= TARGET_SECONDS
    print(
        f"import + first clean(), warm cache: {warm_s:.3f} s  "
        f"target <= {TARGET_SECONDS:g} s: {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
