"""A small on-disk cache for what mtclean builds from its own data files.

Entries are ``marshal`` data (plain strings, numbers, tuples, lists and dicts:
reading one never runs code) behind a key that names everything the data was
built from (mtclean's version, the source files' sizes and modification times,
the code that built it) and a digest of the data. An entry whose key differs is
stale; a stale, truncated, corrupt (its digest differs) or unreadable entry is
ignored (and rebuilt by the caller), never an error. Writes go to a temporary
file in the cache folder and are renamed into place, so readers never see half an
entry.

Where the cache lives: ``$MTCLEAN_CACHE_DIR`` if set (``off`` turns caching
off), else the user cache folder (``$XDG_CACHE_HOME/mtclean`` or
``~/.cache/mtclean``; ``~/Library/Caches/mtclean`` on macOS,
``%LOCALAPPDATA%\\mtclean\\Cache`` on Windows).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     cache = DiskCache(Path(tmp))
...     cache.store("demo", "key-1", {"a": (1, 2)})
...     cache.load("demo", "key-1"), cache.load("demo", "key-2")
({'a': (1, 2)}, None)
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .gcpause import paused_gc

__all__ = ["ENV", "FORMAT", "DiskCache", "default_cache", "file_stamp", "fingerprint"]

#: The environment variable that moves the cache (``off``: no cache).
ENV = "MTCLEAN_CACHE_DIR"
#: Bumped whenever the layout of an entry changes.
FORMAT = 2
_MAGIC = b"mtclean-cache\n"
_DIGEST_SIZE = 16


def _digest(body: bytes | memoryview) -> bytes:
    """The checksum stored before an entry's data."""
    return hashlib.blake2b(body, digest_size=_DIGEST_SIZE).digest()


def default_dir() -> Path | None:
    """The cache folder for this user and platform, or ``None`` when caching is off
    (read from the environment on every call)."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "off", "0", "no", "false") else Path(value)
    home = Path.home()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "mtclean" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "mtclean"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache") / "mtclean"


def fingerprint(*parts: Any) -> str:
    """A short, stable digest of ``parts`` (their ``repr``), for cache keys.

    >>> fingerprint("a", 1) == fingerprint("a", 1) != fingerprint("a", 2)
    True
    """
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def file_stamp(path: str | os.PathLike[str]) -> tuple[str, int, int]:
    """A file's name, size and modification time (nanoseconds): it changes when the file
    does (``("", -1, -1)`` for a file that cannot be read)."""
    try:
        stat = Path(path).stat()
    except OSError:
        return ("", -1, -1)
    return (os.fspath(path), stat.st_size, stat.st_mtime_ns)


def _version() -> str:
    package = sys.modules.get("mtclean")
    return str(getattr(package, "__version__", "unknown"))


@dataclass(frozen=True)
class DiskCache:
    """Cache entries in ``folder`` (``None``: caching off, every load misses)."""

    folder: Path | None

    def _path(self, name: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{name}.v{FORMAT}.marshal"

    def _full_key(self, key: str) -> bytes:
        return f"{_version()} {FORMAT} {key}\n".encode()

    def load(self, name: str, key: str) -> Any:
        """The entry ``name`` if it was stored under ``key``, else ``None``."""
        path = self._path(name)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head = _MAGIC + self._full_key(key)
        if not data.startswith(head):
            return None  # stale (another key or version) or not an entry at all
        body = memoryview(data)[len(head) + _DIGEST_SIZE :]
        if data[len(head) : len(head) + _DIGEST_SIZE] != _digest(body):
            return None  # a changed or missing byte (even one marshal would still read)
        try:
            with paused_gc():  # many small objects at once: no reason to collect meanwhile
                return marshal.loads(body)
        except (EOFError, ValueError, TypeError):
            return None  # truncated or corrupt: rebuilt by the caller

    def store(self, name: str, key: str, value: Any) -> None:
        """Store ``value`` (marshal data) as entry ``name`` under ``key``; a folder that
        cannot be written is skipped silently (the next process rebuilds)."""
        path = self._path(name)
        if path is None:
            return
        try:
            body = marshal.dumps(value)
        except ValueError:
            return  # not marshal data: not cached
        payload = _MAGIC + self._full_key(key) + _digest(body) + body
        tmp = ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                out.write(payload)
            Path(tmp).replace(path)
        except OSError:
            if tmp:
                Path(tmp).unlink(missing_ok=True)


def default_cache() -> DiskCache:
    """The cache in :func:`default_dir` (read from the environment on every call)."""
    return DiskCache(default_dir())
