"""The first-character pre-filter of boilerplate rules never rules out a line a rule's
pattern could begin (it is only allowed to let too many through)."""

from __future__ import annotations

import pytest

from mtclean.boilerplate.firstchars import OpeningIndex, first_chars, may_begin
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


#: Line beginnings: every character above, and each with the first words of a rule's
#: own examples (so that the deeper positions are tried on lines that do match).
def _keys(rule: object) -> list[str]:
    keys = list(CHARS)
    for example in rule.examples:  # type: ignore[attr-defined]
        for line in example.input.split("\n"):
            line = line.strip()
            keys += [line[:n] for n in range(1, 5)]
            keys += [line[:n].upper() for n in range(1, 5)]
    return keys


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.full_id)  # type: ignore[attr-defined]
def test_no_line_a_rule_can_begin_is_ruled_out(rule: object) -> None:
    body = _rule_regex(rule)  # type: ignore[arg-type]
    openings = first_chars(body)
    start = _start_pattern(body)
    for key in _keys(rule):
        lead = not key or key[0] in _LEAD_CHARS or key[0].isspace()
        if not lead and start.match(key, partial=True):
            assert may_begin(key, openings), (key, openings)


def _begins(pattern: str, keys: str) -> list[bool]:
    return [may_begin(key, first_chars(pattern)) for key in keys.split("/")]


def test_openings() -> None:
    assert _begins("Leave a Reply", "L/l/Le/LEAV/Leave a/Lx/x/Lea ") == [
        *[True] * 5,
        False,
        False,
        False,
    ]
    assert _begins("(?:Share|Tweet)(?: this)?", "S/T/Sh/Tw/Tweet/X/Sx") == [
        *[True] * 5,
        False,
        False,
    ]
    assert _begins("(?-i:Σχόλια)", "Σ/σ/ς/Σχ/Σα") == [True, True, True, True, False]
    assert _begins(r"(?:\d+ )?comments?", "1/12 c/1c/co/x") == [True, True, False, True, False]
    assert _begins("[A-C]x", "a/B/cx/cy/d") == [True, True, True, False, False]
    assert _begins(r"(?=Re)Reply", "R/Re/Q") == [True, True, False]
    assert _begins(r"\bVastaa", "V/W") == [True, False]
    assert _begins(r"a{2,}b", "aab/aaab/ab") == [True, True, False]
    assert _begins("Straße", "Stra/STRA/Strb") == [True, True, False]
    for anything in ("(?:Reply)?", r"\w+ ago", r"[^|]{1,5} ago", "ßtart", "İlgili", "(unclosed"):
        assert first_chars(anything) is None, anything
    for regex_only in ("[[:alpha:]]+", "(?:Reply){e<=1}", "(?V1)Reply", r"\L<words>"):
        assert first_chars(regex_only) is None, regex_only


def test_other_spaces_and_digits() -> None:
    assert _begins(r"\d+\scomments", "١/1\u00a0/1 /x") == [True, True, True, False]
    assert _begins("x", "\u0130/\u0131") == [True, True]  # the Turkish i's: any rule
    assert may_begin("x", None)


def test_the_index_says_what_may_begin_says_of_each_rule() -> None:
    """The bit-set index of all bundled rules' openings picks exactly the rules
    :func:`may_begin` accepts one by one, for beginnings of every kind."""
    rules = _rules()
    openings = [first_chars(_rule_regex(r)) for r in rules]  # type: ignore[arg-type]
    index = OpeningIndex(openings)
    keys = set(CHARS)
    for rule in rules[::3]:
        keys.update(_keys(rule))
    keys.update(a + b for a in "Ll1٣ \u0130é" for b in "eE0 ·ıK")
    always = tuple(i for i, o in enumerate(openings) if o is None)
    checked = 0
    for key in sorted(keys):
        expected = tuple(i for i, o in enumerate(openings) if may_begin(key, o))
        assert index.rules(key) == expected, key
        checked += len(expected) > len(always)
    assert checked > 100  # keys that open rules beyond those that begin any line
