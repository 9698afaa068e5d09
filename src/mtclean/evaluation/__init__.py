"""Evaluation on labelled articles: per-category precision and recall, clean controls.

A labelled set is a folder with one sub-folder per article::

    articles/
      nl-nos-stoltenberg/
        input.txt      the text as scraped (machine-translated, with defects)
        expected.txt   what a careful editor makes of it (absent for a clean control)
        meta.toml      source_lang, site, notes, names, report, control
      thresholds.toml  minimum scores for the regression gate (optional)

How edits are compared (the ERRANT idea from grammatical error correction,
applied to whole texts):

1. ``input -> expected`` and ``input -> actual`` are each aligned by a token
   diff (words, single punctuation marks, whitespace runs). Every difference is
   one edit with a span in the input; a deletion spanning several lines is
   split into one edit per line, so each removed boilerplate line counts once.
2. Edits of both sides that overlap in the input form a cluster. A cluster is
   *right* when both sides turn its input span into the same text (whitespace
   runs compare as one space, except in clusters whose expected edits only
   touch whitespace). Expected edits of a right cluster are hits, the others
   misses; actual edits of a wrong cluster (or one with no expected edit) are
   false changes.
3. An expected edit gets a category from :func:`classify` (line deletions are
   boilerplate, changes ftfy also makes or that keep the words are punctuation,
   word changes touching a name listed in ``meta.toml`` are names, the rest
   terms). An actual edit gets the category of the stage whose step made the
   overlapping change (``Change.step``), so precision is per stage and every
   false change carries its rule ids.

Recall of a category = hits / expected edits of that category; precision =
right actual edits / actual edits attributed to it. Clean controls must come
out byte-identical.
"""

from __future__ import annotations

from .align import align, classify
from .dataset import load_article, load_articles
from .gate import check_thresholds, load_thresholds
from .model import CATEGORIES, Article, ArticleScore, Counts, EditOutcome, EvalError, hunk
from .report import EvalReport, format_outcomes
from .score import evaluate, score_article

__all__ = [
    "CATEGORIES",
    "Article",
    "ArticleScore",
    "Counts",
    "EditOutcome",
    "EvalError",
    "EvalReport",
    "align",
    "check_thresholds",
    "classify",
    "evaluate",
    "format_outcomes",
    "hunk",
    "load_article",
    "load_articles",
    "load_thresholds",
    "score_article",
]
