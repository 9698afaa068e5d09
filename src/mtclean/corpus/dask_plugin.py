"""The Dask worker plugin of :func:`mtclean.corpus.dask.prepare` (imports ``distributed``)."""

from __future__ import annotations

import gc
from typing import Any

from distributed import WorkerPlugin

from .engine import Task


class Prepare(WorkerPlugin):
    """Build ``task``'s pipeline when a worker starts (and clean ``warm`` with it)."""

    def __init__(self, task: Task, warm: tuple[str, ...] = ()) -> None:
        self.task = task
        self.warm = warm

    def setup(self, worker: Any) -> None:
        """Build the pipeline in the worker's process (cached there for later tasks).

        What exists then is kept for the life of the worker, so the garbage
        collector is told to leave it alone (``gc.freeze``): its full collections
        then no longer walk the pipeline's tables.
        """
        pipeline = self.task.build()
        pipeline.warm_up()
        for text in self.warm:
            pipeline(text)
        gc.collect()  # garbage of the warm-up texts is not frozen with it
        gc.freeze()
