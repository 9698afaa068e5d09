"""Clean English prose nobody here wrote: cleaning changes no word and removes no line.

The corpus (fixtures/clean-english, public-domain books, see its README) is cut into
paragraphs; only whitespace normalisations are allowed, and they are listed.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from pathlib import Path

import pytest

import mtclean

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "clean-english"
WORD = re.compile(r"\w+")
#: The only rules allowed to change clean prose: whitespace inside a line.
WHITESPACE_RULES = {"repair/space-run", "repair/trailing-space"}


def _paragraphs(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


BOOKS = sorted(CORPUS.glob("*.txt.gz"))


def test_the_corpus_is_there() -> None:
    assert len(BOOKS) >= 2
    assert sum(p.stat().st_size for p in BOOKS) < 5_000_000


@pytest.mark.parametrize("book", BOOKS, ids=[b.name.split(".")[0] for b in BOOKS])
def test_cleaning_changes_no_word_and_removes_no_line(book: Path) -> None:
    rules: Counter[str] = Counter()
    for paragraph in _paragraphs(book):
        result = mtclean.clean_and_explain(paragraph)
        assert WORD.findall(result.text) == WORD.findall(paragraph)
        assert result.text.count("\n") == paragraph.count("\n")
        rules.update(c.rule for c in result.changes)
    assert set(rules) <= WHITESPACE_RULES, rules
