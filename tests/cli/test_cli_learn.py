"""learn-boilerplate on awkward corpora: long recurring lines, undecodable files, scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtclean.cli.main import main

LONG = "Subscribe to our newsletter " + "and get every story first " * 10
FOOTER = "Share this story with your friends"
PLACES = ["harbour", "bridge", "market", "school", "library", "station", "museum", "park"]
PLACES += ["river", "tower"]


def _site(folder: Path, count: int = 6) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(count):
        body = f"The {PLACES[i]} was in the news.\nNobody knew why the {PLACES[i]} was."
        (folder / f"p{i}.txt").write_text(f"{body}\n{LONG.strip()}\n{FOOTER}\n", "utf-8")


def test_a_long_recurring_line_is_skipped_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path / "site")
    out = tmp_path / "site.toml"
    assert main(["learn-boilerplate", str(tmp_path / "site"), "-o", str(out)]) == 0
    pack = out.read_text(encoding="utf-8")
    assert (
        "# skipped: line seen in 6 of 6 documents (100%), 0 of them in the body: longer "
        "than 250 characters (boilerplate rules never remove such lines)" in pack
    )
    assert pack.count("[[rules]]") == 1
    assert '"Share this story with your friends"' in pack
    assert main(["check-rules", str(out)]) == 0
    assert "1 rule, 1 example, 0 failed" in capsys.readouterr().out


def test_learned_scores_come_from_the_evidence(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site(site, 10)
    for i in range(3):  # a second footer, on 3 of 10 pages
        path = site / f"p{i}.txt"
        path.write_text(path.read_text("utf-8") + "Follow us on the Example app\n", "utf-8")
    out = tmp_path / "site.toml"
    argv = ["learn-boilerplate", str(site), "-o", str(out), "--min-docs", "2"]
    assert main(argv) == 0
    scores = [line for line in out.read_text("utf-8").splitlines() if line.startswith("score")]
    assert scores == ["score = 1.00", "score = 0.92"]


@pytest.mark.parametrize(
    ("errors", "code", "documents"),
    [("strict", 1, 6), ("replace", 0, 7), ("surrogateescape", 0, 7)],
)
def test_an_undecodable_file_does_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], errors: str, code: int, documents: int
) -> None:
    site = tmp_path / "site"
    _site(site)
    (site / "p9.txt").write_bytes(b"caf\xe9 au lait\n" + FOOTER.encode() + b"\n")
    out = tmp_path / "site.toml"
    assert main(["learn-boilerplate", str(site), "-o", str(out), "--errors", errors]) == code
    err = capsys.readouterr().err
    assert f"learned 1 rule from {documents} documents" in err
    if errors == "strict":
        assert f"mtclean: error: {site / 'p9.txt'}: cannot decode byte 0xe9 at offset 3" in err
    assert "Traceback" not in err
    assert '"Share this story with your friends"' in out.read_text("utf-8")


def test_blank_split_file_with_a_bad_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = [f"A story about the {place} and its past.\n{FOOTER}\n" for place in PLACES[:6]]
    corpus = tmp_path / "corpus.txt"
    corpus.write_bytes("\n".join(docs).encode() + b"bad \xff line\n\n" + docs[0].encode())
    assert main(["learn-boilerplate", str(corpus)]) == 1
    captured = capsys.readouterr()
    assert "cannot decode byte 0xff" in captured.err
    assert "learned 1 rule from 6 documents" in captured.err
    assert '"Share this story with your friends"' in captured.out
