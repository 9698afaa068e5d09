"""Spacing and layout repair: trailing spaces, space runs, odd spaces, blank-line runs.

Five rules, each one alternative of a single pattern (so one scan finds all):

* ``repair/trailing-space``: spaces, tabs and non-breaking spaces at a line end.
* ``repair/blank-lines``: more than one blank line between two paragraphs
  becomes one blank line.
* ``repair/space-run``: a run of two or more spaces inside a line becomes one
  space. A run of tabs only (a table's empty cell) stays, and so does a
  sentence end followed by a space and a no-break space (a typesetting
  convention, not damage). Leading indentation is never touched.
* ``repair/odd-space``: an em, en, figure, thin, hair or other odd Unicode space
  (U+2000 to U+200A, U+205F, U+1680) between two letters becomes a space; next
  to digits or punctuation, where typesetters use them on purpose, it stays.
* ``repair/nbsp``: a lone no-break space inside running prose (``"Yes,\\xa0I"``)
  becomes a space; next to digits, after a period (``"Mr.\\xa0Smith"``), or
  before a Roman numeral (``"Henry\\xa0VIII"``) it stays.

The ideographic space U+3000 (CJK layout) and the narrow no-break space U+202F
(French and number typography) are left alone everywhere except at a line end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..core import Edit, EditsNormalizer
from .scan import ScanRule, first_matches, hits, positions, rare_chars, run_starts
from .unicode import UnicodeRepairer, keep_ftfy_stable

__all__ = [
    "BLANK_LINES",
    "NBSP",
    "ODD_SPACE",
    "SPACE_RUN",
    "SPACING_RULES",
    "TRAILING_SPACE",
    "SpacingRepairer",
]

TRAILING_SPACE = "repair/trailing-space"
BLANK_LINES = "repair/blank-lines"
SPACE_RUN = "repair/space-run"
ODD_SPACE = "repair/odd-space"
NBSP = "repair/nbsp"
SPACING_RULES = (TRAILING_SPACE, BLANK_LINES, SPACE_RUN, ODD_SPACE, NBSP)

_ODD = "\u1680\u2000-\u200a\u205f"
_HSPACE = f" \t\xa0\u202f{_ODD}"  # horizontal spaces that the rules handle

_PATTERNS = {
    TRAILING_SPACE: rf"[{_HSPACE}]+(?=\r?\n|\Z)",
    # the paragraph before is checked in code (``re`` has no variable-width lookbehind)
    BLANK_LINES: rf"(?P<nl>\r?\n)(?:[{_HSPACE}]*\r?\n){{2,}}(?=[{_HSPACE}]*\S)",
    SPACE_RUN: rf"(?<=\S)[{_HSPACE}]{{2,}}(?=\S)",
    ODD_SPACE: rf"(?<=[^\W\d_])[{_ODD}](?=[^\W\d_])",
    NBSP: r"(?<=[^\W\d_]|[,;:!?\"”’)])\xa0(?=[^\W\d_]|[\"“‘(])",
}
_COMPILED = {rule: re.compile(pattern, re.MULTILINE) for rule, pattern in _PATTERNS.items()}
_HSPACE_CHARS = " \t\xa0\u202f\u1680\u205f" + "".join(map(chr, range(0x2000, 0x200B)))
_EXOTIC = frozenset(_HSPACE_CHARS[2:])  # the non-ASCII ones

# Fast finders (see mtclean.repair_scan): "  " is a literal; newlines are rare in
# prose, so a newline-led pattern may look around: a space before it (trailing
# space, also before "\r\n") or only spaces up to two more newlines (blank lines).
_DOUBLE_SPACE = re.compile("  ")
_NEWLINE = re.compile(
    rf"\n(?:(?<=[{_HSPACE}]\n)|(?<=[{_HSPACE}]\r\n)|(?=[{_HSPACE}]*\r?\n[{_HSPACE}]*\r?\n))"
)


def _odd_or_tab(text: str) -> list[int]:
    """Offsets of tabs and of the odd and no-break spaces."""
    present = {"\t"} if "\t" in text else set()
    if not text.isascii():
        present.update(_EXOTIC.intersection(rare_chars(text)))
    return positions(text, present) if present else []


def _candidates(text: str) -> tuple[Sequence[int], list[int]]:
    """Offsets where a spacing rule may match (found by the finders above): where runs
    of spaces start (also before a "\r\n"), and where runs of blank lines may start
    (at a newline or the "\r" before it, after a paragraph)."""
    ends: list[int] = []  # newlines (or the "\r" of a "\r\n") after a space
    blanks: list[int] = []
    seen = False
    # One pass over the newline hits, keeping only the useful ones (a text of newlines
    # would otherwise hold several lists of one integer per character).
    for m in _NEWLINE.finditer(text):
        seen = True
        p = m.start()
        if p > 0 and text[p - 1] in _HSPACE_CHARS:
            ends.append(p)
        elif p > 1 and text[p - 1] == "\r" and text[p - 2] in _HSPACE_CHARS:
            ends.append(p - 1)
        start = p
        while start > 0 and text[start - 1] == "\r":
            start -= 1
        if _paragraph_before(text, start):
            blanks.append(start)
    doubles = hits(text, (_DOUBLE_SPACE,))
    odd = _odd_or_tab(text)
    end = [len(text)] if text and text[-1] in _HSPACE_CHARS else []
    if not (seen or doubles or odd or end):
        return [], []
    walk = sorted({*doubles, *odd, *ends, *end})  # (a few: runs of spaces, not spaces)
    return run_starts(text, walk, _HSPACE_CHARS), blanks


def _may_space(text: str) -> bool:
    """Whether :func:`_candidates` may find anything in ``text`` (cheap tests only)."""
    if "\n" in text or "  " in text or "\t" in text:
        return True
    if text and text[-1] in _HSPACE_CHARS:
        return True
    return not text.isascii() and not _EXOTIC.isdisjoint(rare_chars(text))


def _paragraph_before(text: str, pos: int) -> bool:
    """Whether a line with text ends at ``pos`` (trailing spaces allowed)."""
    while pos > 0 and text[pos - 1] in _HSPACE_CHARS:
        pos -= 1
    return pos > 0 and not text[pos - 1].isspace()


_TABLE_RE = re.compile(r"[^\s]\t+[^\s]")
_ROMAN = re.compile(r"[IVXLCDM]+\b")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)]*\Z")


@dataclass(frozen=True)
class SpacingRepairer(EditsNormalizer):
    """Repair spacing and layout; each rule can be switched off on its own.

    Args:
        active: the rule ids that are on (a subset of :data:`SPACING_RULES`).

    >>> fix = SpacingRepairer()
    >>> fix("One  two\\t three.  \\n\\n\\n\\nNext para.")
    'One two three.\\n\\nNext para.'
    >>> fix("Clean text.\\n\\nNext para, at 10\\xa0km.")
    'Clean text.\\n\\nNext para, at 10\\xa0km.'
    """

    active: frozenset[str] = frozenset(SPACING_RULES)
    guard: UnicodeRepairer | None = None
    name: str = "repair-spacing"
    rule_ids: tuple[str, ...] = SPACING_RULES
    pack_names: tuple[str, ...] = ("repair",)
    _rules: tuple[ScanRule, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rules = tuple(ScanRule(r, _COMPILED[r]) for r in SPACING_RULES if r in self.active)
        object.__setattr__(self, "_rules", rules)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it (``False``: surely not):
        every rule needs a newline, two spaces in a row, a tab, a space at the end or
        an odd or no-break space (see :func:`_candidates`)."""
        if not self._rules:
            return [False] * len(texts)
        return [_may_space(t) for t in texts]

    def matches(self, text: str) -> Iterator[tuple[ScanRule, re.Match[str]]]:
        """The matches of the active rules' patterns, found at the finders' hits."""
        if not self._rules:
            return iter(())
        runs, blanks = _candidates(text)
        if not runs and not blanks:
            return iter(())
        tries = [(rule, blanks if rule.id == BLANK_LINES else runs) for rule in self._rules]
        return first_matches(text, tries)

    def edits(self, text: str) -> list[Edit]:
        """The edits of every active rule."""
        out: list[Edit] = []
        # Looked up once per text, not once per trailing tab (which made long texts quadratic).
        table = "\t" in text and _TABLE_RE.search(text) is not None
        for rule, m in self.matches(text):
            edit = _edit(text, rule.id, m, table)
            if edit is not None:
                out.append(edit)
        return keep_ftfy_stable(self.guard, text, out)


def _edit(text: str, rule: str, m: re.Match[str], table: bool) -> Edit | None:
    start, end, found = m.start(), m.end(), m.group()
    if rule == TRAILING_SPACE:
        if "\t" in found and table:
            return None  # a tab-separated table: a trailing tab is an empty cell
        return Edit(start, end, "", TRAILING_SPACE, "trailing space")
    if rule == BLANK_LINES:
        if not _paragraph_before(text, start):
            return None  # blank lines at the start of the text are the caller's
        nl = m.group("nl")
        return Edit(start, end, nl + nl, BLANK_LINES, "more than one blank line")
    if rule == SPACE_RUN:
        if not found.strip("\t"):
            return None  # tabs only: a table's empty cell
        if found == " \xa0" and _SENTENCE_END.search(text, max(0, start - 4), start):
            return None  # sentence end + space + no-break space: deliberate spacing
        return Edit(start, end, " ", SPACE_RUN, "run of spaces")
    if rule == ODD_SPACE:
        return Edit(start, end, " ", ODD_SPACE, f"odd space U+{ord(found):04X}")
    if rule == NBSP:
        if text[start - 1].isalpha() and _ROMAN.match(text, end):
            return None  # "Henry VIII": the no-break space binds the numeral
        return Edit(start, end, " ", NBSP, "no-break space in running text")
    return None  # pragma: no cover - every group is handled above
