"""The terms kind of rule pack: its fields and the checks run when a pack loads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from ..errors import RulePackError
from ..rulepacks.model import FieldSpec, KindSpec, Rule, RulePack
from .calque import check_calque, expand
from .compiled import as_tuple
from .evidence import EVIDENCE_FIELDS
from .replacer import TermReplacer

__all__ = ["KIND", "MAX_NEAR_CHARS"]

#: The largest ``near_chars``: beyond it, evidence anywhere in the text (``text_has``) is
#: what a rule means.
MAX_NEAR_CHARS = 100_000


def _check_near_chars(value: Any) -> str | None:
    if not 1 <= value <= MAX_NEAR_CHARS:
        return f"must be a number of characters from 1 to {MAX_NEAR_CHARS:,}"
    return None


def _check_rule(fields: Mapping[str, Any]) -> tuple[str, str] | None:
    if ("find" in fields or "calque" in fields) == ("pattern" in fields):
        return "find", (
            "give exactly one of 'find' (literal terms, or 'calque' to generate them) "
            "or 'pattern' (a regex)"
        )
    if "plural" in fields and "calque" not in fields:
        return "plural", "only a 'calque' rule takes 'plural' (its plural renderings)"
    if fields.get("action", "fix") == "fix" and "replace" not in fields:
        return "replace", "missing; a fixing rule needs 'replace' (or set action = \"flag\")"
    for p in as_tuple(fields.get("pattern")):
        if regex.compile(p).fullmatch(""):
            return (
                "pattern",
                f"{p!r} matches the empty string; make it match at least one character",
            )
    if "near_chars" in fields and "near" not in fields:
        return "near_chars", "only a rule with 'near' patterns takes 'near_chars'"
    if fields.get("otherwise", "drop") == "finding":
        if fields.get("action", "fix") != "fix":
            return "otherwise", "only a fixing rule can fall back to a finding"
        if EVIDENCE_FIELDS.isdisjoint(fields):
            return (
                "otherwise",
                "says what happens when the text lacks the rule's evidence: "
                "give 'text_has', 'not_text_has' or 'near' too",
            )
    if "trigger" in fields and "pattern" not in fields:
        return (
            "trigger",
            "only regex rules ('pattern') take triggers; 'find' terms trigger themselves",
        )
    return None


_GROUP_REF = regex.compile(r"\\[0-9g]")


def _check_pack(pack: RulePack) -> None:
    """Reject a pack whose output would change again when cleaned twice."""
    replacer = TermReplacer((pack,))
    # One scan of all the texts first: only those it finds a key in are analysed alone.
    replaced = [
        (rule, rule.get("replace"))
        for rule in pack.rules
        if rule.enabled
        and rule.get("replace")
        and rule.get("action", "fix") == "fix"
        and not (rule.get("pattern") is not None and _GROUP_REF.search(rule.get("replace")))
    ]
    for rule, repl, again in _changed_again(replacer, replaced):
        msg = (
            f"not idempotent: its replacement {repl!r} is matched again by rule "
            f"{again!r}; cleaning twice would change the text again"
        )
        raise RulePackError(msg, source=pack.source, rule_id=rule.id, field="replace")
    expected = [
        (rule, ex.expected)
        for rule in pack.rules
        if rule.enabled
        for ex in rule.examples
        if ex.input != ex.expected
    ]
    for rule, text, again in _changed_again(replacer, expected):
        msg = f"not idempotent: the expected output {text!r} is changed again by rule {again!r}"
        raise RulePackError(msg, source=pack.source, rule_id=rule.id, field="examples")


def _changed_again(
    replacer: TermReplacer, texts: list[tuple[Rule, str]]
) -> Iterator[tuple[Rule, str, str]]:
    """Each (rule, text) whose text the pack would change again, with the rule that would:
    one joined scan picks the few texts worth analysing alone."""
    changeable = replacer.may_change([text for _, text in texts])
    for (rule, text), maybe in zip(texts, changeable, strict=True):
        again = replacer.edits(text) if maybe else ()
        if again:
            yield rule, text, again[0].rule


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
        FieldSpec("trigger", (str, list)),
        FieldSpec("before", (str, list), is_regex=True),
        FieldSpec("not_before", (str, list), is_regex=True),
        FieldSpec("after", (str, list), is_regex=True),
        FieldSpec("not_after", (str, list), is_regex=True),
        FieldSpec("line_has", (str, list), is_regex=True),
        FieldSpec("not_line_has", (str, list), is_regex=True),
        FieldSpec("unless", (str, list), is_regex=True),
        FieldSpec("position", choices=("any", "line", "line_start", "line_end")),
        FieldSpec("line_shape", choices=("any", "caption")),
        FieldSpec("text_has", (str, list), is_regex=True),
        FieldSpec("not_text_has", (str, list), is_regex=True),
        FieldSpec("near", (str, list), is_regex=True),
        FieldSpec("near_chars", (int,), check=_check_near_chars),
        FieldSpec("otherwise", choices=("drop", "finding")),
        FieldSpec("ambiguous", (bool,)),
        FieldSpec("calque", (list,), check=check_calque),
        FieldSpec("plural"),
    ),
    build=lambda pack: TermReplacer((pack,)),
    check_rule=_check_rule,
    check_pack=_check_pack,
    expand=expand,
)
