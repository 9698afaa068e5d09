"""The unicode repair steps: ftfy with the MT-safe configuration, and zero-width spaces."""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs
import pytest
from ftfy.badness import is_bad
from hypothesis import given
from hypothesis import strategies as st

from mtclean.pipeline import Pipeline
from mtclean.repair.unicode import (
    CONTROL_CHARS,
    HTML_ENTITIES,
    MAYBE_BAD_RE,
    MOJIBAKE,
    MT_SAFE_CONFIG,
    QUIET_CHARS,
    SURROGATES,
    SUSPECT_RE,
    ZERO_WIDTH,
    UnicodeRepairer,
    ZeroWidthRemover,
    ftfy_config,
    looks_bad,
)

FIX = UnicodeRepairer()


def garble(text: str, encoding: str) -> str:
    """``text`` as UTF-8 bytes wrongly decoded as ``encoding`` (what scrapers produce)."""
    codec = "sloppy-windows-1252" if encoding == "cp1252" else encoding
    return text.encode("utf-8").decode(codec, errors="strict")


MOJIBAKE_CASES = [
    # UTF-8 read as cp1252: curly quotes, apostrophes and dashes
    (
        garble("NATO’s “extraordinary” meeting — on Friday", "cp1252"),
        "NATO’s “extraordinary” meeting — on Friday",
    ),
    # UTF-8 read as latin-1: accented names (C1 controls appear)
    (
        garble("Dmytro Kuleba met José Manuel in Kraków", "latin-1"),
        "Dmytro Kuleba met José Manuel in Kraków",
    ),
    (garble("Zürich and Malmö", "cp1252"), "Zürich and Malmö"),
    # UTF-8 read as cp1252, twice
    (garble(garble("the “plan”", "cp1252"), "cp1252"), "the “plan”"),
    # mixed into a line of clean text
    ("He said " + garble("“no”", "cp1252") + " twice.", "He said “no” twice."),
]


@pytest.mark.parametrize(("garbled", "expected"), MOJIBAKE_CASES)
def test_mojibake_comes_back_right(garbled: str, expected: str) -> None:
    assert FIX(garbled) == expected
    assert garbled != expected


@pytest.mark.parametrize("encoding", ["sloppy-windows-1251", "macroman", "latin-1"])
def test_thai_text_garbled_by_other_code_pages(encoding: str) -> None:
    thai = "ภาษาไทย “quote”"  # the text cp874 users write, in UTF-8
    garbled = thai.encode("utf-8").decode(encoding)
    assert FIX(garbled) == thai


def test_rules_are_attributed() -> None:
    text = "Fish &amp; chips\x07 and " + garble("“x”", "cp1252")
    changes = Pipeline((FIX,)).explain(text).changes
    assert [(c.rule, c.before, c.after) for c in changes] == [
        (HTML_ENTITIES, "&amp;", "&"),
        (CONTROL_CHARS, "\x07", ""),
        (MOJIBAKE, "â€œ", "“"),
        (MOJIBAKE, "â€\x9d", "”"),
    ]
    assert all(c.message.startswith("ftfy: ") for c in changes)


def test_lone_surrogate() -> None:
    text = "bad \ud800 char"
    assert FIX(text) == "bad \ufffd char"
    assert [c.rule for c in Pipeline((FIX,)).explain(text).changes] == [SURROGATES]


NEGATIVES = [
    "Plain ASCII prose, with numbers 3.5 and a URL https://example.com/a?b=1&c=2.",
    "Harper & Brothers & Co. (no entity here)",
    "Use <b>&amp;</b> in HTML",  # a line with '<': entities stay (ftfy's "auto")
    "Café, naïve, Zürich, São Paulo, Åre, Łódź, İstanbul, Ærøskøbing",
    "“Curly quotes”, ‘single’, it’s — en – dash … ellipsis",
    "ﬁnancial ﬂows",  # ligatures are not folded
    "全角，标点：不变。ＬＯＵＤ",  # width is not folded: CJK punctuation stays
    "e\u0301 stays decomposed (no NFC)",
    "Москва, Київ, Αθήνα, עברית, العربية",
    "Tab\tand form feed\x0c stay",
    "emoji 👍🏽 and flag 🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
    "zero width\u200cnon-joiner and joiner\u200d stay for the unicode step",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_clean_text_is_unchanged(text: str) -> None:
    assert FIX(text) == text
    assert FIX.edits(text) == []


def test_html_entities_switch_off() -> None:
    step = UnicodeRepairer(active=frozenset({MOJIBAKE, CONTROL_CHARS, SURROGATES}))
    assert step("Fish &amp; chips") == "Fish &amp; chips"
    assert step(garble("“x”", "cp1252")) == "“x”"


def test_ftfy_config_switches() -> None:
    cfg = ftfy_config([])
    assert not (cfg.fix_encoding or cfg.unescape_html or cfg.remove_control_chars)
    assert UnicodeRepairer(active=frozenset())("Fish &amp; chips\x07") == "Fish &amp; chips\x07"


# Characters that make up mojibake, entities and controls, mixed with plain text.
_PIECES = [
    "a",
    "Z",
    " ",
    ".",
    ",",
    "&",
    ";",
    "#",
    "amp",
    "&amp;",
    "&#8217;",
    "&eacute;",
    "<",
    "\n",
    "\x07",
    "\x1b[1m",
    "\x85",
    "\x9d",
    "\ufeff",
    "é",
    "Ã",
    "Â",
    "â",
    "€",
    "œ",
    "™",
    "“",
    "”",
    "’",
    "—",
    "\xa0",
    "©",
    "°",
    "ð",
    "Ÿ",
    "Ø",
    "×",
    "²",
    "ß",
    "ł",
    "Ð",
    "ÿ",
    "À",
    "Ñ",
    "ã",
    "Р",
    "С",
    "в",
    "Ђ",
    "β",
    "Ο",
    "√",
    "≈",
    "‚",
    "ā",
    *(garble(w, "cp1252") for w in ("café", "“hi”", "naïve", "—", "’")),
    *(garble(w, "latin-1") for w in ("Kraków", "é", "’")),
]
damaged = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@given(damaged)
def test_same_as_ftfy_line_by_line(text: str) -> None:
    """On every line the step hands to ftfy or skips, the result is ftfy's."""
    # ftfy's segments are "\n"-terminated lines (str.splitlines would also split at \x85)
    lines = [line + "\n" for line in text.split("\n")[:-1]] + [text.rsplit("\n", 1)[-1]]
    expected = "".join(ftfy.fix_text(x, MT_SAFE_CONFIG) for x in lines)
    assert FIX(text) == expected
    assert Pipeline((FIX,)).explain(text).text == expected


QUIET_ALPHABET = [chr(i) for i in range(0x2100) if not SUSPECT_RE.match(chr(i))]


@given(st.text(alphabet=st.sampled_from(QUIET_ALPHABET)))
def test_quiet_lines_are_left_alone_by_ftfy(text: str) -> None:
    assert len(QUIET_ALPHABET) == 94 + 4 + len(QUIET_CHARS.split("\x7e")[1])
    """The pre-check's claim: ftfy never changes text made of QUIET_CHARS only."""
    assert ftfy.fix_text(text, MT_SAFE_CONFIG) == text


@given(damaged)
def test_maybe_bad_is_necessary_for_badness(text: str) -> None:
    if is_bad(text):
        assert MAYBE_BAD_RE.search(text)


# ---- zero-width spaces --------------------------------------------------------

ZW = ZeroWidthRemover()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no inhabitants\u200b of this land", "no inhabitants of this land"),
        ("Chapter 9\u200b", "Chapter 9"),
        ("word\u2060joined", "wordjoined"),
        ("\u200b\u200bstart", "start"),
    ],
)
def test_zero_width_removed(text: str, expected: str) -> None:
    assert ZW(text) == expected
    assert {e.rule for e in ZW.edits(text)} == {ZERO_WIDTH}


@pytest.mark.parametrize(
    "text",
    [
        "\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22",  # Thai word separator
        "\u1797\u17b6\u200b\u179f\u17b6",  # Khmer
        "日本語\u200bテキスト",  # CJK
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian ZWNJ
        "👩\u200d💻 emoji sequence",  # ZWJ
    ],
)
def test_zero_width_kept_where_it_means_something(text: str) -> None:
    assert ZW(text) == text
    assert ZW.edits(text) == []


def test_same_as_ftfy_on_a_last_line_without_newline() -> None:
    text = "cafÃ©À"  # ftfy reads "À\n" differently from a final "À"
    assert FIX(text) == ftfy.fix_text(text, MT_SAFE_CONFIG)
    assert FIX(text + "\n") == ftfy.fix_text(text + "\n", MT_SAFE_CONFIG)


@given(damaged)
def test_looks_bad_is_ftfy_is_bad(text: str) -> None:
    assert looks_bad(text) == is_bad(text)


def test_looks_bad_on_a_long_line_of_many_hits() -> None:
    """Hundreds of hits far apart are searched each in its own stretch (a long clean
    line costs what its pieces cost), and the last one still counts."""
    clean = "Le café “au lait” coûte cher. " * 400
    assert looks_bad(clean) is is_bad(clean) is False
    assert looks_bad(clean + "The â€œplanâ€\x9d") is is_bad(clean + "The â€œplanâ€\x9d") is True


@given(st.lists(st.sampled_from(["α", "β", "Ã", " ", "©", "a", "€", "Ð", "Ï"]), max_size=60))
def test_looks_bad_on_long_runs(chars: list[str]) -> None:
    text = "".join(chars)
    assert looks_bad(text) == is_bad(text)
