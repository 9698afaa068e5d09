"""Clean texts with Dask: a bag of texts, or a text column of a Dask dataframe.

Needs the optional extra: ``pip install 'mtclean[dask]'``. Each Dask task
cleans a whole partition, so a task carries real work (one task per document
costs more in scheduling than the cleaning itself); :func:`bag_of_texts` makes
partitions of a good size from any sequence. Every worker process builds the
pipeline once and reuses it for all its partitions; what the pipeline is made of
(options, packs, a pipeline of your own) travels to each worker once, not with
every task. :func:`prepare` builds it on every worker before the first
computation (building the default pipeline takes seconds).

Partition size: a task should carry about a second of work, 200 to 1,000 news
articles of a few KB (0.5 to 4 MB of text), and there should be at least four
times as many partitions as worker threads, so that no worker waits for another
at the end. Smaller partitions spend more of the time in scheduling; much larger
ones leave workers idle at the end and hold more text in memory.

A document that fails (for instance a user pattern that times out) is kept
unchanged with ``errors="keep"`` (the default here, so one bad document does
not fail a whole partition) or raises :class:`~mtclean.corpus.DocumentError`
with ``errors="raise"``.

Usage::

    from dask.distributed import Client
    import dask.bag as db
    from mtclean.dask import bag_of_texts, clean_bag, clean_column

    client = Client("tcp://scheduler:8786")
    prepare(client, source_lang="nl")    # optional: build the pipeline on each worker now
    cleaned = clean_bag(bag_of_texts(texts), source_lang="nl").compute()
    ddf = clean_column(ddf, "text")      # lazily; .compute() or .to_parquet(...)
"""

from __future__ import annotations

import hashlib
import importlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..pipeline import Pipeline
from .engine import DocumentError, Task, run_many

__all__ = ["DOCS_PER_TASK", "bag_of_texts", "clean_bag", "clean_column", "prepare"]

#: Documents per partition made by :func:`bag_of_texts` (news articles of a few KB:
#: about a second of work per task).
DOCS_PER_TASK = 400


@dataclass(frozen=True)
class _Job:
    """What each task receives: the task, and a token naming the pipeline it builds."""

    token: str
    task: Task
    errors: str


_PIPELINES: dict[str, Pipeline] = {}


def _pipeline(job: _Job) -> Pipeline:
    """The job's pipeline, built once per worker process and call."""
    pipeline = _PIPELINES.get(job.token)
    if pipeline is None:
        if len(_PIPELINES) > 8:
            _PIPELINES.clear()
        pipeline = _PIPELINES[job.token] = job.task.build()
    return pipeline


def _clean_texts(texts: Iterable[Any], job: _Job) -> list[Any]:
    """Clean one partition; values that are not ``str`` (None, NaN) pass through."""
    pipeline = _pipeline(job)
    values = list(texts)
    jobs = [(f"#{i}", text) for i, text in enumerate(values) if isinstance(text, str)]
    outcomes = iter(run_many(pipeline, job.task, jobs))
    out: list[Any] = []
    for i, text in enumerate(values):
        if not isinstance(text, str):
            out.append(text)
            continue
        outcome = next(outcomes)
        if outcome.error is not None:
            if job.errors == "raise":
                where = f"a document of a partition (#{i})"
                raise DocumentError(where, outcome.error)
            out.append(text)
        else:
            out.append(text if outcome.text is None else outcome.text)
    return out


def _shared(job: _Job) -> Any:
    """``job`` as one Dask key: sent to each worker once, not pickled into every task."""
    delayed = importlib.import_module("dask").delayed
    return delayed(job, name=f"mtclean-job-{job.token}", traverse=False)


def _clean_series(series: Any, job: _Job) -> Any:
    pd = importlib.import_module("pandas")
    cleaned = _clean_texts(series.tolist(), job)
    return pd.Series(cleaned, index=series.index, name=series.name, dtype=series.dtype)


def _job(pipeline: Pipeline | None, errors: str, options: dict[str, Any]) -> _Job:
    if errors not in ("raise", "keep"):
        msg = f"errors must be 'raise' or 'keep', not {errors!r}"
        raise ValueError(msg)
    if pipeline is not None and options:
        msg = "give either pipeline= or options for the default pipeline, not both"
        raise TypeError(msg)
    task = Task(options=tuple(sorted(options.items())), pipeline=pipeline)
    task.build()  # configuration errors here, not on a worker
    return _Job(secrets.token_hex(8), task, errors)


def bag_of_texts(texts: Sequence[str], *, docs_per_task: int = DOCS_PER_TASK) -> Any:
    """A ``dask.bag.Bag`` of ``texts`` in partitions of ``docs_per_task`` documents."""
    db = importlib.import_module("dask.bag")
    return db.from_sequence(texts, partition_size=max(1, docs_per_task))


def clean_bag(
    bag: Any,
    *,
    pipeline: Pipeline | None = None,
    errors: str = "keep",
    **options: Any,
) -> Any:
    """A lazy bag of the cleaned texts of ``bag`` (same order, same partitions).

    One task per partition: give partitions of some hundreds of documents
    (:func:`bag_of_texts`, or ``bag.repartition(...)``).
    """
    job = _job(pipeline, errors, options)
    return bag.map_partitions(_clean_texts, _shared(job))


def clean_column(
    df: Any,
    column: str = "text",
    *,
    out_column: str | None = None,
    pipeline: Pipeline | None = None,
    errors: str = "keep",
    **options: Any,
) -> Any:
    """A lazy dataframe with ``column`` cleaned (into ``out_column`` if given).

    Other columns are kept as they are; missing values pass through.
    """
    job = _job(pipeline, errors, options)
    series = df[column]
    cleaned = series.map_partitions(_clean_series, _shared(job), meta=series._meta)
    return df.assign(**{out_column or column: cleaned})


def prepare(
    client: Any, *, pipeline: Pipeline | None = None, warm: Sequence[str] = (), **options: Any
) -> None:
    """Build the pipeline for ``options`` on every worker of ``client`` now.

    Without it, each worker builds the pipeline in its first task. Workers that
    join later build it when they start. ``warm`` texts are cleaned once on each
    worker, so that the patterns steps compile on first use are compiled too.
    Cleaning then takes the same ``options`` (or the same ``pipeline``): with
    :func:`clean_bag` and :func:`clean_column`, the default pipeline is built once
    per worker process and set of options; a ``pipeline`` of your own is unpickled
    once per worker and call, so give it here only to check that it unpickles.
    """
    job = _job(pipeline, "keep", options)
    plugin = importlib.import_module("mtclean.corpus.dask_plugin")
    what = job.token if pipeline is not None else repr(job.task.options)
    name = "mtclean-prepare-" + hashlib.sha256(what.encode()).hexdigest()[:16]
    client.register_plugin(plugin.Prepare(job.task, tuple(warm)), name=name)
