"""Quote style: make quotes straight, curly, or the document's dominant style (off by default).

``Options.quotes`` picks the style: ``None`` (leave quotes alone, the default),
``"straight"``, ``"curly"`` or ``"dominant"`` (whichever style has more quote
marks in the text; a tie changes nothing).

Making quotes curly decides each straight mark from its neighbours:

* ``"`` after the line start, a space, an opening bracket, a dash or an opening
  quote opens (``“``); elsewhere it closes (``”``).
* ``'`` between letters is an apostrophe (``don’t``, ``Zelensky’s``); before two
  digits at a word start it marks an elision (``’90s``), and so it does before
  the words in ``mtclean/data/elisions-en.txt`` (``’tis``, ``rock ’n’ roll``);
  otherwise it opens after a space or opening mark (``‘``) and closes
  elsewhere (``’``, also the plural possessive ``the members’``).
* Marks after a digit that are not followed by a letter are primes (``5'10"``)
  and stay straight; so do marks inside backticks.

Guillemets (``« »``) and low quotes (``„``) are language conventions and only
the ``"straight"`` style changes low quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..choices import QUOTE_STYLES
from ..core import Edit, EditsNormalizer, apply_edits
from .data import elisions
from .unicode import UnicodeRepairer, keep_ftfy_stable

__all__ = ["QUOTES_CURLY", "QUOTES_STRAIGHT", "QUOTE_RULES", "QuoteNormalizer", "curly_for"]

QUOTES_STRAIGHT = "repair/quotes-straight"
QUOTES_CURLY = "repair/quotes-curly"
QUOTE_RULES = (QUOTES_STRAIGHT, QUOTES_CURLY)
STYLES = QUOTE_STYLES

_STRAIGHT_OF = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
}
_CURLY_RE = re.compile("[\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b]")
_STRAIGHT_RE = re.compile("[\"']")
_CODE_RE = re.compile(r"`[^`\n]*`")
_OPENING_CONTEXT = set(" \t\n\r\xa0([{<\u2014\u2013-\u201c\u2018/")
_QUOTE_RUN = "\"'\u201c\u2018"
_WORD_RE = re.compile(r"[^\W\d_]+")


def curly_for(text: str, i: int) -> str | None:
    """The curly mark for the straight quote at ``text[i]``, or ``None`` to keep it.

    >>> [curly_for(s, s.index(q)) for s, q in [('say "hi', '"'), ("don't", "'"), ("5'", "'")]]
    ['“', '’', None]
    """
    mark = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if prev.isdigit() and not nxt.isalpha():
        return None  # a prime: 5'10", 12"
    j = i - 1
    while j >= 0 and text[j] in _QUOTE_RUN:  # nested: a quote right after an opening one
        j -= 1
    opening = j < 0 or text[j] in _OPENING_CONTEXT
    if mark == '"':
        return "\u201c" if opening else "\u201d"
    if prev.isalpha() and nxt.isalpha():
        return "\u2019"  # don't, Zelensky's
    if opening:
        if text[i + 1 : i + 3].isdigit() and not text[i + 3 : i + 4].isdigit():
            return "\u2019"  # '90s
        word = _WORD_RE.match(text, i + 1)
        if word is not None and word.group().lower() in elisions():
            return "\u2019"  # 'tis, rock 'n' roll
        return "\u2018"
    return "\u2019"


def _in_code(spans: list[tuple[int, int]], i: int) -> bool:
    return any(s <= i < t for s, t in spans)


def _curly_edits(text: str) -> list[Edit]:
    code = [(m.start(), m.end()) for m in _CODE_RE.finditer(text)] if "`" in text else []
    out: list[Edit] = []
    for m in _STRAIGHT_RE.finditer(text):
        i = m.start()
        new = curly_for(text, i)
        if new is not None and not _in_code(code, i):
            out.append(Edit(i, i + 1, new, QUOTES_CURLY, "curly quote"))
    return out


def _straight_edits(text: str) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), _STRAIGHT_OF[m.group()], QUOTES_STRAIGHT, "straight quote")
        for m in _CURLY_RE.finditer(text)
    ]


@dataclass(frozen=True)
class QuoteNormalizer(EditsNormalizer):
    """Make quote marks consistent in the chosen ``style``.

    Args:
        style: ``None`` (do nothing), ``"straight"``, ``"curly"`` or ``"dominant"``.
        active: the rule ids that are on (a subset of :data:`QUOTE_RULES`).

    >>> QuoteNormalizer("curly")("He said: \\"It's the '90s, 'Tis true.\\"")
    'He said: “It’s the ’90s, ’Tis true.”'
    >>> QuoteNormalizer("straight")("“Nested ‘quote’ here”")
    '"Nested \\'quote\\' here"'
    >>> QuoteNormalizer(None)("“Mixed\\" styles")
    '“Mixed" styles'
    """

    style: str | None = None
    active: frozenset[str] = frozenset(QUOTE_RULES)
    guard: UnicodeRepairer | None = None
    name: str = "repair-quotes"
    rule_ids: tuple[str, ...] = QUOTE_RULES
    pack_names: tuple[str, ...] = ("repair",)

    def __post_init__(self) -> None:
        if self.style not in (None, *STYLES):
            msg = f"quote style must be None, 'straight', 'curly' or 'dominant', not {self.style!r}"
            raise ValueError(msg)

    def target(self, text: str) -> str | None:
        """The style this text is converted to (``None``: leave it)."""
        if self.style != "dominant":
            return self.style
        curly = len(_CURLY_RE.findall(text))
        straight = len(_curly_edits(text)) if _STRAIGHT_RE.search(text) else 0
        if curly > straight:
            return "curly"
        return "straight" if straight > curly else None

    def restyler(self, text: str) -> Callable[[str], str] | None:
        """What this step will do to a line of ``text`` (``None``: nothing)."""
        target = self.target(text) if self.style is not None else None
        if target == "curly" and QUOTES_CURLY in self.active:
            return lambda line: apply_edits(line, _curly_edits(line))
        if target == "straight" and QUOTES_STRAIGHT in self.active:
            return lambda line: apply_edits(line, _straight_edits(line))
        return None

    def edits(self, text: str) -> list[Edit]:
        """One edit per quote mark that is not in the target style."""
        if self.style is None:
            return []
        target = self.target(text)
        if target == "curly" and QUOTES_CURLY in self.active and _STRAIGHT_RE.search(text):
            return keep_ftfy_stable(self.guard, text, _curly_edits(text))
        if target == "straight" and QUOTES_STRAIGHT in self.active and _CURLY_RE.search(text):
            return keep_ftfy_stable(self.guard, text, _straight_edits(text))
        return []

    def fix(self, text: str) -> str:
        """Apply the edits (returns ``text`` itself when quotes are left alone)."""
        if self.style is None:
            return text
        return super().fix(text)
