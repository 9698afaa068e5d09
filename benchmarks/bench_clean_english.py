"""False positives on clean English: changes per MB by rule on fixtures/clean-english.

The corpus is public-domain prose nobody here wrote, cut into paragraphs. A new
rule's false positives show up here before it lands. Target: no change but the
whitespace rules listed in fixtures/clean-english/README.md.

Usage: python benchmarks/bench_clean_english.py [CORPUS_DIR] (the argument is ignored)
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from pathlib import Path

import mtclean

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "clean-english"
ALLOWED = {"repair/space-run", "repair/trailing-space"}


def main() -> int:
    """Print changes per MB by rule for each source language option; 1 if a rule is not allowed."""
    paragraphs: list[str] = []
    for path in sorted(CORPUS.glob("*.txt.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            paragraphs += [p for p in re.split(r"\n\s*\n", handle.read()) if p.strip()]
    mb = sum(len(p) for p in paragraphs) / 1e6
    ok = True
    for lang in (None, "nl", "de", "fr", "es", "it"):
        counts: Counter[str] = Counter()
        for p in paragraphs:
            counts.update(c.rule for c in mtclean.clean_and_explain(p, source_lang=lang).changes)
        bad = {rule: n for rule, n in counts.items() if rule not in ALLOWED}
        ok &= not bad
        rows = ", ".join(f"{rule} {n / mb:.1f}/MB" for rule, n in counts.most_common()) or "none"
        print(f"source_lang={lang}: {mb:.2f} MB, changes: {rows}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
