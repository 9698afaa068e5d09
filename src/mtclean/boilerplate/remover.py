"""Boilerplate: scraped page clutter removed from plain text, line by line.

A ``kind = "boilerplate"`` pack holds whole-line patterns. A line is clutter
when it is covered, from its first to its last non-space character, by one or
more rule patterns (so "Leave a Reply Cancel reply" is two rules on one line).
Where a rule may remove a line (``where``):

* ``"edge"`` (default): only in the contiguous clutter block at the head or the
  tail of the text (blank lines and clutter lines, up to the first content line);
* ``"head"`` / ``"tail"``: only in that one block;
* ``"anywhere"``: also in the body. Only strong, unmistakable lines belong here.

Safety: if the removals would take more than ``max_share`` of the text's
characters, nothing is removed and a finding says so. A line the rules do not
cover (such as a last line cut off mid-way) is content and ends the edge block.

Repeated titles and paragraphs are steps of their own (:mod:`.repeated`); the
copies of a repeated title count here as removed neighbours of other lines.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import ahocorasick_rs
import regex

from ..core import NO_ANALYSIS, Analysis, Edit, EditsNormalizer, Finding
from ..rulepacks.budget import UNBOUNDED, Budget
from ..rulepacks.model import FieldSpec, KindSpec, Rule, RulePack
from .classify import BIO, CONTEXT, FOREIGN, SUSPECT, THRESHOLD, WIDGET, Verdict, classify_lines
from .copies import GLUED, REPEATED, SPLIT, TRUNCATED
from .evidence import is_prose
from .firstchars import OpeningIndex, openings_of
from .lines import Removal, TextLines, compact_deletion_edits, content_line, one_line
from .literals import fold, literals_of
from .repeats import repeated_titles

__all__ = ["KIND", "BoilerplateRemover"]

#: Lines longer than this are never clutter (clutter lines are short).
MAX_LINE = 250
#: The most headline lines a ``then`` rule takes with it.
MAX_THEN = 10
#: A line that reads as a headline: at most this long, no final stop.
MAX_HEADLINE = 150
#: Characters of a line tried as a partial match before the full match.
PREFIX = 4
MEMO_SIZE = 50_000
#: Labels glued to a word are looked for in this many first kept lines.
GLUED_WITHIN = 4
MAX_SHARE = "boilerplate/max-share"
BUILTIN_IDS = (MAX_SHARE, BIO, CONTEXT, FOREIGN, WIDGET, SUSPECT, GLUED, TRUNCATED, REPEATED, SPLIT)
# Before a clutter segment: the line start, spaces and separator marks, or a
# point where no word is cut ("Share this:Facebook", "Leave a ReplyCancel reply").
_LEAD = r"[\s|·•/]*"
#: The characters ``_LEAD`` takes (a line that begins with one may match any rule).
_LEAD_CHARS = frozenset("|·•/")
_SEPARATOR = r"(?:[\s|·•/]+|^|(?<=[^\p{L}\p{N}])|(?-i:(?<=\p{Ll})(?=\p{Lu})))"


@dataclass(frozen=True)
class _Matcher:
    """Matches whole lines made of one or more segments of several rules.

    The first segment is dispatched on the line's first :data:`PREFIX` characters
    (memoized): the rules whose patterns can begin with them (an index of the
    characters each pattern can begin with, then the compiled patterns) are the
    only ones tried, so the cost of a line does not grow with the number of rules.
    The rest of the line, if any, must be covered by further segments.
    """

    rules: tuple[Rule, ...]
    bounded: bool = False  # patterns of user packs: they run within the document's budget
    _starts: list[regex.Pattern[str] | None] = field(init=False, repr=False)
    _needs: list[tuple[str, ...] | bool | None] = field(init=False, repr=False)
    _needs_ascii: list[tuple[str, ...] | bool | None] = field(init=False, repr=False)
    _openings: OpeningIndex = field(init=False, repr=False)
    _by_prefix: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False)
    _rest_memo: dict[tuple[int, ...], regex.Pattern[str]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        # A rule's pattern is compiled, and its literals worked out, when a line first
        # may begin with it (by the characters its pattern can begin with, read without
        # compiling it), once per process (_start_pattern, literals_of), not per matcher:
        # a first ``clean()`` compiles the few rules its lines call for, not all.
        bodies = (_rule_regex(r) for r in self.rules)
        first = openings_of(bodies, keep=not self.bounded)
        object.__setattr__(self, "_openings", OpeningIndex(first))
        object.__setattr__(self, "_starts", [None] * len(self.rules))
        object.__setattr__(self, "_needs", [False] * len(self.rules))
        object.__setattr__(self, "_needs_ascii", [False] * len(self.rules))
        if self.bounded:  # compiled now, so that no document's time budget pays for it
            for i in range(len(self.rules)):
                self._start(i)
            _ = self._rest

    def _start(self, i: int) -> regex.Pattern[str]:
        """Rule ``i``'s pattern as the first segment of a line (compiled on first use)."""
        start = self._starts[i]
        if start is None:
            start = self._starts[i] = _start_pattern(_rule_regex(self.rules[i]))
        return start

    def _need(self, i: int, ascii_line: bool) -> tuple[str, ...] | None:
        """The literals one of which a line must hold to match rule ``i`` (``None``: no
        such literals); for an ASCII line only the ASCII ones (none: it cannot match)."""
        found = (self._needs_ascii if ascii_line else self._needs)[i]
        if found is False:
            (needs,) = literals_of([_patterns(self.rules[i])], keep=False)
            self._set_needs(i, needs)
            found = (self._needs_ascii if ascii_line else self._needs)[i]
        return found  # type: ignore[return-value]

    def _set_needs(self, i: int, needs: tuple[str, ...] | None) -> None:
        self._needs[i] = needs
        # an ASCII line holds only the ASCII literals (none: the rule cannot match it)
        self._needs_ascii[i] = None if needs is None else tuple(x for x in needs if x.isascii())

    def __getstate__(self) -> dict[str, Any]:
        # what is built on first use (an automaton among it) is built again in a worker
        state = dict(self.__dict__)
        state.pop("_literal_finder", None)
        state.pop("_rest", None)
        state["_rest_memo"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def warm_up(self) -> None:
        """Compile every rule's pattern and work out its literals now (a process that
        forks workers does it once for all of them)."""
        for i in range(len(self.rules)):
            self._start(i)
            self._need(i, False)

    @functools.cached_property
    def _rest(self) -> regex.Pattern[str]:
        """Further segments of a line (any rule's): for user patterns, compiled up front."""
        return _rest_pattern(tuple(_rule_regex(r) for r in self.rules))

    @property
    def empty(self) -> bool:
        """Whether the matcher has no rules."""
        return not self.rules

    def _candidates(self, line: str) -> tuple[int, ...]:
        """Indices of the rules whose pattern can begin ``line`` (memoized by prefix)."""
        key = line[:PREFIX]
        found = self._by_prefix.get(key)
        if found is None:
            # Rules are told apart by the openings of their patterns first (no need to
            # compile them), then by their compiled patterns.
            char = key[:1]
            lead = char in _LEAD_CHARS or char.isspace()  # the lead may take it: any rule
            maybe = range(len(self.rules)) if lead else self._openings.rules(key)
            found = self._filter(maybe, key)
            if len(self._by_prefix) >= MEMO_SIZE:
                self._by_prefix.clear()
            self._by_prefix[key] = found
        return found

    def _filter(self, indices: Iterable[int], key: str) -> tuple[int, ...]:
        return tuple(i for i in indices if self._start(i).match(key, partial=True))

    def match(self, line: str, budget: Budget = UNBOUNDED) -> Rule | None:
        """The rule of the first segment if the rules cover all of ``line``, else ``None``
        (user patterns run within ``budget``, the document's)."""
        if not line or not self.rules:
            return None
        budget = budget if self.bounded else UNBOUNDED
        folded = ""
        ascii_line = line.isascii()
        for i in self._candidates(line):
            needs = self._need(i, ascii_line)
            if needs is not None:  # a line without the rule's literals cannot match it
                if not folded:
                    folded = fold(line)
                for literal in needs:  # (a loop: several times faster than any())
                    if literal in folded:
                        break
                else:
                    continue
            start, rule = self._start(i), self.rules[i].full_id
            m = budget.match(start, line, rule=rule)  # a first segment, more segments after it
            if m is None:  # no segment of this rule begins the line, so no full match either
                continue
            if m.end() == len(line) or budget.fullmatch(start, line, rule=rule) is not None:
                return self.rules[i]
            rest = "pattern (of a later segment of the line: any rule's)"
            further = self._rest if self.bounded else self._rest_of(line, folded or fold(line))
            if budget.fullmatch(further, line, m.end(), rule=rule, field=rest) is not None:
                return self.rules[i]
        return None

    def _rest_of(self, line: str, folded: str) -> regex.Pattern[str]:
        """Further segments of ``line`` (``folded``: the line folded), of the rules whose
        literals the line holds: no other rule matches anywhere in it, so this pattern
        matches as :attr:`_rest` does, compiled from a few rules instead of all."""
        finder, owners, always = self._literal_finder
        chosen = set(always)
        if finder is not None:
            # (a literal not in ASCII never occurs in a folded ASCII line)
            try:
                hits = finder.find_matches_as_indexes(folded, True)
            except UnicodeEncodeError:  # a lone surrogate: test each rule's literals
                ascii_line = line.isascii()
                hits = [
                    (k, 0, 0)
                    for k, i in enumerate(owners)
                    if any(x in folded for x in (self._need(i, ascii_line) or ()))
                ]
            chosen.update(owners[k] for k, _, _ in hits)
        key = tuple(sorted(chosen))
        found = self._rest_memo.get(key)
        if found is None:
            if len(self._rest_memo) >= MEMO_SIZE:
                self._rest_memo.clear()
            found = _rest_pattern(tuple(_rule_regex(self.rules[i]) for i in key))
            self._rest_memo[key] = found
        return found

    @functools.cached_property
    def _literal_finder(self) -> tuple[ahocorasick_rs.AhoCorasick | None, list[int], list[int]]:
        """One automaton over every rule's literals (with the rule of each), and the rules
        without literals: which rules a line's literals allow is one scan of the line."""
        literals: list[str] = []
        owners: list[int] = []
        always: list[int] = []
        every = literals_of((_patterns(r) for r in self.rules), keep=not self.bounded)
        for i, needs in enumerate(every):
            if self._needs[i] is False:
                self._set_needs(i, needs)
            if needs is None:
                always.append(i)
            else:
                literals.extend(needs)
                owners.extend([i] * len(needs))
        finder = ahocorasick_rs.AhoCorasick(literals) if literals else None
        return finder, owners, always


@functools.lru_cache(maxsize=1024)
def _rest_pattern(bodies: tuple[str, ...]) -> regex.Pattern[str]:
    """Further segments of a line, any of ``bodies`` (compiled once per process)."""
    alternatives = "|".join(f"(?:{body})" for body in bodies) or r"(?!x)x"
    return regex.compile(f"(?:{_SEPARATOR}(?:{alternatives}))+", regex.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _start_pattern(body: str) -> regex.Pattern[str]:
    """A rule's pattern as the first segment of a line (compiled once per process)."""
    return regex.compile(f"{_LEAD}(?:{body})", regex.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _glued_pattern(body: str) -> regex.Pattern[str]:
    """A ``glued`` rule's pattern as a label glued to a capitalised word (the word stays)."""
    return regex.compile(
        rf"{_LEAD}(?:{body})(?-i:(?<=\p{{Ll}})(?=\p{{Lu}}\p{{Ll}}))", regex.IGNORECASE
    )


def _patterns(rule: Rule) -> tuple[str, ...]:
    patterns = rule.get("pattern")
    return patterns if isinstance(patterns, tuple) else (patterns,)


def _rule_regex(rule: Rule) -> str:
    body = "|".join(f"(?:{p})" for p in _patterns(rule))
    # Matchers compile case-insensitively as a whole (scoped flags on every
    # alternative make the regex module several times slower).
    return f"(?-i:{body})" if rule.get("case", "ignore") == "sensitive" else body


@dataclass(frozen=True)
class _Plan:
    """What the remover decided for one text."""

    text: TextLines
    removals: dict[int, Removal]
    too_much: tuple[int, int] | None = None
    unsure: Mapping[int, Verdict] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class BoilerplateRemover(EditsNormalizer):
    """Remove the clutter lines the boilerplate packs' rules and the line classifier find.

    >>> from mtclean.kinds import parse_rules
    >>> pack = parse_rules('''
    ... [pack]
    ... name = "demo"
    ... kind = "boilerplate"
    ... [[rules]]
    ... id = "reply"
    ... pattern = "Leave a Reply"
    ... ''')
    >>> BoilerplateRemover((pack,)).fix("Talks resume.\\nThey end late.\\n\\nLeave a Reply\\n")
    'Talks resume.\\nThey end late.\\n'
    >>> BoilerplateRemover((pack,)).fix("Leave a Reply, she wrote, and he did.\\n")
    'Leave a Reply, she wrote, and he did.\\n'
    """

    packs: tuple[RulePack, ...]
    disabled: frozenset[str] = frozenset()
    max_share: float = 0.5
    threshold: float = THRESHOLD
    name: str = "boilerplate"
    _head: _Matcher = field(init=False, repr=False)
    _tail: _Matcher = field(init=False, repr=False)
    _body: _Matcher = field(init=False, repr=False)
    _any: _Matcher = field(init=False, repr=False)
    _flag: _Matcher = field(init=False, repr=False)
    _ends: _Matcher = field(init=False, repr=False)
    _generic: frozenset[str] = field(init=False, repr=False)
    # each ``glued`` rule, its pattern, and whether it is a bundled (trusted) rule
    _glued: tuple[tuple[Rule, regex.Pattern[str], bool], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        rules = [
            r
            for p in self.packs
            if p.name not in self.disabled
            for r in p.rules
            if r.enabled and r.full_id not in self.disabled
        ]
        removing = [r for r in rules if r.get("action", "remove") == "remove"]
        trusted = frozenset(r for p in self.packs if p.bundled for r in p.rules)

        def where(*places: str) -> _Matcher:
            return _matcher((r for r in removing if r.get("where", "edge") in places), trusted)

        object.__setattr__(self, "_head", where("edge", "head", "anywhere"))
        object.__setattr__(self, "_tail", where("edge", "tail", "anywhere"))
        object.__setattr__(self, "_body", where("anywhere"))
        object.__setattr__(self, "_any", where("edge", "head", "tail", "anywhere"))
        ending = (r for r in removing if r.get("ends", False))
        object.__setattr__(self, "_ends", _matcher(ending, trusted))
        flagging = (r for r in rules if r.get("action", "remove") == "flag")
        object.__setattr__(self, "_flag", _matcher(flagging, trusted))
        object.__setattr__(self, "_generic", frozenset(r.full_id for r in trusted))
        glued = tuple(
            (r, _glued_pattern(_rule_regex(r)), r in trusted) for r in removing if r.get("glued")
        )
        object.__setattr__(self, "_glued", glued)

    def warm_up(self) -> None:
        """Compile now what the first lines would compile (see :meth:`Pipeline.warm_up`)."""
        for matcher in (self._head, self._tail, self._body, self._any, self._ends, self._flag):
            matcher.warm_up()

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """Every rule id this remover knows (``disable=`` accepts each)."""
        return (*(r.full_id for p in self.packs for r in p.rules), *BUILTIN_IDS)

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits deleting the clutter lines of ``text`` (none if the share limit is hit);
        with ``audit``, findings: suspect and flagged lines and a hit share limit."""
        budget = Budget.start(size=len(text))  # for user patterns: one per document
        if not audit and self._alone_unchanged(text, budget):
            return NO_ANALYSIS
        plan = self._plan(text, budget)
        edits: list[Edit] = []
        if plan.too_much is None:
            edits = compact_deletion_edits(plan.text, plan.removals)
            if self._glued:
                edits = sorted([*edits, *self._glued_labels(plan, budget)], key=lambda e: e.start)
        return Analysis(edits, self._findings(text, plan, budget) if audit else ())

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it (``False``: surely not)."""
        user = any(not trusted for _, _, trusted in self._glued)  # else no budget is needed
        return [
            not self._alone_unchanged(t, Budget.start(size=len(t)) if user else UNBOUNDED)
            for t in texts
        ]

    def _alone_unchanged(self, text: str, budget: Budget) -> bool:
        """Whether ``text`` is one line that surely stays as it is: removing it would
        exceed the share limit, so only a label glued to its first word could go."""
        if self.max_share >= 1 or not one_line(text):
            return False
        line = content_line(text)
        return len(line) < 2 or not any(
            (UNBOUNDED if trusted else budget).match(pattern, line, rule=rule.full_id)
            for rule, pattern, trusted in self._glued
        )

    def _glued_labels(self, plan: _Plan, budget: Budget) -> list[Edit]:
        """Edits deleting a label glued to the first word of a head line ("with
        videoThe minister …" keeps "The minister …"): the first kept lines up to the
        first prose line."""
        out: list[Edit] = []
        seen = 0
        for i, line in enumerate(plan.text.lines):
            if seen >= GLUED_WITHIN:
                break
            if i in plan.removals:
                continue
            seen += 1
            for rule, pattern, trusted in self._glued:
                within = UNBOUNDED if trusted else budget
                m = within.match(pattern, line, rule=rule.full_id) if len(line) > 1 else None
                if m is not None:
                    start = plan.text.starts[i]
                    msg = rule.get("message", "") or rule.note or "label glued to a headline"
                    out.append(Edit(start, start + m.end(), "", rule.full_id, msg))
                    break
            if is_prose(line.strip()):
                break
        return out

    def _findings(self, text: str, plan: _Plan, budget: Budget) -> list[Finding]:
        starts, lines = plan.text.starts, plan.text.lines
        out: list[Finding] = []
        if plan.too_much is not None:
            removed, total = plan.too_much
            msg = (
                f"boilerplate rules would remove {removed} of {total} characters "
                f"({removed / total:.0%}, limit {self.max_share:.0%}); nothing was removed"
            )
            out.append(Finding(0, len(text), MAX_SHARE, msg, 0.5))
        for i, verdict in plan.unsure.items():
            end = starts[i] + len(lines[i])
            msg = f"possible page clutter, kept: {verdict.explain()}"
            out.append(Finding(starts[i], end, SUSPECT, msg, min(verdict.score, 0.79)))
        for i, line in enumerate(lines):
            rule = self._flag.match(line.strip(), budget) if 0 < len(line) <= MAX_LINE else None
            if rule is not None:
                msg = rule.get("message", "") or rule.note or "possible page clutter"
                out.append(Finding(starts[i], starts[i] + len(line), rule.full_id, msg, 0.5))
        out.sort(key=lambda f: (f.start, f.end, f.rule))
        return out

    def _plan(self, text: str, budget: Budget) -> _Plan:
        whole = TextLines.of(text)
        lines = whole.lines
        removals: dict[int, Removal] = {}
        copies: set[int] = set()
        while True:  # lines taken under a heading (``then``) are context for the rest
            before = len(removals) + len(copies)
            unsure = self._rule_pass(whole, removals, copies, budget)
            # Copies of the title (deleted by the repeated-title step) are scraper
            # output too: they count as removed neighbours, as clutter lines do.
            copies.update(repeated_titles(lines, lambda i: i not in removals))
            if len(removals) + len(copies) == before:
                break
        unsure = {i: v for i, v in unsure.items() if i not in removals}
        if not removals:
            return _Plan(whole, removals, unsure=unsure)
        removed = sum(len(lines[i].strip()) for i in removals)
        total = sum(len(line.strip()) for line in lines)
        if removed > self.max_share * total:
            return _Plan(whole, removals, (removed, total), unsure)
        return _Plan(whole, removals, unsure=unsure)

    def _rule_pass(
        self,
        text: TextLines,
        removals: dict[int, Removal],
        copies: set[int],
        budget: Budget,
    ) -> dict[int, Verdict]:
        """Classify the lines; mark the sure ones, return the unsure ones."""
        lines = text.lines

        def match(zone: str, line: str) -> Rule | None:
            return self._match(zone, line, budget)

        verdicts = classify_lines(
            lines, {*removals, *copies}, match, self.threshold, self._generic, not text.unended
        )
        unsure: dict[int, Verdict] = {}
        for i in sorted(verdicts):
            verdict = verdicts[i]
            if i in removals or i in copies:
                continue
            if not verdict.remove:
                unsure[i] = verdict
                continue
            rule = verdict.rule
            name = rule.full_id if rule is not None else verdict.detectors[0].split()[0]
            base = (rule.get("message", "") or rule.note) if rule is not None else ""
            base = base or "scraped page clutter"
            removals[i] = Removal(name, f"{base} ({verdict.explain()})")
            if rule is not None and rule.get("then", 0):
                # an unended last line may be cut off: it is never a headline
                _take_headlines(lines, removals, i, rule, len(lines) - text.unended)
        return unsure

    def _match(self, zone: str, line: str, budget: Budget = UNBOUNDED) -> Rule | None:
        matchers = {"head": self._head, "tail": self._tail, "body": self._body, "ends": self._ends}
        matcher = matchers.get(zone, self._any)
        # "edge": a text without a body is all edge; "any": ignore where
        return matcher.match(line, budget)


def _matcher(rules: Iterable[Rule], trusted: frozenset[Rule]) -> _Matcher:
    """A matcher for ``rules``; patterns not from a bundled pack run with a time budget."""
    chosen = tuple(rules)
    return _Matcher(chosen, bounded=not all(r in trusted for r in chosen))


def _headline_like(text: str) -> bool:
    """Whether a stripped line reads as a headline: short, without a final stop."""
    return len(text) <= MAX_HEADLINE and text[-1] not in ".,;:" and text.count(" ") < 25


def _take_headlines(
    lines: list[str], removals: dict[int, Removal], i: int, rule: Rule, stop: int
) -> int:
    """Mark up to ``then`` headline lines after line ``i``; return the last index marked."""
    wanted = rule.get("then", 0)
    last = i
    j = i + 1
    while wanted and j < min(stop, len(lines)):
        line = lines[j]
        stripped = line.strip() if len(line) <= MAX_LINE else "."
        if stripped and j not in removals:  # removed lines are already gone
            if not _headline_like(stripped):
                break
            removals[j] = Removal(rule.full_id, "headline listed under clutter")
            wanted -= 1
            last = j
        j += 1
    return last


def _removal(rule: Rule) -> Removal:
    return Removal(rule.full_id, rule.get("message", "") or rule.note or "scraped page clutter")


def _check_rule(fields: Mapping[str, Any]) -> tuple[str, str] | None:
    patterns = fields["pattern"]
    for pattern in patterns if isinstance(patterns, tuple) else (patterns,):
        if regex.fullmatch(f"(?:{pattern})", ""):
            return "pattern", f"{pattern!r} matches an empty line; a clutter line has text"
    return None


def _check_then(value: Any) -> str | None:
    if not 0 <= value <= MAX_THEN:
        return f"must be a number of lines between 0 and {MAX_THEN}"
    return None


def _check_score(value: Any) -> str | None:
    if not 0 < value <= 1:
        return "must be a number between 0 (exclusive) and 1"
    return None


KIND = KindSpec(
    name="boilerplate",
    fields=(
        FieldSpec("pattern", (str, list), required=True, is_regex=True),
        FieldSpec("where", choices=("edge", "head", "tail", "anywhere")),
        FieldSpec("action", choices=("remove", "flag")),
        FieldSpec("case", choices=("ignore", "sensitive")),
        FieldSpec("message"),
        FieldSpec("then", (int,), check=_check_then),
        FieldSpec("score", (float, int), check=_check_score),
        FieldSpec("headline", (bool,)),
        FieldSpec("edge_context", (bool,)),
        FieldSpec("glued", (bool,)),
        FieldSpec("ends", (bool,)),
    ),
    build=lambda pack: BoilerplateRemover((pack,), max_share=1.0),
    check_rule=_check_rule,
)
