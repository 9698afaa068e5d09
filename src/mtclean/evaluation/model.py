"""The evaluation model: labelled articles, alignment edits, tallies and scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

from ..errors import MtcleanError
from ..result import Change

#: Categories scored, in report order.
CATEGORIES = ("terms", "names", "boilerplate", "punctuation")

#: Pipeline stage -> scoring category (Unicode and spacing count as punctuation).
STAGE_CATEGORY = {
    "unicode": "punctuation",
    "boilerplate": "boilerplate",
    "terms": "terms",
    "names": "names",
    "punctuation": "punctuation",
    "spacing": "punctuation",
    "lint": "punctuation",
}

META_KEYS = ("source_lang", "site", "notes", "names", "report", "control", "labels")


class EvalError(MtcleanError):
    """A labelled set that cannot be read (missing files, bad meta.toml)."""


@dataclass(frozen=True)
class Article:
    """One labelled text. ``expected`` equals ``input`` for a clean control."""

    id: str
    input: str
    expected: str
    source_lang: str | None = None
    site: str = ""
    notes: str = ""
    names: tuple[str, ...] = ()
    report: tuple[str, ...] = ()
    control: bool = False
    labels: tuple[tuple[str, str], ...] = ()


def hunk(start: int, end: int, before: str, after: str) -> Change:
    """An alignment edit: ``input[start:end]`` (``before``) became ``after``.

    Alignment edits are :class:`~mtclean.result.Change` records without a rule or
    step, the same type the audited pipeline reports, so scoring compares like
    with like.

    >>> e = hunk(0, 4, "Navo", "NATO")
    >>> (e.start, e.end, e.before, e.after)
    (0, 4, 'Navo', 'NATO')
    """
    return Change(rule="", before=before, after=after, start=start, end=end, step="")


@dataclass(frozen=True)
class EditOutcome:
    """One scored edit: expected (``kind="miss"``/``"hit"``) or actual (``"false"``/``"right"``)."""

    article: str
    kind: str
    category: str
    line: int
    before: str
    expected: str
    actual: str
    rules: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "article": self.article,
            "kind": self.kind,
            "category": self.category,
            "line": self.line,
            "before": self.before,
            "expected": self.expected,
            "actual": self.actual,
            "rules": list(self.rules),
        }


@dataclass
class Counts:
    """Tallies of one category."""

    expected: int = 0
    hits: int = 0
    proposed: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        """Right actual edits / actual edits (1.0 when nothing was proposed)."""
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        """Hits / expected edits (1.0 when nothing was expected)."""
        return self.hits / self.expected if self.expected else 1.0

    def add(self, other: Counts) -> None:
        """Add ``other``'s tallies to these."""
        self.expected += other.expected
        self.hits += other.hits
        self.proposed += other.proposed
        self.right += other.right


@dataclass
class ArticleScore:
    """Scores of one article."""

    article: Article
    output: str
    counts: dict[str, Counts]
    outcomes: list[EditOutcome]
    findings_hit: int = 0
    control_rules: tuple[str, ...] = ()

    @property
    def exact(self) -> bool:
        """Whether the output is byte-identical to the expected text."""
        return self.output == self.article.expected

    @property
    def distance_before(self) -> int:
        """Edit distance from the input to the expected text."""
        return int(Levenshtein.distance(self.article.input, self.article.expected))

    @property
    def distance_after(self) -> int:
        """Edit distance from the output to the expected text."""
        return int(Levenshtein.distance(self.output, self.article.expected))
