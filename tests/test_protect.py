"""Protected spans: no stage edits inside URLs, e-mail addresses, domains or code."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mtclean
from mtclean import Edit, RegexNormalizer, make_pipeline
from mtclean.protect import _TRIGGER, _accept, _token_re, allowed, find_spans, shift_spans

KEPT = [
    "See https://example.com/navo/ for details.\n",
    "Write to Navo@nato.int today.\n",
    "Read www.nu.nl/Navo-top now.\n",
    "The firm One.Tel collapsed in 2001.\n",
    "Use fractions.Fraction for exact values.\n",
    "from . import mod\n",
    'The pattern r"a , b" is raw.\n',
    "Call `x , y` here.\n",
]


@pytest.mark.parametrize("text", KEPT)
@pytest.mark.parametrize("lang", [None, "nl"])
def test_protected_text_unchanged(text: str, lang: str | None) -> None:
    """Neither path edits inside a protected span; both give the same text."""
    result = mtclean.clean_and_explain(text, source_lang=lang)
    assert result.text == text
    assert mtclean.clean(text, source_lang=lang) == text


def test_prose_around_a_url_is_still_cleaned() -> None:
    text = "See https://example.com/navo/ for the Navo plan.\n"
    out = "See https://example.com/navo/ for the NATO plan.\n"
    assert mtclean.clean(text, source_lang="nl") == out
    assert mtclean.clean_and_explain(text, source_lang="nl").text == out


def test_glued_sentences_are_not_protected() -> None:
    assert find_spans("it.Why? Near Amersfoort.Statue of it; Rutte.It was") == []


def test_a_user_regex_step_is_guarded_on_both_paths() -> None:
    p = make_pipeline(RegexNormalizer("navo", r"Navo", "NATO"))
    text = "Navo at https://x.org/Navo/ and Navo"
    assert p(text) == "NATO at https://x.org/Navo/ and NATO"
    assert p.explain(text).text == p(text)


def test_a_plain_function_is_not_guarded() -> None:
    assert make_pipeline(str.upper)("see x.com") == "SEE X.COM"


def test_whole_span_removal_is_allowed() -> None:
    spans = [(4, 15)]
    edits = [Edit(8, 12, "X", "in"), Edit(15, 15, " ", "edge"), Edit(0, 20, "", "whole")]
    assert [e.rule for e in allowed(edits, spans)] == ["edge", "whole"]
    assert shift_spans([(4, 15), (30, 32)], [Edit(0, 20, "", "whole")]) == [(10, 12)]


# Parity: find_spans tries the token pattern only at candidate positions; the
# reference below scans with it from left to right, as find_spans once did.
def _reference_spans(text: str) -> list[tuple[int, int]]:
    if not _TRIGGER.search(text):
        return []
    spans = []
    for m in _token_re().finditer(text):
        span = _accept(text, m)
        if span is not None:
            spans.append(span)
    return spans


_PIECES = [
    "a",
    "Zed",
    "os",
    "path",
    "x_y",
    "é",
    "Ünal",
    "1",
    "3.5",
    "U.S.",
    "e.g.",
    "-",
    "+",
    "_",
    ".",
    "..",
    "@",
    "://",
    "http",
    "https",
    "www.",
    "com",
    "nl",
    "Tel",
    "It",
    "mod",
    "`",
    "r",
    "b",
    "f",
    "rb",
    "'",
    '"',
    "“",
    "”",
    "<",
    "(",
    ")",
    "()",
    "=",
    ";",
    "{",
    "):",
    ":",
    "/",
    "#",
    " ",
    " ",
    " ",
    "\t",
    "\n",
    "\n",
    "\u00a0",
    "\u0301",
    "from ",
    "import ",
    "def ",
    "class ",
    ">>> ",
    "said",
    "Rutte",
    "example",
    "nato.int",
    "fractions",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
@settings(max_examples=2000)
def test_find_spans_equals_a_full_scan(text: str) -> None:
    assert find_spans(text) == _reference_spans(text)


@pytest.mark.parametrize("seed", range(5))
def test_find_spans_equals_a_full_scan_on_long_texts(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES) for _ in range(20_000))
    assert find_spans(text) == _reference_spans(text)
