"""The lint stage (stray capitalized function words) and the ``mtclean lint`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mtclean
from mtclean.cli.main import main
from mtclean.lint import CLAUSE_WORDS, FUNCTION_WORDS, RULE_ID, StrayCapitals

LINT = StrayCapitals()


def flagged(text: str) -> list[str]:
    return [text[f.start : f.end] for f in LINT.findings(text)]


POSITIVES = [
    ("Ryabkov said on Wednesday to The Wall Street Journal That the Russians want talks.", "That"),
    ("We cannot end up in a position What with second-class members of the alliance.", "What"),
    ("The minister said That the border would stay closed.", "That"),
    ("Officials confirmed Which the talks had failed.", "Which"),
    ("The talks continued The next day without a result.", "The"),
    ("Prices rose sharply In the first quarter of the year.", "In"),
    ("The report was published And the government responded.", "And"),
    ("They waited for hours Because the road was blocked.", "Because"),
    ("The Financial Times Which the minister quoted was cautious.", "Which"),
    ("He spoke to the committee, But it did not help.", None),  # after a comma: left alone
]


@pytest.mark.parametrize(("text", "word"), POSITIVES)
def test_flags_stray_capitals(text: str, word: str | None):
    assert flagged(text) == ([word] if word else [])


NEGATIVES = [
    # Titles and names of publications, bands, places, works
    "The Wall Street Journal reported that the talks would resume.",
    "The article, published by The New York Times, was widely shared.",
    "She moved to The Hague in 2019 and works for the court there.",
    "He starred in Gone With the Wind and later in other films.",
    "The band The Who played in London last night.",
    "Members of the group Take That performed at the ceremony.",
    "They played the song What a Wonderful World at the end.",
    "He read Notes on What the Future Holds on the train.",
    "Her novel Where the Crawdads Sing sold millions of copies.",
    "A report from The Associated Press said otherwise.",
    "The ship sailed to The Bahamas in March.",
    "He quoted Of Mice and Men in his speech.",
    # Headings in title case
    "Notes on What the Future Holds\nThe report begins with a summary.",
    "Talks With the Kremlin Resume\nOfficials met on Monday.",
    "Russia’s long-term demands\nRussia demanded last month that forces withdraw.",
    # Sentence starts, also after abbreviations, quotes, colons, dashes, brackets
    "Talks resumed in the U.S. The delegation arrived on Monday.",
    "Mr. Smith met Dr. Jones. They talked for an hour.",
    "The vote was close, e.g. The motion passed by two votes.",
    'He said: "That is not acceptable."',
    "Officials asked, “What happens next?”",
    "Update — The talks have been postponed.",
    "Photo: The Associated Press",
    "Stoltenberg: No concessions to Russia on basic principles.",
    "The result (The figures are provisional) was announced.",
    "It was late... The meeting ended without a statement.",
    "It was late… The meeting ended without a statement.",
    "Is it over? The answer is no. What a day! It was long.",
    "the wind in the trees\nAnd the rain on the roof",
    # Words that are names, months, letters or pronouns
    "Will Smith arrived in May and said I was right.",
    "In May the council met again, and I agreed.",
    "Grade A is required; vitamin A and plan B were discussed.",
    "Ludwig van Beethoven and Vincent van Gogh were named.",
    "The ministers met in Brussels and agreed on a statement.",
    "It's what it is. That's all, and this is the end.",
    "The figure rose from 12 The previous year.",
    "The 2019 That the",
    "",
    "A",
    "no capitals here at all",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_clean_prose_alone(text: str):
    assert flagged(text) == []


def test_professional_paragraph_has_no_findings():
    text = (
        "NATO ministers met on Friday ahead of talks with Russia in Geneva. "
        "According to the secretary-general, there is strong support among member "
        "states for entering into talks. The Wall Street Journal reported on Wednesday "
        "that the Russian delegation wants quick answers. In May the alliance will meet "
        "again in The Hague; Will Jones, a spokesman, said I should expect “What comes next” "
        "to be decided there.\n"
    )
    assert mtclean.clean_and_explain(text).findings == () or all(
        f.rule != RULE_ID for f in mtclean.clean_and_explain(text).findings
    )


def test_finding_fields():
    text = "They ended up in a position What with second-class members."
    (finding,) = LINT.findings(text)
    assert finding.rule == RULE_ID
    assert (finding.start, finding.end) == (text.index("What"), text.index("What") + 4)
    assert finding.confidence == 0.8
    assert "'What'" in finding.message


class TestPipeline:
    """The lint stage runs last in the default pipeline and changes nothing."""

    TEXT = "Ryabkov told The Wall Street Journal That the Russians want answers.\n"

    def test_findings_in_clean_and_explain(self):
        result = mtclean.clean_and_explain(self.TEXT)
        ours = [f for f in result.findings if f.rule == RULE_ID]
        assert [(self.TEXT[f.start : f.end], f.confidence) for f in ours] == [("That", 0.6)]
        assert mtclean.default_pipeline().names[-1] == "lint"

    @pytest.mark.parametrize("name", [RULE_ID, "lint"])
    def test_disable(self, name: str):
        result = mtclean.clean_and_explain(self.TEXT, disable=[name])
        assert all(f.rule != RULE_ID for f in result.findings)

    def test_no_edits(self):
        assert LINT.edits(self.TEXT) == []
        assert LINT.fix(self.TEXT) == self.TEXT


@given(st.text(st.characters(), max_size=200))
def test_findings_never_crash_and_point_at_function_words(text: str):
    for f in LINT.findings(text):
        assert text[f.start : f.end] in FUNCTION_WORDS | CLAUSE_WORDS
    assert LINT.edits(text) == []


@given(
    st.lists(
        st.sampled_from(["the", "minister", "said", "That", "What", "Journal", "Wall", ".", ","]),
        max_size=25,
    )
)
def test_flagged_words_follow_a_word_and_precede_a_lowercase_word(words: list[str]):
    text = " ".join(words)
    for f in LINT.findings(text):
        assert text[f.start - 1] == " " and text[f.start - 2].isalpha()
        assert text[f.end] == " " and text[f.end + 1].islower()


class TestLintCommand:
    """``mtclean lint``: path:line:col: rule message, JSON lines, exit code 1 on findings
    (2 when an input cannot be read)."""

    def test_text_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        f = tmp_path / "a.txt"
        f.write_text(
            "A clean first line.\nWe cannot end up in a position What with members.\n",
            encoding="utf-8",
        )
        assert main(["lint", str(f), "--disable", "terms"]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out == [
            f"{f}:2:32: {RULE_ID} {LINT.findings('in a position What with x')[0].message}"
        ]

    def test_json_format(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        f = tmp_path / "a.txt"
        f.write_text("Ryabkov told The Wall Street Journal That the Russians left.\n", "utf-8")
        assert main(["lint", "--format", "json", str(f), "--disable", "terms"]) == 1
        (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert row["path"] == str(f)
        assert (row["line"], row["col"], row["rule"], row["text"]) == (1, 38, RULE_ID, "That")

    def test_clean_file_exit_zero(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        f = tmp_path / "clean.txt"
        f.write_text("The Wall Street Journal reported that talks resumed.\n", "utf-8")
        assert main(["lint", str(f)]) == 0
        assert capsys.readouterr().out == ""

    def test_directory_and_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        (tmp_path / "d").mkdir()
        (tmp_path / "d" / "a.txt").write_text("a position What with members\n", "utf-8")
        (tmp_path / "d" / "b.txt").write_bytes(b"caf\xe9\n")
        # an input that cannot be read is exit 2 (the others are still linted)
        assert main(["lint", str(tmp_path / "d"), "--disable", "terms"]) == 2
        captured = capsys.readouterr()
        assert captured.out.startswith(f"{tmp_path / 'd' / 'a.txt'}:1:12: {RULE_ID} ")
        assert "b.txt: cannot decode byte 0xe9" in captured.err
        assert main(["lint", str(tmp_path / "missing.txt")]) == 2

    def test_bad_option_is_usage_error(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        f = tmp_path / "a.txt"
        f.write_text("x\n", "utf-8")
        assert main(["lint", str(f), "--disable", "no-such-rule"]) == 2
        assert capsys.readouterr().err.startswith("mtclean: error: ")
