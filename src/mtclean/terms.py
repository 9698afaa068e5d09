"""Term rules: source-language leftovers and calques replaced by their English terms.

A ``kind = "terms"`` pack holds rules that find a literal term (``find``) or a
regular expression (``pattern``) and write ``replace``. One left-to-right pass
over the text; where several rules match at one place, the longest match wins
(POSIX leftmost-longest matching), so results never depend on rule order.

Case policy per rule (``case``):

* ``"exact"``: match in any case, write ``replace`` exactly (acronyms, names).
* ``"preserve"`` (default): match in any case, write ``replace`` in the case
  shape of the match (lower, Capitalized, ALL CAPS).
* ``"sensitive"``: match only the case written in ``find``; write ``replace``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from .core import Edit, EditsNormalizer, Finding
from .errors import PatternTimeoutError, RulePackError
from .rules import FieldSpec, KindSpec, Rule, RulePack

__all__ = ["KIND", "TermReplacer", "apply_case", "build_steps"]

# A word character for boundary purposes: letters, marks and digits in any script.
_WORD = r"[\p{L}\p{M}\p{N}]"
PATTERN_TIMEOUT = 1.0


def apply_case(matched: str, replacement: str) -> str:
    """Give ``replacement`` the case shape of ``matched``.

    >>> apply_case("Tweede", "second"), apply_case("TWEEDE", "second"), apply_case("x", "Ab")
    ('Second', 'SECOND', 'Ab')
    """
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _check_rule(fields: Mapping[str, Any]) -> tuple[str, str] | None:
    if ("find" in fields) == ("pattern" in fields):
        return "find", "give exactly one of 'find' (literal terms) or 'pattern' (a regex)"
    if fields.get("action", "fix") == "fix" and "replace" not in fields:
        return "replace", "missing; a fixing rule needs 'replace' (or set action = \"flag\")"
    return None


@dataclass(frozen=True)
class _Term:
    rule: Rule
    regex_source: str


@dataclass(frozen=True, eq=False)
class TermReplacer(EditsNormalizer):
    """Apply the term rules of one or more packs in a single pass.

    >>> from mtclean.rules import parse_rules
    >>> pack = parse_rules('''
    ... [pack]
    ... name = "demo"
    ... kind = "terms"
    ... [[rules]]
    ... id = "navo"
    ... find = "Navo"
    ... replace = "NATO"
    ... case = "exact"
    ... ''')
    >>> TermReplacer((pack,)).fix("Navo's summit; navo")
    "NATO's summit; NATO"
    >>> TermReplacer((pack,)).fix("Navona square")
    'Navona square'
    """

    packs: tuple[RulePack, ...]
    disabled: frozenset[str] = frozenset()
    name: str = "terms"
    _pattern: Any = field(init=False, repr=False, compare=False)
    _rules: tuple[Rule, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rules = [
            r
            for p in self.packs
            if p.name not in self.disabled
            for r in p.rules
            if r.enabled and r.full_id not in self.disabled
        ]
        alternatives = []
        for i, rule in enumerate(rules):
            alternatives.append(f"(?P<r{i}>{_rule_regex(rule)})")
        source = "|".join(alternatives) or r"(?!x)x"
        object.__setattr__(self, "_rules", tuple(rules))
        object.__setattr__(self, "_pattern", regex.compile(source, regex.V1 | regex.POSIX))

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules this replacer applies."""
        return tuple(r.full_id for r in self._rules)

    def _matches(self, text: str) -> Iterable[tuple[Rule, Any]]:
        try:
            for m in self._pattern.finditer(text, overlapped=False, timeout=PATTERN_TIMEOUT):
                yield self._rules[int(m.lastgroup[1:])], m
        except TimeoutError as exc:
            msg = f"term rules of {self.name!r} took longer than {PATTERN_TIMEOUT} s"
            raise PatternTimeoutError(msg) from exc

    def edits(self, text: str) -> list[Edit]:
        """Edits for every fixing rule that matches."""
        out = []
        for rule, m in self._matches(text):
            if rule.get("action", "fix") != "fix":
                continue
            replacement = _replacement(rule, m)
            if replacement != m.group():
                message = rule.get("message", "")
                out.append(Edit(m.start(), m.end(), replacement, rule.full_id, message))
        return out

    def findings(self, text: str) -> list[Finding]:
        """Findings for every flagging rule that matches."""
        return [
            Finding(
                m.start(),
                m.end(),
                rule.full_id,
                rule.get("message", "") or rule.note,
                float(rule.get("confidence", 0.5)),
            )
            for rule, m in self._matches(text)
            if rule.get("action", "fix") == "flag"
        ]


def _rule_regex(rule: Rule) -> str:
    case = rule.get("case", "preserve")
    flags = "" if case == "sensitive" else "(?i)"
    if rule.get("pattern") is not None:
        patterns = rule.get("pattern")
        body = "|".join(patterns) if isinstance(patterns, tuple) else patterns
    else:
        terms = rule.get("find")
        terms = terms if isinstance(terms, tuple) else (terms,)
        body = "|".join(regex.escape(t) for t in sorted(terms, key=len, reverse=True))
    if rule.get("whole_word", True):
        body = f"(?<!{_WORD})(?:{body})(?!{_WORD})"
    return f"(?:{flags}{body})" if flags else f"(?:{body})"


def _replacement(rule: Rule, m: Any) -> str:
    repl: str = rule.get("replace", "")
    if rule.get("pattern") is not None:
        repl = m.expand(repl)
    if rule.get("case", "preserve") == "preserve":
        return apply_case(m.group(), repl)
    return repl


def _check_pack(pack: RulePack) -> None:
    replacer = TermReplacer((pack,))
    for rule in pack.rules:
        repl = rule.get("replace")
        if not repl or rule.get("action", "fix") != "fix":
            continue
        for hit, m in replacer._matches(repl):
            if hit.get("action", "fix") == "fix" and _replacement(hit, m) != m.group():
                msg = (
                    f"not idempotent: its replacement {repl!r} is matched again by rule "
                    f"{hit.id!r}; cleaning twice would change the text again"
                )
                raise RulePackError(msg, source=pack.source, rule_id=rule.id, field="replace")


KIND = KindSpec(
    name="terms",
    fields=(
        FieldSpec("find", (str, list)),
        FieldSpec("pattern", (str, list), is_regex=True),
        FieldSpec("replace"),
        FieldSpec("case", choices=("exact", "preserve", "sensitive")),
        FieldSpec("whole_word", (bool,)),
        FieldSpec("action", choices=("fix", "flag")),
        FieldSpec("message"),
        FieldSpec("confidence", (float, int)),
    ),
    build=lambda pack: TermReplacer((pack,)),
    check_rule=_check_rule,
    check_pack=_check_pack,
)


@functools.lru_cache(maxsize=64)
def _cached(packs: tuple[RulePack, ...], disabled: frozenset[str]) -> TermReplacer:
    return TermReplacer(packs, disabled)


def build_steps(options: Any) -> list[Any]:
    """The term stage of the default pipeline: the source-language pack plus user packs."""
    packs = tuple(p for p in options.packs_of("terms") if p.enabled or p.name in options.enable)
    if not packs:
        return []
    return [_cached(packs, options.disable)]
