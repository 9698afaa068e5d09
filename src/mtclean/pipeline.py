"""Pipelines: an immutable chain of normalizers, with a fast path and an audited path.

>>> from mtclean.pipeline import make_pipeline, RegexNormalizer
>>> p = make_pipeline(str.strip, RegexNormalizer("navo", r"\\bNavo\\b", "NATO"))
>>> p("  Navo summit ")
'NATO summit'
>>> [c.rule for c in p.explain("  Navo summit ").changes]
['strip', 'strip', 'navo']
>>> make_pipeline()("unchanged")
'unchanged'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import regex

from .core import (
    Analysis,
    Edit,
    EditsNormalizer,
    Finding,
    Normalizer,
    apply_edits,
    check_edits,
    check_text,
    diff_edits,
)
from .errors import OptionsError, PatternTimeoutError, UnknownNormalizerError
from .offsets import OffsetMap, StepMap
from .protect import Span, allowed, find_spans, shift_spans
from .result import Change, Result
from .rulepacks.model import did_you_mean

__all__ = [
    "FunctionNormalizer",
    "Pipeline",
    "RegexNormalizer",
    "analyze",
    "as_normalizer",
    "make_pipeline",
    "propose",
]


def propose(step: Normalizer, text: str) -> list[Edit]:
    """Return the checked edits ``step`` proposes for ``text``, without no-op edits."""
    return _checked(step, text, step.edits(text))


def _checked(step: Normalizer, text: str, proposed: Iterable[Edit]) -> list[Edit]:
    edits = [e for e in proposed if text[e.start : e.end] != e.replacement]
    if edits:
        check_edits(text, edits, step.name)
    return edits


def analyze(step: Normalizer, text: str) -> Analysis:
    """One audited analysis of ``text`` by ``step``: its edits and findings together."""
    own = getattr(step, "analyze", None)
    if own is not None:
        result: Analysis = own(text, audit=True)
        return result
    find = getattr(step, "findings", None)
    return Analysis(tuple(step.edits(text)), tuple(find(text)) if find is not None else ())


def run_step(step: Normalizer, text: str) -> str:
    """Return ``text`` after ``step``, by its own fast ``fix`` method where it has one."""
    fix = getattr(step, "fix", None)
    if fix is not None:
        out: str = fix(text)
        return out
    return apply_edits(text, propose(step, text), step=step.name)


_FIX, _EDITS, _ANALYZE = 0, 1, 2


def _way(step: Normalizer) -> int:
    """How the fast path runs ``step``: by its own ``fix`` (``_FIX``), or, where ``fix``
    is the base class's (apply the step's edits), by applying ``step.edits(text)``
    (``_EDITS``) or, where ``edits`` is the base's too, ``step.analyze(text).edits``
    (``_ANALYZE``): the same edits, two calls fewer."""
    if not isinstance(step, EditsNormalizer):
        return _FIX
    kind = type(step)
    if kind.fix is not EditsNormalizer.fix:
        return _FIX
    if kind.edits is not EditsNormalizer.edits:
        return _EDITS
    return _ANALYZE if kind.analyze is not EditsNormalizer.analyze else _FIX


def _chosen(flags: Iterable[bool]) -> list[int]:
    """The indices of the true ``flags``."""
    return [k for k, flag in enumerate(flags) if flag]


def _edits_of(step: Normalizer, text: str, way: int) -> Sequence[Edit]:
    """The edits ``step`` (an :class:`EditsNormalizer`) would apply in ``fix``."""
    assert isinstance(step, EditsNormalizer)
    return step.edits(text) if way == _EDITS else step.analyze(text).edits


def protects(step: Normalizer) -> bool:
    """Whether ``step`` leaves protected spans alone (every step but plain functions,
    unless it says otherwise with a ``protects_spans`` attribute)."""
    default = not isinstance(step, FunctionNormalizer)
    return bool(getattr(step, "protects_spans", default))


#: A text longer than this has its protected spans found before a step that has a
#: ``fix`` of its own: on a long text that fix is likely to change something next to a
#: span, and would then run again on its edits outside the spans.
SPANS_FIRST = 10_000


def _run_guarded(
    step: Normalizer, way: int, text: str, spans: list[Span] | None
) -> tuple[str, list[Span] | None]:
    """``text`` after ``step``, which keeps out of the protected ``spans``, and the spans
    moved along. ``None``: not found yet; they are found only once a step has something
    to change (most texts need no step, and then no spans either)."""
    if spans is None and way == _FIX and len(text) > SPANS_FIRST:
        spans = find_spans(text)  # cheaper than running the step's own fix twice
    if spans:
        return _run_protected(step, text, spans)
    if way == _FIX:
        out = run_step(step, text)
        if out is text or out == text:
            return text, spans
        if spans is None:
            spans = find_spans(text)
            if spans:  # what the step changed may lie in one: its edits, outside them
                return _run_protected(step, text, spans)
        return out, spans
    edits = _edits_of(step, text, way)
    if not edits:
        return text, spans
    if spans is None:
        spans = find_spans(text)
    if spans:
        kept = allowed(_checked(step, text, edits), spans)
        return apply_edits(text, kept, step=step.name), shift_spans(spans, kept)
    return apply_edits(text, edits, step=step.name), spans


def _run_protected(step: Normalizer, text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """``text`` after ``step``, without its edits inside ``spans``; the spans moved along."""
    edits = allowed(propose(step, text), spans)
    return apply_edits(text, edits, step=step.name), shift_spans(spans, edits)


@dataclass(frozen=True)
class Pipeline:
    """An immutable sequence of normalizers applied in order.

    ``pipeline(text)`` is the fast path and builds no audit; ``pipeline.explain(text)``
    returns a :class:`~mtclean.result.Result` with every change mapped to the
    original text. ``make_pipeline(a, b)(x) == b(a(x))``; the empty pipeline is
    the identity.

    Protected spans (URLs, e-mail addresses, domain names, code: see
    :mod:`mtclean.protect`) are found once per pass, and no step but a plain
    function edits inside one. With ``passes`` > 1 the pipeline runs again on its
    own output while a pass still changes the text (at most ``passes`` times), so
    a change one step makes that an earlier step would act on is finished in the
    same call: cleaning twice gives what cleaning once gave. The default pipeline
    runs to that fixpoint; a pipeline that holds it as a step does too.
    """

    steps: tuple[Normalizer, ...] = ()
    passes: int = 1
    # Per step: whether it keeps out of protected spans, and how the fast path runs
    # it (see ``_way``).
    _ways: tuple[tuple[bool, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A pipeline given as a step joins with its own steps, so the audit keeps
        # each inner step's rules and findings instead of one diff of the whole.
        flat: list[Normalizer] = []
        passes = self.passes
        for step in self.steps:
            if isinstance(step, Pipeline):
                flat.extend(step.steps)
                passes = max(passes, step.passes)
            else:
                flat.append(step)
        object.__setattr__(self, "steps", tuple(flat))
        object.__setattr__(self, "passes", passes)
        object.__setattr__(self, "_ways", tuple((protects(s), _way(s)) for s in flat))

    def __repr__(self) -> str:
        return f"Pipeline({', '.join(self.names)})"

    @property
    def names(self) -> tuple[str, ...]:
        """The step names, in order."""
        return tuple(s.name for s in self.steps)

    def then(self, *more: Normalizer | Callable[[str], str]) -> Pipeline:
        """Return a new pipeline with ``more`` steps appended."""
        return Pipeline((*self.steps, *(as_normalizer(m) for m in more)), self.passes)

    def without(self, *names: str) -> Pipeline:
        """Return a new pipeline without the steps called ``names`` (each must be one of
        :attr:`names`: a misspelt name is an error, not a silent no-op).

        >>> Pipeline().without("nope")
        Traceback (most recent call last):
        ...
        mtclean.errors.UnknownNormalizerError: no step 'nope' in this pipeline (steps: none)
        """
        for name in names:
            if name not in self.names:
                hint = did_you_mean(name, self.names)
                listed = ", ".join(self.names) or "none"
                msg = f"no step {name!r} in this pipeline ({hint or f'steps: {listed}'})"
                raise UnknownNormalizerError(msg)
        drop = set(names)
        return Pipeline(tuple(s for s in self.steps if s.name not in drop), self.passes)

    @property
    def name(self) -> str:
        """A pipeline is itself a normalizer; its name lists its steps."""
        return "+".join(self.names) or "identity"

    def warm_up(self) -> None:
        """Compile now what the steps would compile on first use.

        A step that defers work to its first call can define ``warm_up()``; this
        calls it for every step that does. Programs that fork workers call it first,
        so that the workers share the result instead of each redoing it.

        >>> Pipeline().warm_up()
        """
        for step in self.steps:
            warm = getattr(step, "warm_up", None)
            if callable(warm):
                warm()

    def __call__(self, text: str) -> str:
        text = check_text(text)
        until, spans = len(self.steps) - 1, None
        for _ in range(self.passes):
            out, until, spans = self._pass(text, until, spans)
            if out == text:
                break
            text = out
        return text

    def _pass(
        self, text: str, until: int, last_spans: list[Span] | None
    ) -> tuple[str, int, list[Span] | None]:
        """``text`` after one pass, the index of the last step that changed it, and the
        protected spans at the end of the pass.

        The steps after ``until`` (the last step that changed the text in the previous
        pass) are skipped while this pass has changed nothing and the protected spans
        are those the previous pass ended with: those steps would see the same text
        and spans as last time, and did nothing then.
        """
        spans: list[Span] | None = None
        last = -1
        for index, (step, (guarded, way)) in enumerate(zip(self.steps, self._ways, strict=True)):
            if index > until and last < 0:
                if last_spans is not None and spans is None:
                    spans = find_spans(text)
                if spans == last_spans:
                    break
                until = len(self.steps)
            before = text
            if guarded:
                text, spans = _run_guarded(step, way, text, spans)
            elif way == _FIX:
                text = run_step(step, text)
            else:
                edits = _edits_of(step, text, way)
                if edits:
                    text = apply_edits(text, edits, step=step.name)
            if text is not before and text != before:
                last = index
        return text, last, spans

    def many(self, texts: Iterable[str]) -> list[str]:
        """``[pipeline(t) for t in texts]``, step by step over the whole batch.

        A step that defines ``may_change(texts)`` (a list of bools, ``False``: that
        text surely gets no edit from it) looks at the batch at once and runs only
        on the texts it may change: on many short texts most steps have nothing to
        do, and telling that for all of them at once is cheaper than asking each.
        The result is the same as cleaning each text alone.

        >>> from mtclean import default_pipeline
        >>> default_pipeline().many(["Plain prose.", "Tweede Kamer  votes."])
        ['Plain prose.', 'Tweede Kamer votes.']
        """
        out = [check_text(t) for t in texts]
        if not all(guarded for guarded, _ in self._ways):
            # a plain function's changes are not followed by the protected spans of
            # a pass (see _pass): keep its exact order of work
            return [self(t) for t in out]
        active = list(range(len(out)))
        for _ in range(self.passes):
            if not active:
                break
            before = [out[k] for k in active]
            after = self._many_pass(before)
            still = []
            for k, old, new in zip(active, before, after, strict=True):
                if new != old:
                    out[k] = new
                    still.append(k)
            active = still
        return out

    def _many_pass(self, texts: list[str]) -> list[str]:
        """One pass of every step over ``texts`` (each step only where it may change)."""
        texts = list(texts)
        spans: list[list[Span] | None] = [None] * len(texts)
        for step, (_, way) in zip(self.steps, self._ways, strict=True):
            screen = getattr(step, "may_change", None)
            todo = range(len(texts)) if screen is None else _chosen(screen(texts))
            for k in todo:
                texts[k], spans[k] = _run_guarded(step, way, texts[k], spans[k])
        return texts

    def fix(self, text: str) -> str:
        """Same as calling the pipeline: lets a pipeline nest as a step."""
        return self(text)

    def edits(self, text: str) -> list[Edit]:
        """The pipeline's whole effect as edits against ``text`` (for nesting)."""
        result = self.explain(text)
        return diff_edits(text, result.text, rule=self.name) if result.changed else []

    def explain(self, text: str) -> Result:
        """Clean ``text`` and return the result with every change and finding."""
        original = check_text(text)
        offsets = OffsetMap()
        changes: list[Change] = []
        findings: dict[Finding, None] = {}
        for pass_index in range(self.passes):
            before = len(changes)
            # a later pass does not report again what an earlier one found at the same
            # place (its message may differ: "source language: nl (6 words)", then 2)
            earlier = {(f.start, f.end, f.rule) for f in findings}
            text, offsets = self._explain_pass(
                text, offsets, changes, findings, pass_index * len(self.steps), earlier
            )
            if len(changes) == before:
                break
        ordered = sorted(findings, key=lambda f: (f.start, f.end, f.rule))
        return Result(original, text, tuple(changes), tuple(ordered), offsets)

    def _explain_pass(
        self,
        text: str,
        offsets: OffsetMap,
        changes: list[Change],
        findings: dict[Finding, None],
        first_index: int,
        earlier: set[tuple[int, int, str]],
    ) -> tuple[str, OffsetMap]:
        spans: list[Span] | None = None
        for index, step in enumerate(self.steps, first_index):
            analysis = analyze(step, text)
            guarded = protects(step)
            if guarded and spans is None:
                spans = find_spans(text)
            for f in analysis.findings:
                if guarded and spans and not allowed([Edit(f.start, f.end, "", "")], spans):
                    continue  # a finding inside a URL or code is not a finding
                start, end = offsets.to_original(f.start, f.end, absorb=False)
                if (start, end, f.rule) not in earlier:
                    findings[Finding(start, end, f.rule, f.message, f.confidence, f.kind)] = None
            edits = _checked(step, text, analysis.edits)
            if guarded and spans:
                edits = allowed(edits, spans)
                spans = shift_spans(spans, edits)
            if not edits:
                continue
            for e in edits:
                start, end = offsets.to_original(e.start, e.end, absorb=False)
                changes.append(
                    Change(
                        rule=e.rule,
                        before=text[e.start : e.end],
                        after=e.replacement,
                        start=start,
                        end=end,
                        step=step.name,
                        message=e.message,
                        step_index=index,
                        step_start=e.start,
                        step_end=e.end,
                    )
                )
            text = apply_edits(text, edits, step=step.name)
            offsets = offsets.then(StepMap.from_edits(edits))
        return text, offsets


def make_pipeline(*steps: Normalizer | Callable[[str], str]) -> Pipeline:
    """Build a :class:`Pipeline` from normalizers and plain ``str -> str`` functions.

    A plain function becomes a :class:`FunctionNormalizer`, whose changes are derived
    by diffing its input and output.
    """
    return Pipeline(tuple(as_normalizer(s) for s in steps))


def as_normalizer(step: object) -> Normalizer:
    """Return ``step`` if it is a normalizer, or wrap a plain function."""
    if isinstance(step, Normalizer):
        return step
    if not callable(step):
        msg = f"a pipeline step must be a normalizer or a str -> str function, not {step!r}"
        raise TypeError(msg)
    return FunctionNormalizer(step)


@dataclass(frozen=True)
class FunctionNormalizer:
    """Wrap a ``str -> str`` function as a normalizer.

    Its edits are **derived by diffing** input and output: they are minimal-edit
    guesses of what changed, not what the function did step by step. The rule id
    is the function's name unless ``name`` is given.

    >>> n = FunctionNormalizer(str.upper)
    >>> [(e.start, e.end, e.replacement) for e in n.edits("ab cd")]
    [(0, 2, 'AB'), (3, 5, 'CD')]
    """

    func: Callable[[str], str]
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", getattr(self.func, "__name__", "function"))

    def fix(self, text: str) -> str:
        """Apply the function, checking it returned a str."""
        out: object = self.func(text)
        if not isinstance(out, str):
            msg = f"step {self.name!r} returned {type(out).__name__}, not str"
            raise TypeError(msg)
        return out

    def edits(self, text: str) -> list[Edit]:
        """Edits derived from a diff of the function's input and output."""
        out = self.fix(text)
        return diff_edits(text, out, rule=self.name) if out != text else []


@dataclass(frozen=True)
class RegexNormalizer(EditsNormalizer):
    """Replace every match of ``pattern`` with ``repl`` (a template or a function of the match).

    Patterns use the :mod:`regex` module and run with a time budget (``timeout``
    seconds per call); a pattern that exceeds it raises
    :class:`~mtclean.errors.PatternTimeoutError` naming the rule.

    >>> RegexNormalizer("dots", r" \\. \\.", ".").fix("Kyiv . . Then")
    'Kyiv. Then'
    """

    name: str
    pattern: str | regex.Pattern[str]
    repl: str | Callable[[regex.Match[str]], str] = ""
    rule: str = ""
    message: str = ""
    timeout: float = 1.0
    _compiled: regex.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.pattern, regex.Pattern):
            compiled = self.pattern
        else:
            try:
                compiled = regex.compile(self.pattern)
            except (regex.error, TypeError) as exc:
                msg = f"step {self.name!r}: pattern {self.pattern!r} does not compile: {exc}"
                raise OptionsError(msg) from exc
        object.__setattr__(self, "_compiled", compiled)
        if not self.rule:
            object.__setattr__(self, "rule", self.name)

    def edits(self, text: str) -> list[Edit]:
        """One edit per match whose replacement differs from the matched text."""
        out: list[Edit] = []
        try:
            for m in self._compiled.finditer(text, timeout=self.timeout):
                repl = self.repl(m) if callable(self.repl) else m.expand(self.repl)
                if repl != m.group():
                    out.append(Edit(m.start(), m.end(), repl, self.rule, self.message))
        except TimeoutError as exc:
            msg = (
                f"rule {self.rule!r}: pattern {self._compiled.pattern!r} took longer than "
                f"{self.timeout} s on a text of {len(text)} characters"
            )
            raise PatternTimeoutError(msg) from exc
        return out
