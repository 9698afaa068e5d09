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

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .core import Edit, EditsNormalizer
from .repair_scan import ScanRule, any_in, scan
from .repair_unicode import UnicodeRepairer, keep_ftfy_stable

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
_EXOTIC = ("\xa0", "\u202f", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u205f")


_EXOTIC_RE = re.compile(f"[\xa0\u202f{_ODD}]")


@functools.lru_cache(maxsize=2)  # asked by several gates about the same text
def _has_exotic(text: str) -> bool:
    return not text.isascii() and _EXOTIC_RE.search(text) is not None


def _tab_or_exotic(text: str) -> bool:
    return "\t" in text or _has_exotic(text)


def _trailing_gate(text: str) -> bool:
    return " \n" in text or " \r\n" in text or text.endswith(" ")


_FINDERS: dict[str, tuple[tuple[str, Callable[[str], bool] | None], ...]] = {
    TRAILING_SPACE: (
        (r" \r?(?:\n|\Z)", _trailing_gate),
        (r"\t\r?(?:\n|\Z)", any_in("\t")),
        (rf"[\xa0\u202f{_ODD}]\r?(?:\n|\Z)", _has_exotic),
    ),
    BLANK_LINES: ((r"\n[^\S\n]*\n[^\S\n]*\n", None),),
    SPACE_RUN: (("  ", None), (rf"[\t\xa0\u202f{_ODD}]", _tab_or_exotic)),
    ODD_SPACE: ((f"[{_ODD}]", _has_exotic),),
    NBSP: (("\xa0", any_in("\xa0")),),
}
_HSPACE_CHARS = frozenset(" \t\xa0\u202f").union(_EXOTIC)
_BACK = "".join(sorted(_HSPACE_CHARS))  # what a finder hit walks back over


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
        rules = []
        for rule in SPACING_RULES:
            if rule not in self.active:
                continue
            pattern = re.compile(_PATTERNS[rule], re.MULTILINE)
            for finder, gate in _FINDERS[rule]:
                back = "\r" if rule == BLANK_LINES else _BACK
                rules.append(ScanRule(rule, pattern, (re.compile(finder),), back, gate))
        object.__setattr__(self, "_rules", tuple(rules))

    def edits(self, text: str) -> list[Edit]:
        """The edits of every active rule."""
        out: list[Edit] = []
        for rule, m in scan(text, self._rules):
            edit = _edit(text, rule.rule, m)
            if edit is not None:
                out.append(edit)
        return keep_ftfy_stable(self.guard, text, out)


def _edit(text: str, rule: str, m: re.Match[str]) -> Edit | None:
    start, end, found = m.start(), m.end(), m.group()
    if rule == TRAILING_SPACE:
        if "\t" in found and _TABLE_RE.search(text):
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
