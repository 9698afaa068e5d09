"""The labelled article set is well-formed: enough articles, sane sizes, valid meta."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mtclean.evaluation import Article, align, load_articles

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
SET = load_articles(ARTICLES)
LABELLED = [a for a in SET if not a.control]
CONTROLS = [a for a in SET if a.control]


def _words(text: str) -> int:
    return len(text.split())


def test_set_size_and_languages() -> None:
    assert len(LABELLED) >= 40
    assert len(CONTROLS) >= 10
    langs = Counter(a.source_lang for a in LABELLED)
    assert set(langs) == {"nl", "de", "fr", "es", "it"}
    assert min(langs.values()) >= 6
    assert len({a.site for a in LABELLED}) >= 30


@pytest.mark.parametrize("article", SET, ids=lambda a: a.id)
def test_article_is_well_formed(article: Article) -> None:
    assert 150 <= _words(article.expected) <= 500
    assert article.input.endswith("\n") and article.expected.endswith("\n")
    assert article.notes, "say in meta.toml what the article tests"
    folder = ARTICLES / article.id
    if article.control:
        assert not (folder / "expected.txt").exists()
    else:
        assert article.input != article.expected
        assert align(article.input, article.expected)
    for snippet in article.report:
        assert snippet in article.input and snippet in article.expected
    for name in article.names:
        assert any(word in article.expected for word in name.split()), name


def test_article_ids_say_the_language() -> None:
    for article in SET:
        prefix = article.id.split("-", 1)[0]
        assert prefix == ("ctl" if article.control else article.source_lang), article.id
