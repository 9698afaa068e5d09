"""Spacing repair: trailing spaces, blank-line runs, space runs, odd and no-break spaces."""

from __future__ import annotations

import pytest

from mtclean.pipeline import Pipeline
from mtclean.repair.spacing import (
    BLANK_LINES,
    NBSP,
    ODD_SPACE,
    SPACE_RUN,
    SPACING_RULES,
    TRAILING_SPACE,
    SpacingRepairer,
)

FIX = SpacingRepairer()

POSITIVE = [
    ("the wilderness.\t", "the wilderness.", TRAILING_SPACE),
    ("line one  \nline two \xa0\t\nthree", "line one\nline two\nthree", TRAILING_SPACE),
    ("CRLF line  \r\nnext", "CRLF line\r\nnext", TRAILING_SPACE),
    ("   \nafter a blank line of spaces", "\nafter a blank line of spaces", TRAILING_SPACE),
    ("First.\n\n\nSecond.", "First.\n\nSecond.", BLANK_LINES),
    ("First.\n \n\t\n  \nSecond.", "First.\n\nSecond.", BLANK_LINES),
    ("First.   \n\n\n\n   Indented second.", "First.\n\n   Indented second.", BLANK_LINES),
    ("Win.\r\n\r\n\r\n\r\nNext.", "Win.\r\n\r\nNext.", BLANK_LINES),
    ("marriages.  All these", "marriages. All these", SPACE_RUN),
    ("ran\t off, leaving", "ran off, leaving", SPACE_RUN),
    ("take our \xa0 leave", "take our leave", SPACE_RUN),
    ("by\xa0 talking", "by talking", SPACE_RUN),
    ("See also  The owner of", "See also The owner of", SPACE_RUN),
    ("the\u2002summit", "the summit", ODD_SPACE),
    ("a\u2009thin\u200aspace", "a thin space", ODD_SPACE),
    ("“Yes,\xa0I know,” she said", "“Yes, I know,” she said", NBSP),
    ("from mentioning\xa0Mrs. Waule", "from mentioning Mrs. Waule", NBSP),
]


@pytest.mark.parametrize(("text", "expected", "rule"), POSITIVE)
def test_repairs(text: str, expected: str, rule: str) -> None:
    assert FIX(text) == expected
    assert rule in {c.rule for c in Pipeline((FIX,)).explain(text).changes}
    assert FIX(expected) == expected


NEGATIVE = [
    "Clean text.\n\nOne blank line between paragraphs.\n",
    "    Indented code or verse\n\tTabbed line",
    "name\tage\tcity\nAnn\t\t\nBob\t42\tOslo",  # a table with an empty cell
    "Easy enough. \xa0Miss Hooke came in.",  # sentence spacing with a no-break space
    "10\xa0km, 5\xa0%, Mr.\xa0Smith, p.\xa0117, Henry\xa0VIII, World War\xa0I.",
    "«\xa0Bonjour\xa0»\u202f! 10\u202f000 habitants",  # French typography
    "10\u2009000 people, 5\u2009km and a dash\u200a—\u200ahere.",
    "東京\u3000大阪\u3000京都",  # ideographic spaces in CJK layout
    "\n\n\nLeading blank lines are the caller's.",
    "Trailing blank lines are the caller's too.\n\n\n",
    "مرحبا بالعالم. שלום עולם.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_unchanged(text: str) -> None:
    assert FIX(text) == text
    assert FIX.edits(text) == []


@pytest.mark.parametrize("rule", SPACING_RULES)
def test_each_rule_switches_off(rule: str) -> None:
    step = SpacingRepairer(active=frozenset(SPACING_RULES) - {rule})
    for text, _, fired in POSITIVE:
        if fired == rule:
            assert rule not in {e.rule for e in step.edits(text)}


def test_long_trailing_run_before_blank_lines_is_one_pass() -> None:
    text = "a" + " " * 400 + "\n" * 5 + "b"
    assert FIX(text) == "a\n\nb"
    assert FIX(FIX(text)) == FIX(text)
