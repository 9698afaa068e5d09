"""The kinds of rule pack mtclean knows, and the loader bound to them.

Each kind's :class:`~mtclean.rulepacks.model.KindSpec` lives beside the normalizer
that consumes it; this module collects them and hands them to the loader, so
``load_rules`` here accepts every kind (``mtclean.load_rules`` is this function).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from .boilerplate.remover import KIND as BOILERPLATE
from .names.kind import KIND as NAMES
from .names.table import load_name_table
from .rulepacks import loader
from .rulepacks.loader import available_packs
from .rulepacks.model import KindSpec, RulePack
from .terms.kind import KIND as TERMS

__all__ = ["KINDS", "available_packs", "load_rules", "parse_rules"]

KINDS: tuple[KindSpec, ...] = (TERMS, BOILERPLATE, NAMES)
#: File endings of name tables (read as CSV/TSV, not TOML).
TABLES = (".tsv", ".csv")


def load_rules(name_or_path: str | Path | RulePack) -> RulePack:
    """Load, validate and compile a rule pack of any kind, once.

    ``name_or_path`` is a bundled pack's name (``"terms-nl"``), a path to a TOML
    file, a path to a CSV/TSV name table (``people.tsv``: a ``kind = "names"``
    pack named after the file), or an already loaded :class:`RulePack` (returned
    as is). Packs are cached: a bundled pack by name, a file by path and
    modification time.

    >>> load_rules("terms-nl").kind
    'terms'
    """
    if isinstance(name_or_path, (str, Path)) and str(name_or_path).lower().endswith(TABLES):
        path = Path(name_or_path)
        try:
            stat = path.stat()
        except OSError:
            return load_name_table(path)  # reports the error
        return _load_table(str(path.resolve()), stat.st_mtime_ns, stat.st_size, str(path))
    return loader.load_rules(name_or_path, kinds=KINDS)


@functools.lru_cache(maxsize=64)
def _load_table(resolved: str, mtime_ns: int, size: int, shown: str) -> RulePack:
    pack = load_name_table(resolved)
    return replace(pack, source=shown)


def parse_rules(text: str, *, source: str = "<rules>", bundled: bool = False) -> RulePack:
    """Parse and validate the TOML text of a rule pack of any kind (``bundled``: a pack
    mtclean ships, such as one its generators write; it may take a bundled name)."""
    return loader.parse_rules(text, kinds=KINDS, source=source, bundled=bundled)
