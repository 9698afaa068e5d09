"""Clutter found by its place on the page: a date at the edge, a label glued to the
lead, a site note in the site's language, headlines after the article's end."""

from __future__ import annotations

import mtclean

LEAD = "The ministers met on Friday ahead of next week's talks, the first in two years.\n"
MORE = (
    "Both sides said they were ready to discuss arms control, but not the core demands.\n\n"
    "A third round is planned for the spring, after the elections in both countries.\n"
)


def test_date_line_above_the_title_of_a_scraped_page_goes() -> None:
    text = f"Tuesday , March 4 2025\n\nTalks stall in Geneva\n\n{LEAD}\n\nLeave a Reply\n"
    assert mtclean.clean(text) == f"Talks stall in Geneva\n\n{LEAD}"


def test_a_dated_document_without_other_clutter_keeps_its_date() -> None:
    text = f"Tuesday, March 4 2025\n\nTalks stall in Geneva\n\n{LEAD}"
    result = mtclean.clean_and_explain(text)
    assert result.text == text
    assert [f.rule for f in result.findings] == ["boilerplate/suspect"]


def test_letter_date_above_a_salutation_or_prose_stays() -> None:
    for text in (f"March 4, 1851\n\nDear Sir,\n\n{LEAD}", f"March 4, 1851\n\n{LEAD}"):
        assert mtclean.clean(text) == text


def test_glued_label_is_cut_from_the_lead_only() -> None:
    text = f"Talks stall in Geneva\n\nwith video{LEAD}"
    assert mtclean.clean(text) == f"Talks stall in Geneva\n\n{LEAD}"
    assert mtclean.clean(mtclean.clean(text)) == mtclean.clean(text)
    later = f"Talks stall in Geneva\n\n{LEAD}\n{MORE}\nIn a live videoThe minister spoke.\n"
    assert mtclean.clean(later) == later


def test_bracketed_note_in_the_site_language_goes_anywhere() -> None:
    note = "[Wenn Sie die Nachrichten aus der Welt auf Ihr Handy haben wollen, laden Sie sie.]\n"
    text = f"Talks stall in Geneva\n\n{LEAD}\n{note}\n{MORE}"
    assert mtclean.clean(text) == f"Talks stall in Geneva\n\n{LEAD}\n{MORE}"


def test_bracketed_english_and_quoted_foreign_stay() -> None:
    for line in (
        "[The minister said in German: wir schaffen das, and left the room.]\n",
        "(Translated from the German by the editors of this site.)\n",
    ):
        text = f"Talks stall in Geneva\n\n{LEAD}\n{line}\n{MORE}"
        assert mtclean.clean(text) == text


def test_headlines_after_a_tag_line_go_but_prose_stays() -> None:
    body = f"Talks stall in Geneva\n\n{LEAD}\n{MORE}"
    text = (
        f"{body}\nTags: Geneva, arms control\n\nFloods close the harbour for a week\n\n"
        "Storm warning for the coast on Sunday\n"
    )
    assert mtclean.clean(text) == body


def test_a_labelled_credit_does_not_start_the_body() -> None:
    text = (
        "Talks stall in Geneva\nPhoto: Archive / gov.example.\n\n"
        f"Filed by Desk Three, 4 Mai 2025, 18:40\n\n{LEAD}"
    )
    assert mtclean.clean(text) == f"Talks stall in Geneva\nPhoto: Archive / gov.example.\n\n{LEAD}"


def test_a_short_sentence_still_starts_the_body() -> None:
    text = f"Talks stall.\n\nMost read\n\n{LEAD}"
    assert mtclean.clean(text) == text


def test_date_stamp_under_the_byline_after_the_lead_goes() -> None:
    head = f"Talks stall in Geneva\n\n{LEAD}\nAnn Example, Bo Sample\n\n"
    assert mtclean.clean(f"{head}Mar 4 2025\n\n{MORE}") == f"{head}{MORE}"


def test_a_date_between_paragraphs_stays() -> None:
    alone = f"Talks stall in Geneva\n\n{LEAD}\nMarch 4, 2025\n\n{MORE}"
    late = f"Talks stall in Geneva\n\n{LEAD}\n{MORE}\nAnn Example\n\nMarch 4, 2025\n\n{LEAD}"
    for text in (alone, late):
        assert mtclean.clean(text) == text


def test_edge_rules_do_not_act_in_the_byline_slot() -> None:
    text = f"Talks stall in Geneva\n\n{LEAD}\nAnn Example\n\nMost read\n\n{MORE}"
    assert mtclean.clean(text) == text


def test_two_weak_labels_around_a_byline_go_and_the_byline_stays() -> None:
    text = f"Home page politics\n\nFrom: Ann Example\n\nSplit\n\n{LEAD}\n{MORE}"
    assert mtclean.clean(text) == f"From: Ann Example\n\n{LEAD}\n{MORE}"


def test_one_weak_label_or_two_far_apart_stay() -> None:
    one = f"Talks stall in Geneva\n\nAnn Example\n\nSplit\n\n{LEAD}\n{MORE}"
    far = f"Home page politics\n\nTalks stall in Geneva\n\nAnn Example\n\nSplit\n\n{LEAD}"
    for text in (one, far):
        assert mtclean.clean(text) == text


def test_an_empty_date_label_in_the_byline_slot_goes() -> None:
    head = f"Talks stall in Geneva\n\n{LEAD}\nAnn Example\n\n"
    assert mtclean.clean(f"{head}Latest update:\n\n{MORE}") == f"{head}{MORE}"
    kept = f"{head}Latest update\n\n{MORE}"  # no colon: a weak label, alone
    assert mtclean.clean(kept) == kept


BOX = "Party A\n41.2\nParty B\n30.5\nParty C\n12.1\nOther\n7\n"
CAPTION = "Source: Example Pollster / Research Group Votes"


def test_a_results_box_goes_with_its_source_caption_and_link() -> None:
    text = f"{LEAD}\n{BOX}{CAPTION}\n\nResults in detail\n\n{MORE}"
    assert mtclean.clean(text) == f"{LEAD}\n{MORE}"


def test_a_heading_or_source_line_without_a_box_stays() -> None:
    for text in (
        f"{LEAD}\n[ad_1]\n\nResults\n\n{MORE}",
        f"{LEAD}\n{CAPTION}\n\nResults in detail\n\n{MORE}",
    ):
        assert mtclean.clean(text) == text.replace("[ad_1]\n\n", "")


def test_two_short_lines_between_clutter_at_the_tail_go() -> None:
    tail = "Subscribe to continue reading\n\nBest offer\n\nOr else\n\nLog in\n"
    assert mtclean.clean(f"{LEAD}\n{MORE}\n{tail}") == f"{LEAD}\n{MORE}"


def test_three_short_lines_or_lines_in_the_body_stay() -> None:
    three = f"{LEAD}\n{MORE}\nSubscribe to continue reading\n\nOne\n\nTwo\n\nThree\n\nLog in\n"
    assert mtclean.clean(three) == three.replace("Subscribe to continue reading\n\n", "").replace(
        "\n\nLog in\n", "\n"
    )
    body = f"{LEAD}\n[ad_1]\n\nTwo views\n\nA reply\n\n{MORE}"
    assert mtclean.clean(body) == body.replace("[ad_1]\n\n", "")


def test_a_site_label_above_a_repeated_title_goes() -> None:
    text = f"Daily Example World\n\nTalks stall in Geneva\n\nTalks stall in Geneva\n\n{LEAD}"
    assert mtclean.clean(text) == f"Talks stall in Geneva\n\n{LEAD}"


def test_a_label_above_a_title_said_once_stays() -> None:
    for text in (
        f"Daily Example World\n\nTalks stall in Geneva\n\n{LEAD}",
        f"Part one of a long series\n\nTalks stall in Geneva\n\nTalks stall in Geneva\n\n{LEAD}",
    ):
        once = text.replace("\n\nTalks stall in Geneva\n\nTalks", "\n\nTalks")
        assert mtclean.clean(text) == once


def test_a_one_line_text_loses_only_a_glued_label_on_both_paths() -> None:
    """A text of one line (a sentence, a title) is never removed (the share limit); a
    label glued to its first word goes, on the fast path as in the audit."""
    cases = {
        "Share this": "Share this",
        "Leave a Reply": "Leave a Reply",
        "  Read more  \n": "  Read more  \n",
        f"with video{LEAD}": LEAD,
        LEAD: LEAD,
        "\n\nwith videoThe ministers met on Friday.\n": "\n\nThe ministers met on Friday.\n",
        "": "",
    }
    for text, expected in cases.items():
        assert mtclean.clean(text, disable=["repair"]) == expected, text
        result = mtclean.clean_and_explain(text, disable=["repair"])
        assert result.text == expected, text
