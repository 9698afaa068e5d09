"""Lines that copy a nearby line: the scraper's second rendering of a headline or lead.

A page often renders a headline or a lead twice: once in a breadcrumb or a teaser
(cut short, glued to the labels before it), once in full. The full copy is content;
the other one is clutter, whatever its words:

* ``boilerplate/glued-copy``: labels glued in front of a copy of the next line
  ("Home » News » <headline>" above "<headline>"; the copy may be cut short);
* ``boilerplate/truncated-copy``: the first part of a line that follows a few lines
  later (a teaser of the lead, cut off mid-sentence, above the full lead);
* ``boilerplate/repeated-line``: a short line that repeats the line before it, or
  the one before that (an author's name, a subheading rendered twice);
* ``boilerplate/split-copy``: two lines that are an earlier line cut in two at a
  separator (a kicker and its headline, "Harbour landmark" and "Statue stays in
  New York", below "Harbour landmark: Statue stays in New York").

Copies are compared after unifying quotes, dashes, ellipses, spacing and case.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from .repeats import TITLE_FIRST_WITHIN, normalize_line, sentence_like, title_like

__all__ = ["GLUED", "REPEATED", "SPLIT", "TRUNCATED", "copy_lines"]

GLUED = "boilerplate/glued-copy"
TRUNCATED = "boilerplate/truncated-copy"
REPEATED = "boilerplate/repeated-line"
SPLIT = "boilerplate/split-copy"
#: A split copy's whole is among this many non-blank lines before its first part...
SPLIT_WITHIN = 6
#: ...at least this long; the parts are joined by characters of SPLIT_MARKS only.
MIN_SPLIT = 30
SPLIT_MARKS = frozenset(" :|-–—·•/»›")
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
#: A long line is first compared by the key of this many first characters...
HEAD = 160
#: ...if that key keeps at least this many (else by its whole key).
MIN_HEAD = 100
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
    >>> copy_lines(["The the minister said no.", "The minister said no. He left."], [True] * 2)
    {}
    >>> whole = "Harbour landmark: Statue stays in New York"
    >>> copy_lines([whole, "Harbour landmark", "Statue stays in New York", "Text."], [False] * 4)
    {1: 'boilerplate/split-copy', 2: 'boilerplate/split-copy'}
    >>> copy_lines([whole, "Harbour", "landmark: Statue stays in New York", "Text."], [False] * 4)
    {}
    """
    # (an array: a text of many short lines holds no int object per line)
    order = array("i", (i for i, s in enumerate(stripped) if s and len(s) <= MAX_COPY))
    keys = _Keys(stripped, order)
    found: dict[int, str] = {}
    # A split copy's first part starts like a line shortly before it: the first three
    # characters of the heads rule out most lines before any comparison (a head that
    # short is compared in full).
    firsts = [keys.head(i)[0][:3] for i in order]
    short = [len(f) < 3 for f in firsts]
    for n, i in enumerate(order[:-1]):
        lo = max(0, n - SPLIT_WITHIN)
        if (firsts[n] in firsts[lo:n] or short[n] or any(short[lo:n])) and _split_copy(
            keys, order, n
        ):
            found[i] = found[order[n + 1]] = SPLIT
    for n, i in enumerate(order):
        if i in found:
            continue
        later = order[n + 1 : n + 1 + TRUNCATED_WITHIN]
        if later and _glued(keys, i, later[0]):
            found[i] = GLUED
            continue
        # a cut line of MIN_TRUNCATED characters or more starts like its full line
        start = keys.head(i)[0][:MIN_TRUNCATED]
        if len(start) == MIN_TRUNCATED and any(
            _truncated_at(keys, i, j) for j in later if keys.head(j)[0][:MIN_TRUNCATED] == start
        ):
            found[i] = TRUNCATED
            continue
        if prose[i] or sentence_like(stripped[i]):
            continue
        key = keys.key(i)
        if (
            len(key) >= MIN_REPEATED
            and " " in key
            and any(
                keys.same(order[m], key) and order[m] not in found and not _title(m, key)
                for m in range(max(0, n - 2), n)
            )
        ):
            found[i] = REPEATED
    return found


def _split_copy(keys: _Keys, order: Sequence[int], n: int) -> bool:
    """Whether line ``order[n]`` and the next one are an earlier line cut in two at a
    separator: the first part ends at a separator of the whole (not inside a word).
    Lines whose heads differ are ruled out before any whole line's key is worked out."""
    first_head = keys.head(order[n])[0]
    if not first_head:
        return False
    for m in order[max(0, n - SPLIT_WITHIN) : n]:
        head = keys.head(m)[0]
        common = min(len(head), len(first_head))
        if head[:common] != first_head[:common]:
            continue  # both heads start the whole line's key
        first, second, whole = keys.key(order[n]), keys.key(order[n + 1]), keys.key(m)
        if (
            len(second) >= MIN_GLUED
            and len(whole) >= MIN_SPLIT
            and len(whole) > len(first) + len(second)
            and whole.startswith(first)
            and whole.endswith(second)
        ):
            middle = whole[len(first) : len(whole) - len(second)]
            if middle and SPLIT_MARKS.issuperset(middle) and middle.strip(" "):
                return True
    return False


def _head(line: str) -> tuple[str, bool]:
    """A prefix of the key of ``line``, and whether it is all of it."""
    if len(line) > HEAD:
        # two characters of margin: spacing at the cut may normalize otherwise
        head = _key(line[:HEAD])[:-2]
        if len(head) >= MIN_HEAD:
            return head, False
    return _key(line), True


class _Keys:
    """Comparison keys of lines, worked out when first needed: a long line's head
    (the key of its first :data:`HEAD` characters) rules most comparisons out without
    normalizing the whole line."""

    def __init__(self, stripped: Sequence[str], order: Sequence[int]) -> None:
        self.stripped = stripped
        self._heads: list[str] = [""] * len(stripped)
        self._partial: set[int] = set()  # lines whose head is not all of their key
        for i in order:
            head, whole = _head(stripped[i])
            self._heads[i] = head
            if not whole:
                self._partial.add(i)
        self._full: dict[int, str] = {}

    def key(self, i: int) -> str:
        """The whole line's key."""
        if i not in self._partial:
            return self._heads[i]
        found = self._full.get(i)
        if found is None:
            found = self._full[i] = _key(self.stripped[i])
        return found

    def head(self, i: int) -> tuple[str, bool]:
        """A prefix of the line's key (at least :data:`MIN_HEAD` characters or all of
        it), and whether it is all of it."""
        return self._heads[i], i not in self._partial

    def same(self, i: int, key: str) -> bool:
        """Whether line ``i``'s key is ``key``."""
        head, whole = self.head(i)
        if whole:
            return head == key
        return key.startswith(head) and self.key(i) == key


def _glued(keys: _Keys, i: int, after: int) -> bool:
    """Whether line ``i`` is short labels glued in front of (a cut copy of) line ``after``."""
    probe = keys.head(after)[0][:MIN_GLUED]
    if len(probe) < MIN_GLUED:
        return False
    head = keys.head(i)[0]  # holds any match within MAX_PREFIX + MIN_GLUED characters
    at = head.find(probe, 1)
    if at <= 0 or at > MAX_PREFIX or ". " in head[:at]:
        return False
    if head[at - 1].isspace() and not any(c in _LABEL_MARKS for c in head[:at]):
        return False  # plain words before the copy, not labels ("the " + a sentence)
    copy = keys.key(i)[at:].rstrip(_CUT)
    return len(copy) >= MIN_GLUED and keys.key(after).startswith(copy)


def _truncated_at(keys: _Keys, i: int, j: int) -> bool:
    """Whether line ``i`` is line ``j`` cut short (see :func:`_truncated`)."""
    head_i, whole_i = keys.head(i)
    cut = head_i.rstrip(_CUT) if whole_i else head_i
    if len(cut) < MIN_TRUNCATED:
        return False
    key = keys.key(i)
    return _truncated(key, key.rstrip(_CUT), keys.key(j))


def _title(position: int, key: str) -> bool:
    """Whether a line at this position among the non-blank lines may be the title
    (its copies are the repeated-title step's): the first line, or a title-like one
    among the first lines."""
    return position == 0 or (position < TITLE_FIRST_WITHIN and title_like(key))


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
