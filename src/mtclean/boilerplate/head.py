"""The page head: where a news page puts its byline, date stamp and widget labels.

* **Byline slot**: many sites print the lead paragraph first, then the byline and
  the date stamp, then the rest of the article. The few short lines between the
  first prose line (the lead, among the first lines of the page) and the second
  one may be head lines: head rules (bylines, date labels) and date lines act
  there (no other edge rule), and a date
  line closing a slot of two lines or more (under the byline, above the second
  paragraph) is the page's stamp, not a letter's date.
* **Above a repeated title**: a page whose title comes twice at its top is a
  scraped page; a short label above the first copy (the site's name, a section
  word) is its chrome.
* **Head support**: two lines with weak evidence in the head zone, at most one line
  apart ("Home page politics", a byline, "Split"), support each other: a widget
  label alone may be a heading, two of them around a byline are the page's chrome.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from ..rulepacks.model import Rule
from .repeats import normalize_line

__all__ = [
    "SLOT_BONUS",
    "above_repeated_title",
    "byline_slot",
    "head_support",
    "slot_date",
    "slot_rule",
]

#: A site name or section label above a repeated title has at most this many words.
LABEL_WORDS = 4

#: The lead is among this many first non-blank lines (a title, perhaps a kicker).
LEAD_WITHIN = 3
#: A byline slot has at most this many lines.
SLOT_LINES = 3
#: What a date line in a byline slot, or a weak head line near another, gains.
SLOT_BONUS = 0.3
#: Weak evidence: at least this score (and a rule's, not a language guess).
WEAK = 0.5

Scores = dict[int, tuple[float, tuple[str, ...], Rule | None]]


def byline_slot(live: Sequence[int], anchors: Sequence[int]) -> list[int]:
    """The non-blank lines between the lead and the second prose line, if the lead
    opens the page and at most :data:`SLOT_LINES` short lines follow it.

    >>> byline_slot([0, 2, 4, 6, 8], [2, 8])
    [4, 6]
    >>> byline_slot([0, 2, 4, 6, 8, 10], [8, 10])  # the lead is not near the top
    []
    >>> byline_slot([0, 1, 2, 3, 4, 5, 6], [1, 6])  # too many lines: a section
    []
    """
    if len(anchors) < 2 or anchors[0] not in live[:LEAD_WITHIN]:
        return []
    slot = [i for i in live if anchors[0] < i < anchors[1]]
    return slot if len(slot) <= SLOT_LINES else []


def slot_rule(rule: Rule) -> bool:
    """Whether ``rule`` acts in a byline slot: a head rule (bylines, date labels)
    or a date line's (``edge_context``); other edge rules stay out of the body."""
    return rule.get("where", "edge") == "head" or bool(rule.get("edge_context", False))


def slot_date(slot: Sequence[int], score: Scores, threshold: float) -> None:
    """Raise a weak date line (an ``edge_context`` rule's) closing a byline slot of
    two lines or more: under the byline, above the second paragraph, it is the
    page's stamp (a lone date between the first two paragraphs stays)."""
    if len(slot) < 2 or slot[-1] not in score:
        return
    value, names, rule = score[slot[-1]]
    if rule is None or not rule.get("edge_context", False) or value >= threshold:
        return
    bonus = f"byline slot +{SLOT_BONUS:.2f}"
    score[slot[-1]] = (value + SLOT_BONUS, (*names, bonus), rule)


def head_support(
    live: Sequence[int], head: Collection[int], score: Scores, threshold: float
) -> None:
    """Weak rule evidence on two head lines at most one line apart: each gains
    :data:`SLOT_BONUS` (``live``: the non-blank lines in order; ``head``: those of
    the head zone)."""
    weak = [k for k, i in enumerate(live) if i in head and _weak(score, i, threshold)]
    pairs = [(k, m) for k, m in pairwise(weak) if m - k <= 2]
    raised = {live[k] for pair in pairs for k in pair}
    for i in raised:
        value, names, rule = score[i]
        score[i] = (value + SLOT_BONUS, (*names, f"head clutter +{SLOT_BONUS:.2f}"), rule)


def _weak(score: Scores, i: int, threshold: float) -> bool:
    """Whether line ``i`` carries weak rule evidence (not a language guess)."""
    found = score.get(i)
    return found is not None and found[2] is not None and WEAK <= found[0] < threshold


def above_repeated_title(
    stripped: Sequence[str], live: Sequence[int], done: Collection[int]
) -> int | None:
    """The first line, when it is a short label (no final stop, at most
    :data:`LABEL_WORDS` words) right above a title whose copy is removed (in ``done``).

    >>> above_repeated_title(["Daily Site", "", "Talks stall in Geneva", "Talks stall in Geneva"],
    ...                      [0, 2, 3], {3})
    0
    >>> above_repeated_title(["Daily Site", "", "Talks stall in Geneva", "Talks go on"],
    ...                      [0, 2, 3], set())
    """
    if len(live) < 2 or live[0] in done or live[1] in done:
        return None
    label, title = stripped[live[0]], stripped[live[1]]
    if label.count(" ") >= LABEL_WORDS or label[-1] in ".!?:;,":
        return None
    key = normalize_line(title)
    copied = any(stripped[k] and normalize_line(stripped[k]) == key for k in done if k > live[1])
    return live[0] if copied else None
