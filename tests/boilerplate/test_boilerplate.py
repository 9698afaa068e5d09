"""The boilerplate stage: bundled rules, safety limits, repeated titles and paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import mtclean
from mtclean.api import PASSES
from mtclean.boilerplate.remover import KIND, BoilerplateRemover
from mtclean.boilerplate.repeated import RepeatedParagraphStep, RepeatedTitleRemover
from mtclean.boilerplate.stage import build_steps, bundled_packs
from mtclean.errors import RulePackError
from mtclean.kinds import parse_rules
from mtclean.options import Options
from mtclean.pipeline import Pipeline, make_pipeline


def stage(options: Options) -> Pipeline:
    """The boilerplate stage's steps, run as the default pipeline runs them."""
    return Pipeline(tuple(build_steps(options)), passes=PASSES)


STEP = stage(Options())
REMOVE = stage(Options(repeated_paragraphs="remove"))

BODY = (
    "The ministers met on Friday ahead of next week's talks in Geneva, the first in years.\n\n"
    "Both sides said they were ready to discuss arms control, but not the core demands.\n\n"
    "Officials expect the talks to last two days and to end without a joint statement.\n"
)


def run(text: str, step: Pipeline = STEP) -> str:
    return step.fix(text)


EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.full_id}-{n}")
    for pack in bundled_packs()
    for rule in pack.rules
    for n, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_bundled_rule_examples(rule, example) -> None:
    pack = next(p for p in bundled_packs() if p.name == rule.pack)
    assert KIND.build(pack).fix(example.input) == example.expected


def test_every_bundled_rule_has_note_and_examples() -> None:
    packs = bundled_packs()
    assert {p.lang for p in packs} >= {"en", "nl", "de", "fr", "es", "it"}
    for pack in packs:
        for rule in pack.rules:
            assert rule.note, rule.full_id
            assert rule.examples, rule.full_id


SEED_LIKE = (
    "Minister: no “second-class” members in the alliance — not now\n\n"
    'Minister: no "second-class" members in the alliance - not now\n\n'
    "Soldiers training near the capital. Photo: Anna Smith\n\n" + BODY + "\n"
    "See also  Owner of a funeral home faces prison after bodies found\n\n"
    "Leave a Reply\n\n"
    "Your email address will not be published. Required fields are marked *"
)


def test_seed_like_article_loses_title_copy_see_also_and_comment_form() -> None:
    expected = (
        "Minister: no “second-class” members in the alliance — not now\n\n"
        "Soldiers training near the capital. Photo: Anna Smith\n\n" + BODY.rstrip("\n")
    )
    assert run(SEED_LIKE) == expected
    changes = sorted(STEP.explain(SEED_LIKE).changes, key=lambda c: c.start)  # text order
    rules = [c.rule for c in changes]
    assert rules == [
        "boilerplate/repeated-title",
        "boilerplate-en/see-also-headline",
        "boilerplate-en/comment-leave-reply",
        "boilerplate-en/comment-email-not-published",
    ]


def test_removing_a_line_deletes_it_with_its_newline() -> None:
    text = "First line.\nAdvertisement\nSecond line.\n"
    (change,) = STEP.explain(text).changes
    assert change.before == "Advertisement\n"
    assert change.after == ""


CLEAN_ARTICLES = [
    # prose that mentions comments, e-mail, cookies, sharing and "see also"
    "Readers can leave a comment on the ministry's website until Friday.\n\n"
    "Your email address will not be published, the ministry promised, and no data is kept.\n\n"
    "See also the earlier consultation on data protection, which drew 4,000 replies.\n",
    "The bakery sells cookies and bread.\n"
    "This website uses cookies to track visitors, the regulator found in its report.\n"
    "Share prices fell by 3 percent on Monday.\n"
    "Subscribe to the idea, she said, and the rest follows.\n",
    "Comments from the minister came late on Tuesday.\n\n"
    "The newsletter of the union, sent to 30,000 members, called for a strike.\n\n"
    "Follow the money, the investigators said, and you will find the network.\n",
    "Talks stalled in Geneva on Monday.\n\n"
    "Read more about the talks in the report the delegates published on Tuesday.\n\n"
    "They will share the results with the press.\n\n"
    "Tags on the crates showed where they came from.\n",
    "CHAPTER X\n\nThe ship left at dawn.\n\n“Yes, sir.”\n\n“Yes, sir.”\n\nThey sailed on.\n",
    "TREASURE ISLAND\nby Robert Louis Stevenson\nTREASURE ISLAND\nTo the hesitating purchaser.\n",
    "May 1, 1838\nDear friend, your letter came today and I answer it at once.\n",
    "Home is where the heart is, she wrote.\nHe read the letter twice.\n",
    "Copyright 1915 by the author\nThe story begins in a small town.\n",
    "Statue of Liberty, New York.\nThe U.S. sent 3.5 million doses; see https://example.org/a|b.\n",
    "The vote was close | very close, some said.\nThe count ended at 10:30.\n",
]


@pytest.mark.parametrize("text", CLEAN_ARTICLES)
def test_clean_articles_are_untouched(text: str) -> None:
    assert STEP.edits(text) == []
    assert STEP.explain(text).findings == ()


def test_body_clutter_needs_a_strong_whole_line() -> None:
    text = f"{PARA}\nRead also: Cabinet falls over asylum policy\nSee also Cabinet falls\n{BODY}"
    assert run(text) == f"{PARA}\nSee also Cabinet falls\n{BODY}"


def test_edge_blocks_stop_at_the_first_content_line() -> None:
    text = f"Share this:\n{PARA}\nShare this:\n{BODY}Share this:\n"
    assert run(text) == f"{PARA}\nShare this:\n{BODY}"


def test_truncated_last_line_is_content() -> None:
    text = BODY + "Related\nYour email address will not be pub"
    assert run(text) == text
    text = BODY + "Share this:\nThe minister said the talks would conti"
    assert run(text) == text


def test_too_much_clutter_removes_nothing_and_reports() -> None:
    text = "Share this:\nFacebook\nTwitter\nShort.\nLeave a Reply\nCancel reply\n"
    assert STEP.edits(text) == []
    (finding,) = STEP.explain(text).findings
    assert finding.rule == "boilerplate/max-share"
    relaxed = stage(Options(boilerplate_max_share=1.0))
    assert relaxed.fix(text) == "Short.\n"
    assert mtclean.clean(text, disable="boilerplate/max-share") == "Short.\n"


def test_blank_lines_left_behind_are_collapsed() -> None:
    text = f"{PARA}\n\nAdvertisement\n\n{PARA}!\n\n\nShare this:\n\n"
    assert run(text) == f"{PARA}\n\n{PARA}!\n"
    text = f"Home » News » World\n\n{PARA}\n{PARA}!\nLike this:"
    assert run(text) == f"{PARA}\n{PARA}!"


def test_repeated_title_near_the_top_keeps_the_first() -> None:
    text = "Talks stall in Geneva — again\nBy Anna Smith\nTalks stall in Geneva - again\n" + BODY
    assert run(text) == "Talks stall in Geneva — again\nBy Anna Smith\n" + BODY
    far = "Talks stall in Geneva\n" + BODY + "Talks stall in Geneva\n"
    assert run(far) == far


PARA = "The committee will publish its findings in the spring, after hearing all the witnesses."


def test_repeated_paragraph_is_reported_by_default_and_removed_on_request() -> None:
    text = f"Intro.\n{PARA}\nMiddle.\n{PARA}\nEnd.\n"
    assert run(text) == text
    (finding,) = STEP.explain(text).findings
    assert finding.rule == "boilerplate/repeated-paragraph"
    assert text[finding.start : finding.end] == PARA
    assert finding.start > text.index(PARA)
    assert run(text, REMOVE) == f"Intro.\n{PARA}\nMiddle.\nEnd.\n"


def test_default_pipeline_runs_the_stage_and_honours_disable() -> None:
    text = BODY + "\nLeave a Reply\n"
    assert mtclean.clean(text) == BODY
    assert mtclean.clean(text, disable="boilerplate") == text
    assert mtclean.clean(text, disable="boilerplate-en") == text
    assert mtclean.clean(text, disable="boilerplate-en/comment-leave-reply") == text
    title = "Talks stall in Geneva\nTalks stall in Geneva\n" + BODY
    assert mtclean.clean(title, disable="boilerplate/repeated-title") == title


def test_explain_attributes_removals_to_rules() -> None:
    result = mtclean.clean_and_explain(BODY + "\nShare this:\n")
    assert [c.rule for c in result.changes] == ["boilerplate-en/share-line"]
    assert result.changes[0].before == "\nShare this:\n"


USER_PACK = """
[pack]
name = "site-x"
kind = "boilerplate"
[[rules]]
id = "promo"
note = "the site's own promo line"
where = "anywhere"
pattern = 'Get the X app for news on the go'
examples = [{ input = "Get the X app for news on the go", expected = "" }]
[[rules]]
id = "odd"
note = "flag only"
action = "flag"
case = "sensitive"
pattern = 'ODD LINE'
"""


def test_user_pack_joins_the_stage() -> None:
    pack = parse_rules(USER_PACK, source="site-x.toml")
    text = f"{PARA}\nGet the X app for news on the go\n{BODY}ODD LINE\nThree.\n"
    result = mtclean.clean_and_explain(text, rules=[pack])
    assert result.text == f"{PARA}\n{BODY}ODD LINE\nThree.\n"
    assert [f.rule for f in result.findings] == ["site-x/odd"]
    assert mtclean.clean(text.replace("ODD", "odd"), rules=[pack]).count("odd LINE") == 1


def test_pattern_matching_an_empty_line_is_rejected() -> None:
    bad = '[pack]\nname = "b"\nkind = "boilerplate"\n[[rules]]\nid = "e"\npattern = "x*"\n'
    with pytest.raises(RulePackError, match="matches an empty line"):
        parse_rules(bad)


def test_pipeline_idempotent_on_seed_like_text() -> None:
    once = run(SEED_LIKE)
    assert run(once) == once


LINE_POOL = [
    "Leave a Reply",
    "Cancel reply",
    "Advertisement",
    "Share this:",
    "Read also: Talks fail again",
    "See also  Talks fail again",
    "Related",
    "Talks stall in Geneva",
    "Talks stall in Geneva",
    "The talks went on.",
    "He said so, and left.",
    PARA,
    "",
    "  ",
    "Tags: war, peace",
    "Comments",
    "“Yes, sir.”",
    "Read also",
]


@given(st.lists(st.sampled_from(LINE_POOL), max_size=14), st.booleans())
@example([PARA, "Related", PARA, "Talks stall in Geneva", ""], False)
def test_properties_on_line_mixes(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    for step in (STEP, REMOVE):
        once = step.fix(text)
        assert step.fix(once) == once
        kept = [line for line in once.split("\n") if line.strip()]
        it = iter(line for line in text.split("\n") if line.strip())
        assert all(any(k == line for line in it) for k in kept)  # a subsequence
        pipeline = make_pipeline(step)
        result = pipeline.explain(text)
        assert result.text == once


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes_and_is_idempotent(text: str) -> None:
    once = STEP.fix(text)
    assert STEP.fix(once) == once
    STEP.explain(text)


@given(st.lists(st.from_regex(r"[a-z][a-z ,]{0,60}[a-z]\.", fullmatch=True), max_size=10))
def test_prose_without_triggers_is_identity(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert STEP.edits(text) == []


def test_crlf_line_endings() -> None:
    text = BODY.replace("\n", "\r\n") + "\r\nLeave a Reply\r\n"
    assert run(text) == BODY.replace("\n", "\r\n")


def test_heading_at_the_head_takes_its_headlines() -> None:
    text = "Most read\nMinister resigns over budget row\nStorm closes schools\n" + BODY
    assert run(text) == BODY
    # a headline list needs its heading: without it, short lines at the head stay
    text = "Minister resigns over budget row\nStorm closes schools\n" + BODY
    assert run(text) == text


def test_repeated_title_and_paragraph_steps_are_built_only_when_on() -> None:
    steps = build_steps(Options())
    assert [type(s) for s in steps] == [
        BoilerplateRemover,
        RepeatedTitleRemover,
        RepeatedParagraphStep,
    ]
    off = frozenset({"boilerplate/repeated-title", "boilerplate/repeated-paragraph"})
    assert [s.name for s in build_steps(Options(disable=off))] == ["boilerplate"]
    assert mtclean.clean("A\nA\n", disable=sorted(off)) == "A\nA\n"
    text = f"Talks stall in Geneva\nTalks stall in Geneva\n{PARA}\n{PARA}\n"
    kept = mtclean.clean(text, repeated_paragraphs="remove", disable="boilerplate/repeated-title")
    assert kept == f"Talks stall in Geneva\nTalks stall in Geneva\n{PARA}\n"


def test_a_footer_line_inside_the_last_quarter_ends_the_article() -> None:
    teaser = "A second story about the harbour, which the site lists under this one as a teaser."
    text = f"{BODY}\nTags: war, peace\n\n{teaser}\n\nHarbour News, 4 Mai 2025, 18:40\n"
    assert run(text) == f"{BODY}\n{teaser}\n"
    # the same line with most of the prose after it is left to the body rules
    early = f"{PARA}\n\nTags: war, peace\n\n{BODY}"
    assert run(early) == early


def test_a_timestamp_is_strong_evidence_and_a_bare_date_is_not() -> None:
    text = f"Update | 03.02.2024 | 9:15 AM\n\n{BODY}"
    assert run(text) == BODY
    letter = f"May 1, 1838\n\n{BODY}"
    assert run(letter) == letter


def test_a_one_word_last_line_after_prose_is_kept_unless_clutter_surrounds_it() -> None:
    assert run(f"{BODY}\nReactions\n") == f"{BODY}\nReactions\n"
    assert run(f"{BODY}\nShare this:\nReactions\n") == BODY
