"""Dask support (``pip install "mtclean[dask]"``): see :mod:`mtclean.corpus.dask`."""

from __future__ import annotations

from .corpus.dask import *  # noqa: F403
from .corpus.dask import __all__ as __all__
