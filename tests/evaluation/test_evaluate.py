"""The evaluation harness: alignment, classification, scoring, loading, thresholds, CLI."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtclean.cli.main import main
from mtclean.evaluation import (
    Article,
    EvalError,
    align,
    check_thresholds,
    classify,
    evaluate,
    hunk,
    load_articles,
    load_thresholds,
    score_article,
)
from mtclean.pipeline import RegexNormalizer, make_pipeline
from mtclean.result import Change

# A tiny pipeline with one step per stage name, so scoring is independent of bundled packs.
STAGE_OF = {"navo": "terms", "koiliba": "names", "see-also": "boilerplate", "dots": "punctuation"}
PIPELINE = make_pipeline(
    RegexNormalizer("see-also", r"(?m)^See also .*\n", ""),
    RegexNormalizer("navo", r"\bNavo\b", "NATO"),
    RegexNormalizer("koiliba", r"\bKoiliba\b", "Kuleba"),
    RegexNormalizer("dots", r"\. \.", "."),
)


def _apply(text: str, edits: list[Change]) -> str:
    out, pos = [], 0
    for e in edits:
        out += [text[pos : e.start], e.after]
        pos = e.end
    return "".join(out) + text[pos:]


def _score(input_: str, expected: str, *, names: tuple[str, ...] = ()) -> dict[str, tuple]:
    article = Article("a", input_, expected, names=names, control=input_ == expected)
    score = score_article(article, PIPELINE.explain(input_), STAGE_OF)
    return {
        cat: (c.expected, c.hits, c.proposed, c.right)
        for cat, c in score.counts.items()
        if c.expected or c.proposed
    }


# -- align -----------------------------------------------------------------------------


def test_align_words_and_marks() -> None:
    edits = align("Navo met Koiliba. . Then", "NATO met Kuleba. Then")
    assert [(e.before, e.after) for e in edits] == [
        ("Navo", "NATO"),
        ("Koiliba", "Kuleba"),
        (" .", ""),
    ]


def test_align_multiword_change_is_one_edit() -> None:
    edits = align("told The Country that", "told El País that")
    assert [(e.before, e.after) for e in edits] == [("The Country", "El País")]


def test_align_splits_deleted_lines() -> None:
    text = "Body.\n\nSee also  X\n\nLeave a Reply\n\nYour email address\n"
    edits = align(text, "Body.\n")
    assert [e.before.strip() for e in edits] == [
        "See also  X",
        "Leave a Reply",
        "Your email address",
    ]


def test_align_separates_glue_from_words() -> None:
    edits = align("Kiev.Image ANP", "Kiev.\nPhoto: ANP")
    assert [(e.before, e.after) for e in edits] == [("", "\n"), ("Image", "Photo:")]


def test_align_repeated_marks_are_one_token() -> None:
    assert [(e.before, e.after) for e in align("down!!! Then", "down! Then")] == [("!!!", "!")]


@given(st.text(alphabet="ab .\n!Ã©", max_size=40), st.text(alphabet="ab .\n!é", max_size=40))
def test_align_replays(old: str, new: str) -> None:
    edits = align(old, new)
    assert _apply(old, edits) == new
    assert all(old[e.start : e.end] == e.before for e in edits)
    assert all(a.end <= b.start for a, b in itertools.pairwise(edits))


# -- classify ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "names", "category"),
    [
        ("Navo", "NATO", (), "terms"),
        ("The Country", "El País", (), "terms"),
        ("Koiliba", "Kuleba", ("Dmytro Kuleba",), "names"),
        ("Koiliba", "Kuleba", (), "terms"),
        (" .", "", (), "punctuation"),
        ("!!!", "!", (), "punctuation"),
        ("ErdoÄŸan", "Erdoğan", ("Erdoğan",), "punctuation"),
        ("â€™", "’", (), "punctuation"),
        ("Share this article\n", "", (), "boilerplate"),
        ("Advertisement\n", "", (), "boilerplate"),
        ("  ", " ", (), "punctuation"),
    ],
)
def test_classify(before: str, after: str, names: tuple[str, ...], category: str) -> None:
    assert classify(hunk(0, len(before), before, after), names) == category


# -- scoring ---------------------------------------------------------------------------


def test_all_fixed_is_all_hits() -> None:
    text = "Navo and Koiliba met. . Fine.\nSee also Other news\n"
    want = "NATO and Kuleba met. Fine.\n"
    assert _score(text, want, names=("Kuleba",)) == {
        "terms": (1, 1, 1, 1),
        "names": (1, 1, 1, 1),
        "boilerplate": (1, 1, 1, 1),
        "punctuation": (1, 1, 1, 1),
    }


def test_miss_is_counted_in_the_expected_category() -> None:
    text = "Navo and Koeleba met.\n"
    assert _score(text, "NATO and Kuleba met.\n", names=("Kuleba",)) == {
        "terms": (1, 1, 1, 1),
        "names": (1, 0, 0, 0),
    }


def test_false_change_is_counted_in_the_stage_category() -> None:
    text = "The Navo square in Rome.\n"
    assert _score(text, text) == {"terms": (0, 0, 1, 0)}


def test_untouched_reordering_is_a_miss_not_a_false_change() -> None:
    # Two alignments (input -> expected, expected -> output) may cut a word-order fix
    # differently; when the pipeline changed nothing there, nothing there is a false change.
    text = "He spoke during a briefing. press. Then he left.\n"
    want = "He spoke during a press briefing. Then he left.\n"
    score = _score(text, want)
    assert all(c[2] == 0 for c in score.values()), score


def test_missed_clutter_line_counts_once() -> None:
    text = "Body.\n\nRead also Other news\n\nSee also More news\n"
    assert _score(text, "Body.\n") == {"boilerplate": (2, 1, 1, 1)}


def test_repeated_title_is_scored_by_content_not_position() -> None:
    text = "Title here\n\nTitle here\n\nBody.\n"
    score = _score(text, "Title here\n\nBody.\n")
    assert score == {"boilerplate": (1, 0, 0, 0)}


def test_false_changes_carry_rule_ids() -> None:
    article = Article("a", "Navo Street.\n", "Navo Street.\n", control=True)
    score = score_article(article, PIPELINE.explain(article.input), STAGE_OF)
    (false,) = [o for o in score.outcomes if o.kind == "false"]
    assert (false.rules, false.before, false.actual) == (("navo",), "Navo", "NATO")
    assert score.control_rules == ("navo",)


# -- loading and the whole run ------------------------------------------------------------


def _write(root: Path, name: str, files: dict[str, str]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    for fname, content in files.items():
        (folder / fname).write_text(content, encoding="utf-8")


def test_load_articles(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "b-dirty",
        {
            "input.txt": "Navo\n",
            "expected.txt": "NATO\n",
            "meta.toml": 'source_lang = "nl"\nnames = ["X"]\n',
        },
    )
    _write(tmp_path, "a-clean", {"input.txt": "Clean.\n"})
    clean, dirty = load_articles(tmp_path)
    assert (clean.id, clean.control, clean.expected) == ("a-clean", True, "Clean.\n")
    assert (dirty.source_lang, dirty.names, dirty.control) == ("nl", ("X",), False)


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ('source = "nl"\n', "unknown key 'source'"),
        ('source_lang = "xx"\n', "source_lang must be an ISO 639-1 code"),
        ("source_lang = \n", "meta.toml"),
        ('labels = [{before = "x", category = "style"}]\n', "label category"),
    ],
)
def test_bad_meta_is_reported(tmp_path: Path, meta: str, message: str) -> None:
    _write(tmp_path, "x", {"input.txt": "a\n", "expected.txt": "b\n", "meta.toml": meta})
    with pytest.raises(EvalError, match=message):
        load_articles(tmp_path)


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no article folders"):
        load_articles(tmp_path)


def test_labels_override_the_classifier(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "x",
        {
            "input.txt": "Koiliba spoke.\n",
            "expected.txt": "Kuleba spoke.\n",
            "meta.toml": 'labels = [{before = "Koiliba", category = "names"}]\n',
        },
    )
    report = evaluate(load_articles(tmp_path))
    assert report.counts["names"].expected == 1


def test_thresholds(tmp_path: Path) -> None:
    path = tmp_path / "thresholds.toml"
    path.write_text(
        "[source_lang]\ncontrols_identical = 1.0\nterms = { precision = 0.5 }\n"
        "[detect]\noverall = { recall = 0.1 }\n",
        encoding="utf-8",
    )
    loaded = load_thresholds(path)
    assert loaded == {
        "source_lang": {"controls_identical": 1.0, "terms.precision": 0.5},
        "detect": {"overall.recall": 0.1},
    }
    _write(tmp_path / "set", "c", {"input.txt": "Clean prose.\n"})
    report = evaluate(load_articles(tmp_path / "set"))
    assert check_thresholds(report, loaded["source_lang"]) == []
    assert check_thresholds(report, {"nonsense": 1.0})[0].startswith("nonsense: unknown metric")


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, "c", {"input.txt": "Clean prose stays as it is.\n"})
    (tmp_path / "thresholds.toml").write_text("[source_lang]\ncontrols_identical = 1.0\n")
    assert main(["eval", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["metrics"]["controls_identical"] == 1.0
    assert data["threshold_failures"] == []
    assert set(data["categories"]) == {"terms", "names", "boilerplate", "punctuation", "overall"}


def test_cli_fails_below_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, "c", {"input.txt": "Clean prose.\n"})
    (tmp_path / "t.toml").write_text("[source_lang]\nexact_articles = 2.0\n")
    assert main(["eval", str(tmp_path), "--thresholds", str(tmp_path / "t.toml")]) == 1
    assert "below thresholds" in capsys.readouterr().out


def test_cli_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "nope")]) == 2
    assert "not a folder of labelled articles" in capsys.readouterr().err
