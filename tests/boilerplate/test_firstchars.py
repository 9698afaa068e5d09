"""The first-character pre-filter of boilerplate rules never rules out a line a rule's
pattern could begin (it is only allowed to let too many through)."""

from __future__ import annotations

import pytest

from mtclean.boilerplate.firstchars import first_chars, line_may_start
from mtclean.boilerplate.remover import _LEAD_CHARS, _rule_regex, _start_pattern
from mtclean.boilerplate.stage import bundled_packs

#: Every ASCII character, Latin, Greek and Cyrillic letters, the odd case pairs (long s,
#: Kelvin sign, Turkish i's, final sigma), other scripts' digits and spaces, CJK.
CHARS = (
    [chr(c) for c in range(32, 0x600)]
    + list("\u017f\u212a\u212b\u0130\u0131\u03c2\u1e9e\u0660\u0966\u00a0\u2009\u3000")
    + list("コメ返댓답글関")
)


def _rules() -> list[object]:
    return [r for p in bundled_packs() for r in p.rules]


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.full_id)  # type: ignore[attr-defined]
def test_no_line_a_rule_can_begin_is_ruled_out(rule: object) -> None:
    body = _rule_regex(rule)  # type: ignore[arg-type]
    first = first_chars(body)
    start = _start_pattern(body)
    for char in CHARS:
        if start.match(char, partial=True) and char not in _LEAD_CHARS:
            assert line_may_start(char, first), (char, first)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("Leave a Reply", {"l"}),
        ("(?:Share|Tweet)(?: this)?", {"s", "t"}),
        ("(?-i:Σχόλια)", {"σ"}),
        (r"(?:\d+ )?comments?", set("0123456789c")),
        ("[A-C]x", {"a", "b", "c"}),
        (r"(?=Re)Reply", {"r"}),
        (r"\bVastaa", {"v"}),
        ("(?:Reply)?", None),  # may match nothing
        (r"\w+ ago", None),
        (r"[^|]{1,5} ago", None),
        ("Straße", {"s"}),
        ("ßtart", None),
        ("İlgili", None),
        ("(unclosed", None),
    ],
)
def test_first_chars(pattern: str, expected: set[str] | None) -> None:
    assert first_chars(pattern) == (None if expected is None else frozenset(expected))


def test_line_may_start() -> None:
    first = frozenset({"l", "σ", "1"})
    assert [line_may_start(c, first) for c in "lLσΣςxX1١ \u00a0ıİ"] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
        True,
        True,  # another script's digit
        True,
        True,
        True,  # the Turkish i's: any rule
        True,
    ]
    assert line_may_start("x", None)
