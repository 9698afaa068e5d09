"""The CLI under repeated runs and odd inputs: backups kept, FIFOs skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtclean.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "rules" / "good-demo.toml"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_in_place_backup_run_twice_keeps_the_original(tmp_path: Path, jobs: str) -> None:
    """A second run does not clean the backups and does not replace them (whether this
    process writes the files or its workers do)."""
    (tmp_path / "a.txt").write_text("The Navo summit met.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The Navo summit left.\n", encoding="utf-8")
    argv = ["clean", str(tmp_path), "--in-place", "--backup", ".orig", "--rules", str(DEMO)]
    argv += ["-j", jobs]
    assert main(argv) == 0
    (tmp_path / "b.txt").write_text("The Navo summit came back.\n", encoding="utf-8")
    assert main(argv) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["a.txt", "a.txt.orig", "b.txt", "b.txt.orig"]
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == "The Navo summit met.\n"
    assert (tmp_path / "b.txt.orig").read_text(encoding="utf-8") == "The Navo summit left.\n"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "The NATO summit came back.\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_an_input_directory_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("The Navo summit met.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    out = tmp_path / "out"
    assert main(["clean", str(tmp_path), "-o", f"{out}/", "--rules", str(DEMO)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_in_place_leaves_unchanged_files_alone(tmp_path: Path, jobs: str) -> None:
    """--in-place rewrites only the files it changes: the others keep their inode."""
    clean = tmp_path / "clean.txt"
    clean.write_text("The summit met on Tuesday.\n", encoding="utf-8")
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("The Navo summit met.\n", encoding="utf-8")
    before = clean.stat().st_ino, damaged.stat().st_ino
    argv = ["clean", str(tmp_path), "--in-place", "--rules", str(DEMO), "-q", "-j", jobs]
    assert main(argv) == 0
    assert clean.stat().st_ino == before[0]
    assert damaged.stat().st_ino != before[1]
    assert damaged.read_text(encoding="utf-8") == "The NATO summit met.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.txt", "damaged.txt"]
