"""Lines that copy a nearby line: the scraper's second rendering of a headline or lead.

A page often renders a headline or a lead twice: once in a breadcrumb or a teaser
(cut short, glued to the labels before it), once in full. The full copy is content;
the other one is clutter, whatever its words:

* ``boilerplate/glued-copy``: labels glued in front of a copy of the next line
  ("Home » News » <headline>" above "<headline>"; the copy may be cut short);
* ``boilerplate/truncated-copy``: the first part of a line that follows a few lines
  later (a teaser of the lead, cut off mid-sentence, above the full lead);
* ``boilerplate/repeated-line``: a short line that repeats the line before it, or
  the one before that (an author's name, a subheading rendered twice).

Copies are compared after unifying quotes, dashes, ellipses, spacing and case.
"""

from __future__ import annotations

from collections.abc import Sequence

from .repeats import TITLE_FIRST_WITHIN, normalize_line, sentence_like, title_like

__all__ = ["GLUED", "REPEATED", "TRUNCATED", "copy_lines"]

GLUED = "boilerplate/glued-copy"
TRUNCATED = "boilerplate/truncated-copy"
REPEATED = "boilerplate/repeated-line"
#: Labels glued in front of a copy are at most this long...
MAX_PREFIX = 60
#: ...and the copy after them at least this long.
MIN_GLUED = 20
#: A truncated copy is at least this long...
MIN_TRUNCATED = 40
#: ...and its full version among this many following non-blank lines.
TRUNCATED_WITHIN = 6
#: A repeated short line has at least this many characters and two words.
MIN_REPEATED = 10
#: Lines longer than this are not compared.
MAX_COPY = 600
_CUT = " .…"
#: Labels end glued to the copy, or carry one of these separators (breadcrumbs, bylines;
#: the line key writes » and quotes as ").
_LABEL_MARKS = frozenset('»›>|/:•·–—-"')
_SENTENCE_END = frozenset(".!?\"'")


def _key(line: str) -> str:
    return normalize_line(line).replace("…", "...")


def copy_lines(stripped: Sequence[str], prose: Sequence[bool]) -> dict[int, str]:
    """The lines that copy a nearby line, with the detector that found each.

    ``stripped`` are the stripped lines (blank ones empty), ``prose[i]`` whether line
    ``i`` reads as running text (a repeated line must not).

    >>> head = "Talks stall in Geneva as both sides dig in"
    >>> copy_lines(["Home » World » " + head, "", head, "The talks ended."], [False] * 4)
    {0: 'boilerplate/glued-copy'}
    >>> lead = "The ministers met on Friday ahead of next week's talks in Geneva, the first"
    >>> copy_lines([lead[:50] + "...", "Ann Example", lead + " in years."], [False] * 3)
    {0: 'boilerplate/truncated-copy'}
    >>> copy_lines(["Title", "Lead.", "Text.", "Ann Example", "Ann Example"], [False] * 5)
    {4: 'boilerplate/repeated-line'}
    >>> copy_lines(["Title", "Lead.", "Text.", "“Yes, sir.”", "“Yes, sir.”"], [False] * 5)
    {}
    >>> copy_lines(["A long road to reform", "The road was long.", "Reform came."], [False] * 3)
    {}
    >>> copy_lines(["The the said it to me.", "The said it to me. Then he left."], [True] * 2)
    {}
    """
    order = [i for i, s in enumerate(stripped) if s and len(s) <= MAX_COPY]
    keys = {i: _key(stripped[i]) for i in order}
    found: dict[int, str] = {}
    for n, i in enumerate(order):
        key = keys[i]
        later = order[n + 1 : n + 1 + TRUNCATED_WITHIN]
        if later and _glued(key, keys[later[0]]):
            found[i] = GLUED
            continue
        cut = key.rstrip(_CUT)
        if len(cut) >= MIN_TRUNCATED and any(_truncated(key, cut, keys[j]) for j in later):
            found[i] = TRUNCATED
            continue
        if (
            not prose[i]
            and not sentence_like(stripped[i])
            and len(key) >= MIN_REPEATED
            and " " in key
            and any(
                keys[order[m]] == key and order[m] not in found and not _title(m, key)
                for m in range(max(0, n - 2), n)
            )
        ):
            found[i] = REPEATED
    return found


def _title(position: int, key: str) -> bool:
    """Whether a line at this position among the non-blank lines may be the title
    (its copies are the repeated-title step's): the first line, or a title-like one
    among the first lines."""
    return position == 0 or (position < TITLE_FIRST_WITHIN and title_like(key))


def _glued(key: str, next_key: str) -> bool:
    """Whether ``key`` is short labels glued in front of (a cut copy of) ``next_key``."""
    probe = next_key[:MIN_GLUED]
    if len(probe) < MIN_GLUED:
        return False
    at = key.find(probe, 1)
    if at <= 0 or at > MAX_PREFIX or ". " in key[:at]:
        return False
    if key[at - 1].isspace() and not any(c in _LABEL_MARKS for c in key[:at]):
        return False  # plain words before the copy, not labels ("the " + a sentence)
    copy = key[at:].rstrip(_CUT)
    return len(copy) >= MIN_GLUED and next_key.startswith(copy)


def _truncated(key: str, cut: str, full: str) -> bool:
    """Whether ``key`` (``cut`` without its ending dots) is ``full`` cut short.

    A whole sentence that a longer line repeats before adding more (a caption's
    credit) is not cut short: the cut must end in an ellipsis, or not like a
    sentence, or inside a word of ``full``.

    >>> _truncated("he left at 10 p.", "he left at 10 p", "he left at 10 p.m. today")
    True
    >>> _truncated("he left today.", "he left today", "he left today. (photo x)")
    False
    """
    if len(full) <= len(cut) or full == key or not full.startswith(cut):
        return False
    if key.endswith(("...", "…")) or key[-1] not in _SENTENCE_END:
        return True
    return full.startswith(key) and len(full) > len(key) and full[len(key)].isalnum()
