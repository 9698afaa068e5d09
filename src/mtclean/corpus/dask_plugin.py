"""The Dask worker plugin of :func:`mtclean.corpus.dask.prepare` (imports ``distributed``)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from .engine import Task


class Prepare(WorkerPlugin):
    """Build ``task``'s pipeline when a worker starts (and clean ``warm`` with it)."""

    def __init__(self, task: Task, warm: tuple[str, ...] = ()) -> None:
        self.task = task
        self.warm = warm

    def setup(self, worker: Any) -> None:
        """Build the pipeline in the worker's process (cached there for later tasks)."""
        pipeline = self.task.build()
        pipeline.warm_up()
        for text in self.warm:
            pipeline(text)
