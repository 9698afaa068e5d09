"""Term rules compiled: one rule, ready to match (a tuple, cheap to build for 100,000 rules).

>>> apply_case("Tweede", "second"), apply_case("TWEEDE", "second"), apply_case("x", "Ab")
('Second', 'SECOND', 'Ab')
"""

from __future__ import annotations

from typing import Any, NamedTuple

import regex

from ..rulepacks.model import Rule
from .context import Context
from .evidence import EVIDENCE_FIELDS, Evidence
from .lang import LEFTOVER_WORDS

__all__ = [
    "AMBIGUOUS_RULE",
    "CONTEXT_FIELDS",
    "Compiled",
    "apply_case",
    "as_tuple",
    "compile_rule",
]

#: Rule id of the finding a rule with ``otherwise = "finding"`` makes when the text lacks
#: its evidence (``text_has``, ``not_text_has``, ``near``).
AMBIGUOUS_RULE = "terms/ambiguous"

_W = r"[\p{L}\p{M}\p{N}]"
_START_GUARD = rf"(?:(?<!{_W})|(?!{_W}))"
_END_GUARD = rf"(?:(?!{_W})|(?<!{_W}))"


def apply_case(matched: str, replacement: str) -> str:
    """Give ``replacement`` the case shape of ``matched``.

    >>> apply_case("Tweede", "second"), apply_case("TWEEDE", "second"), apply_case("x", "Ab")
    ('Second', 'SECOND', 'Ab')

    Several words, each capitalised (a headline), give a title-cased replacement:

    >>> apply_case("Survey Committee", "inquiry committee of the house")
    'Inquiry Committee of the House'
    """
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        words = matched.split()
        title = words[0].lower() not in _SMALL_WORDS and all(w[:1].isupper() for w in words)
        if len(words) > 1 and title and " " in replacement:
            return title_case(replacement)
        return replacement[:1].upper() + replacement[1:]
    return replacement


def title_case(phrase: str) -> str:
    """``phrase`` as a title: every word capitalised but the small ones after the first.

    >>> title_case("inquiry committee of the house")
    'Inquiry Committee of the House'
    """
    return " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:]
        for i, w in enumerate(phrase.split(" "))
    )


#: Words a title keeps in lower case (after its first word).
_SMALL_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with")
)


def as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, tuple | list) else (value,)


class Compiled(NamedTuple):
    """One rule, ready to match (a tuple: cheap to build for 100,000 rules)."""

    full_id: str
    lang: str
    case: str
    action: str
    replace: str
    terms: tuple[str, ...]
    pattern: regex.Pattern[str] | None
    triggers: tuple[str, ...]
    context: Context | None
    ambiguous: bool
    whole_word: bool
    message: str
    confidence: float
    source_lang: str
    trusted: bool  # from a bundled pack: its patterns run without a time budget
    whole_line: bool  # its pattern looks for the line end ($, \Z): searched on whole lines
    evidence: Evidence | None = None  # document-level conditions (text_has, near, ...)
    otherwise: str = "drop"  # without its evidence: "drop" the match, or report a "finding"
    origin: str = ""  # of a terms/ambiguous finding: the rule it stands for

    def as_ambiguous(self) -> Compiled:
        """This rule as a ``terms/ambiguous`` finding (its evidence is missing)."""
        return self._replace(
            full_id=AMBIGUOUS_RULE, action="flag", origin=self.full_id, evidence=None
        )

    def finding_message(self, matched: str, replacement: str) -> str:
        """The message of a finding of this rule on ``matched``."""
        if not self.origin:
            return self.message
        return (
            f"{matched!r} may stand for {replacement!r} ({self.origin}: {self.message}); "
            "the text lacks the context that rule needs, so it is left as written"
        )

    def replacement(self, matched: str, m: Any = None) -> str:
        """The text that replaces ``matched`` (``m``: the regex match, for patterns)."""
        repl = m.expand(self.replace) if m is not None and self.replace else self.replace
        if self.case == "preserve":
            return apply_case(matched, repl)
        return repl


CONTEXT_FIELDS = frozenset(
    (
        "before",
        "not_before",
        "after",
        "not_after",
        "line_has",
        "not_line_has",
        "unless",
        "position",
        "line_shape",
    )
)


def compile_rule(rule: Rule, lang: str, detect: bool, trusted: bool) -> Compiled:
    f = rule.fields
    case = f.get("case", "preserve")
    pattern = None
    whole_word = f.get("whole_word", True)
    if "pattern" in f:
        body = "|".join(f"(?:{p})" for p in as_tuple(f["pattern"]))
        if whole_word:
            body = f"{_START_GUARD}(?:{body}){_END_GUARD}"
        flags = regex.V0 if case == "sensitive" else regex.IGNORECASE
        pattern = regex.compile(body, flags)
    context = Context.from_fields(f) if not CONTEXT_FIELDS.isdisjoint(f) else None
    return Compiled(
        f"{rule.pack}/{rule.id}",
        lang if detect else "",
        case,
        f.get("action", "fix"),
        f.get("replace", ""),
        as_tuple(f.get("find")),
        pattern,
        as_tuple(f.get("trigger")),
        context,
        f.get("ambiguous", False),
        whole_word,
        f.get("message", "") or rule.note,
        float(f.get("confidence", 0.5)),
        lang if lang in LEFTOVER_WORDS else "",
        trusted,
        pattern is not None and ("$" in pattern.pattern or "\\Z" in pattern.pattern),
        Evidence.from_fields(f) if not EVIDENCE_FIELDS.isdisjoint(f) else None,
        f.get("otherwise", "drop"),
    )
