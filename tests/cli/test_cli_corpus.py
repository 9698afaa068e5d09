"""``mtclean clean`` over corpora: directories, JSONL, -o DIR, --in-place, reports, failures."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

import mtclean
from mtclean.cli.main import main

EVIL_PACK = """
[pack]
name = "evil"
kind = "terms"

[[rules]]
id = "backtrack"
note = "a pattern with catastrophic backtracking, on purpose"
pattern = "(?:a|a)+$"
replace = "b"
whole_word = false
"""

DAMAGED = "The Navo summit opened on Monday.\nNavo ministers met in Brussels.\n"
CLEAN = "Ministers met in Brussels on Monday and agreed on a statement.\n"
ADVERSARIAL = "a" * 30 + "!"


@pytest.fixture
def evil_pack(tmp_path: Path) -> str:
    path = tmp_path / "evil.toml"
    path.write_text(EVIL_PACK, encoding="utf-8")
    return str(path)


def expected(text: str, pack: str) -> str:
    return mtclean.clean(text, rules=[pack])


def make_tree(root: Path) -> None:
    (root / "news" / "2024").mkdir(parents=True)
    (root / "news" / "a.txt").write_text(DAMAGED, encoding="utf-8")
    (root / "news" / "2024" / "b.txt").write_text(CLEAN, encoding="utf-8")
    (root / "news" / "2024" / "c.md").write_text(DAMAGED, encoding="utf-8")
    (root / "news" / ".hidden.txt").write_text(DAMAGED, encoding="utf-8")


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if ".mtclean-" in p.name]


class TestDirectories:
    """Directories are walked recursively; -o DIR mirrors the input tree."""

    def test_mirror_tree(self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]):
        """Every file lands at the same relative path; hidden files are skipped."""
        make_tree(tmp_path)
        out = tmp_path / "out"
        code = main(["clean", str(tmp_path / "news"), "-o", str(out), "--rules", pack, "-j", "1"])
        assert code == 0
        assert (out / "a.txt").read_text(encoding="utf-8") == expected(DAMAGED, pack)
        assert "NATO summit" in (out / "a.txt").read_text(encoding="utf-8")
        assert (out / "2024" / "b.txt").read_bytes() == CLEAN.encode()
        assert (out / "2024" / "c.md").exists()
        assert not (out / ".hidden.txt").exists()
        summary = capsys.readouterr().err.strip().splitlines()[-1]
        assert summary.startswith("mtclean: 3 documents, 2 changed, 0 lines removed")
        assert "0 failed" in summary

    def test_include_exclude(self, tmp_path: Path, pack: str):
        """--include keeps only matching files, --exclude drops files."""
        make_tree(tmp_path)
        out = tmp_path / "out"
        args = ["clean", str(tmp_path / "news"), "-o", str(out), "--rules", pack, "-q"]
        assert main([*args, "--include", "*.txt", "--exclude", "2024/*"]) == 0
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*")) == ["a.txt"]

    def test_output_inside_input_is_not_walked(self, tmp_path: Path, pack: str):
        """Writing the mirror inside the input tree does not clean the output again."""
        make_tree(tmp_path)
        news = tmp_path / "news"
        assert main(["clean", str(news), "-o", str(news / "clean") + "/", "-q"]) == 0
        assert main(["clean", str(news), "-o", str(news / "clean") + "/", "-q"]) == 0
        assert not (news / "clean" / "clean").exists()

    def test_stdout_concatenates_in_order(
        self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        """Without -o the cleaned files go to stdout one after another, in sorted order."""
        make_tree(tmp_path)
        assert main(["clean", str(tmp_path / "news"), "--rules", pack, "-q", "-j", "2"]) == 0
        want = expected(DAMAGED, pack) + CLEAN + expected(DAMAGED, pack)
        assert capsys.readouterr().out == want


class TestInPlace:
    """--in-place replaces changed files atomically and leaves the others untouched."""

    def test_in_place_with_backup(self, tmp_path: Path, pack: str):
        make_tree(tmp_path)
        a = tmp_path / "news" / "a.txt"
        b = tmp_path / "news" / "2024" / "b.txt"
        b_stat = b.stat()
        code = main(
            [
                "clean",
                str(tmp_path / "news"),
                "--in-place",
                "--backup",
                ".orig",
                "--rules",
                pack,
                "-q",
            ]
        )
        assert code == 0
        assert a.read_text(encoding="utf-8") == expected(DAMAGED, pack)
        assert (tmp_path / "news" / "a.txt.orig").read_text(encoding="utf-8") == DAMAGED
        assert b.stat().st_ino == b_stat.st_ino  # an unchanged file is not rewritten
        assert b.stat().st_mtime_ns == b_stat.st_mtime_ns
        assert not (tmp_path / "news" / "2024" / "b.txt.orig").exists()
        assert temp_files(tmp_path) == []

    def test_in_place_keeps_mode(self, tmp_path: Path, pack: str):
        f = tmp_path / "a.txt"
        f.write_text(DAMAGED, encoding="utf-8")
        f.chmod(0o640)
        assert main(["clean", str(f), "--in-place", "--rules", pack, "-q"]) == 0
        assert f.stat().st_mode & 0o777 == 0o640
        assert "NATO" in f.read_text(encoding="utf-8")

    def test_in_place_jsonl(self, tmp_path: Path, pack: str):
        f = tmp_path / "c.jsonl"
        f.write_text(json.dumps({"id": 1, "text": DAMAGED}) + "\n", encoding="utf-8")
        assert main(["clean", "--jsonl", str(f), "--in-place", "--rules", pack, "-q"]) == 0
        assert json.loads(f.read_text(encoding="utf-8"))["text"] == expected(DAMAGED, pack)
        assert temp_files(tmp_path) == []


class TestJsonl:
    """--jsonl cleans one field per record and keeps the rest of each record."""

    def test_fields_kept_and_order(
        self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        records = [
            {"id": "d1", "text": DAMAGED, "url": "https://example.org/1", "n": 1},
            {"meta": {"lang": "en"}, "text": CLEAN, "id": "d2"},
        ]
        src = tmp_path / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        assert main(["clean", "--jsonl", str(src), "--rules", pack, "-q", "-j", "1"]) == 0
        lines = capsys.readouterr().out.splitlines()
        first = json.loads(lines[0])
        assert list(first) == ["id", "text", "url", "n"]
        assert first["text"] == expected(DAMAGED, pack)
        assert first["url"] == "https://example.org/1"
        assert lines[1] == json.dumps(records[1])  # an unchanged record stays byte-identical

    def test_unchanged_records_byte_identical(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ):
        raw = '{"text": "Caf\\u00e9 society, plain prose.",   "id": 7}\n\n'
        src = tmp_path / "in.jsonl"
        src.write_text(raw, encoding="utf-8")
        assert main(["clean", "--jsonl", str(src), "-q"]) == 0
        assert capsys.readouterr().out == raw

    def test_other_field_and_id(
        self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        src = tmp_path / "in.jsonl"
        src.write_text(json.dumps({"key": "k9", "body": DAMAGED}) + "\n", encoding="utf-8")
        args = ["clean", "--jsonl", str(src), "--field", "body", "--id-field", "key"]
        assert main([*args, "--rules", pack, "--explain", "--format", "json"]) == 0
        captured = capsys.readouterr()
        assert json.loads(captured.out)["body"] == expected(DAMAGED, pack)
        changes = [json.loads(line) for line in captured.err.splitlines() if line.startswith("{")]
        assert changes and {c["doc"] for c in changes} == {"k9"}

    def test_bad_records_pass_through(
        self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        """Invalid JSON, a missing field, a non-string field: reported, kept, the run goes on."""
        lines = ["not json\n", '{"id": "x", "other": 1}\n', '{"id": "y", "text": 5}\n']
        lines.append(json.dumps({"id": "z", "text": DAMAGED}) + "\n")
        src = tmp_path / "in.jsonl"
        src.write_text("".join(lines), encoding="utf-8")
        assert main(["clean", "--jsonl", str(src), "--rules", pack]) == 1
        captured = capsys.readouterr()
        out = captured.out.splitlines(keepends=True)
        assert out[:3] == lines[:3]
        assert json.loads(out[3])["text"] == expected(DAMAGED, pack)
        assert f"{src}:1: invalid JSON" in captured.err
        assert "x: field 'text' is missing" in captured.err
        assert "y: field 'text' is of type int" in captured.err
        assert "3 failed" in captured.err

    def test_stdin_jsonl(
        self, monkeypatch: pytest.MonkeyPatch, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        data = (json.dumps({"text": DAMAGED}) + "\n").encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        assert main(["clean", "--jsonl", "--rules", pack, "-q"]) == 0
        assert json.loads(capsys.readouterr().out)["text"] == expected(DAMAGED, pack)


class TestReports:
    """--explain, --stats and --stats-json."""

    def test_explain_json_offsets(
        self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        f = tmp_path / "a.txt"
        f.write_text(DAMAGED, encoding="utf-8")
        out = tmp_path / "out.txt"
        code = main(
            ["clean", str(f), "-o", str(out), "--rules", pack, "--explain", "--format", "json"]
        )
        assert code == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        navo = [r for r in rows if r["type"] == "change" and r["rule"] == "demo/navo"]
        assert len(navo) == 2
        for row in navo:
            assert row["doc"] == str(f)
            assert DAMAGED[row["start"] : row["end"]] == "Navo"

    def test_stats(self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]):
        make_tree(tmp_path)
        stats = tmp_path / "stats.json"
        args = ["clean", str(tmp_path / "news"), "-o", str(tmp_path / "out")]
        assert main([*args, "--rules", pack, "--stats", "--stats-json", str(stats)]) == 0
        table = capsys.readouterr().out
        assert any(line.split()[:3] == ["changes", "demo/navo", "4"] for line in table.splitlines())
        data = json.loads(stats.read_text(encoding="utf-8"))
        assert data["documents"] == 3
        assert data["changed"] == 2
        assert data["changes_by_rule"]["demo/navo"] == 4
        assert data["failures"] == 0

    def test_summary_counts_findings_when_audited(
        self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        """Findings cost an audit of every step: counted with --stats, not by default."""
        make_tree(tmp_path)
        args = ["clean", str(tmp_path / "news"), "--rules", pack]
        assert main([*args, "-o", str(tmp_path / "o1")]) == 0
        assert "findings not counted (--stats counts them)" in capsys.readouterr().err
        assert main([*args, "-o", str(tmp_path / "o2"), "--stats"]) == 0
        summary = capsys.readouterr().err.strip().splitlines()[-1]
        assert summary.startswith("mtclean: 3 documents, 2 changed, 0 lines removed, ")
        assert "finding" in summary and "not counted" not in summary


class TestFailures:
    """A failing document is reported with its id, passed through unchanged; exit code 1."""

    def test_undecodable_file(self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]):
        src = tmp_path / "in"
        src.mkdir()
        (src / "bad.txt").write_bytes(b"Navo caf\xe9 latin-1 bytes\n")
        (src / "good.txt").write_text(DAMAGED, encoding="utf-8")
        out = tmp_path / "out"
        assert main(["clean", str(src), "-o", str(out), "--rules", pack, "-j", "2"]) == 1
        assert (out / "bad.txt").read_bytes() == b"Navo caf\xe9 latin-1 bytes\n"
        assert (out / "good.txt").read_text(encoding="utf-8") == expected(DAMAGED, pack)
        err = capsys.readouterr().err
        assert f"{src / 'bad.txt'}: cannot decode byte 0xe9 at offset 8" in err
        assert "1 failed" in err

    def test_undecodable_left_out_of_stdout(
        self, tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]
    ):
        """Standard output stays valid text: undecodable input is reported, not copied."""
        (tmp_path / "a.txt").write_bytes(b"caf\xe9\n")
        (tmp_path / "b.txt").write_text(DAMAGED, encoding="utf-8")
        assert (
            main(["clean", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--rules", pack]) == 1
        )
        captured = capsys.readouterr()
        assert captured.out == expected(DAMAGED, pack)
        assert "left out of standard output; the input is untouched" in captured.err
        assert (tmp_path / "a.txt").read_bytes() == b"caf\xe9\n"

    def test_undecodable_with_errors_replace(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ):
        f = tmp_path / "bad.txt"
        f.write_bytes(b"caf\xe9\n")
        assert main(["clean", str(f), "--errors", "replace"]) == 0
        assert capsys.readouterr().out == "caf\ufffd\n"

    def test_latin1_round_trip(self, tmp_path: Path, pack: str):
        f = tmp_path / "l1.txt"
        f.write_bytes("Navo café\n".encode("latin-1"))
        assert main(["clean", str(f), "--encoding", "latin-1", "--in-place", "--rules", pack]) == 0
        assert f.read_bytes() == "NATO café\n".encode("latin-1")

    def test_catastrophic_user_regex(
        self, tmp_path: Path, pack: str, evil_pack: str, capsys: pytest.CaptureFixture[str]
    ):
        """A user pattern that backtracks forever times out on one record; the rest is cleaned."""
        records = [
            {"id": "ok-1", "text": DAMAGED},
            {"id": "adversarial", "text": ADVERSARIAL},
            {"id": "ok-2", "text": DAMAGED},
        ]
        src = tmp_path / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        args = ["clean", "--jsonl", str(src), "--rules", pack, "--rules", evil_pack, "-j", "1"]
        assert main(args) == 1
        captured = capsys.readouterr()
        out = [json.loads(line) for line in captured.out.splitlines()]
        assert [r["id"] for r in out] == ["ok-1", "adversarial", "ok-2"]
        assert out[1]["text"] == ADVERSARIAL
        assert "NATO" in out[0]["text"] and "NATO" in out[2]["text"]
        assert "mtclean: error: adversarial: " in captured.err
        assert "evil/backtrack" in captured.err
        assert "1 failed" in captured.err

    def test_internal_error(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ):
        """A bug in a step fails only the document that triggers it."""

        def boom(text: str) -> str:
            if "BOOM" in text:
                raise RuntimeError("step exploded")
            return text.replace("Navo", "NATO")

        monkeypatch.setattr(
            "mtclean.corpus.engine.default_pipeline", lambda **_: mtclean.make_pipeline(boom)
        )
        (tmp_path / "1.txt").write_text("Navo BOOM\n", encoding="utf-8")
        (tmp_path / "2.txt").write_text("Navo\n", encoding="utf-8")
        assert main(["clean", str(tmp_path), "-o", str(tmp_path / "out"), "-j", "1"]) == 1
        assert (tmp_path / "out" / "1.txt").read_text(encoding="utf-8") == "Navo BOOM\n"
        assert (tmp_path / "out" / "2.txt").read_text(encoding="utf-8") == "NATO\n"
        err = capsys.readouterr().err
        assert "1.txt: internal error: RuntimeError: step exploded" in err


class TestUsage:
    """Arguments that do not fit together are usage errors (exit 2), before any output."""

    @pytest.mark.parametrize(
        "extra",
        [
            ["--backup", ".bak"],
            ["--in-place", "-"],
            ["--in-place", "-o", "x"],
            ["--in-place", "--diff"],
            ["-j", "0"],
            ["--rules", "no-such-pack.toml"],
            ["--disable", "no-such-step"],
        ],
    )
    def test_usage_errors(
        self, tmp_path: Path, extra: list[str], capsys: pytest.CaptureFixture[str]
    ):
        f = tmp_path / "a.txt"
        f.write_text(DAMAGED, encoding="utf-8")
        args = ["clean", str(f), *extra] if "-" not in extra else ["clean", *extra]
        assert main(args) == 2
        captured = capsys.readouterr()
        assert captured.err.startswith("mtclean: error: ")
        assert captured.out == ""
        assert f.read_text(encoding="utf-8") == DAMAGED

    def test_output_file_takes_one_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        for name in ("a.txt", "b.txt"):
            (tmp_path / name).write_text(CLEAN, encoding="utf-8")
        code = main(
            [
                "clean",
                str(tmp_path / "a.txt"),
                str(tmp_path / "b.txt"),
                "-o",
                str(tmp_path / "out.txt"),
            ]
        )
        assert code == 2
        assert "-o FILE takes one input" in capsys.readouterr().err

    def test_missing_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        assert main(["clean", str(tmp_path / "nope.txt")]) == 1
        assert "no such file or directory" in capsys.readouterr().err


class TestProgress:
    """A progress bar on a terminal only; a summary line at the end of corpus runs."""

    class _Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_progress_on_a_terminal(
        self, tmp_path: Path, pack: str, monkeypatch: pytest.MonkeyPatch
    ):
        make_tree(tmp_path)
        err = self._Tty()
        monkeypatch.setattr(sys, "stderr", err)
        monkeypatch.setattr("mtclean.cli.progress.Progress.INTERVAL", 0.0)
        assert main(["clean", str(tmp_path / "news"), "-o", str(tmp_path / "o"), "-j", "1"]) == 0
        shown = err.getvalue()
        assert "\r" in shown and "MB/s" in shown and "ETA" in shown and "docs" in shown
        assert shown.split("\x1b[K")[-1].startswith("mtclean: 3 documents")

    def test_quiet_and_piped(self, tmp_path: Path, pack: str, monkeypatch: pytest.MonkeyPatch):
        make_tree(tmp_path)
        err = self._Tty()
        monkeypatch.setattr(sys, "stderr", err)
        assert main(["clean", str(tmp_path / "news"), "-o", str(tmp_path / "o"), "-q"]) == 0
        assert err.getvalue() == ""
        piped = io.StringIO()
        monkeypatch.setattr(sys, "stderr", piped)
        assert main(["clean", str(tmp_path / "news"), "-o", str(tmp_path / "p")]) == 0
        assert "\r" not in piped.getvalue()
        assert piped.getvalue().startswith("mtclean: 3 documents")

    def test_single_file_filter_is_silent(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        f = tmp_path / "a.txt"
        f.write_text(CLEAN, encoding="utf-8")
        assert main(["clean", str(f)]) == 0
        assert capsys.readouterr() == (CLEAN, "")


def test_parallel_equals_serial(tmp_path: Path, pack: str, capsys: pytest.CaptureFixture[str]):
    """-j 2 writes the same bytes, in the same order, as -j 1."""
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for i in range(400):
            text = DAMAGED * (1 + i % 7) if i % 3 else CLEAN + f"Item {i}.\n"
            handle.write(json.dumps({"id": i, "text": text}) + "\n")
    outputs = []
    for jobs in ("1", "2"):
        assert main(["clean", "--jsonl", str(src), "--rules", pack, "-q", "-j", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["id"] for line in outputs[1].splitlines()] == list(range(400))


def test_environment_is_untouched_by_cwd_relative_output(
    tmp_path: Path, pack: str, monkeypatch: pytest.MonkeyPatch
):
    """A bare file name for -o writes into the current directory."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(DAMAGED, encoding="utf-8")
    assert main(["clean", "a.txt", "-o", "b.txt", "--rules", pack]) == 0
    assert Path("b.txt").read_text(encoding="utf-8") == expected(DAMAGED, pack)
    assert sorted(os.listdir(".")) == ["a.txt", "b.txt", "demo.toml"]


def _tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_parallel_folder_equals_serial(tmp_path: Path, pack: str):
    """-j 2 writes the same files with the same bytes as -j 1, to -o DIR and --in-place
    (enough documents for several batches: the first is cleaned before the workers start)."""
    src = tmp_path / "src"
    for i in range(240):
        folder = src / f"part{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        text = DAMAGED * (1 + i % 9) * 5 if i % 4 else CLEAN * 30 + f"Item {i}.\n"
        (folder / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    trees = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert main(["clean", str(src), "-o", f"{out}/", "--rules", pack, "-q", "-j", jobs]) == 0
        trees.append(_tree_bytes(out))
        copy = tmp_path / f"copy{jobs}"
        for name, data in _tree_bytes(src).items():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes(data)
        assert main(["clean", str(copy), "--in-place", "--rules", pack, "-q", "-j", jobs]) == 0
        trees.append(_tree_bytes(copy))
    assert trees[0] == trees[1] == trees[2] == trees[3]
    assert len(trees[0]) == 240
    name = "part1/doc001.txt"
    assert trees[0][name].decode() == expected((src / name).read_text(encoding="utf-8"), pack)
    assert not temp_files(tmp_path)


def test_parallel_jsonl_file_equals_serial(tmp_path: Path, pack: str):
    """-j 2 writes the same JSONL file, record for record, as -j 1."""
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for i in range(600):
            text = DAMAGED * (1 + i % 9) * 3 if i % 3 else CLEAN * 20 + f"Item {i}.\n"
            handle.write(json.dumps({"id": i, "text": text}) + "\n")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert (
            main(["clean", "--jsonl", str(src), "-o", str(out), "--rules", pack, "-q", "-j", jobs])
            == 0
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[0].splitlines()]
    assert [r["id"] for r in records] == list(range(600))
    assert records[1]["text"] == expected(DAMAGED * 6, pack)
