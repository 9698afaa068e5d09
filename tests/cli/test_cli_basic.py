"""The CLI on single inputs: main(argv) in process, exit codes, error messages."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from mtclean.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "rules" / "good-demo.toml"


def test_clean_file_with_user_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file is cleaned to stdout; --explain reports the change on stderr."""
    src = tmp_path / "a.txt"
    src.write_text("The Navo summit met.\n", encoding="utf-8")
    assert main(["clean", str(src), "--rules", str(DEMO), "--explain"]) == 0
    out, err = capsys.readouterr()
    assert out == "The NATO summit met.\n"
    assert '1:5: my-site/navo: "Navo" -> "NATO"' in err


def test_output_file_and_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o writes the file; the JSON report goes to stdout, one line per change."""
    src = tmp_path / "a.txt"
    dst = tmp_path / "b.txt"
    src.write_text("The Navo summit met.\n", encoding="utf-8")
    code = main(
        ["clean", str(src), "-o", str(dst), "--rules", str(DEMO), "--explain", "--format", "json"]
    )
    assert code == 0
    assert dst.read_text(encoding="utf-8") == "The NATO summit met.\n"
    out = capsys.readouterr().out
    changes = [line for line in out.splitlines() if line.startswith('{"type": "change"')]
    assert len(changes) == 1
    assert '"rule": "my-site/navo"' in out and '"start": 4' in out


def test_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--diff prints a unified diff."""
    src = tmp_path / "a.txt"
    src.write_text("The Navo summit met.\n", encoding="utf-8")
    assert main(["clean", str(src), "--rules", str(DEMO), "--diff"]) == 0
    assert "-The Navo summit met.\n+The NATO summit met.\n" in capsys.readouterr().out


def test_diff_applies_with_patch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The header names an absolute path as git does (a/tmp/..., not a//tmp/...), and a
    last line without a newline is marked, so the diff is one patch(1) reads."""
    src = tmp_path / "a.txt"
    src.write_text("The Navo summit met.", encoding="utf-8")
    assert main(["clean", str(src), "--rules", str(DEMO), "--diff"]) == 0
    out = capsys.readouterr().out
    name = str(src).lstrip("/")
    assert out.startswith(f"--- a/{name}\n+++ b/{name}\n@@ -1 +1 @@\n")
    assert out.endswith("+The NATO summit met.\n\\ No newline at end of file\n")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """No file (or -) reads standard input."""
    fake = io.TextIOWrapper(io.BytesIO(b"The Navo summit met."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["clean", "--rules", str(DEMO)]) == 0
    assert capsys.readouterr().out == "The NATO summit met."


def test_broken_pack_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A broken pack: one error line naming file, rule, field; no traceback; exit 2."""
    bad = ROOT / "fixtures" / "rules" / "bad-unknown-key.toml"
    assert main(["clean", "--rules", str(bad), str(DEMO)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mtclean: error: ")
    assert "bad-unknown-key.toml:6: rule 'navo': field 'replce'" in err
    assert "Traceback" not in err


def test_undecodable_input_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Undecodable bytes: a clear error with the offset, and the file untouched."""
    src = tmp_path / "latin1.txt"
    src.write_bytes(b"caf\xe9\n")
    assert main(["clean", str(src)]) == 1
    assert "cannot decode byte 0xe9 at offset 3" in capsys.readouterr().err
    assert src.read_bytes() == b"caf\xe9\n"


@pytest.mark.parametrize("where", ["--in-place", "-o", "stdout", "--jsonl"])
def test_surrogateescape_writes_the_bytes_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    """--errors surrogateescape: undecodable bytes come back as they were, while the
    rest of the line is cleaned (repair/surrogates leaves them alone)."""
    src = tmp_path / "latin1.txt"
    if where == "--jsonl":
        src.write_bytes(b'{"text": "Caf\xe9 is open ."}\n')
        expected = b'{"text": "Caf\xe9 is open."}\n'
    else:
        src.write_bytes(b"Caf\xe9 is open .\n")
        expected = b"Caf\xe9 is open.\n"
    out = tmp_path / "out.txt"
    args = ["clean", str(src), "--errors", "surrogateescape", "-q"]
    args += {"--in-place": ["--in-place"], "-o": ["-o", str(out)], "stdout": []}.get(
        where, ["--jsonl", "-o", str(out)]
    )
    if where == "stdout":
        cmd = [sys.executable, "-m", "mtclean", *args]
        proc = subprocess.run(cmd, capture_output=True, check=False)
        assert (proc.returncode, proc.stdout) == (0, expected)
        return
    assert main(args) == 0
    assert (src if where == "--in-place" else out).read_bytes() == expected


def test_unknown_encoding_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--encoding", "latin-9x", str(DEMO)]) == 2
    assert "unknown encoding 'latin-9x'" in capsys.readouterr().err


def test_a_jsonl_file_without_jsonl_is_cleaned_as_text_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "records.jsonl"
    src.write_text('{"text": "The Navo summit met ."}\n', encoding="utf-8")
    assert main(["clean", str(src), "--rules", str(DEMO)]) == 0
    captured = capsys.readouterr()
    assert captured.out == '{"text": "The NATO summit met."}\n'
    assert f"mtclean: warning: {src}: cleaned as plain text; give --jsonl" in captured.err
    assert main(["clean", "--jsonl", str(src), "--rules", str(DEMO)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown flag is a usage error."""
    assert main(["clean", "--no-such-flag"]) == 2
    assert main([]) == 2


def test_python_dash_m() -> None:
    """python -m mtclean runs the same CLI."""
    proc = subprocess.run(
        [sys.executable, "-m", "mtclean", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("mtclean ")


def test_pipeline_option_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--quotes, --name-style and --repeated-paragraphs reach the pipeline options."""
    src = tmp_path / "a.txt"
    src.write_text("He said \u201cyes\u201d and 'no'.\n", encoding="utf-8")
    assert main(["clean", str(src), "--quotes", "straight"]) == 0
    assert capsys.readouterr().out == "He said \"yes\" and 'no'.\n"
    paragraph = "The minister said the talks on the budget would continue after the summer break."
    src.write_text(f"{paragraph}\n\n{paragraph}\n", encoding="utf-8")
    assert main(["clean", str(src), "--repeated-paragraphs", "remove"]) == 0
    assert capsys.readouterr().out == f"{paragraph}\n"
    assert main(["clean", str(src), "--name-style", "canonical"]) == 0
    assert capsys.readouterr().out == f"{paragraph}\n\n{paragraph}\n"
