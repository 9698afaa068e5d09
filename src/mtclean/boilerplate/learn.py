"""Learn a site's boilerplate from a corpus: lines and segments recurring across documents.

One streaming pass counts, per document, the keys of its lines: the whole line
(spacing collapsed, digit runs generalized) and, for short lines, the segment
before a ``:``/``|``/``»`` (``"Read next: ..."``) and after a last ``|``
(``"... | Comments Off"``). Counts live in a dictionary of hashes bounded by
``max_keys``: when it is full, the rarest keys are dropped (lossy counting), so
memory stays bounded whatever the corpus size. Keys seen in at least
``min_docs`` documents and ``min_share`` of all documents become rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..rulepacks.loader import parse_rules
from ..rulepacks.model import RulePack
from .classify import MAX_LINE, THRESHOLD
from .evidence import is_prose, is_sentence_like
from .remover import KIND, BoilerplateRemover

__all__ = ["Learner", "Thresholds", "learned_pack_toml", "split_documents"]

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_TOKENS = re.compile(r"(\d+)|(\s+)")
_PREFIX = re.compile(r"^(.{3,40}?)\s*([:|»›])\s*\S")
_SUFFIX = re.compile(r"\|\s*([^|]{3,40})$")
#: Lines longer than this give no segment keys (segments are short widget lines).
SEGMENT_LINE_MAX = 200
#: Lines among the first/last this many non-blank lines of a document are at an edge.
EDGE_LINES = 3


@dataclass(frozen=True)
class Thresholds:
    """When a recurring line or segment becomes a rule."""

    min_docs: int = 5
    min_share: float = 0.05
    min_length: int = 10


@dataclass
class _Stat:
    docs: int = 0
    body: int = 0
    sample: str = ""


@dataclass
class Learner:
    """Counts line and segment keys over documents with bounded memory.

    >>> learner = Learner(Thresholds(min_docs=2, min_share=0.5, min_length=5))
    >>> for doc in ["A story.\\nShare the Example app", "Another one.\\nShare the Example app"]:
    ...     learner.add(doc)
    >>> [(kind, text) for kind, text, _ in learner.results()]
    [('line', 'Share the Example app')]
    """

    thresholds: Thresholds = field(default_factory=Thresholds)
    max_keys: int = 1_000_000
    documents: int = 0
    _counts: dict[tuple[str, str], _Stat] = field(default_factory=dict)
    _floor: int = 0

    def add(self, document: str) -> None:
        """Count the keys of one document."""
        self.documents += 1
        lines = [line.strip() for line in document.split("\n")]
        content = [line for line in lines if line]
        n = len(content)
        seen: dict[tuple[str, str], tuple[str, bool]] = {}
        for i, line in enumerate(content):
            at_edge = i < EDGE_LINES or i >= n - EDGE_LINES
            for key in _keys(line):
                prev = seen.get(key)
                if prev is None:
                    seen[key] = (line, not at_edge)
                elif not at_edge and not prev[1]:
                    seen[key] = (prev[0], True)
        for key, (line, in_body) in seen.items():
            stat = self._counts.get(key)
            if stat is None:
                if len(self._counts) >= self.max_keys:
                    self._prune()
                stat = self._counts[key] = _Stat(self._floor, 0, line)
            stat.docs += 1
            stat.body += in_body

    def _prune(self) -> None:
        """Drop the rarest keys (lossy counting): at least a tenth of them."""
        while len(self._counts) >= self.max_keys * 0.9:
            self._floor += 1
            self._counts = {k: s for k, s in self._counts.items() if s.docs > self._floor}

    def results(self) -> list[tuple[str, str, _Stat]]:
        """``(kind, key text, stat)`` of every key over the thresholds, most frequent first."""
        t = self.thresholds
        need = max(t.min_docs, t.min_share * self.documents)
        found = [
            (kind, text, stat)
            for (kind, text), stat in self._counts.items()
            if stat.docs >= need and len(text) >= t.min_length
        ]
        found.sort(key=lambda r: (-r[2].docs, r[0], r[1]))
        return found


def _keys(line: str) -> Iterator[tuple[str, str]]:
    text = _DIGITS.sub("0", _SPACES.sub(" ", line))
    yield ("line", text)
    if len(text) > SEGMENT_LINE_MAX:
        return
    prefix = _PREFIX.match(text)
    if prefix:
        yield ("prefix", text[: prefix.end(2)])
    suffix = _SUFFIX.search(text)
    if suffix:
        yield ("suffix", "| " + suffix.group(1).strip())


def _literal(text: str) -> str:
    """A regex for ``text`` with spacing and digit runs generalized."""
    out = []
    pos = 0
    for m in _TOKENS.finditer(text):
        out.append(re.escape(text[pos : m.start()]))
        out.append(r"\d+" if m.group(1) else r"\s+")
        pos = m.end()
    out.append(re.escape(text[pos:]))
    return "".join(out)


def _pattern(kind: str, text: str) -> str:
    if kind == "prefix":
        return _literal(text) + r"\s*\S.{0,200}"
    if kind == "suffix":
        return r"[^|]{1,200}?\s*" + _literal(text)
    return _literal(text)


def learned_pack_toml(learner: Learner, name: str, sources: Iterable[str] = ()) -> str:
    """The TOML text of the rule pack learned by ``learner`` (validated before it is returned)."""
    t = learner.thresholds
    lines = [
        f"# Learned by `mtclean learn-boilerplate` from {learner.documents} documents",
        f"# ({', '.join(sources) or 'corpus'}); thresholds: min-docs {t.min_docs}, "
        f"min-share {t.min_share}, min-length {t.min_length}.",
        "# REVIEW every rule before use: delete any rule that matches real article text.",
        "",
        "[pack]",
        f"name = {json.dumps(name)}",
        'kind = "boilerplate"',
        'version = "1"',
        f"description = {json.dumps(f'Boilerplate learned from {learner.documents} documents')}",
    ]
    number = 0
    for kind, text, stat in learner.results():
        share = stat.docs / max(learner.documents, 1)
        anywhere = kind == "line" and stat.body * 5 >= stat.docs
        where = "anywhere" if anywhere else "edge"
        note = (
            f"{kind} seen in {stat.docs} of {learner.documents} documents ({share:.0%}), "
            f"{stat.body} of them in the body"
        )
        skip = _skip_reason(stat.sample)
        if skip is not None:
            lines += ["", f"# skipped: {note}: {skip}: {json.dumps(stat.sample[:80])}..."]
            continue
        number += 1
        rule = [
            "",
            "[[rules]]",
            f'id = "learned-{number:03d}"',
            f"note = {json.dumps(note)}",
            f'where = "{where}"',
            f"score = {learned_score(kind, stat.sample, share):.2f}",
            f"pattern = {json.dumps(_pattern(kind, text), ensure_ascii=False)}",
            f"examples = [{{ input = {json.dumps(stat.sample, ensure_ascii=False)}, "
            'expected = "" }]',
        ]
        lines += rule
    toml = "\n".join(lines) + "\n"
    _check(parse_rules(toml, kinds=(KIND,), source=f"{name}.toml"))
    return toml


def learned_score(kind: str, sample: str, share: float) -> float:
    """A learned rule's score from its evidence: the share of documents with the line
    (full at half of them) and its shape (a whole short line beats a segment, and a
    line that reads as prose counts least). Always at least the removal threshold.

    >>> learned_score("line", "Share this article", 0.6), learned_score("line", "Share this", 0.05)
    (1.0, 0.82)
    >>> learned_score("prefix", "Read next: Storm hits the coast", 0.6)
    0.9
    >>> learned_score("line", "The city council meets every week to discuss the budget.", 0.9)
    0.8
    """
    shape = 0.0 if is_prose(sample) or is_sentence_like(sample) else 1.0
    if kind != "line":
        shape /= 2
    return round(THRESHOLD + (1 - THRESHOLD) * min(1.0, share / 0.5) * shape, 2)


def _skip_reason(sample: str) -> str | None:
    """Why a recurring line cannot become a rule, or ``None``."""
    if len(sample) > MAX_LINE:
        return f"longer than {MAX_LINE} characters (boilerplate rules never remove such lines)"
    if any("\ud800" <= c <= "\udfff" for c in sample):
        return "holds undecodable bytes"
    return None


def _check(pack: RulePack) -> None:
    """Every learned rule must remove its own sample line (else the pattern is wrong)."""
    remover = BoilerplateRemover((pack,), max_share=1.0)
    for rule in pack.rules:
        for example in rule.examples:
            if remover.fix(example.input) != example.expected:  # pragma: no cover - a bug
                msg = f"learned rule {rule.id} does not remove its sample {example.input!r}"
                raise AssertionError(msg)


def split_documents(lines: Iterable[str]) -> Iterator[str]:
    """Documents of a stream of lines separated by empty lines (the bench-corpus shape).

    >>> list(split_documents(["a\\n", "b\\n", "\\n", "c\\n"]))
    ['a\\nb', 'c']
    """
    doc: list[str] = []
    for line in lines:
        text = line.rstrip("\r\n")
        if text.strip():
            doc.append(text)
        elif doc:
            yield "\n".join(doc)
            doc = []
    if doc:
        yield "\n".join(doc)
