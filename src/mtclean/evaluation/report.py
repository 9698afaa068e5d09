"""The report of an evaluation: scores of a labelled set, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .model import CATEGORIES, ArticleScore, Counts, EditOutcome


@dataclass
class EvalReport:
    """Scores of a labelled set."""

    scores: list[ArticleScore]
    detect: bool = False
    counts: dict[str, Counts] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.counts = {c: Counts() for c in CATEGORIES}
        for s in self.scores:
            for cat, c in s.counts.items():
                self.counts[cat].add(c)

    @property
    def overall(self) -> Counts:
        """Tallies over every category."""
        total = Counts()
        for c in self.counts.values():
            total.add(c)
        return total

    @property
    def controls(self) -> list[ArticleScore]:
        """The clean controls."""
        return [s for s in self.scores if s.article.control]

    @property
    def labelled(self) -> list[ArticleScore]:
        """The articles with defects."""
        return [s for s in self.scores if not s.article.control]

    @property
    def controls_identical(self) -> float:
        """Share of clean controls that came out byte-identical."""
        controls = self.controls
        return sum(s.exact for s in controls) / len(controls) if controls else 1.0

    @property
    def exact_share(self) -> float:
        """Share of labelled articles whose output equals the expected text exactly."""
        labelled = self.labelled
        return sum(s.exact for s in labelled) / len(labelled) if labelled else 1.0

    @property
    def error_reduction(self) -> float:
        """``1 - d(output, expected) / d(input, expected)`` summed over labelled articles."""
        before = sum(s.distance_before for s in self.labelled)
        after = sum(s.distance_after for s in self.labelled)
        return 1 - after / before if before else 1.0

    @property
    def findings_recall(self) -> float:
        """Share of the ``report`` snippets in meta.toml that a finding covers."""
        wanted = sum(len(s.article.report) for s in self.scores)
        got = sum(s.findings_hit for s in self.scores)
        return got / wanted if wanted else 1.0

    def metrics(self) -> dict[str, float]:
        """Every gated number, by the key used in ``thresholds.toml``."""
        out: dict[str, float] = {
            "controls_identical": self.controls_identical,
            "error_reduction": self.error_reduction,
            "exact_articles": self.exact_share,
            "findings_recall": self.findings_recall,
        }
        for cat, c in {**self.counts, "overall": self.overall}.items():
            out[f"{cat}.precision"] = c.precision
            out[f"{cat}.recall"] = c.recall
        for cat in self.counts:
            out[f"{cat}.article_precision"], out[f"{cat}.article_recall"] = self.per_article(cat)
        return out

    def outcomes(self, *kinds: str) -> list[EditOutcome]:
        """Outcomes of the given kinds (``"miss"``, ``"false"``, ...), in article order."""
        return [o for s in self.scores for o in s.outcomes if o.kind in kinds]

    def by_language(self) -> dict[str, tuple[Counts, float]]:
        """Overall tallies and error reduction of the labelled articles of each source language."""
        out: dict[str, tuple[Counts, float]] = {}
        langs = sorted({s.article.source_lang or "?" for s in self.labelled})
        for lang in langs:
            scores = [s for s in self.labelled if (s.article.source_lang or "?") == lang]
            total = Counts()
            for sc in scores:
                for c in sc.counts.values():
                    total.add(c)
            before = sum(sc.distance_before for sc in scores)
            after = sum(sc.distance_after for sc in scores)
            out[lang] = (total, 1 - after / before if before else 1.0)
        return out

    def per_article(self, category: str) -> tuple[float, float]:
        """Precision and recall of ``category`` averaged per article (macro average).

        Precision over the articles where the category changed something, recall over
        those where it had something to find: one article full of one widget's lines
        cannot carry the figure. Both are 1.0 when no article counts.
        """
        changed = [s.counts[category] for s in self.scores if s.counts[category].proposed]
        wanted = [s.counts[category] for s in self.scores if s.counts[category].expected]
        precision = sum(c.precision for c in changed) / len(changed) if changed else 1.0
        recall = sum(c.recall for c in wanted) / len(wanted) if wanted else 1.0
        return precision, recall

    def to_json(self) -> dict[str, Any]:
        """The whole report as a JSON-ready dict."""
        return {
            "mode": "detect" if self.detect else "source_lang",
            "articles": len(self.labelled),
            "controls": len(self.controls),
            "metrics": self.metrics(),
            "categories": {
                cat: {
                    "expected": c.expected,
                    "hits": c.hits,
                    "proposed": c.proposed,
                    "right": c.right,
                    "precision": c.precision,
                    "recall": c.recall,
                    **(
                        dict(
                            zip(
                                ("article_precision", "article_recall"),
                                self.per_article(cat),
                                strict=True,
                            )
                        )
                        if cat in self.counts
                        else {}
                    ),
                }
                for cat, c in {**self.counts, "overall": self.overall}.items()
            },
            "languages": {
                lang: {"precision": c.precision, "recall": c.recall, "error_reduction": red}
                for lang, (c, red) in self.by_language().items()
            },
            "per_article": {
                s.article.id: {
                    "exact": s.exact,
                    "distance_before": s.distance_before,
                    "distance_after": s.distance_after,
                }
                for s in self.scores
            },
            "controls_changed": {
                s.article.id: list(s.control_rules) for s in self.controls if not s.exact
            },
            "misses": [o.to_json() for o in self.outcomes("miss")],
            "false_changes": [o.to_json() for o in self.outcomes("false")],
        }

    def table(self) -> str:
        """The score table as aligned text."""
        mode = "source language detected" if self.detect else "source language from meta.toml"
        rows = [
            f"{len(self.labelled)} articles, {len(self.controls)} clean controls ({mode})",
            "",
            f"{'category':<12} {'precision':>9} {'recall':>7} {'expected':>8} {'hits':>5} "
            f"{'changes':>7} {'right':>5}  {'per article: prec.':>18} {'recall':>6}",
        ]
        for cat, c in {**self.counts, "overall": self.overall}.items():
            row = (
                f"{cat:<12} {c.precision:>9.3f} {c.recall:>7.3f} {c.expected:>8} {c.hits:>5} "
                f"{c.proposed:>7} {c.right:>5}"
            )
            if cat in self.counts:
                precision, recall = self.per_article(cat)
                row += f"  {precision:>18.3f} {recall:>6.3f}"
            rows.append(row)
        rows += ["", f"{'language':<12} {'precision':>9} {'recall':>7} {'error red.':>10}"]
        for lang, (c, red) in self.by_language().items():
            rows.append(f"{lang:<12} {c.precision:>9.3f} {c.recall:>7.3f} {red:>10.3f}")
        identical = sum(s.exact for s in self.controls)
        rows += [
            "",
            f"clean controls byte-identical: {identical}/{len(self.controls)}",
            f"articles exactly as expected:  {sum(s.exact for s in self.labelled)}"
            f"/{len(self.labelled)}",
            f"error reduction (edit distance to expected): {self.error_reduction:.3f}",
            f"findings recall (meta 'report'): {self.findings_recall:.3f}",
        ]
        for s in self.controls:
            if not s.exact:
                rows.append(f"CONTROL CHANGED: {s.article.id} by {', '.join(s.control_rules)}")
        return "\n".join(rows)


def format_outcomes(outcomes: Iterable[EditOutcome], *, limit: int | None = None) -> str:
    """Misses and false changes, one per line."""
    lines = []
    for i, o in enumerate(outcomes):
        if limit is not None and i >= limit:
            lines.append("...")
            break
        rules = f" [{', '.join(o.rules)}]" if o.rules else ""
        lines.append(
            f"{o.article}:{o.line}: {o.kind} {o.category}: {_show(o.before)} "
            f"expected {_show(o.expected)} got {_show(o.actual)}{rules}"
        )
    return "\n".join(lines)


def _show(s: str, limit: int = 70) -> str:
    if len(s) > limit:
        s = s[: limit - 3] + "..."
    return json.dumps(s, ensure_ascii=False)
