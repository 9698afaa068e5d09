"""The non-blank-line view of a text gives the same deletions as the full split."""

from __future__ import annotations

import random
import tracemalloc

from mtclean.boilerplate.lines import Removal, TextLines, compact_deletion_edits, deletion_edits
from mtclean.boilerplate.stage import build_steps
from mtclean.options import Options


def test_compact_deletions_match_the_full_split() -> None:
    rng = random.Random(7)
    parts = ["A", "Share this", "", "  ", "B b.", "\t"]
    for _ in range(2000):
        text = "\n".join(rng.choice(parts) for _ in range(rng.randint(0, 9)))
        if rng.random() < 0.5:
            text += "\n"
        whole = text.split("\n")
        compact = TextLines.of(text)
        content = [i for i, line in enumerate(whole) if line.strip()]
        assert compact.lines == [whole[i] for i in content]
        chosen = {k for k in range(len(content)) if rng.random() < 0.5}
        full = {content[k]: Removal("r") for k in chosen}
        got = compact_deletion_edits(compact, {k: Removal("r") for k in chosen})
        assert [(e.start, e.end) for e in got] == [
            (e.start, e.end) for e in deletion_edits(whole, full)
        ], text


def test_newline_only_text_takes_little_memory() -> None:
    steps = build_steps(Options())
    text = "\n" * 200_000
    tracemalloc.start()
    for step in steps:
        assert step.fix(text) == text
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2 * len(text)
