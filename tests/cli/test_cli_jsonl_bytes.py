"""JSONL records: only the cleaned field's value changes; the rest stays byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtclean.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "fixtures" / "rules" / "good-demo.toml"


def _clean(tmp_path: Path, data: bytes, *extra: str) -> tuple[int, bytes]:
    src = tmp_path / "in.jsonl"
    src.write_bytes(data)
    out = tmp_path / "out.jsonl"
    code = main(["clean", "--jsonl", str(src), "-o", str(out), "--rules", str(DEMO), *extra])
    return code, out.read_bytes()


def test_only_the_field_value_is_replaced(tmp_path: Path) -> None:
    line = (
        b'{"id":  "d1", "score": 1.10, "big": 1e400, "tag": "caf\\u00e9",'
        b' "text": "old", "text": "The Navo summit met.", "n": -0.0}\r\n'
    )
    code, out = _clean(tmp_path, line)
    assert code == 0
    assert out == line.replace(b'"The Navo summit met."', b'"The NATO summit met."')


def test_escapes_in_the_cleaned_value(tmp_path: Path) -> None:
    """An ASCII value with \\u escapes keeps them; a lone surrogate elsewhere stays as it was."""
    line = b'{"text": "The Navo summit met in M\\u00fcnster.", "x": "\\ud800"}\n'
    code, out = _clean(tmp_path, line)
    assert code == 0
    assert out == b'{"text": "The NATO summit met in M\\u00fcnster.", "x": "\\ud800"}\n'
    line = '{"text": "The Navo summit met in Münster.", "id": 7}\n'.encode()
    code, out = _clean(tmp_path, line)
    assert code == 0
    assert out == '{"text": "The NATO summit met in Münster.", "id": 7}\n'.encode()


def test_null_text_is_reported_as_null(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = b'{"id": "a", "text": null}\n{"id": "b"}\n'
    code, out = _clean(tmp_path, data)
    assert code == 1
    err = capsys.readouterr().err
    assert "a: field 'text' is null (no text to clean)" in err
    assert "b: field 'text' is missing" in err
    assert out == data


def test_byte_order_mark_on_the_first_line(tmp_path: Path) -> None:
    data = b'\xef\xbb\xbf{"text": "The Navo summit met."}\n{"text": "The Navo summit left."}\n'
    code, out = _clean(tmp_path, data)
    assert code == 0
    expected = b'{"text": "The NATO summit met."}\n{"text": "The NATO summit left."}\n'
    assert out == b"\xef\xbb\xbf" + expected
