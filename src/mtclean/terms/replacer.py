"""Term rules: source-language leftovers and calques replaced by their English terms.

A ``kind = "terms"`` pack holds rules that find literal terms (``find``) or a
regular expression (``pattern``) and write ``replace``. One left-to-right pass
over the text: every rule proposes its matches, matches whose context
conditions fail are dropped, and of overlapping matches the leftmost, then the
longest wins (equal spans: the smaller ``pack/rule`` id), so results never
depend on rule order. See ``docs/terms.md`` for the pack schema.

Case policy per rule (``case``):

* ``"exact"``: match in any case, write ``replace`` exactly (acronyms, names).
* ``"preserve"`` (default): match in any case, write ``replace`` in the case
  shape of the match (lower, Capitalized, ALL CAPS).
* ``"sensitive"``: match only the case written in ``find``; write ``replace``.

Literal terms, regex triggers and leftover source-language words of all rules
are found by one Aho-Corasick scan (:mod:`mtclean.terms_match`); a text without
a hit costs that scan alone. A regex rule runs only on lines where one of its
literal ``trigger`` strings occurs, so the cost grows with the text, not with
the rules.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..core import NO_ANALYSIS, Analysis, EditsNormalizer, Finding
from ..gcpause import paused_gc
from ..languages import language_name
from ..rulepacks.budget import UNBOUNDED, Budget
from ..rulepacks.model import Rule, RulePack
from .candidates import Candidate as _Candidate
from .candidates import ordered
from .compiled import AMBIGUOUS_RULE, CONTEXT_FIELDS, apply_case, as_tuple
from .compiled import Compiled as _Compiled
from .compiled import compile_rule as _compile
from .context import in_source_name, is_glossed, is_mention
from .detect import TextWords, decide_language, text_leftovers
from .evidence import EVIDENCE_FIELDS
from .grammar import grammatical_edits
from .lang import LEFTOVER_WORDS, glue_re, leftover_bounded, phrase_re
from .lines import Lines
from .match import Hits, TermIndex, fold_term, triples, word_bounded
from .protect import PROTECT_PACK, only_keeps, protect_pack
from .reach import find_in, merge_spans, near_trigger, stretch_of
from .report import LEFTOVER_RULE, UNTRANSLATED_RULE, leftover_findings
from .vocab import VOCAB_LANGS

__all__ = ["SOURCE_LANG_RULE", "TermReplacer", "apply_case"]

#: Rule id of the finding that records the source language mtclean decided on.
SOURCE_LANG_RULE = "terms/source-lang"
#: Distinct leftover words that decide the source language when no term does.
MIN_LEFTOVER_EVIDENCE = 3


def _sensitive_trigger(trigger: str) -> bool:
    """Whether a regex rule's trigger matches only as written (it has an upper-case letter)."""
    return any(c.isupper() for c in trigger)


#: What a key of the index stands for: bits of its kind (no bit set: a literal
#: term of the rule in its slot, matched in any case).
_CASED = 1  # matches only as written (a sensitive term, a trigger with a capital)
_TRIGGER = 2  # a trigger of regex rule ``slot``
_LEFTOVER = 4  # a leftover word of language ``_LEFTOVER_LANGS[slot]``
_FLAG = 8  # the rule only flags or protects: no reason to look further when fixing
_KEEPS = 16  # a fixing rule that writes back what it matched (it can still change the case)

#: Kind -> 1 for the keys that can lead to a change (the gate of :meth:`TermReplacer.edits`).
_GATE = bytes(0 if kind & (_LEFTOVER | _FLAG) else 1 for kind in range(256))
#: Kind -> 1 for the keys of every rule that can change the text: the gate keys and the
#: fixing rules that keep a name (the fast path's first look, see ``analyze``).
_SELECT = bytes(
    0 if kind & _LEFTOVER or (kind & _FLAG and not kind & _KEEPS) else 1 for kind in range(256)
)

_LEFTOVER_LANGS = tuple(LEFTOVER_WORDS)

_FIELDS = operator.attrgetter("fields")
_ENABLED = operator.attrgetter("enabled")


@dataclass(frozen=True)
class _Selection:
    chosen: tuple[_Candidate, ...]
    lang: str
    reason: str
    considered: tuple[str, ...]


@dataclass(frozen=True)
class _Scan:
    """What one scan of a text found: verified candidates and leftover words per language,
    and the text's words (:class:`~mtclean.terms.detect.TextWords`, counted on first use)."""

    cands: list[_Candidate]
    leftovers: dict[str, list[tuple[int, int]]]
    words: TextWords


@dataclass(frozen=True, eq=False)
class TermReplacer(EditsNormalizer):
    """Apply the term rules of one or more packs in a single pass.

    ``packs`` always apply. ``detect`` holds source-language packs of which one is
    chosen per text (see :meth:`decide`); leave it empty when the language is known.

    >>> from mtclean.kinds import parse_rules
    >>> pack = parse_rules('''
    ... [pack]
    ... name = "demo"
    ... kind = "terms"
    ... [[rules]]
    ... id = "navo"
    ... find = "Navo"
    ... replace = "NATO"
    ... case = "exact"
    ... ''')
    >>> TermReplacer((pack,)).fix("Navo's summit; navo-top")
    "NATO's summit; NATO-top"
    >>> TermReplacer((pack,)).fix("Navona square")
    'Navona square'
    """

    packs: tuple[RulePack, ...]
    disabled: frozenset[str] = frozenset()
    detect: tuple[RulePack, ...] = ()
    name: str = "terms"
    _index: TermIndex = field(init=False, repr=False, compare=False)
    _key_slot: list[int] = field(init=False, repr=False, compare=False)
    _key_term: list[str] = field(init=False, repr=False, compare=False)
    _key_kind: bytes = field(init=False, repr=False, compare=False)
    _ranges: list[tuple[int, RulePack, bool]] = field(init=False, repr=False, compare=False)
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _compiled: dict[int, _Compiled] = field(init=False, repr=False, compare=False)
    _always: tuple[_Compiled, ...] = field(init=False, repr=False, compare=False)
    _always_fix: bool = field(init=False, repr=False, compare=False)
    _langs: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _fixed_lang: str = field(init=False, repr=False, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle support (for worker processes): the step is rebuilt from its packs."""
        return (type(self), (self.packs, self.disabled, self.detect, self.name))

    def __post_init__(self) -> None:
        # Building allocates a few objects per rule; pausing the cyclic garbage
        # collector meanwhile makes a 100,000-rule pack load about a third faster.
        with paused_gc():
            self._build()

    def _build(self) -> None:
        # Literal rules are only indexed by their terms (three list items per term) and
        # compiled on first use, so a pack of 100,000 terms builds in a fraction of a
        # second; so are regex rules with triggers (when a trigger first occurs), which
        # keeps a first ``clean()`` from compiling hundreds of patterns it never runs.
        # A rule's slot is its pack's first slot plus its position in the pack.
        ranges: list[tuple[int, RulePack, bool]] = []  # (first slot, pack, detect)
        compiled: dict[int, _Compiled] = {}
        always: list[_Compiled] = []
        # Keys with their rule slot and kind, by how they match: whole word, inside
        # words, word start (triggers); each in any case and only as written.
        lists: list[tuple[list[str], list[int], bytearray]] = [
            ([], [], bytearray()) for _ in range(6)
        ]
        disabled = self.disabled
        base = 0
        chosen = [(p, False) for p in self.packs] + [(p, True) for p in self.detect]
        protect = protect_pack((p for p, _ in chosen), disabled)
        for pack, detect in [*chosen, (protect, False)]:
            if pack.name in disabled:
                continue
            if ranges:
                base = ranges[-1][0] + len(ranges[-1][1].rules)
            ranges.append((base, pack, detect))
            rules = pack.rules
            prefix = pack.name + "/"
            # The common rule (one term, no action or whole_word field, any case) in
            # bulk; ``in`` and ``[]`` because a read-only mapping's ``get`` is slow.
            fields = list(map(_FIELDS, rules))
            finds: list[Any] = [f["find"] if "find" in f else None for f in fields]  # noqa: SIM401
            plain = [
                type(find) is str
                and "action" not in f
                and "whole_word" not in f
                and f.get("replace") != find
                and ("case" not in f or f["case"] != "sensitive")
                for f, find in zip(fields, finds, strict=True)
            ]
            if disabled or not all(map(_ENABLED, rules)):
                plain = [
                    ok and r.enabled and prefix + r.id not in disabled
                    for ok, r in zip(plain, rules, strict=True)
                ]
            keys, slots, kinds = lists[0]
            start = len(keys)
            keys.extend([t for t, ok in zip(finds, plain, strict=True) if ok])
            slots.extend([base + i for i, ok in enumerate(plain) if ok])
            kinds.extend(bytes(len(keys) - start))
            for i in [i for i, ok in enumerate(plain) if not ok]:
                rule = rules[i]
                if not rule.enabled or (disabled and prefix + rule.id in disabled):
                    continue
                self._index_rule(rule, base + i, pack, detect, lists, compiled, always)
        always_fix = any(one.action == "fix" for one in always)
        langs = tuple(p.lang for p in self.detect)
        fixed = {p.lang for p in self.packs if p.lang in LEFTOVER_WORDS}
        fixed_lang = fixed.pop() if len(fixed) == 1 else ""
        for n, lang in enumerate(_LEFTOVER_LANGS):
            if lang in langs or lang == fixed_lang:
                words = sorted(LEFTOVER_WORDS[lang])
                lists[0][0].extend(words)
                lists[0][1].extend([n] * len(words))
                lists[0][2].extend([_LEFTOVER] * len(words))
        index = TermIndex()
        for n, (keys, _, _) in enumerate(lists):
            mode, cased = divmod(n, 2)
            index.add_many(keys, whole_word=mode == 0, word_start=mode == 2, cased=bool(cased))
        key_kinds = bytes(bytearray().join(kinds for _, _, kinds in lists))
        index.build(gate=key_kinds.translate(_GATE), select=key_kinds.translate(_SELECT))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_key_term", [k for keys, _, _ in lists for k in keys])
        object.__setattr__(self, "_key_slot", [s for _, slots, _ in lists for s in slots])
        object.__setattr__(self, "_key_kind", key_kinds)
        object.__setattr__(self, "_ranges", ranges)
        object.__setattr__(self, "_starts", [first for first, _, _ in ranges])
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "_always", tuple(always))
        object.__setattr__(self, "_always_fix", always_fix)
        object.__setattr__(self, "_langs", langs)
        object.__setattr__(self, "_fixed_lang", fixed_lang)

    @staticmethod
    def _index_rule(
        rule: Rule,
        slot: int,
        pack: RulePack,
        detect: bool,
        lists: list[tuple[list[str], list[int], bytearray]],
        compiled: dict[int, _Compiled],
        always: list[_Compiled],
    ) -> None:
        """Add the keys of one rule that is not a plain one-term rule (see ``_build``)."""
        fields = rule.fields
        # Flagging rules, protected names and rules that keep a name whole never open
        # the gate: alone they change nothing.
        quiet = (
            fields.get("action", "fix") != "fix" or rule.pack == PROTECT_PACK or only_keeps(fields)
        )
        flag = _FLAG if quiet else 0
        if quiet and fields.get("action", "fix") == "fix" and rule.pack != PROTECT_PACK:
            flag |= _KEEPS
        find = fields.get("find")
        if find is not None:
            cased = int(fields.get("case") == "sensitive")
            keys, slots, kinds = lists[(0 if fields.get("whole_word", True) else 2) + cased]
            terms = (find,) if type(find) is str else find
            keys.extend(terms)
            slots.extend([slot] * len(terms))
            kinds.extend([cased | flag] * len(terms))
            return
        triggers = as_tuple(fields.get("trigger"))
        if not triggers:  # runs on every text: compiled now
            always.append(_compile(rule, pack.lang, detect, pack.bundled))
            compiled[slot] = always[-1]
            return
        for t in triggers:  # compiled when a trigger first occurs (see ``_rule``)
            cased = int(_sensitive_trigger(t))
            keys, slots, kinds = lists[4 + cased]
            keys.append(t)
            slots.append(slot)
            kinds.append(_TRIGGER | cased | flag)

    def _rule(self, slot: int) -> _Compiled:
        one = self._compiled.get(slot)
        if one is None:
            first, pack, detect = self._ranges[bisect.bisect_right(self._starts, slot) - 1]
            rule = pack.rules[slot - first]
            one = self._compiled[slot] = _compile(rule, pack.lang, detect, pack.bundled)
        return one

    def warm_up(self) -> None:
        """Compile now every rule with a pattern (a regex rule, context or evidence)
        instead of on its first hit, and the source languages' own patterns (a process
        that forks workers does it once for all of them; see :meth:`Pipeline.warm_up`)."""
        regex_fields = CONTEXT_FIELDS | EVIDENCE_FIELDS | {"pattern"}
        for first, pack, _detect in self._ranges:
            for offset, rule in enumerate(pack.rules):
                if not regex_fields.isdisjoint(rule.fields):
                    self._rule(first + offset)
        for lang in {p.lang for p in (*self.packs, *self.detect) if p.lang}:
            phrase_re(lang)
            glue_re(lang)

    @functools.cached_property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of every rule of this step's packs (for ``disable=``)."""
        ids = [r.full_id for p in (*self.packs, *self.detect) for r in p.rules]
        return (*ids, SOURCE_LANG_RULE, LEFTOVER_RULE, UNTRANSLATED_RULE, AMBIGUOUS_RULE)

    @property
    def pack_names(self) -> tuple[str, ...]:
        """The names of this step's packs."""
        return tuple(p.name for p in (*self.packs, *self.detect))

    # -- matching ---------------------------------------------------------------

    def _scan(self, text: str, hits: Hits[int], state: tuple[Lines, Budget] | None = None) -> _Scan:
        """Verify the index's hits against ``text``: candidates and leftover words
        (the user patterns of all rules share one time budget for the text). ``state``:
        the text's lines (with what its context checks found) and budget, when one
        analysis scans twice."""
        lines, budget = state or (Lines(text), Budget.start(size=len(text)))
        cands: list[_Candidate] = []
        triggered: dict[int, set[tuple[int, int]]] = {}
        leftovers: dict[str, list[tuple[int, int]]] = {}
        key_slot, key_term, key_kind = self._key_slot, self._key_term, self._key_kind
        for start, end, i in triples(hits):
            slot, term, kind = key_slot[i], key_term[i], key_kind[i]
            matched = text[start:end]
            if kind & _LEFTOVER:
                if fold_term(matched) == term and leftover_bounded(text, start, end):
                    leftovers.setdefault(_LEFTOVER_LANGS[slot], []).append((start, end))
            elif kind & _TRIGGER:
                if not kind & _CASED or matched == term:
                    near = near_trigger(text, lines.bounds(start, end), start, end)
                    triggered.setdefault(slot, set()).add(near)
            elif matched == term or (not kind & _CASED and fold_term(matched) == fold_term(term)):
                rule = self._rule(slot)
                if not rule.whole_word or word_bounded(text, start, end):
                    cands.append(_Candidate(start, end, rule, rule.replacement(matched)))
        whole = (0, len(text))
        for rule in self._always:
            cands.extend(self._pattern_candidates(rule, text, whole, budget, lines))
        for slot, spans in triggered.items():
            rule = self._rule(slot)
            for span in merge_spans(spans, lines, rule):
                cands.extend(self._pattern_candidates(rule, text, span, budget, lines))
        held = (self._in_context(lines, c, budget) for c in cands)
        return _Scan([c for c in held if c is not None], leftovers, TextWords(text))

    def _pattern_candidates(
        self, rule: _Compiled, text: str, span: tuple[int, int], budget: Budget, lines: Lines
    ) -> Iterable[_Candidate]:
        """Matches of a regex rule in ``text[span[0]:span[1]]`` (a triggered line, or the
        stretch of a long one around its trigger: see :func:`.reach.find_in`)."""
        assert rule.pattern is not None
        budget = UNBOUNDED if rule.trusted else budget
        line_end = lines.bounds(*span)[1] if rule.whole_line else None
        for m in find_in(budget, rule.pattern, text, span, line_end, rule.full_id):
            if m.end() > m.start():
                yield _Candidate(m.start(), m.end(), rule, rule.replacement(m.group(), m))

    def _in_context(self, lines: Lines, cand: _Candidate, budget: Budget) -> _Candidate | None:
        """``cand`` if it holds in its context; as a ``terms/ambiguous`` finding if only
        its rule's document-level evidence is missing and the rule says so; else ``None``."""
        # The rule's own conditions first: they often fail, and cheaply.
        rule = cand.rule
        text = lines.text
        # Its line; on a very long line the stretch it starts in.
        whole = lines.bounds(cand.start, cand.end)
        line = stretch_of(text, whole, cand.start, cand.end)
        budget = UNBOUNDED if rule.trusted else budget
        if rule.context is not None and not rule.context.holds(
            text, cand.start, cand.end, line, budget, rule.full_id, lines.memo, whole
        ):
            return None
        if is_mention(text, cand.start, cand.end, line) or is_glossed(
            text, cand.start, cand.end, line, cand.replacement
        ):
            return None
        if rule.source_lang and (
            in_source_name(text, cand.start, line, rule.source_lang)
            or lines.in_quoted_source(cand.start, cand.end, line, rule.source_lang)
            or lines.source_line(line, rule.source_lang, (cand.start, cand.end))
        ):
            return None
        if rule.evidence is None or rule.evidence.holds(
            text, cand.start, cand.end, lines.memo, budget, rule.full_id
        ):
            return cand
        if rule.otherwise != "finding" or AMBIGUOUS_RULE in self.disabled:
            return None
        if cand.replacement == text[cand.start : cand.end]:
            return None
        return _Candidate(cand.start, cand.end, rule.as_ambiguous(), cand.replacement)

    def decide(self, text: str, cands: Iterable[_Candidate] = (), *, thorough: bool = True) -> str:
        """The source language of ``text`` among the ``detect`` packs, or ``""``.

        Evidence is first the number of unambiguous fixing rules that fire per
        language (a unique maximum wins), then, if no rule decides, leftover
        source-language words: at least three distinct ones of one language and
        none of any other.
        """
        scan = self._scan(text, self._index.scan(text))
        given = list(cands)
        chosen = _Scan(given, scan.leftovers, scan.words) if given else scan
        return self._decide(text, chosen, thorough)[0]

    def _decide(self, text: str, scan: _Scan, thorough: bool) -> tuple[str, str]:
        if not self._langs:
            return "", ""
        cands = scan.cands
        if not thorough and not any(
            c.rule.lang and c.rule.action == "fix" and (c.rule.ambiguous or _proper_noun(text, c))
            for c in cands
        ):
            return "", ""  # no change depends on the decision: the fast path skips it
        # Evidence per language: distinct terms of its fixing rules that fire, and
        # distinct words of the whole text that are common in it and not English.
        # ``lasting`` leaves out what a rule changes whatever the decision (it is gone
        # after one pass): a rival language is measured by it, so that cleaning twice
        # never decides what cleaning once did not.
        evidence: dict[str, set[str]] = {lang: set() for lang in self._langs}
        lasting: dict[str, set[str]] = {lang: set() for lang in self._langs}
        fixed: list[tuple[int, int]] = []
        for c in cands:
            rule = c.rule
            if rule.action != "fix" or c.replacement == text[c.start : c.end]:
                continue
            if rule.lang in evidence:
                term = fold_term(text[c.start : c.end])
                evidence[rule.lang].add(term)
                if rule.ambiguous or _proper_noun(text, c):
                    lasting[rule.lang].add(term)
                    continue
            fixed.append((c.start, c.end))
        lines = scan.words.lines  # quotations, bilingual halves (sorted, apart)
        starts = [s for s, _, _ in lines]
        fixed.sort()
        fixed_starts = [a for a, _ in fixed]
        reach = list(itertools.accumulate((b for _, b in fixed), max))  # furthest end so far
        found = {lang: list(spans) for lang, spans in scan.leftovers.items()}
        for lang, spans in text_leftovers(text, self._langs, names=True, words=scan.words).items():
            found.setdefault(lang, []).extend(spans)
        for lang, spans in found.items():
            if lang in evidence:
                for s, e in spans:
                    n = bisect.bisect_right(starts, s) - 1
                    if n < 0 or s >= lines[n][1]:
                        evidence[lang].add(fold_term(text[s:e]))
                        k = bisect.bisect_left(fixed_starts, e)  # the fixed spans starting before e
                        if not k or reach[k - 1] <= s:
                            lasting[lang].add(fold_term(text[s:e]))
        return decide_language(evidence, lasting)

    def _select(self, text: str, scan: _Scan, *, thorough: bool = False) -> _Selection:
        cands = scan.cands
        lang, reason = self._decide(text, scan, thorough) if cands or thorough else ("", "")
        considered = tuple(sorted({c.rule.lang for c in cands if c.rule.lang}))
        kept = ordered(
            c
            for c in cands
            if not c.rule.lang
            or c.rule.lang == lang
            or not (c.rule.ambiguous or _proper_noun(text, c))
        )
        chosen: list[_Candidate] = []
        end = -1
        for c in kept:
            if c.start >= end:
                chosen.append(c)
                end = c.end
        return _Selection(tuple(chosen), lang, reason, considered)

    def may_change(self, texts: list[str]) -> list[bool]:
        """For each of ``texts``, whether :meth:`analyze` may edit it (``False``: surely
        not), from one scan of all of them joined by blank lines: an edit needs a key of a
        changing rule, one of them a key that opens the gate (see :meth:`analyze`), and a
        key that occurs in a text alone occurs at the same place in the joined text (a
        line break bounds a word as a text's end does).

        >>> TermReplacer(()).may_change(["a", "b"])
        [False, False]
        """
        if self._always_fix:
            return [True] * len(texts)
        starts = [0, *itertools.accumulate(len(text) + 2 for text in texts)][:-1]
        out = [False] * len(texts)
        index = self._index
        for start, end, id_ in triples(index.scan_selected("\n\n".join(texts))):
            if not index.is_gate(id_):
                continue  # the fast path stops unless a hit opens the gate
            first = max(bisect.bisect_right(starts, start) - 1, 0)
            last = bisect.bisect_right(starts, max(start, end - 1)) - 1
            out[first : last + 1] = [True] * (last + 1 - first)
        return out

    # -- the normalizer protocol ------------------------------------------------

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits for every fixing rule that wins its span; with ``audit``, findings too.

        Findings are the flagging rules that win their span, the source-language
        decision and leftover words. Both come from one scan and one selection.
        """
        state: tuple[Lines, Budget] | None = None  # shared by both scans of the text
        if not (audit or self._always_fix):
            # The fast path looks at the keys of changing rules first: unless one of
            # them is a candidate that holds in its context and changes the text, the
            # full analysis makes no edit either (only such candidates become edits).
            first = self._index.scan_selected(text)
            if not self._index.opens_gate(first):
                return NO_ANALYSIS
            state = (Lines(text), Budget.start(size=len(text)))
            if not self._changes(text, first, state):
                return NO_ANALYSIS
            del first  # (a long text's hits: freed before the full scan's)
        hits = self._index.scan(text, gated=not (audit or self._always_fix))
        # With a known language, an audit reports leftover words even without a hit.
        leftovers = audit and self._fixed_lang in VOCAB_LANGS
        if not hits and not (self._always if audit else self._always_fix) and not leftovers:
            return NO_ANALYSIS
        scan = self._scan(text, hits, state)
        sel = self._select(text, scan, thorough=audit)
        if not audit:
            del scan, hits  # the chosen candidates are all the edits need
            return Analysis(grammatical_edits(text, sel.chosen))
        edits = grammatical_edits(text, sel.chosen)
        if not self._always_fix and not self._index.opens_gate(hits):
            edits = ()  # the fast path changes nothing here: the audit must agree
        return Analysis(edits, self._findings(text, scan, sel))

    def _changes(self, text: str, hits: Hits[int], state: tuple[Lines, Budget]) -> bool:
        """Whether a candidate from ``hits`` of a fixing rule holds and changes the text."""
        return any(
            c.rule.action == "fix" and c.replacement != text[c.start : c.end]
            for c in self._scan(text, hits, state).cands
        )

    def _findings(self, text: str, scan: _Scan, sel: _Selection) -> list[Finding]:
        out = [
            Finding(
                c.start,
                c.end,
                c.rule.full_id,
                c.rule.finding_message(text[c.start : c.end], c.replacement),
                c.rule.confidence,
            )
            for c in sel.chosen
            if c.rule.action == "flag"
        ]
        if self._langs and SOURCE_LANG_RULE not in self.disabled and (sel.lang or sel.considered):
            if sel.lang:
                msg = f"source language: {sel.lang} ({language_name(sel.lang)}), from {sel.reason}"
                out.append(Finding(0, 0, SOURCE_LANG_RULE, msg, 0.9, kind="info"))
            else:
                langs = ", ".join(sel.considered)
                msg = f"source language undecided (candidates: {langs}); ambiguous terms left"
                out.append(Finding(0, 0, SOURCE_LANG_RULE, msg, 0.3, kind="info"))
        lang = sel.lang or self._fixed_lang
        if lang and LEFTOVER_RULE not in self.disabled:
            fixed = [(c.start, c.end) for c in sel.chosen]
            spans = set(scan.leftovers.get(lang, ()))
            if lang in VOCAB_LANGS:
                spans.update(text_leftovers(text, (lang,), words=scan.words).get(lang, ()))
            if spans:
                out.extend(leftover_findings(text, lang, sorted(spans), fixed))
        if self._langs or self._fixed_lang:
            reported = {(f.start, f.end) for f in out if f.rule == UNTRANSLATED_RULE}
            for start, end, other in scan.words.lines:
                if (start, end) not in reported and UNTRANSLATED_RULE not in self.disabled:
                    msg = f"line in {language_name(other)}, left as it is"
                    out.append(Finding(start, end, UNTRANSLATED_RULE, msg, 0.7))
        return sorted(out, key=lambda f: (f.start, f.end, f.rule))


def _proper_noun(text: str, cand: _Candidate) -> bool:
    """Whether the match is one capitalised word: a place or acronym English may share.

    Such a term ("Rusland", "Otan", "Polen") is fixed only when the text is decided
    to be in its rule's language.
    """
    matched = text[cand.start : cand.end]
    return matched[:1].isupper() and " " not in matched


# -- the pack kind ------------------------------------------------------------------
