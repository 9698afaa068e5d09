"""Every test run (tests/ and the doctests in src/) keeps mtclean's on-disk cache in a
fresh temporary folder, never in the user's cache folder. Without the ``dask`` extra,
the Dask worker plugin (which imports ``distributed``) is not collected for doctests."""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="mtclean-test-cache-")
os.environ["MTCLEAN_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

collect_ignore = (
    [] if importlib.util.find_spec("distributed") else ["src/mtclean/corpus/dask_plugin.py"]
)
