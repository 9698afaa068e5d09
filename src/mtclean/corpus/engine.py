"""Cleaning many documents: streaming, in order, on several processes.

:func:`clean_many` is the library entry point; :func:`process` is the engine behind
it, and :func:`process_io` the same engine with the reading and writing of each
document done in the workers too (the CLI's). Documents travel to worker processes in
batches of roughly ``batch_chars`` characters; at most a few batches per worker are in
flight, so memory stays flat however long the input is, and results come back in order.

A document that fails (a rule pattern that times out, an internal error, a
worker process that died) does not stop the run: its outcome carries the error
and no text, and callers pass the original through unchanged.

>>> list(clean_many(["Plain text.", "More plain text."], processes=1))
['Plain text.', 'More plain text.']
"""

from __future__ import annotations

import collections
import concurrent.futures
import copyreg
import dataclasses
import gc
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from ..api import default_pipeline
from ..core import check_text
from ..errors import MtcleanError
from ..options import with_options_signature
from ..pipeline import Pipeline

__all__ = [
    "DocumentError",
    "DocumentIO",
    "Outcome",
    "Task",
    "clean_many",
    "default_processes",
    "process",
    "process_io",
    "run_io",
    "run_many",
    "run_one",
]

T = TypeVar("T")
P = TypeVar("P")
L = TypeVar("L")
R = TypeVar("R")
P_in = TypeVar("P_in", contravariant=True)
R_out = TypeVar("R_out", covariant=True)

#: Characters per batch sent to a worker, and documents at most: enough work to
#: amortize the hand-over and each step's batch screen, small enough to share out.
BATCH_CHARS, BATCH_DOCS = 256_000, 2048
PRIME_CHARS = 64_000  # the first batch, cleaned before the workers fork (_prime)
#: Without workers, batches are larger by default (nothing travels).
SERIAL_BATCH_CHARS, SERIAL_BATCH_DOCS = 1_000_000, 4096
WINDOW_PER_WORKER = 4  # batches in flight per worker process


def _mappingproxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


def _reduce_mappingproxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, ...]:
    return (_mappingproxy, (dict(proxy),))


# Pipelines travel to worker processes by pickle. A step's read-only tables
# (``types.MappingProxyType``, which does not pickle) go as a proxy of a copy.
copyreg.pickle(MappingProxyType, _reduce_mappingproxy)


class DocumentError(MtcleanError):
    """A document could not be cleaned; ``doc_id`` names it and ``reason`` says why."""

    exit_code = 1

    def __init__(self, doc_id: str, reason: str) -> None:
        self.doc_id = doc_id
        self.reason = reason
        super().__init__(f"{doc_id}: {reason}")


@dataclass(frozen=True)
class Task:
    """What to do with each document: which pipeline, and how much audit to keep.

    ``pipeline`` is sent to the workers as is (it must pickle); without one, each
    worker builds the default pipeline from ``options`` (a tuple of key/value pairs).
    ``audit`` counts changes per rule and findings (slower: every step's audit
    runs); ``explain`` is
    ``None``, ``"text"`` or ``"json"``; ``diff`` turns the output into a unified diff.
    """

    options: tuple[tuple[str, Any], ...] = ()
    pipeline: Pipeline | None = None
    audit: bool = False
    explain: str | None = None
    diff: bool = False

    def build(self) -> Pipeline:
        """The pipeline this task runs."""
        if self.pipeline is not None:
            return self.pipeline
        return default_pipeline(**dict(self.options))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document.

    ``text`` is the output (the cleaned text, or the diff for a diff task), or
    ``None`` when the document is unchanged (or failed, or was not cleaned): then
    the original is kept as it was.
    """

    text: str | None = None
    changed: bool = False
    rules: Mapping[str, int] = field(default_factory=dict)
    findings: Mapping[str, int] = field(default_factory=dict)
    removed_lines: int = 0
    report: str = ""
    error: str | None = None


_SKIPPED = Outcome()
_UNCHANGED = Outcome()


class DocumentIO(Protocol[P_in, L, R_out]):
    """Reading and writing documents where they are cleaned (in the worker processes).

    :func:`process_io` sends each item's *payload* (a path, a line's bytes: whatever
    pickles cheaply) to a worker, which loads it, cleans ``job(loaded)`` (a document
    id and its text, ``None`` for no text) and returns what ``finish`` makes of it and
    its :class:`Outcome` (see :func:`run_io` for ``finish_all``). None of them may raise
    for a document's own problems: those belong in what ``finish`` returns. The
    object must pickle.
    """

    def load(self, payload: P_in) -> L:
        """The document a payload stands for, read and decoded."""
        ...

    def job(self, loaded: L) -> tuple[str, str | None]:
        """A loaded document's id and its text (``None``: nothing to clean)."""
        ...

    def finish(self, loaded: L, outcome: Outcome) -> R_out:
        """What goes back to the main process for a cleaned (or failed) document."""
        ...


@dataclass(frozen=True)
class _Plain:
    """The payloads of :func:`process`: ``(doc_id, text)`` pairs, results the outcomes."""

    def load(self, payload: tuple[str, str | None]) -> tuple[str, str | None]:
        return payload

    def job(self, loaded: tuple[str, str | None]) -> tuple[str, str | None]:
        return loaded

    def finish(self, loaded: tuple[str, str | None], outcome: Outcome) -> Outcome:
        return outcome


_PLAIN = _Plain()


def run_io(pipeline: Pipeline, task: Task, io: DocumentIO[P, L, R], payloads: list[P]) -> list[R]:
    """Load, clean (together, as :func:`run_many`) and finish ``payloads`` with ``io``
    (with its optional ``finish_all(loaded, outcomes)``: a whole batch at once)."""
    loaded = [io.load(p) for p in payloads]
    outcomes = run_many(pipeline, task, [io.job(x) for x in loaded])
    finish_all = getattr(io, "finish_all", None)
    if finish_all is not None:
        return list(finish_all(loaded, outcomes))
    return [io.finish(x, o) for x, o in zip(loaded, outcomes, strict=True)]


def _failed(io: DocumentIO[P, L, R], payload: P, reason: str) -> R:
    """What ``io`` makes of ``payload`` when its cleaning failed for ``reason``."""
    loaded = io.load(payload)
    text = io.job(loaded)[1]
    return io.finish(loaded, _SKIPPED if text is None else Outcome(error=reason))


def _content_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def run_one(pipeline: Pipeline, task: Task, doc_id: str, text: str | None) -> Outcome:
    """Clean one document for ``task``; any error becomes the outcome's ``error``."""
    if text is None:
        return _SKIPPED
    try:
        return _run_one(pipeline, task, doc_id, text)
    except Exception as exc:  # one failing document must not stop the run
        return Outcome(error=_describe(exc))


def run_many(
    pipeline: Pipeline, task: Task, jobs: Sequence[tuple[str, str | None]]
) -> list[Outcome]:
    """:func:`run_one` for each ``(doc_id, text)`` of ``jobs``; without an audit the
    texts are cleaned together (:meth:`Pipeline.many`: the same outputs, less work per
    text). If that fails, each text is cleaned alone, so an error is its own text's."""
    if task.audit or task.explain or task.diff or len(jobs) < 2:
        return [run_one(pipeline, task, doc_id, text) for doc_id, text in jobs]
    texts = [text for _, text in jobs if text is not None]
    try:
        cleaned = iter(pipeline.many(texts))
    except Exception:  # one document's error: find it, and keep the others' results
        return [run_one(pipeline, task, doc_id, text) for doc_id, text in jobs]
    return [_SKIPPED if text is None else _fast_outcome(text, next(cleaned)) for _, text in jobs]


def _fast_outcome(text: str, out: str) -> Outcome:
    if out == text:
        return _UNCHANGED
    removed = max(0, _content_lines(text) - _content_lines(out))
    return Outcome(text=out, changed=True, removed_lines=removed)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, MtcleanError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def _run_one(pipeline: Pipeline, task: Task, doc_id: str, text: str) -> Outcome:
    if not (task.audit or task.explain or task.diff):
        return _fast_outcome(text, pipeline(text))
    result = pipeline.explain(text)
    changed = result.changed
    report = ""
    if task.explain == "json":
        report = "".join(line + "\n" for line in result.to_json_lines(doc_id=doc_id))
    elif task.explain == "text":
        report = _text_report(result, doc_id)
    output: str | None = result.text if changed else None
    if task.diff:
        output = result.diff(name=doc_id)
    return Outcome(
        text=output,
        changed=changed,
        rules=dict(result.rule_counts()),
        findings=dict(collections.Counter(f.rule for f in result.findings if f.kind != "info")),
        removed_lines=max(0, _content_lines(text) - _content_lines(result.text)) if changed else 0,
        report=report,
    )


def _text_report(result: Any, doc_id: str) -> str:
    lines = [f"== {doc_id}: {len(result.changes)} changes, {len(result.findings)} findings"]
    if result.changes or result.findings:
        lines.append(result.report())
    counts = result.rule_counts()
    if counts:
        summary = ", ".join(f"{rule} x{n}" for rule, n in sorted(counts.items()))
        lines.append(f"-- by rule: {summary}")
    return "\n".join(lines) + "\n"


# --- worker processes -------------------------------------------------------------

_WORKER: tuple[Pipeline, Task, DocumentIO[Any, Any, Any]] | None = None


def _init_worker(task: Task, io: DocumentIO[Any, Any, Any]) -> None:
    """Build the pipeline once per worker; Ctrl-C is the parent's to handle."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _WORKER = (task.build(), task, io)


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone (killed with SIGKILL, for instance)."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _run_batch(batch: list[Any]) -> list[Any]:
    if _WORKER is None:  # pragma: no cover - the initializer always runs first
        msg = "worker used before its initializer ran"
        raise RuntimeError(msg)
    pipeline, task, io = _WORKER
    return run_io(pipeline, task, io, batch)


def default_processes() -> int:
    """The number of worker processes by default: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _context() -> Any:
    """Fork where it is safe (no other threads): workers inherit the built pipeline."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _shippable(task: Task, pipeline: Pipeline) -> Task:
    """``task`` carrying the built pipeline if it pickles (unpickling beats rebuilding)."""
    if task.pipeline is not None:
        return task
    try:
        pickle.dumps(pipeline)
    except Exception:  # a step that does not pickle: workers build their own
        return task
    return dataclasses.replace(task, pipeline=pipeline)


def _batches(
    items: Iterable[T],
    key: Callable[[T], Any],
    size_of: Callable[[Any], int],
    batch_chars: int,
    batch_docs: int = BATCH_DOCS,
    first_chars: int | None = None,
) -> Iterator[tuple[list[T], list[Any]]]:
    held: list[T] = []
    jobs: list[Any] = []
    size = 0
    limit = batch_chars if first_chars is None else min(first_chars, batch_chars)
    for item in items:
        job = key(item)
        held.append(item)
        jobs.append(job)
        size += size_of(job)
        if size >= limit or len(jobs) >= batch_docs:
            yield held, jobs
            held, jobs, size, limit = [], [], 0, batch_chars
    if held:
        yield held, jobs


def _text_size(job: tuple[str, str | None]) -> int:
    return len(job[1] or "")


def process(
    items: Iterable[T],
    key: Callable[[T], tuple[str, str | None]],
    task: Task,
    *,
    processes: int | None = None,
    batch_chars: int | None = None,
) -> Iterator[tuple[T, Outcome]]:
    """Clean ``items`` for ``task``; yield ``(item, outcome)`` in input order.

    ``key(item)`` gives the document id and its text (``None``: pass it through
    without cleaning). Items stay in this process; only ids and texts travel. With
    ``processes=1`` everything runs here. The pipeline is built before the first
    item is read, so configuration errors surface at once.
    """
    return process_io(
        items, key, task, _PLAIN, size_of=_text_size, processes=processes, batch_chars=batch_chars
    )


def process_io(
    items: Iterable[T],
    key: Callable[[T], P],
    task: Task,
    io: DocumentIO[P, Any, R],
    *,
    size_of: Callable[[P], int],
    processes: int | None = None,
    batch_chars: int | None = None,
) -> Generator[tuple[T, R], None, None]:
    """:func:`process` where the workers read and write the documents themselves.

    ``key(item)`` gives the item's payload, which ``io`` loads and finishes where
    the document is cleaned (see :class:`DocumentIO`); ``size_of(payload)`` about
    how much work it is (characters, bytes), for the batches. Yields ``(item,
    result)`` pairs, ``result`` being what ``io.finish`` returned, in input order.
    """
    pipeline = task.build()
    n = default_processes() if processes is None else processes
    if n < 1:
        msg = f"processes must be at least 1, not {n}"
        raise ValueError(msg)
    if n == 1:
        sizes = (SERIAL_BATCH_CHARS, SERIAL_BATCH_DOCS) if batch_chars is None else (batch_chars,)
        return _serial(_batches(items, key, size_of, *sizes), pipeline, task, io)
    batches = _batches(items, key, size_of, batch_chars or BATCH_CHARS, first_chars=PRIME_CHARS)
    context = _context()
    if context.get_start_method() != "fork":
        task = _shippable(task, pipeline)
    return _parallel(batches, task, io, n, context)


def _serial(
    batches: Iterator[tuple[list[T], list[P]]],
    pipeline: Pipeline,
    task: Task,
    io: DocumentIO[P, Any, R],
) -> Generator[tuple[T, R], None, None]:
    for held, jobs in batches:
        yield from zip(held, run_io(pipeline, task, io, jobs), strict=True)


def _parallel(
    batches: Iterator[tuple[list[T], list[P]]],
    task: Task,
    io: DocumentIO[P, Any, R],
    n: int,
    context: Any,
) -> Generator[tuple[T, R], None, None]:
    primed: list[tuple[T, R]] = []
    if context.get_start_method() == "fork":
        if task.pipeline is None:
            primed = _prime(batches, task, io)
        gc.freeze()  # forked workers then do not copy pages just to collect garbage
    pool = _Pool(task, io, n, context)
    pending: collections.deque[tuple[list[T], list[P], Any]] = collections.deque()
    window = n * WINDOW_PER_WORKER
    try:
        pool.start()  # forked now, before the caller sees a result (and maybe starts threads)
        yield from primed
        for held, jobs in batches:
            pending.append((held, jobs, pool.submit(jobs)))
            while len(pending) >= window:
                yield from _collect(pending.popleft(), pool)
        while pending:
            yield from _collect(pending.popleft(), pool)
    finally:
        pool.shutdown()
        gc.unfreeze()


def _prime(
    batches: Iterator[tuple[list[T], list[P]]], task: Task, io: DocumentIO[P, Any, R]
) -> list[tuple[T, R]]:
    """Clean the first batch (:data:`PRIME_CHARS`) here, before the workers are forked.

    The default pipeline's steps compile patterns on first use; those the first
    batch calls for (the common ones) are compiled here once and shared by the forked
    workers. Not every pattern (:meth:`Pipeline.warm_up`): the workers would wait
    seconds for patterns no document needs. Only the default pipeline is primed: a
    step of the caller's own that crashes the process must crash a worker, not this.
    """
    first = next(batches, None)
    if first is None:
        return []
    held, payloads = first
    return list(zip(held, run_io(task.build(), task, io, payloads), strict=True))


def _collect(entry: tuple[list[T], list[P], Any], pool: _Pool) -> Iterator[tuple[T, Any]]:
    held, jobs, future = entry
    try:
        results: list[Any] = future.result()
    except BrokenProcessPool:
        # A worker died (killed, a crash in native code): retry the batch one document
        # at a time, so only the document that kills a worker fails.
        pool.restart()
        results = [pool.run_alone(job) for job in jobs]
    except Exception as exc:
        reason = _describe(exc)
        results = [_failed(pool.io, job, reason) for job in jobs]
    yield from zip(held, results, strict=True)


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, task: Task, io: DocumentIO[Any, Any, Any], n: int, context: Any) -> None:
        self._task = task
        self.io = io
        self._n = n
        self._context = context
        self._executor = self._new()

    def _new(self) -> concurrent.futures.ProcessPoolExecutor:
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=self._n,
            mp_context=self._context,
            initializer=_init_worker,
            initargs=(self._task, self.io),
        )

    def start(self) -> None:
        """Start the worker processes now (a pool starts them at its first task)."""
        self._executor.submit(int)

    def submit(self, jobs: list[Any]) -> Any:
        try:
            return self._executor.submit(_run_batch, jobs)
        except BrokenProcessPool:
            self.restart()
            return self._executor.submit(_run_batch, jobs)

    def run_alone(self, job: Any) -> Any:
        """Clean one document in its own task; a dead worker fails only this document."""
        try:
            return self.submit([job]).result()[0]
        except BrokenProcessPool:
            self.restart()
            return _failed(self.io, job, "a worker process died while cleaning this document")
        except Exception as exc:
            return _failed(self.io, job, _describe(exc))

    def restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _task_for(pipeline: Pipeline | None, options: dict[str, Any]) -> Task:
    if pipeline is not None and options:
        msg = "give either pipeline= or options for the default pipeline, not both"
        raise TypeError(msg)
    return Task(options=tuple(sorted(options.items())), pipeline=pipeline)


@with_options_signature
def clean_many(
    texts: Iterable[str],
    *,
    processes: int | None = None,
    pipeline: Pipeline | None = None,
    errors: str = "raise",
    batch_chars: int | None = None,
    **options: Any,
) -> Iterator[str]:
    """Clean many texts, streaming, in order, on ``processes`` worker processes.

    Args:
        texts: any iterable of ``str`` (read lazily: a generator over a huge
            corpus is fine; memory holds only a few batches per worker).
        processes: worker processes (default: every CPU; ``1`` runs here).
        pipeline: a pipeline to run instead of the default one (it must pickle).
        errors: ``"raise"`` (default) raises :class:`DocumentError` for a document
            that fails; ``"keep"`` yields that document unchanged and goes on.
        batch_chars: about how many characters a batch carries (default:
            :data:`BATCH_CHARS`; :data:`SERIAL_BATCH_CHARS` with ``processes=1``).
        **options: options of the default pipeline, as for :func:`mtclean.clean`.

    Yields:
        The cleaned texts, in the order of ``texts``.

    >>> list(clean_many(iter(["A clean line."]), processes=1))
    ['A clean line.']
    >>> clean_many("one text")
    Traceback (most recent call last):
    ...
    TypeError: clean_many takes an iterable of texts, not one str: use [text] or mtclean.clean
    """
    if isinstance(texts, (str, bytes, bytearray)):
        kind = type(texts).__name__
        msg = f"clean_many takes an iterable of texts, not one {kind}: use [text] or mtclean.clean"
        raise TypeError(msg)
    if errors not in ("raise", "keep"):
        msg = f"errors must be 'raise' or 'keep', not {errors!r}"
        raise ValueError(msg)
    return _clean_many(texts, _task_for(pipeline, options), processes, errors, batch_chars)


def _clean_many(
    texts: Iterable[str], task: Task, processes: int | None, errors: str, batch_chars: int | None
) -> Iterator[str]:
    numbered = enumerate(texts)

    def key(item: tuple[int, object]) -> tuple[str, str | None]:
        index, text = item
        return f"#{index}", check_text(text)

    for (index, text), outcome in process(
        numbered, key, task, processes=processes, batch_chars=batch_chars
    ):
        if outcome.error is not None:
            if errors == "raise":
                where = f"document #{index}"
                raise DocumentError(where, outcome.error)
            yield text
        else:
            yield text if outcome.text is None else outcome.text
