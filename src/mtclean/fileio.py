"""Reading input and writing output files without ever losing data.

Output files are written atomically: a temporary file in the same directory is
written, flushed and fsynced, then renamed over the target. A crash or Ctrl-C
midway leaves the old file (or no file) in place, never a half-written one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["decode", "read_text", "write_atomic"]


def decode(data: bytes, *, name: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Decode ``data``; an undecodable byte raises :class:`InputError` saying where and what to do.

    >>> decode(b"caf\\xc3\\xa9", name="x")
    'café'
    >>> decode(b"caf\\xe9", name="x.txt")
    Traceback (most recent call last):
    ...
    mtclean.errors.InputError: x.txt: cannot decode byte 0xe9 at offset 3 as utf-8; ...
    """
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        msg = (
            f"{name}: cannot decode byte 0x{bad} at offset {exc.start} as {encoding}; "
            f"give the right --encoding, or --errors replace to keep going"
        )
        raise InputError(msg) from exc
    except LookupError as exc:
        msg = f"unknown encoding or error handler: {exc}"
        raise InputError(msg) from exc


def read_text(path: str, *, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Read a file (``-`` is standard input) and decode it."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), name="<stdin>", encoding=encoding, errors=errors)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read: {exc.strerror or exc}"
        raise InputError(msg) from exc
    return decode(data, name=path, encoding=encoding, errors=errors)


def write_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, keeping the mode of a file it replaces."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            Path(tmp).chmod(target.stat().st_mode & 0o7777)
        Path(tmp).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
