"""Pausing the cyclic garbage collector while many small objects are built at once.

Loading a rule pack, a cache entry or a gazetteer creates hundreds of thousands of
small objects and no cycles; collections triggered midway would scan them again
and again (a 100,000-rule pack loads about a sixth faster without them).

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    Afterwards the new objects are moved to the oldest generation without a scan
    (``freeze`` then ``unfreeze``), where the next collection would otherwise examine
    every one of them at once. A collector paused by the caller stays paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:  # nobody else froze objects: unfreezing is safe
                gc.freeze()
                gc.unfreeze()
            gc.enable()
