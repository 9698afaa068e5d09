"""Diffs of long strings: the blocks turn the old string into the new one, and a step
that changes a megabyte-long line reports its changes without an exact diff's
quadratic memory."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import mtclean
from mtclean.core import EXACT_DIFF_CHARS, apply_edits, diff_edits
from mtclean.textdiff import changed_blocks

WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "with",
    "the",
    "union",
    "would",
    "go",
    "on",
    "after",
    "a",
    "vote",
]


def _apply_blocks(old: str, new: str, blocks: list[tuple[int, int, int, int]]) -> str:
    out, pos = [], 0
    for a, b, c, d in blocks:
        assert pos <= a <= b
        out.append(old[pos:a])
        out.append(new[c:d])
        pos = b
    out.append(old[pos:])
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(old=st.text(max_size=300), new=st.text(max_size=300))
def test_blocks_turn_any_string_into_any_other(old: str, new: str) -> None:
    blocks = changed_blocks(old, new)
    assert _apply_blocks(old, new, blocks) == new
    for a, b, c, d in blocks:
        assert old[a:b] != new[c:d]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), changes=st.integers(0, 60))
def test_a_long_line_with_local_changes_diffs_to_small_edits(seed: int, changes: int) -> None:
    rng = random.Random(seed)
    old = " ".join(rng.choice(WORDS) for _ in range(6_000))  # about 30,000 characters
    assert len(old) > EXACT_DIFF_CHARS
    chars = list(old)
    for _ in range(changes):
        k = rng.randrange(len(chars))
        chars[k] = rng.choice(["", "\u00e9", "xy", chars[k].upper()])
    new = "".join(chars)
    edits = diff_edits(old, new, rule="r")
    assert apply_edits(old, edits) == new
    assert all(e.end - e.start <= 300 for e in edits)


def test_a_megabyte_line_of_mojibake_is_repaired_and_explained() -> None:
    """One line of a megabyte with UTF-8 read as cp1252 every few words: the exact diff
    of the line took memory that grew with its square (a MemoryError)."""
    rng = random.Random(7)
    words = [*WORDS, "caf\u00c3\u00a9", "Gonz\u00c3\u00a1lez", "www.example.org/a"]
    line = " ".join(rng.choice(words) for _ in range(180_000))
    assert len(line) > 1_000_000
    expected = line.replace("\u00c3\u00a9", "\u00e9").replace("\u00c3\u00a1", "\u00e1")
    assert mtclean.clean(line, disable=["terms", "names", "boilerplate"]) == expected
    result = mtclean.clean_and_explain(line, disable=["terms", "names", "boilerplate"])
    assert result.text == expected
    assert result.replay() == expected
    assert {c.rule for c in result.changes} == {"repair/mojibake"}
