"""The line classifier: every line scored from evidence, decided with its neighbours.

Evidence for a line being clutter:

* a pack rule covering the whole line, with the rule's ``score`` (default 1.0);
  the rule must be allowed where the line is (``where``: head/tail zone or body);
* ``boilerplate/widget-block`` (0.9): a run of short cells, many bare numbers;
* ``boilerplate/foreign-line`` (0.5): a short line in another language than the body.

Evidence against: a line that reads as prose or as an English sentence (its pack
score is halved), the title, the opening heading (a one-word first line followed
by prose) and the closing heading (a one-word last line right after prose, unless
an ``anywhere`` rule covers it), both capped at 0.5.

Position: the *head* zone is everything before the first prose line, the *tail*
zone everything after the last one, the *body* what lies between. Context then
decides the uncertain lines, as jusText does: a line with weak evidence next to a
removed line goes (+0.3), a short line without evidence between two removed
lines (or a removed line and the text's edge, outside the body) goes too. A line
whose score reaches the threshold is removed; a line with evidence that does not
is reported as ``boilerplate/suspect``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from ..rulepacks.model import Rule
from .copies import copy_lines
from .evidence import (
    author_bio,
    bracketed_foreign,
    foreign_line,
    is_prose,
    is_sentence_like,
    widget_blocks,
)
from .head import above_repeated_title, byline_slot, head_support, slot_date, slot_rule
from .repeats import normalize_line, sentence_like, title_like

__all__ = ["BIO", "CONTEXT", "FOREIGN", "SUSPECT", "WIDGET", "Verdict", "classify_lines"]

CONTEXT = "boilerplate/context"
FOREIGN = "boilerplate/foreign-line"
BIO = "boilerplate/author-bio"
SUSPECT = "boilerplate/suspect"
WIDGET = "boilerplate/widget-block"
#: The default score at which a line is removed.
THRESHOLD = 0.8
CONTEXT_BONUS = 0.3
FOREIGN_SCORE = 0.5
WIDGET_SCORE = 0.9
COPY_SCORE = 0.9
OPENING_CAP = 0.5
#: A line without evidence taken by context has at most this many words.
CONTEXT_WORDS = 8
#: Lines longer than this are never clutter.
MAX_LINE = 250
#: An author's bio may be longer.
MAX_BIO = 600
#: A tail rule inside the body ends the article if at most this share of the
#: body's prose (in characters) comes after it.
END_SHARE = 0.25
#: A headline after the article's end is at most this long.
MAX_HEADLINE = 150
#: Prose lines longer than this are matched against ``anywhere`` rules only.
LONG_PROSE = 120
HEAD, BODY, TAIL, EDGE = "head", "body", "tail", "edge"
#: The zone name under which ``match`` finds the rules that end an article (``ends``).
ENDS = "ends"
_SEGMENTS = regex.compile(r"\s[»›|/>]\s|\s[-–—]\s")
_ALPHA_WORD = regex.compile(r"\p{L}{2,}")
_SENTENCE_STOP = frozenset(".!?。！？")
_WORD_HEADING = regex.compile(r"\p{Latin}{1,15}")
#: A label in front of a short line ("Photo: …", "Source: …"): a credit, not a sentence.
_LABELLED = regex.compile(r"\p{L}[\p{L}\-]*(?:\s\p{L}[\p{L}\-]*){0,2}\s?:\s")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The classifier's decision on one line: score, detectors and outcome."""

    score: float
    detectors: tuple[str, ...]
    remove: bool
    rule: Rule | None = None

    def explain(self) -> str:
        """The evidence as text: ``"boilerplate-en/ad-marker 1.00"``.

        >>> Verdict(0.8, ("a/b 0.50", "context +0.30"), True).explain()
        'a/b 0.50 + context +0.30 = 0.80'
        """
        parts = " + ".join(self.detectors)
        return parts if len(self.detectors) == 1 else f"{parts} = {self.score:.2f}"


Matcher = Callable[[str, str], Rule | None]


def _zones(stripped: Sequence[str], anchors: Sequence[int]) -> list[str]:
    n = len(stripped)
    if not anchors:
        return [EDGE] * n
    first, last = anchors[0], anchors[-1]
    return [HEAD if i < first else TAIL if i > last else BODY for i in range(n)]


def _neighbour(stripped: Sequence[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(stripped):
        if stripped[j]:
            return j
        j += step
    return None


def classify_lines(
    lines: Sequence[str],
    done: set[int],
    match: Matcher,
    threshold: float = THRESHOLD,
    generic: frozenset[str] = frozenset(),
    ended: bool | None = None,
) -> dict[int, Verdict]:
    """Verdicts for the non-blank lines of ``lines`` not in ``done`` that carry evidence.

    ``match(zone, line)`` returns the pack rule covering a stripped line that may act
    in ``zone`` (``"head"``, ``"body"``, ``"tail"``; ``"any"`` ignores ``where``;
    ``"ends"``: only rules that end an article).
    Lines in ``done`` are already removed and count as removed neighbours.
    ``generic`` holds the full ids of the rules of bundled packs (written for every
    site, not for one): they count half on a line that reads as a sentence.
    ``ended`` says whether the last line ended with a newline (by default, whether
    ``lines`` ends with an empty line: the split of a text that ends with one).
    """
    stripped = [line.strip() if len(line) <= MAX_LINE else "." * 3 for line in lines]
    n = len(stripped)
    if ended is None:
        ended = not lines or lines[-1] == ""
    unended = n - 1 if stripped and not ended else -1
    memo: dict[tuple[str, str], Rule | None] = {}

    def cached(zone: str, line: str) -> Rule | None:
        key = (zone, line)
        if key not in memo:
            memo[key] = match(zone, line)
        return memo[key]

    prose = [bool(s) and (len(lines[i]) > MAX_LINE or is_prose(s)) for i, s in enumerate(stripped)]
    copies = {
        i: name
        for i, name in copy_lines([line.strip() for line in lines], prose).items()
        if i not in done
    }
    for i in copies:  # a copy of another line does not anchor the body
        prose[i] = False
    # an author box's bio reads as prose, but does not anchor the body: it counts
    # as clutter only after the article (in the tail zone)
    bios: dict[int, float] = {}
    for i in range(n - 1, -1, -1):
        if not prose[i] or i in done:
            continue
        bio = author_bio(lines[i].strip()) if len(lines[i]) <= MAX_BIO else 0.0
        if not bio:
            break
        bios[i] = bio
        prose[i] = False
    live = [i for i, s in enumerate(stripped) if s and i not in done]
    candidate = {
        i
        for i in live
        if i not in copies
        and i not in bios
        and (prose[i] or i == unended or _short_sentence(stripped[i]))
    }
    rules: dict[int, Rule] = {}

    def edge_walk(order: Sequence[int]) -> int | None:
        """Match lines from one edge until the first candidate without a rule."""
        for i in order:
            if prose[i] and len(stripped[i]) > LONG_PROSE:  # only unmistakable rules
                rule = cached(BODY, stripped[i]) if len(lines[i]) <= MAX_LINE else None
            else:
                rule = cached("any", stripped[i])
            if rule is not None:
                rules[i] = rule
            elif i in candidate:
                return i
        return None

    first = edge_walk(live)
    last = edge_walk([i for i in reversed(live) if first is None or i > first])
    anchors: list[int] = []
    if first is not None:
        end = last if last is not None else first
        anchors.append(first)
        for i in live:
            if first < i < end:
                # in the body only ``anywhere`` rules act
                rule = cached(BODY, stripped[i]) if len(lines[i]) <= MAX_LINE else None
                if rule is not None:
                    rules[i] = rule
                elif i in candidate:
                    anchors.append(i)
        if last is not None:
            anchors.append(last)
        if anchors[-1] != unended:  # an unended last line may be cut off: the tail is empty
            anchors = _article_end(stripped, anchors, rules, live, cached, threshold)
    zones = _zones(stripped, anchors)
    slot = byline_slot(live, anchors)
    for i in slot:  # the byline and date stamp under a lead that opens the page
        rule = cached(HEAD, stripped[i]) if len(lines[i]) <= MAX_LINE else None
        if rule is not None and slot_rule(rule):
            zones[i] = HEAD
            rules[i] = rule
    score: dict[int, tuple[float, tuple[str, ...], Rule | None]] = {}
    for i, rule in rules.items():
        here = rule if zones[i] == BODY else cached(zones[i], stripped[i])
        value = float(rule.get("score", 1.0))
        name = f"{rule.full_id} {value:.2f}"
        if here is None:  # the rule may not act here
            continue
        anywhere = rule.get("where", "edge") == "anywhere"
        if rule.full_id in generic and not anywhere and is_sentence_like(stripped[i]):
            value /= 2
            name += " (reads as a sentence)"
        score[i] = (value, (name,), here)
    _after_end(stripped, zones, score, unended, threshold, cached)
    for i, bio in bios.items():
        if zones[i] in (TAIL, EDGE) and (i not in score or score[i][0] < bio):
            score[i] = (bio, (f"{BIO} {bio:.2f}",), None)
    for i, name in copies.items():
        # a copy is never the title (the full copy is), whatever rule covers it too
        value, names, _ = score.get(i, (0.0, (), None))
        score[i] = (max(value, COPY_SCORE), (f"{name} {COPY_SCORE:.2f}", *names), None)
    for i in live:
        s = stripped[i]
        if i not in score and s[0] in "[(" and bracketed_foreign(lines[i].strip()):
            score[i] = (WIDGET_SCORE, (f"{FOREIGN} {WIDGET_SCORE:.2f} (bracketed)",), None)
    for block in widget_blocks(stripped):
        for i in block:
            if stripped[i] and i not in done and i not in score:
                score[i] = (WIDGET_SCORE, (f"{WIDGET} {WIDGET_SCORE:.2f}",), None)
    title: int | None = None
    label = above_repeated_title(stripped, live, done)
    if label is not None and label not in score and zones[label] != BODY:
        score[label] = (threshold, (f"{CONTEXT} {threshold:.2f} (above a repeated title)",), None)
    if anchors:
        slot_date(slot, score, threshold)
        head_support(live, {i for i in live if zones[i] == HEAD}, score, threshold)
        first = anchors[0]
        for i in range(n):
            s = stripped[i]
            if (
                s
                and i not in done
                and i not in score
                and zones[i] != BODY
                and i != unended
                and foreign_line(s)
            ):
                score[i] = (FOREIGN_SCORE, (f"{FOREIGN} {FOREIGN_SCORE:.2f}",), None)
        opening = _neighbour(stripped, -1, 1)
        if (
            opening is not None
            and opening in score
            and _neighbour(stripped, opening, 1) == first
            and _WORD_HEADING.fullmatch(stripped[opening])
        ):
            value, names, rule = score[opening]
            if value > OPENING_CAP:
                score[opening] = (OPENING_CAP, (*names, "opening heading"), rule)
        closing = _neighbour(stripped, n, -1)
        if (
            closing is not None
            and closing in score
            and _neighbour(stripped, closing, -1) == anchors[-1]
            and _WORD_HEADING.fullmatch(stripped[closing])
        ):
            value, names, rule = score[closing]
            if value > OPENING_CAP and rule is not None and rule.get("where", "edge") != "anywhere":
                score[closing] = (OPENING_CAP, (*names, "closing heading"), rule)
        title = _title(stripped, zones, score, done)
        if title is not None:
            score.pop(title, None)
        for edge, step in ((opening, 1), (closing, -1)):
            _edge_context(stripped, score, anchors, edge, step, threshold)
    verdicts: dict[int, Verdict] = {}
    removed = set(done)
    for i, (value, names, rule) in score.items():
        sure = value >= threshold
        verdicts[i] = Verdict(value, names, sure, rule)
        if sure:
            removed.add(i)
    _context(stripped, zones, anchors, verdicts, removed, threshold, unended, title)
    _drop_lone(stripped, anchors, verdicts, removed)
    return verdicts


def _article_end(
    stripped: Sequence[str],
    anchors: list[int],
    rules: dict[int, Rule],
    live: Sequence[int],
    match: Matcher,
    threshold: float,
) -> list[int]:
    """The anchors up to where the article ends.

    Related-article teasers after a page's footer ("Tags: …", "Also interesting",
    a comment form) are prose too, so the last prose line is not always the end of
    the article. A short body line that a tail rule covers with full strength, with
    at most :data:`END_SHARE` of the body's prose after it, ends the article: what
    follows it is the tail zone, where edge rules act (prose lines are still kept).
    """
    if len(anchors) < 2:
        return anchors
    total = sum(len(stripped[a]) for a in anchors)
    after = total
    k = 0
    anchor_set = set(anchors)
    for i in live:
        while k < len(anchors) and anchors[k] <= i:
            after -= len(stripped[anchors[k]])
            k += 1
        if (
            k == 0
            or k == len(anchors)
            or i in anchor_set
            or i in rules
            or after > END_SHARE * total
            or len(stripped[i]) > MAX_LINE
        ):
            continue
        rule = match(TAIL, stripped[i])
        if rule is None or float(rule.get("score", 1.0)) < threshold:
            continue
        if rule.get("then", 0) or is_sentence_like(stripped[i]):
            continue
        rules[i] = rule
        for j in live:
            if j > i and j not in rules and len(stripped[j]) <= MAX_LINE:
                found = match(TAIL, stripped[j])
                if found is not None:
                    rules[j] = found
        return anchors[:k]
    return anchors


def _after_end(
    stripped: Sequence[str],
    zones: Sequence[str],
    score: dict[int, tuple[float, tuple[str, ...], Rule | None]],
    unended: int,
    threshold: float,
    match: Matcher,
) -> None:
    """After a line that ends the article (a rule with ``ends``: "Tags: …") in the
    tail zone, the headline lines and cut-off teasers without evidence are the page's
    related-article list: they go. Prose that ends like a sentence stays."""
    ends = [
        i
        for i, (value, _, rule) in score.items()
        if zones[i] == TAIL
        and value >= threshold
        and rule is not None
        and match(ENDS, stripped[i]) is not None
    ]
    if not ends:
        return
    end = min(ends)
    name = f"{CONTEXT} {threshold:.2f} (after the article's end, line {end + 1})"
    for i in range(end + 1, len(stripped)):
        s = stripped[i]
        if not s or i in score or i == unended:
            continue
        teaser = s.endswith(("...", "…")) and len(s) <= MAX_LINE
        headline = len(s) <= MAX_HEADLINE and s[-1] not in ".,;:!?" and s.count(" ") < 25
        if teaser or headline:
            score[i] = (threshold, (name,), None)


def _edge_context(
    stripped: Sequence[str],
    score: dict[int, tuple[float, tuple[str, ...], Rule | None]],
    anchors: Sequence[int],
    edge: int | None,
    step: int,
    threshold: float,
) -> None:
    """Count the text's edge as a removed neighbour of the first (or last) line when
    its rule says so (``edge_context``: a bare date above a headline), its other
    neighbour is not prose (a letter's date above its first paragraph stays) and the
    page carries other clutter (a dated press release alone keeps its date)."""
    if edge is None or edge not in score:
        return
    value, names, rule = score[edge]
    if rule is None or not rule.get("edge_context", False) or value >= threshold:
        return
    other = _neighbour(stripped, edge, step)
    at = bisect_left(anchors, other) if other is not None else 0
    anchor = other is not None and at < len(anchors) and anchors[at] == other
    if other is None or anchor or other in score or value + CONTEXT_BONUS < threshold:
        return
    if sentence_like(stripped[other]) or not title_like(normalize_line(stripped[other])):
        return  # "Dear Sir," under a letter's date
    if not any(v >= threshold for j, (v, _, _) in score.items() if j != edge):
        return  # a page without other clutter: a dated document, not a scraped page
    score[edge] = (value + CONTEXT_BONUS, (*names, f"text edge +{CONTEXT_BONUS:.2f}"), rule)


def _drop_lone(
    stripped: Sequence[str],
    anchors: Sequence[int],
    verdicts: dict[int, Verdict],
    removed: set[int],
) -> None:
    """Forget weak evidence on a line that stands alone among prose: no neighbour
    carries evidence and one is a prose line (a letter's date above its first
    paragraph is not suspect)."""
    anchor_set = set(anchors)
    lone = []
    for i, verdict in verdicts.items():
        if verdict.remove:
            continue
        near = [
            j for j in (_neighbour(stripped, i, -1), _neighbour(stripped, i, 1)) if j is not None
        ]
        if any(j in verdicts or j in removed for j in near) or not any(
            j in anchor_set for j in near
        ):
            continue
        lone.append(i)
    for i in lone:
        del verdicts[i]


def _title(
    stripped: Sequence[str],
    zones: Sequence[str],
    score: dict[int, tuple[float, tuple[str, ...], Rule | None]],
    done: set[int],
) -> int | None:
    """The title: the first head-zone line of three words or more whose only
    evidence is a rule that embeds a headline (``headline = true``)."""
    for i, s in enumerate(stripped):
        if zones[i] not in (HEAD, EDGE):
            return None
        if not s or i in done:
            continue
        found = score.get(i)
        if found is not None and (found[2] is None or not found[2].get("headline", False)):
            continue
        if len(s) >= 12 and any(len(_ALPHA_WORD.findall(part)) >= 3 for part in _SEGMENTS.split(s)):
            return i
    return None


def _context(
    stripped: Sequence[str],
    zones: Sequence[str],
    anchors: Sequence[int],
    verdicts: dict[int, Verdict],
    removed: set[int],
    threshold: float,
    unended: int,
    title: int | None = None,
) -> None:
    """Let neighbours decide the uncertain lines, until nothing changes (never the
    title's line)."""
    anchor_set = set(anchors)
    changed = True
    while changed:
        changed = False
        for i, s in enumerate(stripped):
            if (
                not s
                or i in removed
                or i in anchor_set
                or i == title
                or (i == unended and i not in verdicts)
            ):
                continue
            up, down = _neighbour(stripped, i, -1), _neighbour(stripped, i, 1)
            near = (up is not None and up in removed) or (down is not None and down in removed)
            verdict = verdicts.get(i)
            if verdict is not None:
                if verdict.score <= 0 or not near or (verdict.rule is None and zones[i] == BODY):
                    continue
                value = verdict.score + CONTEXT_BONUS
                if value < threshold:
                    continue
                names = (*verdict.detectors, f"context +{CONTEXT_BONUS:.2f}")
                verdicts[i] = Verdict(value, names, True, verdict.rule)
            else:
                if not _plain_short(s) or not anchors:
                    continue
                up_ok = up in removed if up is not None else zones[i] != BODY
                down_ok = down in removed if down is not None else zones[i] != BODY
                if zones[i] != BODY and up_ok != down_ok:
                    # two short lines between clutter at the page's edge go together
                    other, step = (down, 1) if up_ok else (up, -1)
                    if (
                        other is not None
                        and other not in verdicts
                        and other != title
                        and other not in anchor_set
                        and zones[other] == zones[i]
                        and _plain_short(stripped[other])
                    ):
                        far = _neighbour(stripped, other, step)
                        up_ok = down_ok = far is None or far in removed
                if not (up_ok and down_ok) or _is_title_candidate(i, stripped, zones):
                    continue
                verdicts[i] = Verdict(threshold, (f"{CONTEXT} {threshold:.2f}",), True)
            removed.add(i)
            changed = True


def _plain_short(line: str) -> bool:
    """Whether a line is short enough for context to take it (no final stop)."""
    return line.count(" ") < CONTEXT_WORDS and line[-1] not in _SENTENCE_STOP


def _short_sentence(line: str) -> bool:
    """Whether a short line ending in a stop may start the body: not a labelled
    credit or caption ("Photo: Archive / site.org." is page furniture).

    >>> _short_sentence("Talks resume."), _short_sentence("Photo: Archive / gov.example.")
    (True, False)
    """
    return line[-1] in _SENTENCE_STOP and _LABELLED.match(line) is None


def _is_title_candidate(i: int, stripped: Sequence[str], zones: Sequence[str]) -> bool:
    """The first non-blank line of a text with a body is not taken by context alone."""
    return zones[i] in (HEAD, EDGE) and _neighbour(stripped, i, -1) is None and BODY in zones
