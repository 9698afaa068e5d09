"""The on-disk cache: where it lives, and that a stale, corrupt or unwritable entry is
never an error (tests use temporary folders only)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from mtclean import diskcache
from mtclean.diskcache import ENV, DiskCache, default_dir


def test_env_moves_and_disables_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "c"))
    assert default_dir() == tmp_path / "c"
    for off in ("off", "OFF", " off ", "0", ""):
        monkeypatch.setenv(ENV, off)
        assert default_dir() is None
        assert diskcache.default_cache().load("x", "k") is None


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG layout")
def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_dir() == tmp_path / "mtclean"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_dir() == tmp_path / "home" / ".cache" / "mtclean"


def test_round_trip_and_stale_keys(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    value = {"word": ("nl", "de"), "n": [1, 2.5, True, None], "b": b"x"}
    cache.store("entry", "key-1", value)
    assert cache.load("entry", "key-1") == value
    assert cache.load("entry", "key-2") is None
    assert cache.load("other", "key-1") is None
    cache.store("entry", "key-2", [3])
    assert cache.load("entry", "key-2") == [3]
    assert cache.load("entry", "key-1") is None
    assert [p.name for p in tmp_path.iterdir()] == ["entry.v2.marshal"]  # no temp files


def test_another_version_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = DiskCache(tmp_path)
    cache.store("entry", "key", [1])
    monkeypatch.setattr(diskcache, "_version", lambda: "99.0")
    assert cache.load("entry", "key") is None


def test_corrupt_or_truncated_entries_are_ignored(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.store("entry", "key", {"a": "b" * 100})
    path = tmp_path / "entry.v2.marshal"
    whole = path.read_bytes()
    for broken in (whole[:-10], whole[:5], b"", b"\x00" * 50, whole[:-60] + b"\xff" * 60):
        path.write_bytes(broken)
        assert cache.load("entry", "key") is None
    cache.store("entry", "key", {"a": "b"})  # rebuilt over the broken file
    assert cache.load("entry", "key") == {"a": "b"}


def test_values_marshal_cannot_store_are_not_cached(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.store("entry", "key", object())
    assert cache.load("entry", "key") is None
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anyway")
def test_an_unwritable_folder_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        cache = DiskCache(folder)
        cache.store("entry", "key", [1])  # no error
        assert cache.load("entry", "key") is None
    finally:
        folder.chmod(0o700)


def test_a_folder_that_is_a_file_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = DiskCache(blocker / "sub")
    cache.store("entry", "key", [1])  # no error
    assert cache.load("entry", "key") is None


def test_file_stamp_changes_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("one")
    first = diskcache.file_stamp(path)
    path.write_text("one two")
    assert diskcache.file_stamp(path) != first
    assert diskcache.file_stamp(tmp_path / "missing") == ("", -1, -1)


def test_a_changed_byte_that_still_reads_as_marshal_is_ignored(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.store("entry", "key", {"term": "NATO"})
    path = next(tmp_path.iterdir())
    whole = path.read_bytes()
    path.write_bytes(whole.replace(b"NATO", b"NAT0"))  # same size, still valid marshal
    assert cache.load("entry", "key") is None
