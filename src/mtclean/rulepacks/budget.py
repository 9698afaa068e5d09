"""The time budget of user patterns: one budget per document, not per line or per call.

A user pack's regular expressions may backtrack catastrophically on some input. A
step that runs them starts one :class:`Budget` for the document it analyses and
runs every user pattern through it (the rule's ``pattern`` and each of its context
patterns: ``unless``, ``before``, ``line_has``, ...), so a hundred slow lines
spend one budget, not a hundred. When the budget is spent, a
:class:`~mtclean.errors.PatternTimeoutError` names the pack, the rule and the
field. Patterns of bundled packs are trusted: they run through :data:`UNBOUNDED`,
chosen by the rule's origin (:attr:`RulePack.bundled`), never by a pack's name.

>>> import regex
>>> budget = Budget.start(1.0)
>>> budget.search(regex.compile("b+"), "abba", rule="my-site/bees", field="pattern").span()
(1, 3)
>>> [m.group() for m in UNBOUNDED.finditer(regex.compile("a"), "banana", rule="x/y")]
['a', 'a', 'a']
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import regex

from ..errors import PatternTimeoutError

__all__ = ["PATTERN_BUDGET", "UNBOUNDED", "Budget"]

#: Seconds every user pattern of one step may run, together, on one document.
PATTERN_BUDGET = 1.0


@dataclass(frozen=True)
class Budget:
    """Seconds shared by every user pattern run on one document.

    Only the time spent inside user patterns counts: a long document whose other work
    takes a while does not use the budget up. ``seconds`` is ``None`` for
    :data:`UNBOUNDED` (bundled, trusted patterns). A budget belongs to one analysis
    of one document; ``spent`` is its running total.
    """

    seconds: float | None
    size: int = 0
    spent: list[float] = field(default_factory=lambda: [0.0], compare=False, repr=False)

    @classmethod
    def start(cls, seconds: float | None = PATTERN_BUDGET, size: int = 0) -> Budget:
        """A fresh budget of ``seconds`` for a document of ``size`` characters."""
        if seconds is None:
            return UNBOUNDED
        return cls(seconds, size)

    def _left(self, rule: str, field: str) -> float:
        assert self.seconds is not None
        left = self.seconds - self.spent[0]
        if left <= 0:
            raise self.error(rule, field)
        return left

    def error(self, rule: str, field: str) -> PatternTimeoutError:
        """The error for ``rule`` (``pack/rule``) and its ``field`` when the budget ran out."""
        pack, _, rule_id = rule.rpartition("/")
        where = f"rule {rule!r} (pack {pack!r}), field {field!r}" if rule_id else rule
        size = f" of {self.size} characters" if self.size else ""
        return PatternTimeoutError(
            f"{where}: the pack's patterns took longer than {self.seconds} s on one "
            f"document{size} (the budget covers every user pattern of a document); "
            "simplify the pattern: nested repeats such as (a+)+ or (\\w|\\w\\w)+ backtrack"
        )

    def _call(self, method: Any, args: tuple[Any, ...], rule: str, field: str) -> Any:
        if self.seconds is None:
            return method(*args)
        left = self._left(rule, field)
        began = time.monotonic()
        try:
            return method(*args, timeout=left)
        except TimeoutError as exc:
            if isinstance(exc, PatternTimeoutError):
                raise
            raise self.error(rule, field) from exc
        finally:
            self.spent[0] += time.monotonic() - began

    def search(
        self,
        pattern: regex.Pattern[str],
        text: str,
        pos: int = 0,
        endpos: int | None = None,
        *,
        rule: str,
        field: str = "pattern",
    ) -> regex.Match[str] | None:
        """``pattern.search(text, pos, endpos)`` within the budget."""
        found: regex.Match[str] | None = self._call(
            pattern.search, (text, pos, endpos), rule, field
        )
        return found

    def match(
        self,
        pattern: regex.Pattern[str],
        text: str,
        pos: int = 0,
        endpos: int | None = None,
        *,
        rule: str,
        field: str = "pattern",
    ) -> regex.Match[str] | None:
        """``pattern.match(text, pos, endpos)`` within the budget."""
        found: regex.Match[str] | None = self._call(pattern.match, (text, pos, endpos), rule, field)
        return found

    def fullmatch(
        self,
        pattern: regex.Pattern[str],
        text: str,
        pos: int = 0,
        endpos: int | None = None,
        *,
        rule: str,
        field: str = "pattern",
    ) -> regex.Match[str] | None:
        """``pattern.fullmatch(text, pos, endpos)`` within the budget."""
        found: regex.Match[str] | None = self._call(
            pattern.fullmatch, (text, pos, endpos), rule, field
        )
        return found

    def finditer(
        self,
        pattern: regex.Pattern[str],
        text: str,
        pos: int = 0,
        endpos: int | None = None,
        *,
        rule: str,
        field: str = "pattern",
    ) -> list[regex.Match[str]]:
        """Every match of ``pattern`` in ``text`` (a list: the budget covers the whole
        search, and is checked again after each match)."""
        if self.seconds is None:
            return list(pattern.finditer(text, pos, endpos))
        found: list[regex.Match[str]] = []
        left = self._left(rule, field)
        began = time.monotonic()
        try:
            for m in pattern.finditer(text, pos, endpos, timeout=left):
                found.append(m)
                if time.monotonic() - began >= left:
                    raise self.error(rule, field)
        except TimeoutError as exc:
            if isinstance(exc, PatternTimeoutError):
                raise
            raise self.error(rule, field) from exc
        finally:
            self.spent[0] += time.monotonic() - began
        return found


#: The budget of trusted (bundled) patterns: none.
UNBOUNDED = Budget(None)
