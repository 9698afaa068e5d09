"""General detectors of page clutter: copies of nearby lines, author bios, tag lists."""

from __future__ import annotations

import pytest

from mtclean.api import PASSES
from mtclean.boilerplate.stage import build_steps
from mtclean.options import Options
from mtclean.pipeline import Pipeline

STEP = Pipeline(tuple(build_steps(Options())), passes=PASSES)
HEAD = "Harbour strike ends after nine days of talks"
P1 = "The dockers returned to work on Monday after the union accepted a new offer.\n"
P2 = "Ships that had waited at anchor began to unload in the afternoon, the port said.\n"


def run(text: str) -> str:
    return STEP.fix(text)


def test_breadcrumb_glued_to_a_copy_of_the_headline_goes_and_the_headline_stays() -> None:
    text = f"Home » News » {HEAD}\n\n{HEAD} | Business\n\n{P1}\n{P2}"
    assert run(text) == f"{HEAD} | Business\n\n{P1}\n{P2}"


def test_labels_glued_to_a_cut_copy_of_the_headline() -> None:
    text = f"HomeBusiness{HEAD[:30]}...\n\n{HEAD}\n\n{P1}\n{P2}"
    assert run(text) == f"{HEAD}\n\n{P1}\n{P2}"


def test_lead_cut_short_above_the_full_lead_goes() -> None:
    lead = P1.strip() + " The offer raises wages by four percent from 1 p.m. today."
    text = f"{HEAD}\n\n{lead[:-18]}\n\n{lead}\n\n{P2}"
    assert run(text) == f"{HEAD}\n\n{lead}\n\n{P2}"


def test_a_lead_repeated_with_a_credit_after_it_stays() -> None:
    text = f"{HEAD}\n\n{P1}\n{P1.strip()} (PHOTO DESK)\n\n{P2}"
    assert run(text) == text


def test_author_box_after_the_article_goes() -> None:
    bio = (
        "Ann Example is a passionate and seasoned maritime writer with over 10 years of "
        "experience in port news. She writes for several sites and loves the sea."
    )
    text = f"{HEAD}\n\n{P1}\n{P2}\nWritten by:\n\nAnn Example\n\n{bio}\n"
    assert run(text) == f"{HEAD}\n\n{P1}\n{P2}"


def test_a_profile_paragraph_inside_the_article_stays() -> None:
    text = (
        f"{HEAD}\n\n{P1}\nAnn Example is a seasoned writer with over 10 years of experience "
        f"who covered the strike for the union's magazine.\n\n{P2}"
    )
    assert run(text) == text


def test_tag_label_with_its_keywords_and_page_id_go() -> None:
    text = f"{HEAD}\n\n{P1}\n{P2}\nTopics:\n\nharbour strike union wages dockers\n\nabc-12"
    assert run(text) == f"{HEAD}\n\n{P1}\n{P2}".rstrip("\n")


def test_short_line_rendered_twice_loses_its_copy() -> None:
    text = f"{HEAD}\n\n{P1}\n{P2}\nWhat the deal means\n\nWhat the deal means\n\n{P1}"
    assert run(text) == f"{HEAD}\n\n{P1}\n{P2}\nWhat the deal means\n\n{P1}"


NEGATIVES = [
    # subheadings, a one-line quote, a dateline, a bullet list
    f"{HEAD}\n\n{P1}\nWhat comes next\n\n{P2}\n“We will not give up”\n\n{P1}",
    f"ROTTERDAM –\n\n{P1}\n{P2}",
    f"{HEAD}\n\n{P1}\n- more cranes\n- more pilots\n- more berths\n\n{P2}",
    # dates inside a timeline between paragraphs
    f"{HEAD}\n\n{P1}\nMonday, 3 May 2021\n\n{P2}\nTuesday, 4 May 2021\n\n{P1}",
    # a body line that starts with "By", and one that reports on a newsletter
    f"{HEAD}\n\n{P1}\nBy the end of the week the port was full again.\n\n{P2}",
    f"{HEAD}\n\n{P1}\nReaders who subscribe to our newsletter were told first.\n\n{P2}",
    # an English article quoting a foreign sentence
    f"{HEAD}\n\n{P1}\n“Wij gaan niet weg,” said the union leader in Dutch.\n\n{P2}",
    # a price in a sentence
    f"{HEAD}\n\n{P1}\n{P2}\nThe fee rises to € 8.00 a month in May, the council decided.\n",
    # a refrain far apart, a chorus line quoted twice as dialogue
    f"{HEAD}\n\n{P1}\n“Yes, captain.”\n\n“Yes, captain.”\n\n{P2}",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives_are_untouched(text: str) -> None:
    assert STEP.edits(text) == []


def test_a_lone_surrogate_after_a_rules_first_segment_does_not_crash() -> None:
    import pickle

    from mtclean.boilerplate.stage import build_steps
    from mtclean.options import Options

    (remover, *_) = build_steps(Options())
    text = "Share this article: Facebook \ud800 x\nBy Ann \ud800\nThe talks went on all night.\n"
    assert remover.fix(text) == text
    again = pickle.loads(pickle.dumps(remover))  # what a spawned worker receives
    assert again.fix(text) == text


def test_a_kicker_and_headline_split_below_the_joined_title_go() -> None:
    title = f"Port strike: {HEAD}"
    text = f"{title}\n\nPort strike\n{HEAD}\n\n{P1}\n{P2}"
    assert run(text) == f"{title}\n\n{P1}\n{P2}"
    dashed = f"Port strike – {HEAD}"
    assert run(f"{dashed}\n\nPort strike\n{HEAD}\n\n{P1}\n{P2}") == f"{dashed}\n\n{P1}\n{P2}"


def test_lines_that_only_share_words_with_the_title_stay() -> None:
    title = f"Port strike: {HEAD}"
    for first, second in (("Port", f"strike: {HEAD}"), ("Port strike", "The port said so.")):
        text = f"{title}\n\n{first}\n{second}\n\n{P1}\n{P2}"
        assert run(text) == text
