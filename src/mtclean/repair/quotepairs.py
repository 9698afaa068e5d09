"""Quote repair: pair the double quotes of each paragraph and fix what does not pair.

Machine translation mixes the source language's quotation marks into English: a
quote opened with “ and closed with », French spacing inside the marks
(``"? »"``, ``"“ Yes"``), a closer glued to the next word (``"”said"``), a closing
``'`` for ”, an opening mark where the closer belongs (``"reality “."``), guillemets
for English quotes. Per paragraph (line), the double marks ``“ ” « » „`` are paired:

* if they nest properly (each “ closed by ”, each « by »), every mark keeps its role;
* otherwise, with an even number of marks, they pair in order: open, close, open...
  (an odd number: the paragraph is left alone, it may continue a quote).

Then (rules):

* ``repair/quote-pairs``: a mark in the wrong shape for its role becomes “ or ”
  (``"” trust “"`` is ``"“trust”"``); a closing ``'`` after a word ends a quote
  opened with “ that nothing else closes; a ‘ where a single quote closes becomes ’;
* ``repair/quote-spacing``: no space after an opening mark or before a closing one;
  a space between a closing mark and the next word;
* ``repair/guillemets``: a guillemet paired with a curly quote (“...», «...”) becomes
  the curly one. A consistent pair « » is a style and stays, unless
  ``quotes="curly"`` asks for English quotes.

Paragraphs with straight double quotes, marks inside URLs or code, and » used as a
separator (``"Home » News"``) are left alone. Apostrophes (it's, ’90s, rock ’n’ roll)
are never touched.

>>> fix = QuotePairRepairer()
>>> fix("He called it « a success » and said “ Yes, of course. Why not? »he added.")
'He called it « a success » and said “Yes, of course. Why not?” he added.'
>>> fix("His ” trust “ in the plan")
'His “trust” in the plan'
>>> fix("The leader’s “plan” for the ’90s, rock ’n’ roll")
'The leader’s “plan” for the ’90s, rock ’n’ roll'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..core import Edit, EditsNormalizer
from .punct import DOUBLED, protected_spans
from .unicode import UnicodeRepairer, keep_ftfy_stable

__all__ = ["GUILLEMETS", "QUOTE_PAIRS", "QUOTE_PAIR_RULES", "QUOTE_SPACING", "QuotePairRepairer"]

QUOTE_PAIRS = "repair/quote-pairs"
QUOTE_SPACING = "repair/quote-spacing"
GUILLEMETS = "repair/guillemets"
QUOTE_PAIR_RULES = (QUOTE_PAIRS, QUOTE_SPACING, GUILLEMETS)

_MARKS = "\u201c\u201d\u00ab\u00bb\u201e"
_MARK_RE = re.compile(f"[{_MARKS}]")
_OPENERS = "\u201c\u00ab\u201e"
# What may close a quote each opening mark opens (mismatches included; “ after „).
_CLOSES = {"\u201c": "\u201d\u00bb", "\u00ab": "\u00bb\u201d", "\u201e": "\u201c\u201d\u00bb"}
_GUILLEMETS = "\u00ab\u00bb"
_SPACES = " \u00a0\u202f\u2009"
_SINGLES = frozenset("\u2018\u2019'")
# A space between a quotation mark and one of these stays (nested quotes, dashes).
_KEEP_SPACE = _MARKS + "\u2018\u2019-\u2013\u2014"
# A straight ' closing a quote: after a letter, before punctuation and the line end
# or a space (never inside a word).
# (not after an "s" or "z": "the sisters' house", "Cortez' men" are plural possessives)
_CLOSING_APOS_RE = re.compile(r"(?<=[^\W\d_sSzZ])'(?=[.,;:!?]?(?:[ \t]|$))", re.MULTILINE)
# A ‘ where a single quote closes: before punctuation (and the line end or a space).
_SINGLE_CLOSER_RE = re.compile(r"[ \u00a0]?\u2018(?=[.,;:!?](?:[ \t]|$)|$)", re.MULTILINE)
_SINGLE_OPENER_RE = re.compile(r"(?:^|(?<=[\s(\[\u2014\u2013\"\u201c]))\u2018(?=\w)", re.MULTILINE)
# " ." or " ," after a quote closed by its own sentence end: "survived.” . Then".
_STRAY_AFTER_RE = re.compile(r" [.,](?= |$)", re.MULTILINE)
# Lines left alone: straight double quotes, table cells, ditto marks (" ” 10 |").
_SKIP_LINE_RE = re.compile(f'["|\t]|[{_MARKS}] \\d')
_GLUED_CLOSER_RE = re.compile(r"(?<=[.,!?])\u201d(?=[a-z])")
_ENGLISH_WORDS = frozenset(
    "the and of to in is that for with was on as it he she they said has have by from".split()  # noqa: SIM905
)
_WORD_RE = re.compile(r"[A-Za-z]+")


def is_english(text: str) -> bool:
    """Whether ``text`` reads as English prose (common English words are 5% of its words).

    >>> is_english("He said the plan was in trouble"), is_english("Il a dit « non »")
    (True, False)
    """
    words = _WORD_RE.findall(text[:20000])
    if not words:
        return False
    hits = sum(w.lower() in _ENGLISH_WORDS for w in words)
    return hits >= 1 and hits * 20 >= len(words)


def _fits(text: str, i: int) -> bool:
    """Whether the mark at ``i`` has the shape and the surroundings of its own role
    (an opening mark after a space and before a word, a closing one after a word and
    before a space or a mark): pairing in order does not overrule it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in _OPENERS:
        return before.isspace() and (after.isalnum() or after in "([\u2018'")
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def _pairs(text: str, marks: list[int]) -> list[tuple[int, int]] | None:
    """The (opening, closing) offsets of the marks, or ``None`` (leave the line).

    Marks that nest by shape (“ « „ open, ” » close, „ closed by “ too; at most two
    deep) pair as they nest; otherwise an even
    number of marks pairs in order (open, close, open...). An odd number pairs the
    same way when the last mark opens a quote that the next paragraph continues.
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i in marks:
        ch = text[i]
        top = text[stack[-1]] if stack else ""
        if top and ch in _CLOSES[top]:
            pairs.append((stack.pop(), i))
        elif ch in _OPENERS and len(stack) < 2:
            stack.append(i)
        else:
            break
    else:
        if not stack:
            return sorted(pairs)
    if len(marks) % 2:
        last = marks[-1]
        if text[last] not in _OPENERS or not text[last + 1 : last + 2].isalpha():
            return None
        marks = marks[:-1]
    pairs = [
        (marks[n], marks[n + 1])
        for n in range(0, len(marks), 2)
        if any(c.isalnum() for c in text[marks[n] : marks[n + 1]])
    ]
    return [
        (o, c)
        for o, c in pairs
        if not (text[o] not in _OPENERS and _fits(text, o))
        and not (text[c] in _OPENERS and _fits(text, c))
    ]


def _closing_apostrophe(text: str, lo: int, hi: int, marks: list[int]) -> int | None:
    """Where a straight ``'`` closes a quote that the line's last mark, a “, opens."""
    last = marks[-1]
    if text[last] != "\u201c":
        return None
    rest = text[last + 1 : hi]
    if "\u2018" in rest or "\u2019" in rest:
        return None
    found = list(_CLOSING_APOS_RE.finditer(text, last + 1, hi))
    if len(found) != 1 or rest.count("'") != 1:
        return None
    return found[0].start()


def _protected(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether the mark at ``i`` is inside a URL, a domain-like name or code."""
    a = text.rfind(" ", lo, i) + 1 or lo
    b = text.find(" ", i, hi)
    b = hi if b < 0 else b
    token = text[a:b]
    if not any(c in token for c in "./@`\\="):
        return False
    return any(s <= i < e for s, e in protected_spans(text, a, b))


def _spaces_before(text: str, i: int, lo: int) -> int:
    n = 0
    while i - n - 1 >= lo and text[i - n - 1] in _SPACES:
        n += 1
    return n if i - n - 1 >= lo else 0  # spaces at the line start are indentation


def _spaces_after(text: str, i: int, hi: int) -> int:
    n = 0
    while i + 1 + n < hi and text[i + 1 + n] in _SPACES:
        n += 1
    return n if i + 1 + n < hi else 0  # trailing spaces belong to the spacing rules


def _mark_edit(
    text: str, i: int, opens: bool, lo: int, hi: int, active: frozenset[str]
) -> Edit | None:
    """The edit for the mark at ``i`` with role ``opens`` (shape, spacing), if any."""
    ch = text[i]
    new = "\u201c" if opens else "\u201d"
    if ch == new or text[i - 1 : i] in _SINGLES or text[i + 1 : i + 2] in _SINGLES:
        rule = None  # next to a single quote, a mark's shape is the author's nesting
        new = ch
    elif ch in _GUILLEMETS:
        rule = GUILLEMETS
    else:
        rule = QUOTE_PAIRS
    if rule is not None and rule not in active:
        return None
    start, end, before, after = i, i + 1, "", ""
    if QUOTE_SPACING in active:
        if opens:
            gap = _spaces_after(text, i, hi)
            if gap and text[i + 1 + gap] not in _KEEP_SPACE:
                end += gap
            if i > lo and (text[i - 1].isalnum()):
                before = " "
        else:
            gap = _spaces_before(text, i, lo)
            if gap and text[i - gap - 1] not in _KEEP_SPACE:
                start -= gap
            if i + 1 < hi and text[i + 1].isalpha():
                after = " "
            stray = _STRAY_AFTER_RE.match(text, i + 1, hi)
            if stray and i > lo and text[i - 1] in ".!?" and DOUBLED in active:
                return Edit(start, stray.end(), new, DOUBLED, "punctuation after a closed quote")
    replacement = before + new + after
    if replacement == text[start:end]:
        return None
    return Edit(start, end, replacement, rule or QUOTE_SPACING, "quote pairing")


def _line_edits(
    text: str, lo: int, hi: int, active: frozenset[str], english: bool, convert: bool
) -> list[Edit]:
    """The edits of one paragraph ``text[lo:hi]``."""
    out = _single_edits(text, lo, hi) if QUOTE_PAIRS in active else []
    marks = [m.start() for m in _MARK_RE.finditer(text, lo, hi)]
    if not marks or _SKIP_LINE_RE.search(text, lo, hi):
        return out
    chars = {text[i] for i in marks}
    if chars <= {"\u00bb"} or (chars & set(_GUILLEMETS) and not (english and GUILLEMETS in active)):
        return out
    apostrophe = None
    if len(marks) % 2 and QUOTE_PAIRS in active:
        apostrophe = _closing_apostrophe(text, lo, hi, marks)
    if apostrophe is not None:
        out.append(Edit(apostrophe, apostrophe + 1, "\u201d", QUOTE_PAIRS, "closing ' for ”"))
        marks = [*marks, apostrophe]
    pairs = _pairs(text, marks)
    if pairs is None:
        if QUOTE_SPACING in active and not any(_protected(text, i, lo, hi) for i in marks):
            out.extend(  # a closer glued to the next word after a sentence end
                Edit(m.end(), m.end(), " ", QUOTE_SPACING, "space after a closing quote")
                for m in _GLUED_CLOSER_RE.finditer(text, lo, hi)
            )
        return out
    edits: list[Edit] = []
    for o, c in pairs:
        if text[o] in _GUILLEMETS and text[c] in _GUILLEMETS and not convert:
            continue  # a pair of guillemets is a style: kept
        for i, opens in ((o, True), (c, False)):
            if text[i] == "'":
                continue
            edit = _mark_edit(text, i, opens, lo, hi, active)
            if edit is not None:
                edits.append(edit)
    if (edits or apostrophe is not None) and any(_protected(text, i, lo, hi) for i in marks):
        return _single_edits(text, lo, hi) if QUOTE_PAIRS in active else []
    return out + edits


def _single_edits(text: str, lo: int, hi: int) -> list[Edit]:
    """A ‘ closing a single quote that a ‘ opened earlier in the paragraph becomes ’."""
    if text.find("\u2018", lo, hi) < 0:
        return []
    out: list[Edit] = []
    open_at = -1
    for m in _SINGLE_CLOSER_RE.finditer(text, lo, hi):
        opener = None
        for o in _SINGLE_OPENER_RE.finditer(text, max(lo, open_at + 1), m.start()):
            opener = o
        mark = m.end() - 1
        if opener is None or "\u2019" in text[opener.end() : mark].replace("\u2019s", ""):
            continue
        if text[opener.end() : mark].strip() == "":
            continue
        out.append(Edit(m.start(), m.end(), "\u2019", QUOTE_PAIRS, "‘ closing a quote"))
        open_at = mark
    return out


_ANY_MARK_RE = re.compile(f"[{_MARKS}\u2018]")
_SCREEN_MARKS = (*_MARKS, "\u2018")


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    """Start and end of each line that has a quotation mark."""
    end = -1
    for m in _ANY_MARK_RE.finditer(text):
        if m.start() < end:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        if end < 0:
            end = len(text)
        yield start, end


@dataclass(frozen=True)
class QuotePairRepairer(EditsNormalizer):
    """Pair the quotation marks of each paragraph and fix shape and spacing.

    Args:
        active: the rule ids that are on (a subset of :data:`QUOTE_PAIR_RULES`).
        guard: the unicode step, so that no edit hands ftfy new work.
        convert_guillemets: also turn a pair of guillemets (« ») into “ ” (with
            ``quotes="curly"``); by default a consistent pair is a style and stays.
    """

    active: frozenset[str] = frozenset(QUOTE_PAIR_RULES)
    guard: UnicodeRepairer | None = None
    convert_guillemets: bool = False
    name: str = "repair-quote-pairs"
    rule_ids: tuple[str, ...] = QUOTE_PAIR_RULES
    pack_names: tuple[str, ...] = ("repair",)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether it holds a mark this step pairs or a ‘
        (``False``: no mark of it changes; see :func:`_paragraphs`)."""
        return [not t.isascii() and any(c in t for c in _SCREEN_MARKS) for t in texts]

    def edits(self, text: str) -> list[Edit]:
        """One edit per mark whose shape or spacing changes."""
        if text.isascii():
            return []
        english = any(g in text for g in _GUILLEMETS) and is_english(text)
        out: list[Edit] = []
        for lo, hi in _paragraphs(text):
            out.extend(_line_edits(text, lo, hi, self.active, english, self.convert_guillemets))
        out.sort(key=lambda e: (e.start, e.end))
        return keep_ftfy_stable(self.guard, text, out)
