"""Reading input and writing output files without ever losing data.

Output files are written atomically: a temporary file in the same directory is
written, flushed and fsynced, then renamed over the target. A crash or Ctrl-C
midway leaves the old file (or no file) in place, never a half-written one.

A process killed with SIGKILL cannot remove its own temporary file, so long runs
start a :class:`Janitor`: a small helper process told the name of every temporary
file before it is created; when the main process goes away without releasing a
name (killed, crashed), the janitor removes that file.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import secrets
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from ..errors import InputError, MtcleanError

__all__ = [
    "Janitor",
    "OutputError",
    "Source",
    "atomic_output",
    "decode",
    "find_inputs",
    "output_problem",
    "read_text",
    "sync_directory",
    "temp_mark",
    "write_atomic",
]

TEMP_MARK = ".mtclean-"


class OutputError(MtcleanError):
    """An output file or stream that cannot be written (full disk, no such folder, ...)."""

    exit_code = 1


def flush(stream: IO[str] | IO[bytes], name: str) -> None:
    """Flush ``stream``; a full disk or a closed device becomes an :class:`OutputError`
    naming ``name`` (a broken pipe is left to the caller, who exits quietly)."""
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        msg = f"cannot write to {name}: {exc.strerror or exc}"
        raise OutputError(msg) from exc


def output_problem(path: str | Path) -> str | None:
    """Why ``path`` cannot be written as a file, or ``None`` if it looks writable.

    >>> output_problem("/")
    'is a directory; give a file name'
    >>> output_problem("/no/such/folder/out.txt")
    "folder '/no/such/folder' does not exist"
    """
    target = Path(path)
    if target.is_dir():
        return "is a directory; give a file name"
    parent = target.parent if str(target.parent) else Path()
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        return f"folder {str(parent)!r} {what}"
    return None


def _write_error(target: Path, exc: OSError) -> OutputError:
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return OutputError(f"{target}: is a directory; give a file name")
    return OutputError(f"{target}: cannot write: {exc.strerror or exc}")


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


class Janitor:
    """A helper process that removes temporary files left behind by a killed writer.

    Names are registered before the file is created and released once it was
    renamed or removed; whatever is still registered when this process's end of
    the pipe closes (normal exit, crash, SIGKILL) is unlinked by the helper.
    Folders where worker processes write temporary files of their own are
    *watched* instead: when this process is gone without :meth:`close` (killed),
    the helper waits for its workers to notice and stop (they check every 0.2 s),
    then removes their temporary files, twice, a second apart.
    """

    _CODE = (
        "import os, signal, sys, time\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "pending, watched, orderly = set(), set(), False\n"
        "for line in sys.stdin.buffer:\n"
        "    op, path = line[:1], bytes.fromhex(line[1:].strip().decode())\n"
        "    if op == b'*':\n"
        "        watched.add(tuple(path.split(b'\\0')))\n"
        "    elif op == b'=':\n"
        "        orderly = True\n"
        "    else:\n"
        "        (pending.add if op == b'+' else pending.discard)(path)\n"
        "def sweep():\n"
        "    for folder, mark in watched:\n"
        "        try:\n"
        "            names = os.listdir(folder)\n"
        "        except OSError:\n"
        "            continue\n"
        "        for name in names:\n"
        "            if mark in name and name.endswith(b'.tmp'):\n"
        "                pending.add(os.path.join(folder, name))\n"
        "    for path in pending:\n"
        "        try:\n"
        "            os.unlink(path)\n"
        "        except OSError:\n"
        "            pass\n"
        "    pending.clear()\n"
        "for wait in (0.0,) if orderly or not watched else (1.0, 1.0):\n"
        "    time.sleep(wait)\n"
        "    sweep()\n"
    )

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-c", self._CODE],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )

    def _send(self, op: str, path: str) -> None:
        if self._proc is None or self._proc.stdin is None:
            return
        line = f"{op}{os.fsencode(path).hex()}\n".encode()
        with contextlib.suppress(OSError):
            os.write(self._proc.stdin.fileno(), line)

    def register(self, path: str) -> None:
        """Say that ``path`` is about to be created as a temporary file."""
        self._send("+", path)

    def release(self, path: str) -> None:
        """Say that ``path`` no longer needs removing (renamed into place or deleted)."""
        self._send("-", path)

    def watch(self, folder: str, mark: str) -> None:
        """Say that temporary files whose names hold ``mark`` (see :func:`temp_mark`) may
        be created in ``folder`` by other processes: any left there are removed."""
        self._send("*", f"{folder}\0{mark}")

    def close(self) -> None:
        """Stop the helper (it removes any path still registered). Call it once no
        worker process writes any more."""
        self._send("=", "")
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)

    def __enter__(self) -> Janitor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def temp_mark(run: str = "") -> str:
    """What the names of this process's temporary files hold (with ``run``: those of
    one run, whichever process writes them).

    >>> temp_mark("ab12").endswith("-ab12")
    True
    """
    return f"{TEMP_MARK}{os.getpid()}" + (f"-{run}" if run else "")


def sync_directory(directory: Path) -> None:
    """Flush ``directory``'s entries (the renames into it) to disk; errors are ignored."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_output(
    path: str | Path,
    *,
    backup: str | None = None,
    janitor: Janitor | None = None,
    sync_dir: bool = True,
    mark: str | None = None,
) -> Iterator[AtomicFile]:
    """Write ``path`` atomically through a binary handle.

    The data goes to a temporary file beside ``path``; on a normal exit of the
    ``with`` block it is fsynced and renamed over ``path`` (keeping the mode of a
    file it replaces; with ``backup``, the old file stays as ``path + backup``),
    then the folder is fsynced too, unless ``sync_dir`` is false (a caller writing
    many files into one folder calls :func:`sync_directory` once at the end).
    The temporary file's name holds ``mark`` (default: :func:`temp_mark`).
    An exception, or :meth:`AtomicFile.discard`, removes the temporary file and
    leaves ``path`` untouched.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path()
    problem = output_problem(target)
    if problem is not None:
        msg = f"{target}: {problem}"
        raise OutputError(msg)
    tmp = directory / f".{target.name}{mark or temp_mark()}-{secrets.token_hex(4)}.tmp"
    if janitor is not None:
        janitor.register(str(tmp.absolute()))
    handle: BinaryIO | None = None
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as exc:
            raise _write_error(target, exc) from exc
        handle = os.fdopen(fd, "wb")
        out = AtomicFile(handle, name=str(target))
        yield out
        if out.discarded:
            handle.close()
            tmp.unlink()
            return
        try:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            with contextlib.suppress(OSError):
                tmp.chmod(target.stat().st_mode & 0o7777)
            if backup and target.exists():
                _make_backup(target, Path(f"{target}{backup}"))
            tmp.replace(target)
        except OSError as exc:
            raise _write_error(target, exc) from exc
        if sync_dir:
            sync_directory(directory)
    except BaseException:
        if handle is not None:
            with contextlib.suppress(OSError, ValueError):
                handle.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        if janitor is not None:
            janitor.release(str(tmp.absolute()))


def _make_backup(target: Path, backup: Path) -> None:
    """Keep ``target``'s current content as ``backup`` (a hard link where possible).

    An existing backup is never replaced: it holds the file as it was before the
    first run, which a second run (after an interruption, say) must not lose.
    """
    if backup.exists():
        return
    try:
        os.link(target, backup)
    except OSError:
        backup.write_bytes(target.read_bytes())


@dataclass
class AtomicFile:
    """The handle :func:`atomic_output` yields: ``write`` bytes, or ``discard`` them all."""

    handle: BinaryIO | IO[bytes]
    name: str = "<output>"
    discarded: bool = False
    written: int = 0

    def write(self, data: bytes) -> None:
        """Append ``data`` to the temporary file."""
        try:
            self.handle.write(data)
        except OSError as exc:
            raise _write_error(Path(self.name), exc) from exc
        self.written += len(data)

    def flush(self) -> None:
        """Flush buffered data to the temporary file (the rename fsyncs it)."""
        try:
            self.handle.flush()
        except OSError as exc:
            raise _write_error(Path(self.name), exc) from exc

    def discard(self) -> None:
        """Leave the target untouched: the temporary file is removed at the end."""
        self.discarded = True


def write_atomic(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically, keeping the mode of a file it replaces."""
    with atomic_output(path) as out:
        out.write(text.encode(encoding))


@dataclass(frozen=True)
class Source:
    """One input: a file path (or ``-`` for standard input) and its path below an output tree."""

    path: str
    relative: str

    @property
    def is_stdin(self) -> bool:
        """Whether this input is standard input."""
        return self.path == "-"

    @property
    def name(self) -> str:
        """The name used in reports."""
        return "<stdin>" if self.is_stdin else self.path

    def size(self) -> int:
        """The input's size in bytes (0 for standard input or an unreadable file)."""
        if self.is_stdin:
            return 0
        try:
            return Path(self.path).stat().st_size
        except OSError:
            return 0


def _matches(relative: str, patterns: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def find_inputs(
    paths: Sequence[str],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Source]:
    """Expand ``paths`` into input files, walking directories recursively in sorted order.

    Inside directories, hidden files and folders (names starting with ``.``) are
    skipped; ``include`` globs keep only matching files and ``exclude`` globs drop
    files (a glob matches the file name or its path below the directory).
    Files named on the command line are always taken; the directory ``skip``
    (an output tree inside an input tree) is never walked. Inside directories,
    what is not a regular file (a FIFO, a socket, a device) is skipped and
    passed to ``warn``.
    """
    sources: list[Source] = []
    for raw in paths or ["-"]:
        if raw == "-":
            sources.append(Source("-", "-"))
            continue
        path = Path(raw)
        if path.is_dir():
            sources.extend(_walk(path, include, exclude, skip, warn))
        elif path.exists():
            sources.append(Source(raw, path.name))
        else:
            msg = f"{raw}: no such file or directory"
            raise InputError(msg)
    return sources


def _walk(
    root: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    skip: Path | None,
    warn: Callable[[str], None] | None,
) -> Iterator[Source]:
    skipped = skip.resolve() if skip is not None else None
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (base / d).resolve() != skipped
        )
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            if not (base / filename).is_file():  # FIFOs, sockets and devices are not documents
                if warn is not None:
                    warn(f"{base / filename}: not a regular file, skipped")
                continue
            relative = (base / filename).relative_to(root).as_posix()
            if include and not _matches(relative, include):
                continue
            if exclude and _matches(relative, exclude):
                continue
            yield Source(str(base / filename), relative)
