"""Run every benchmark in this folder: ``python benchmarks/run.py CORPUS_DIR [--mb N]``.

Each ``bench_*.py`` runs in its own process (so one cannot warm another's caches)
with the same arguments; the exit code is non-zero if any target was missed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run each benchmark script with ``argv`` and return 1 if any failed."""
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    here = Path(__file__).parent
    failed = []
    for script in sorted(here.glob("bench_*.py")):
        print(f"\n=== {script.stem} ===", flush=True)
        code = subprocess.call([sys.executable, str(script), *argv])
        if code:
            failed.append(script.stem)
    print(f"\n{len(failed)} benchmark(s) missed a target: {', '.join(failed) or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
