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

import difflib
import html
import json
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ftfy
import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..api import clean_and_explain
from ..stages import STAGES
from ..errors import MtcleanError
from ..options import SOURCE_LANGS, Options
from ..result import Change, Result

__all__ = [
    "CATEGORIES",
    "Article",
    "ArticleScore",
    "Counts",
    "EvalReport",
    "Outcome",
    "TextEdit",
    "align",
    "check_thresholds",
    "classify",
    "evaluate",
    "load_articles",
    "load_thresholds",
    "score_article",
]

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
_TOKEN = regex.compile(r"\w+|[ \t\u00a0\u202f]+[.,;:!?]+|\s+|(.)\1*", regex.DOTALL)
_SPACE = regex.compile(r"\s+")
_WORDS = regex.compile(r"\w+")
_INVISIBLE = regex.compile(r"\p{Cf}")


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


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace ``input[start:end]`` (``before``) with ``after``."""

    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class Outcome:
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
    outcomes: list[Outcome]
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
        return out

    def outcomes(self, *kinds: str) -> list[Outcome]:
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
            f"{'changes':>7} {'right':>5}",
        ]
        for cat, c in {**self.counts, "overall": self.overall}.items():
            rows.append(
                f"{cat:<12} {c.precision:>9.3f} {c.recall:>7.3f} {c.expected:>8} {c.hits:>5} "
                f"{c.proposed:>7} {c.right:>5}"
            )
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


# -- loading ---------------------------------------------------------------------------


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def load_article(folder: Path) -> Article:
    """Read one article folder (``input.txt``, optional ``expected.txt``, ``meta.toml``)."""
    source = folder / "input.txt"
    if not source.is_file():
        msg = f"{folder}: no input.txt"
        raise EvalError(msg)
    meta_path = folder / "meta.toml"
    try:
        meta: dict[str, Any] = tomllib.loads(_read(meta_path)) if meta_path.is_file() else {}
    except tomllib.TOMLDecodeError as exc:
        msg = f"{meta_path}: {exc}"
        raise EvalError(msg) from exc
    unknown = set(meta) - set(META_KEYS)
    if unknown:
        msg = f"{meta_path}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(META_KEYS)})"
        raise EvalError(msg)
    lang = meta.get("source_lang")
    if lang is not None and lang not in SOURCE_LANGS:
        msg = f"{meta_path}: source_lang must be one of {', '.join(SOURCE_LANGS)}"
        raise EvalError(msg)
    text = _read(source)
    expected_path = folder / "expected.txt"
    control = bool(meta.get("control", not expected_path.is_file()))
    expected = text if control else _read(expected_path)
    labels = tuple((str(lb["before"]), str(lb["category"])) for lb in meta.get("labels", ()))
    for _, cat in labels:
        if cat not in CATEGORIES:
            msg = f"{meta_path}: label category must be one of {', '.join(CATEGORIES)}"
            raise EvalError(msg)
    return Article(
        id=folder.name,
        input=text,
        expected=expected,
        source_lang=lang,
        site=str(meta.get("site", "")),
        notes=str(meta.get("notes", "")),
        names=tuple(meta.get("names", ())),
        report=tuple(meta.get("report", ())),
        control=control,
        labels=labels,
    )


def load_articles(directory: str | Path) -> list[Article]:
    """Every article folder in ``directory``, sorted by name."""
    root = Path(directory)
    if not root.is_dir():
        msg = f"{root}: not a folder of labelled articles"
        raise EvalError(msg)
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / "input.txt").exists())
    if not folders:
        msg = f"{root}: no article folders (each needs an input.txt)"
        raise EvalError(msg)
    return [load_article(p) for p in folders]


# -- alignment and classification ----------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Words, whitespace runs, runs of one repeated mark ("!!!"), and spaced marks (" .")."""
    return [m.group() for m in _TOKEN.finditer(text)]


def align(old: str, new: str) -> list[TextEdit]:
    r"""The edits turning ``old`` into ``new``, by a diff of words, marks and whitespace runs.

    A pure deletion or insertion spanning several lines becomes one edit per line,
    and whitespace added or removed at either end of a word change is an edit of
    its own (so a glued caption's missing line break is scored apart from the
    words).

    >>> [(e.before, e.after) for e in align("Navo top. .", "NATO top.")]
    [('Navo', 'NATO'), (' .', '')]
    >>> [(e.before, e.after) for e in align("a\nSee x\nShare\n", "a\n")]
    [('See x\n', ''), ('Share\n', '')]
    >>> [(e.before, e.after) for e in align("Kiev.Statue of X", "Kiev.\nPhoto: X")]
    [('', '\n'), ('Statue of', 'Photo:')]
    >>> align("same", "same")
    []
    """
    if old == new:
        return []
    a, b = _tokens(old), _tokens(new)
    a_off = [0]
    for t in a:
        a_off.append(a_off[-1] + len(t))
    raw: list[list[int]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            if raw and _joinable(a, b, raw[-1], i1, j1, i2, j2):
                raw[-1][1], raw[-1][3] = i2, j2
            else:
                raw.append([i1, i2, j1, j2])
    edits: list[TextEdit] = []
    for i1, i2, j1, j2 in raw:
        start, end = a_off[i1], a_off[i2]
        after = "".join(b[j1:j2])
        for part in _peel_lines(TextEdit(start, end, old[start:end], after)):
            for edit in _split_lines(part):
                edits.extend(_split_space(edit))
    return edits


def _peel_lines(edit: TextEdit) -> list[TextEdit]:
    r"""Split a change of several lines into one line into deletions plus one line's change.

    The diff may merge a removed line with a word change next to it (a repeated
    title whose name is also fixed); the line most like the new text keeps the
    change, the others become deletions.

    >>> edit = TextEdit(0, 14, "Navo top\n\nNavo", "NATO")
    >>> [(e.before, e.after) for e in _peel_lines(edit)]
    [('Navo top\n\n', ''), ('Navo', 'NATO')]
    """
    if "\n" in edit.after or not edit.after.strip() or "\n" not in edit.before.strip():
        return [edit]
    parts = regex.findall(r"[^\n]*(?:\n\s*|\Z)", edit.before)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return [edit]
    scores = [fuzz.ratio(p.strip(), edit.after.strip()) for p in parts]
    k = scores.index(max(scores))
    core = parts[k].rstrip()
    start = edit.start + sum(len(p) for p in parts[:k])
    end = start + len(core)
    out = []
    if k:
        out.append(TextEdit(edit.start, start, edit.before[: start - edit.start], ""))
    out.append(TextEdit(start, end, core, edit.after))
    if end < edit.end:
        out.append(TextEdit(end, edit.end, edit.before[end - edit.start :], ""))
    return out


def _joinable(
    a: Sequence[str], b: Sequence[str], prev: Sequence[int], i1: int, j1: int, i2: int, j2: int
) -> bool:
    """Whether two word changes are only one space apart (one multi-word change)."""
    p1, p2, q1, q2 = prev
    if i1 - p2 != 1 or j1 - q2 != 1 or a[p2] not in (" ", "\u00a0"):
        return False
    first = TextEdit(0, 0, "".join(a[p1:p2]), "".join(b[q1:q2]))
    second = TextEdit(0, 0, "".join(a[i1:i2]), "".join(b[j1:j2]))
    return classify(first) != "punctuation" != classify(second)


def _split_lines(edit: TextEdit) -> list[TextEdit]:
    """Split a pure deletion (or insertion) of several non-blank lines into one edit per line."""
    if edit.before and edit.after:
        return [edit]
    inserting = not edit.before
    body = edit.after if inserting else edit.before
    pieces = _pieces(body)
    if sum(1 for p in pieces if p.strip()) < 2:
        return [edit]
    if inserting:
        return [TextEdit(edit.start, edit.start, "", p) for p in pieces]
    out, pos = [], edit.start
    for piece in pieces:
        out.append(TextEdit(pos, pos + len(piece), piece, ""))
        pos += len(piece)
    return out


def _pieces(body: str) -> list[str]:
    """``body`` cut after each line's trailing whitespace (leading blanks join the first line)."""
    pieces: list[str] = []
    for m in regex.finditer(r"\s*[^\n]*\S[^\n]*(?:\n\s*|\Z)|\s+", body):
        piece = m.group()
        if pieces and not piece.strip():
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def _split_space(edit: TextEdit) -> list[TextEdit]:
    """Cut whitespace changes at the ends of a word change into edits of their own."""
    b, a = edit.before, edit.after
    if not b.strip() or not a.strip():
        return [edit]
    lb, la = len(b) - len(b.lstrip()), len(a) - len(a.lstrip())
    tb, ta = len(b) - len(b.rstrip()), len(a) - len(a.rstrip())
    out = []
    start, end = edit.start, edit.end
    if b[:lb] != a[:la]:
        out.append(TextEdit(start, start + lb, b[:lb], a[:la]))
    else:
        lb = la = 0
    trail: list[TextEdit] = []
    if b[len(b) - tb :] != a[len(a) - ta :]:
        trail.append(TextEdit(end - tb, end, b[len(b) - tb :], a[len(a) - ta :]))
    else:
        tb = ta = 0
    out.append(TextEdit(start + lb, end - tb, b[lb : len(b) - tb], a[la : len(a) - ta]))
    return [e for e in [*out, *trail] if e.before != e.after]


def _line_key(text: str) -> str:
    return " ".join(text.split())


def _deleted_line(text: str, edit: TextEdit) -> str | None:
    """The content of the whole input line ``edit`` deletes, or None."""
    if edit.after.strip() or not edit.before.strip():
        return None
    lead = len(edit.before) - len(edit.before.lstrip())
    start = edit.start + lead
    end = edit.start + len(edit.before.rstrip())
    at_start = start == 0 or text[:start].rstrip(" \t").endswith("\n") or not text[:start].strip()
    at_end = end == len(text) or text[end:].lstrip(" \t").startswith("\n")
    if at_start and at_end and "\n" not in text[start:end]:
        return _line_key(text[start:end])
    return None


def _mojibake(text: str) -> str:
    """``text`` as UTF-8 bytes misread as Windows-1252 (Latin-1 where 1252 has no character).

    >>> _mojibake("Erdoğan")
    'ErdoÄŸan'
    """
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def _is_line_deletion(edit: TextEdit) -> bool:
    """A pure deletion of two or more words, or of a line holding a word."""
    if edit.after.strip() or not _WORDS.search(edit.before):
        return False
    return len(_WORDS.findall(edit.before)) >= 2 or "\n" in edit.before


def classify(edit: TextEdit, names: Iterable[str] = ()) -> str:
    """The category of an expected edit.

    >>> classify(TextEdit(0, 4, "Navo", "NATO"))
    'terms'
    >>> classify(TextEdit(0, 7, "Koiliba", "Kuleba"), names=["Dmytro Kuleba"])
    'names'
    >>> classify(TextEdit(0, 2, " .", ""))
    'punctuation'
    >>> classify(TextEdit(0, 10, "sub\u00adstance", "substance"))
    'punctuation'
    >>> classify(TextEdit(0, 3, "cafÃ©", "café"))
    'punctuation'
    >>> classify(TextEdit(0, 20, "Share this article\\n", ""))
    'boilerplate'
    """
    if _is_line_deletion(edit):
        return "boilerplate"
    if _WORDS.findall(_INVISIBLE.sub("", edit.before)) == _WORDS.findall(edit.after):
        return "punctuation"
    if edit.before and (
        ftfy.fix_text(edit.before) == edit.after
        or _mojibake(edit.after) == edit.before
        or html.unescape(edit.before) == edit.after
    ):
        return "punctuation"
    name_words = {w for n in names for w in _WORDS.findall(n)}
    if name_words & set(_WORDS.findall(edit.after)):
        return "names"
    return "terms"


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


def _after_spans(edits: Sequence[TextEdit]) -> list[tuple[int, int]]:
    """Where each edit's replacement sits in the edited text."""
    spans, delta = [], 0
    for e in edits:
        start = e.start + delta
        spans.append((start, start + len(e.after)))
        delta += len(e.after) - (e.end - e.start)
    return spans


def _to_input(
    edits: Sequence[TextEdit], spans: Sequence[tuple[int, int]], start: int, end: int
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
    edits: Sequence[TextEdit], spans: Sequence[tuple[int, int]], x: int, *, at_end: bool
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


def _touches(span: tuple[int, int], d: TextEdit) -> bool:
    """Whether residual difference ``d`` (in expected-text offsets) touches an edit's span."""
    s, t = span
    if s == t:
        return d.start <= s <= d.end
    return d.start < t and s < d.end


def _harmless(d: TextEdit, e: TextEdit | None) -> bool:
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


def _category(edit: TextEdit, article: Article) -> str:
    for before, cat in article.labels:
        if before.strip() == edit.before.strip():
            return cat
    return classify(edit, article.names)


def _restored_lines(
    text: str,
    expected: Sequence[TextEdit],
    spans: Sequence[tuple[int, int]],
    residuals: Sequence[TextEdit],
) -> tuple[set[int], set[int], set[int]]:
    """The expected whole-line deletions, those the output missed, and the residuals showing it.

    A residual that inserts a whole line back (in the expected text's offsets) is
    matched to the most similar line the expected text deleted (exact first, then
    by similarity >= 80, nearest first), so a missed clutter line counts once
    wherever the diff happened to place it.
    """
    lines = {i: key for i, e in enumerate(expected) if (key := _deleted_line(text, e))}
    missed: set[int] = set()
    consumed: set[int] = set()
    for j, d in enumerate(residuals):
        key = _line_key(d.after)
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
    outcomes: list[Outcome] = []

    def line_of(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def hit(e: TextEdit, cat: str) -> None:
        start, end = _core(e)
        act_cat, rules = _blame(_culprits(result.changes, start, end, e.before), stage_of, cat)
        counts[cat].hits += 1
        counts[act_cat].proposed += 1
        counts[act_cat].right += 1
        outcomes.append(
            Outcome(article.id, "hit", cat, line_of(e.start), e.before, e.after, e.after, rules)
        )

    claimed: set[int] = set(consumed)
    for i, (e, span) in enumerate(zip(expected, spans, strict=True)):
        cat = _category(e, article)
        counts[cat].expected += 1
        if i in line_edits:
            if i in missed_lines:
                outcomes.append(
                    Outcome(article.id, "miss", cat, line_of(e.start), e.before, "", e.before)
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
            Outcome(article.id, "miss", cat, line_of(e.start), e.before, want[lo:hi], shown, rules)
        )
        if done:
            act_cat, rules = _blame(done, stage_of, cat)
            counts[act_cat].proposed += 1
            outcomes.append(
                Outcome(
                    article.id, "false", act_cat, line_of(e.start), e.before, e.after, shown, rules
                )
            )
    for j, d in enumerate(residuals):
        if j in claimed or _harmless(d, None):
            continue
        start, end = _to_input(expected, spans, d.start, d.end)
        culprits = _culprits(result.changes, start, end, text[start:end] or d.before)
        act_cat, rules = _blame(culprits, stage_of, "punctuation")
        counts[act_cat].proposed += 1
        outcomes.append(
            Outcome(
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


def _core(e: TextEdit) -> tuple[int, int]:
    """The span of ``e`` without leading and trailing whitespace (all of it if blank)."""
    if not e.before.strip():
        return e.start, e.end
    lead = len(e.before) - len(e.before.lstrip())
    return e.start + lead, e.start + len(e.before.rstrip())


def _apply(text: str, start: int, end: int, edits: Sequence[TextEdit]) -> str:
    parts, pos = [], start
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[pos : e.start])
        parts.append(e.after)
        pos = e.end
    parts.append(text[pos:end])
    return "".join(parts)


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


# -- thresholds ------------------------------------------------------------------------


def load_thresholds(path: str | Path) -> dict[str, dict[str, float]]:
    """Read ``thresholds.toml``: a table per mode (``source_lang``, ``detect``) of minimum scores.

    Keys are those of :meth:`EvalReport.metrics`; nested tables (``[source_lang.terms]``
    with ``precision``/``recall``) are flattened to ``terms.precision``.
    """
    data = tomllib.loads(_read(Path(path)))
    out: dict[str, dict[str, float]] = {}
    for mode, table in data.items():
        if mode not in ("source_lang", "detect"):
            msg = f"{path}: unknown table [{mode}] (use [source_lang] or [detect])"
            raise EvalError(msg)
        flat: dict[str, float] = {}
        for key, value in table.items():
            if isinstance(value, dict):
                flat.update({f"{key}.{k}": float(v) for k, v in value.items()})
            else:
                flat[key] = float(value)
        out[mode] = flat
    return out


def check_thresholds(report: EvalReport, thresholds: Mapping[str, float]) -> list[str]:
    """The metrics of ``report`` below their thresholds, as readable lines ([] = all pass)."""
    metrics = report.metrics()
    failures = []
    for key, minimum in sorted(thresholds.items()):
        if key not in metrics:
            failures.append(f"{key}: unknown metric (known: {', '.join(sorted(metrics))})")
        elif metrics[key] + 1e-9 < minimum:
            failures.append(f"{key}: {metrics[key]:.3f} is below the threshold {minimum:.3f}")
    return failures


def format_outcomes(outcomes: Iterable[Outcome], *, limit: int | None = None) -> str:
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
