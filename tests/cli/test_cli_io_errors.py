"""Ordinary I/O faults end in one ``mtclean: error:`` line, never a traceback or a half file."""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path

import pytest

from mtclean.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "rules" / "good-demo.toml"
TEXT = "The Navo summit met on Tuesday.\n"


@pytest.fixture
def src(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("mtclean: error: "), err
    return err


def _corpus(tmp_path: Path, name: str = "corpus") -> Path:
    """A folder holding one text, a.txt."""
    corpus = tmp_path / name
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    return corpus


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if ".mtclean-" in p.name)


def test_missing_parent_of_output_file(
    src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-dir" / "out.txt"
    assert main(["clean", str(src), "-o", str(target)]) == 2
    err = _error(capsys)
    assert "no-such-dir" in err and "does not exist" in err
    assert not target.parent.exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_path_is_a_directory(
    src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    """A mirrored target that is a folder (written by this process, or by a worker), and
    --stats-json naming a folder."""
    out = tmp_path / "out"
    (out / "a.txt").mkdir(parents=True)
    assert main(["clean", str(src), "-o", f"{out}/", "--rules", str(DEMO), "-j", jobs]) == 1
    assert "is a directory" in _error(capsys)
    assert (out / "a.txt").is_dir()
    assert _leftovers(tmp_path) == []
    stats = tmp_path / "stats"
    stats.mkdir()
    assert main(["clean", str(src), "--stats-json", str(stats)]) == 2
    assert "is a directory" in _error(capsys)
    assert list(stats.iterdir()) == []


def test_a_folder_written_to_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder of inputs with -o naming a file: a usage error; the file stays as it was."""
    corpus = _corpus(tmp_path)
    taken = tmp_path / "a.txt"
    taken.write_text("keep me\n", encoding="utf-8")
    assert main(["clean", str(corpus), "-o", str(taken)]) == 2
    assert "a folder of inputs is written to a folder, and this is a file" in _error(capsys)
    assert taken.read_text(encoding="utf-8") == "keep me\n"


def test_learned_pack_output_is_a_directory(
    src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "packs"
    out.mkdir()
    assert main(["learn-boilerplate", str(src), "-o", str(out)]) == 2
    assert "is a directory" in _error(capsys)


class _FullStream(io.RawIOBase):
    """A standard output on a full disk."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_stdout_on_a_full_disk(
    src: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = io.TextIOWrapper(io.BufferedWriter(_FullStream()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", full)
    assert main(["clean", str(src), "--rules", str(DEMO)]) == 1
    err = _error(capsys)
    assert "standard output" in err and "No space left on device" in err


def test_stdout_broken_pipe(
    src: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Broken(_FullStream):
        def write(self, data: object) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(Broken())))
    assert main(["clean", str(src)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_unwritable_output_directory(
    src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory mtclean may not write to (simulated: tests may run as root)."""
    real_open = os.open

    def deny(path: object, flags: int, *args: object) -> int:
        if ".mtclean-" in str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    out = tmp_path / "out.txt"
    assert main(["clean", str(src), "-o", str(out), "--rules", str(DEMO)]) == 1
    assert "Permission denied" in _error(capsys)
    assert not out.exists()
    assert main(["clean", str(src), "--in-place", "--rules", str(DEMO)]) == 1
    assert "Permission denied" in _error(capsys)
    assert src.read_text(encoding="utf-8") == TEXT


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_directory(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(["clean", str(src), "-o", str(folder / "x.txt")]) == 1
        assert "Permission denied" in _error(capsys)
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_folder_is_skipped_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path, "in")
    os.mkfifo(corpus / "pipe.txt")
    out = tmp_path / "out"
    assert main(["clean", str(corpus), "-o", f"{out}/", "--rules", str(DEMO)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.txt"]
    err = capsys.readouterr().err
    assert f"mtclean: warning: {corpus / 'pipe.txt'}: not a regular file, skipped" in err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_in_place_on_a_symlink_cleans_the_target(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to("target.txt")
    assert main(["clean", str(link), "--in-place", "--rules", str(DEMO)]) == 0
    assert link.is_symlink()
    assert os.readlink(link) == "target.txt"
    assert target.read_text(encoding="utf-8") == "The NATO summit met on Tuesday.\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_in_place_on_a_folder_with_a_link_and_its_target(tmp_path: Path) -> None:
    """The link and its target name one file: it is cleaned once, its backup kept once."""
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").symlink_to("b.txt")
    argv = ["clean", str(tmp_path), "--in-place", "--backup", ".orig", "--rules", str(DEMO)]
    assert main(argv) == 0
    assert (tmp_path / "a.txt").is_symlink()
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "The NATO summit met on Tuesday.\n"
    assert (tmp_path / "b.txt.orig").read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "b.txt.orig"]
