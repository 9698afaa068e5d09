"""Scoring: which expected edits the pipeline made, which it missed, which it made wrongly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from ..api import clean_and_explain
from ..core import Edit, apply_edits, line_bounds
from ..options import Options
from ..result import Change, Result
from ..stages import STAGES
from .align import align, classify, deleted_line, line_key
from .model import CATEGORIES, STAGE_CATEGORY, Article, ArticleScore, Counts, EditOutcome
from .report import EvalReport

# -- attribution ---------------------------------------------------------------------------


def _stage_of_steps(options: Options) -> dict[str, str]:
    """Step name -> stage name, from the stage builders of the default pipeline."""
    out: dict[str, str] = {}
    for stage in STAGES:
        for step in stage.build(options):
            out.setdefault(step.name, stage.name)
    return out


def _rule_category(change: Change, stage_of: Mapping[str, str]) -> str:
    stage = stage_of.get(change.step)
    if stage is None:
        prefix = change.rule.split("/", 1)[0].split("-", 1)[0]
        stage = prefix if prefix in STAGE_CATEGORY else "punctuation"
    return STAGE_CATEGORY[stage]


# -- scoring ---------------------------------------------------------------------------


def _after_spans(edits: Sequence[Change]) -> list[tuple[int, int]]:
    """Where each edit's replacement sits in the edited text."""
    spans, delta = [], 0
    for e in edits:
        start = e.start + delta
        spans.append((start, start + len(e.after)))
        delta += len(e.after) - (e.end - e.start)
    return spans


def _to_input(
    edits: Sequence[Change], spans: Sequence[tuple[int, int]], start: int, end: int
) -> tuple[int, int]:
    """Map a span of the edited text back to the input, widening over edits it touches.

    >>> edits = align("a Navo b", "a NATO b")
    >>> _to_input(edits, _after_spans(edits), 2, 6)
    (2, 6)
    """
    lo = _map_point(edits, spans, start, at_end=False)
    hi = _map_point(edits, spans, end, at_end=True)
    return lo, max(lo, hi)


def _map_point(
    edits: Sequence[Change], spans: Sequence[tuple[int, int]], x: int, *, at_end: bool
) -> int:
    delta = 0
    for e, (s, t) in zip(edits, spans, strict=True):
        if x < s:
            return x + delta
        if at_end:
            if x == s < t:
                return e.start
            if x <= t:
                return e.end
        elif x < t or x == s:
            return e.start
        delta = e.end - t
    return x + delta


def _touches(span: tuple[int, int], d: Change) -> bool:
    """Whether residual difference ``d`` (in expected-text offsets) touches an edit's span."""
    s, t = span
    if s == t:
        return d.start <= s <= d.end
    return d.start < t and s < d.end


def _harmless(d: Change, e: Change | None) -> bool:
    """A whitespace-only residual that does not undo what ``e`` was meant to do."""
    if d.before.strip() or d.after.strip():
        return False
    if e is None or e.before.strip() or e.after.strip():
        return True
    return e.before == "" and bool(d.before) and bool(d.after)


def _changes_in(
    changes: Sequence[Change], start: int, end: int, *, strict: bool = False
) -> list[Change]:
    """Changes overlapping ``[start, end)``; insertions at its edges count unless ``strict``."""
    return [
        c
        for c in changes
        if (c.start < end and start < c.end)
        or (
            c.start == c.end and (start < c.start < end or (not strict and start <= c.start <= end))
        )
        or (
            start == end and (c.start < start < c.end or (not strict and c.start <= start <= c.end))
        )
    ]


def _culprits(changes: Sequence[Change], start: int, end: int, before: str) -> list[Change]:
    """The pipeline changes behind a difference at ``input[start:end]``."""
    found = _changes_in(changes, start, end)
    if found or not changes:
        return found
    key = before.strip()
    found = [c for c in changes if key and key in (c.before.strip(), c.after.strip())]
    if found:
        return found
    nearest = min(changes, key=lambda c: min(abs(c.start - start), abs(c.end - end)))
    return [nearest]


_PRIORITY = {"boilerplate": 0, "names": 1, "terms": 2, "punctuation": 3}


def _blame(
    changes: Sequence[Change], stage_of: Mapping[str, str], fallback: str
) -> tuple[str, tuple[str, ...]]:
    if not changes:
        return fallback, ()
    cats = sorted({_rule_category(c, stage_of) for c in changes}, key=_PRIORITY.__getitem__)
    return cats[0], tuple(dict.fromkeys(c.rule for c in changes))


def _category(edit: Change, article: Article) -> str:
    for before, cat in article.labels:
        if before.strip() == edit.before.strip():
            return cat
    return classify(edit, article.names)


def _restored_lines(
    text: str,
    expected: Sequence[Change],
    spans: Sequence[tuple[int, int]],
    residuals: Sequence[Change],
) -> tuple[set[int], set[int], set[int]]:
    """The expected whole-line deletions, those the output missed, and the residuals showing it.

    A residual that inserts a whole line back (in the expected text's offsets) is
    matched to the most similar line the expected text deleted (exact first, then
    by similarity >= 80, nearest first), so a missed clutter line counts once
    wherever the diff happened to place it.
    """
    lines = {i: key for i, e in enumerate(expected) if (key := deleted_line(text, e))}
    missed: set[int] = set()
    consumed: set[int] = set()
    for j, d in enumerate(residuals):
        key = line_key(d.after)
        if d.before.strip() or not key:
            continue
        best: tuple[float, int, int] | None = None
        for i, line in lines.items():
            if i in missed:
                continue
            score = 100.0 if line == key else float(fuzz.ratio(line, key))
            if score < 80:
                continue
            candidate = (-score, abs(spans[i][0] - d.start), i)
            if best is None or candidate < best:
                best = candidate
        if best is not None:
            missed.add(best[2])
            consumed.add(j)
    return set(lines), missed, consumed


def score_article(article: Article, result: Result, stage_of: Mapping[str, str]) -> ArticleScore:
    """Compare ``result`` (the pipeline's output on ``article.input``) with the expected text.

    Expected edits come from ``input -> expected``, residual differences from
    ``expected -> output``. A deleted line is missed when a residual puts it back;
    any other expected edit is missed when a residual that matters touches it (and
    if the pipeline changed that stretch, that is also a false change). A residual
    touching no expected edit is a false change.
    """
    text, want, got = article.input, article.expected, result.text
    expected = align(text, want)
    spans = _after_spans(expected)
    residuals = align(want, got)
    line_edits, missed_lines, consumed = _restored_lines(text, expected, spans, residuals)
    counts = {c: Counts() for c in CATEGORIES}
    outcomes: list[EditOutcome] = []

    def line_of(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def hit(e: Change, cat: str) -> None:
        start, end = _core(e)
        act_cat, rules = _blame(_culprits(result.changes, start, end, e.before), stage_of, cat)
        counts[cat].hits += 1
        counts[act_cat].proposed += 1
        counts[act_cat].right += 1
        outcomes.append(
            EditOutcome(article.id, "hit", cat, line_of(e.start), e.before, e.after, e.after, rules)
        )

    claimed: set[int] = set(consumed)
    for i, (e, span) in enumerate(zip(expected, spans, strict=True)):
        cat = _category(e, article)
        counts[cat].expected += 1
        if i in line_edits:
            if i in missed_lines:
                outcomes.append(
                    EditOutcome(article.id, "miss", cat, line_of(e.start), e.before, "", e.before)
                )
            else:
                hit(e, cat)
            continue
        touching = [j for j, d in enumerate(residuals) if j not in consumed and _touches(span, d)]
        harmful = [j for j in touching if not _harmless(residuals[j], e)]
        claimed.update(touching)
        if not harmful:
            hit(e, cat)
            continue
        lo = min([span[0]] + [residuals[j].start for j in harmful])
        hi = max([span[1]] + [residuals[j].end for j in harmful])
        shown = _apply(want, lo, hi, [residuals[j] for j in harmful])
        done = _changes_in(result.changes, *_core(e), strict=True)
        _, rules = _blame(done, stage_of, cat)
        outcomes.append(
            EditOutcome(
                article.id, "miss", cat, line_of(e.start), e.before, want[lo:hi], shown, rules
            )
        )
        if done:
            act_cat, rules = _blame(done, stage_of, cat)
            counts[act_cat].proposed += 1
            outcomes.append(
                EditOutcome(
                    article.id, "false", act_cat, line_of(e.start), e.before, e.after, shown, rules
                )
            )
    for j, d in enumerate(residuals):
        if j in claimed or _harmless(d, None):
            continue
        start, end = _to_input(expected, spans, d.start, d.end)
        lo, hi = line_bounds(text, start, end)
        if not _changes_in(result.changes, lo, hi + 1):
            continue  # the pipeline left these lines alone: a miss cut differently, not a change
        culprits = _culprits(result.changes, start, end, text[start:end] or d.before)
        act_cat, rules = _blame(culprits, stage_of, "punctuation")
        counts[act_cat].proposed += 1
        outcomes.append(
            EditOutcome(
                article.id,
                "false",
                act_cat,
                line_of(start),
                text[start:end],
                d.before,
                d.after,
                rules,
            )
        )
    found = sum(
        any(
            f.start < text.find(snippet) + len(snippet) and text.find(snippet) < f.end
            for f in result.findings
        )
        for snippet in article.report
        if snippet in text
    )
    control_rules = tuple(dict.fromkeys(c.rule for c in result.changes)) if article.control else ()
    return ArticleScore(article, got, counts, outcomes, found, control_rules)


def _core(e: Change) -> tuple[int, int]:
    """The span of ``e`` without leading and trailing whitespace (all of it if blank)."""
    if not e.before.strip():
        return e.start, e.end
    lead = len(e.before) - len(e.before.lstrip())
    return e.start + lead, e.start + len(e.before.rstrip())


def _apply(text: str, start: int, end: int, edits: Sequence[Change]) -> str:
    """``text[start:end]`` with ``edits`` (spans in ``text``) applied."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    shifted = [Edit(e.start - start, e.end - start, e.after, "expected") for e in ordered]
    return apply_edits(text[start:end], shifted, step="evaluation")


def evaluate(articles: Sequence[Article], *, detect: bool = False, **options: Any) -> EvalReport:
    """Run the default pipeline on every article and score the outputs.

    Args:
        articles: the labelled set (see :func:`load_articles`).
        detect: ignore each article's ``source_lang`` (``None``: mtclean decides).
        **options: further options of the default pipeline (``disable``, ``rules``, ...).
    """
    scores = []
    stage_maps: dict[str | None, dict[str, str]] = {}
    for article in articles:
        lang = None if detect else article.source_lang
        if lang not in stage_maps:
            stage_maps[lang] = _stage_of_steps(Options.from_kwargs(source_lang=lang, **options))
        result = clean_and_explain(article.input, source_lang=lang, **options)
        scores.append(score_article(article, result, stage_maps[lang]))
    return EvalReport(scores, detect=detect)
