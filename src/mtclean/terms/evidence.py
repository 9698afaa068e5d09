"""Document-level context of term rules: evidence anywhere in the text, or near the match.

Some terms are wrong only in a certain kind of article: "the countries" is the German
*Länder* ("the states") in a text about the Bundesrat, and ordinary English anywhere
else. A rule states that evidence with ``text_has`` (one of these regexes occurs
somewhere in the text), ``not_text_has`` (none of them does) and ``near`` (one occurs
within ``near_chars`` characters of the match, 2,000 by default).

Each distinct regex is searched at most once per text, whatever the number of rules
and candidates that use it: the answer (for ``near``: the spans of its matches) is kept
in the memo of the text's analysis, keyed by the compiled pattern, and patterns are
compiled once per distinct source, so rules that share a regex share its search.

>>> ev = Evidence.from_fields({"text_has": r"\\bBundesrat\\b", "near": "federal"})
>>> text = "The Bundesrat met. The federal government and the countries agreed."
>>> ev.holds(text, text.index("countries"), text.index("countries") + 9, {})
True
>>> ev.holds("The countries agreed.", 4, 13, {})
False
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from ..rulepacks.budget import UNBOUNDED, Budget

__all__ = ["EVIDENCE_FIELDS", "NEAR_CHARS", "Evidence"]

#: How far (in characters, on either side of the match) ``near`` looks by default.
NEAR_CHARS = 2_000

#: The rule fields this module reads.
EVIDENCE_FIELDS = frozenset(("text_has", "not_text_has", "near", "near_chars"))

#: Memo keys are ``(id(pattern), _TEXT, what)``: ``_TEXT`` never is a line start.
_TEXT = -1
_HAS, _SPANS = 0, 1


@functools.lru_cache(maxsize=4096)
def _compile(source: str) -> regex.Pattern[str]:
    """One compiled pattern per distinct source, so equal regexes share one search."""
    return regex.compile(source)


def _sources(value: Any) -> tuple[regex.Pattern[str], ...]:
    if value is None:
        return ()
    items = value if isinstance(value, tuple | list) else (value,)
    return tuple(_compile(p) for p in items)


@dataclass(frozen=True)
class Evidence:
    """The document-level conditions of one rule (see the module docstring)."""

    text_has: tuple[regex.Pattern[str], ...] = ()
    not_text_has: tuple[regex.Pattern[str], ...] = ()
    near: tuple[regex.Pattern[str], ...] = ()
    near_chars: int = NEAR_CHARS

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any]) -> Evidence | None:
        """Compile the evidence fields of a rule; ``None`` when it has none."""
        ev = cls(
            text_has=_sources(fields.get("text_has")),
            not_text_has=_sources(fields.get("not_text_has")),
            near=_sources(fields.get("near")),
            near_chars=int(fields.get("near_chars", NEAR_CHARS)),
        )
        return None if not (ev.text_has or ev.not_text_has or ev.near) else ev

    def holds(
        self,
        text: str,
        start: int,
        end: int,
        memo: dict[tuple[int, int, int], Any],
        budget: Budget = UNBOUNDED,
        rule: str = "",
    ) -> bool:
        """Whether the text gives the evidence for the match ``text[start:end]``."""
        if self.text_has and not any(
            _has(p, text, memo, budget, rule, "text_has") for p in self.text_has
        ):
            return False
        if any(_has(p, text, memo, budget, rule, "not_text_has") for p in self.not_text_has):
            return False
        if self.near:
            lo, hi = start - self.near_chars, end + self.near_chars
            return any(_near(_spans(p, text, memo, budget, rule), lo, hi) for p in self.near)
        return True


def _has(
    p: regex.Pattern[str],
    text: str,
    memo: dict[tuple[int, int, int], Any],
    budget: Budget,
    rule: str,
    field: str,
) -> bool:
    """Whether ``p`` occurs in ``text``: searched once per text."""
    spans = memo.get((id(p), _TEXT, _SPANS))
    if spans is not None:
        return bool(spans[0])
    key = (id(p), _TEXT, _HAS)
    found = memo.get(key)
    if found is None:
        found = memo[key] = budget.search(p, text, rule=rule, field=field) is not None
    return bool(found)


def _spans(
    p: regex.Pattern[str],
    text: str,
    memo: dict[tuple[int, int, int], Any],
    budget: Budget,
    rule: str,
) -> tuple[list[int], list[int]]:
    """The starts and ends of ``p``'s matches in ``text`` (both ascending): found once."""
    key = (id(p), _TEXT, _SPANS)
    spans = memo.get(key)
    if spans is None:
        if memo.get((id(p), _TEXT, _HAS)) is False:
            spans = ([], [])
        else:
            found = budget.finditer(p, text, rule=rule, field="near")
            spans = ([m.start() for m in found], [m.end() for m in found])
        memo[key] = spans
    return spans


def _near(spans: tuple[list[int], list[int]], lo: int, hi: int) -> bool:
    """Whether a match ends after ``lo`` and starts before ``hi``.

    >>> _near(([10, 50], [15, 55]), 16, 40), _near(([10, 50], [15, 55]), 14, 40)
    (False, True)
    """
    starts, ends = spans
    n = bisect.bisect_right(ends, lo)
    return n < len(starts) and starts[n] < hi
