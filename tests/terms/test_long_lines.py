"""Regex rules on lines longer than LONG_LINE run near their triggers, with the same result."""

from __future__ import annotations

from mtclean import clean
from mtclean.kinds import parse_rules
from mtclean.terms.reach import LONG_LINE, TRIGGER_REACH

PACK = parse_rules(
    """
[pack]
name = "long-demo"
kind = "terms"

[[rules]]
id = "second-chamber"
pattern = 'Second Chamber(?= of)'
trigger = "Second"
replace = "House"
case = "sensitive"

[[rules]]
id = "line-end-credit"
pattern = 'Statue of Emil Duc$'
trigger = "Statue"
replace = "Photo: Emil Duc"
case = "sensitive"
"""
)

FILLER = "The talks went on and on in the capital. " * (LONG_LINE // 40)


def test_a_rule_fires_near_its_trigger_on_a_very_long_line() -> None:
    text = FILLER + "The Second Chamber of the country voted. " + FILLER
    assert len(text) > 2 * LONG_LINE
    out = clean(text, rules=[PACK], disable=["repair", "boilerplate", "names", "lint"])
    assert out == FILLER + "The House of the country voted. " + FILLER


def test_a_line_end_rule_still_sees_the_real_line_end() -> None:
    # The stretch searched around the trigger ends before a space: "$" must not match there.
    middle = "Statue of Emil Duc " + "x" * 10 + " "
    text = FILLER + middle + FILLER.strip() + " Statue of Emil Duc"
    out = clean(text, rules=[PACK], disable=["repair", "boilerplate", "names", "lint"])
    assert out == FILLER + middle + FILLER.strip() + " Photo: Emil Duc"


def test_matches_far_apart_are_all_found() -> None:
    gap = "talk " * (3 * TRIGGER_REACH // 5)
    text = FILLER + "Second Chamber of A. " + gap + "Second Chamber of B. " + FILLER
    out = clean(text, rules=[PACK], disable=["repair", "boilerplate", "names", "lint"])
    assert out.count("House of") == 2 and "Second Chamber" not in out


def test_a_long_line_is_judged_by_the_stretch_around_the_match() -> None:
    # A Dutch quotation far away on the same very long line does not make the match's
    # surroundings Dutch; one right beside it does (the match is left as written).
    dutch = "De regering wil het niet, zei de minister van het land vandaag nog. "
    pack = parse_rules(
        """
[pack]
name = "long-demo-nl"
kind = "terms"
lang = "nl"

[[rules]]
id = "navo"
find = "Navo"
replace = "NATO"
"""
    )
    disable = ["repair", "boilerplate", "names", "terms-nl"]
    options = {"rules": [pack], "source_lang": "nl", "disable": disable}
    far = dutch * 3 + FILLER + "The Navo summit opened. " + FILLER
    assert clean(far, **options) == far.replace("Navo", "NATO")
    near = FILLER + dutch * 3 + "De Navo is niet van plan om het te doen. " + FILLER
    assert clean(near, **options) == near


def test_a_line_start_rule_reads_the_whole_line_on_a_long_line() -> None:
    # A stretch of a long line starts after a space; a match there is not at the line's start.
    pack = parse_rules(
        """
[pack]
name = "long-start"
kind = "terms"

[[rules]]
id = "credit-at-start"
find = "Statue of Emil Duc"
replace = "Photo: Emil Duc"
case = "sensitive"
position = "line_start"
"""
    )
    head = "ab " * 666 + "ab"  # 2,000 characters: the next stretch starts at the space after
    text = head + " Statue of Emil Duc said no. " + FILLER
    assert len(text) > LONG_LINE
    disable = ["repair", "boilerplate", "names", "terms-nl", "terms-de", "terms-fr"]
    options = {"rules": [pack], "disable": disable}
    assert clean(text, **options) == text
    assert clean("Statue of Emil Duc said no. " + FILLER, **options) == (
        "Photo: Emil Duc said no. " + FILLER
    )


ANCHORED = parse_rules(
    """
[pack]
name = "long-anchors"
kind = "terms"

[[rules]]
id = "alone-before"
find = "Statue of Emil Duc"
replace = "Photo: Emil Duc"
case = "sensitive"
before = '^'

[[rules]]
id = "alone-after"
find = "Statue of Ann Duc"
replace = "Photo: Ann Duc"
case = "sensitive"
after = '$'
"""
)
ANCHOR_OPTIONS = {
    "rules": [ANCHORED],
    "disable": ["repair", "boilerplate", "names", "terms-nl", "terms-de", "terms-fr"],
}


def test_line_anchors_in_before_and_after_mean_the_whole_line_on_a_long_line() -> None:
    head = "ab " * 666 + "ab"  # 2,000 characters: a stretch ends (and the next starts) after
    starts_stretch = head + " Statue of Emil Duc said no. " + FILLER
    assert clean(starts_stretch, **ANCHOR_OPTIONS) == starts_stretch
    ends_stretch = "ab " * 661 + "Statue of Ann Duc " + FILLER
    assert ends_stretch.index("Statue") + len("Statue of Ann Duc") == 2_000  # a stretch's end
    assert clean(ends_stretch, **ANCHOR_OPTIONS) == ends_stretch
    short = "Statue of Emil Duc said no.\nThen came Statue of Ann Duc"
    assert clean(short, **ANCHOR_OPTIONS) == "Photo: Emil Duc said no.\nThen came Photo: Ann Duc"


def test_a_line_without_spaces_is_cut_into_bounded_stretches() -> None:
    from mtclean.terms.lines import MAX_WORD
    from mtclean.terms.reach import STRETCH, near_trigger, stretch_of

    line = "Navo,minister,said;" * 2_000
    whole = (0, len(line))
    for start in (0, 5_003, 20_011, len(line) - 10):
        a, b = stretch_of(line, whole, start, start + 4)
        assert a <= start < start + 4 <= b
        assert b - a <= 2 * STRETCH + MAX_WORD
        lo, hi = near_trigger(line, whole, start, start + 4)
        assert hi - lo <= 2 * TRIGGER_REACH + 4 + MAX_WORD


def test_a_line_end_match_longer_than_the_stretch_reaches_the_line_end() -> None:
    """A pattern that runs on to the line's end (``[^\\n]*$``) matches there, as on the
    whole line, not at the end of the stretch searched around its trigger."""
    pack = parse_rules(
        """
[pack]
name = "long-end"
kind = "terms"

[[rules]]
id = "closing-credit"
pattern = 'Statue of Emil Duc[^\\n]*$'
trigger = "Statue"
replace = "Photo: Emil Duc"
case = "sensitive"
"""
    )
    text = FILLER + "Statue of Emil Duc. " + FILLER
    out = clean(text, rules=[pack], disable=["repair", "boilerplate", "names", "lint"])
    assert out == FILLER + "Photo: Emil Duc"
