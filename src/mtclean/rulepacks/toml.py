"""TOML for rule packs: :func:`tomllib.loads`, with a fast path for big, plain packs.

A generated pack of 100,000 rules is mostly ``[[rules]]`` headers and lines such
as ``find = "Navo"``. Those lines are read here with one regular expression; any
rule with something else (an array, an inline table, an escape, a multi-line
string) is handed to :mod:`tomllib` on its own, and anything unusual in the file
as a whole, or any error, to :mod:`tomllib` for the whole text, so the result and
every error message are exactly tomllib's.

>>> loads('[pack]\\nname = "p"\\n[[rules]]\\nid = "a"  # one\\nfind = \\'Navo\\'\\nexact = true\\n')
{'pack': {'name': 'p'}, 'rules': [{'id': 'a', 'find': 'Navo', 'exact': True}]}
>>> loads('[[rules]]\\nid = "a"\\nexamples = [{ input = "x", expected = "y" }]\\n')["rules"]
[{'id': 'a', 'examples': [{'input': 'x', 'expected': 'y'}]}]
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

__all__ = ["loads"]

# Characters TOML forbids in strings and comments: control characters but tab.
_CTRL = r"\x00-\x08\x0a-\x1f\x7f"
_COMMENT = rf"[ \t]*(?:#[^{_CTRL}]*)?"
_HEADER = re.compile(rf"^[ \t]*\[\[[ \t]*rules[ \t]*\]\]{_COMMENT}$", re.MULTILINE)
_LINE = re.compile(
    rf"[ \t]*(?:([A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    rf"(?:\"([^\"\\{_CTRL}]*)\"|'([^'{_CTRL}]*)'|(true|false)))?{_COMMENT}\n"
)


def loads(text: str) -> dict[str, Any]:
    """Parse ``text`` as TOML (the same result and errors as :func:`tomllib.loads`)."""
    try:
        fast = _fast(text)
    except tomllib.TOMLDecodeError:
        fast = None
    return fast if fast is not None else tomllib.loads(text)


def _fast(text: str) -> dict[str, Any] | None:
    """The parse of a pack made of plain rules, or ``None`` to let tomllib parse it all."""
    if "\r" in text or len(text) < 10_000:
        return None  # small packs gain nothing; CR line ends are left to tomllib
    headers = [m.start() for m in _HEADER.finditer(text)]
    if not headers:
        return None
    head = tomllib.loads(text[: headers[0]])
    if "rules" in head:
        return None
    if not text.endswith("\n"):
        text += "\n"
    rules: list[dict[str, Any]] = []
    ends = [*headers[1:], len(text)]
    for start, end in zip(headers, ends, strict=True):
        body = text.index("\n", start) + 1
        rule = _plain_rule(text, body, end)
        if rule is None:  # not plain: this rule alone through tomllib
            part = tomllib.loads(text[start:end])
            if list(part) != ["rules"] or len(part["rules"]) != 1:
                return None
            rule = part["rules"][0]
        rules.append(rule)
    head["rules"] = rules
    return head


def _plain_rule(text: str, pos: int, end: int) -> dict[str, Any] | None:
    """The rule in ``text[pos:end]`` if it has only plain lines, else ``None``."""
    rule: dict[str, Any] = {}
    match = _LINE.match
    while pos < end:
        m = match(text, pos, end)
        if m is None:
            return None
        pos = m.end()
        key = m[1]
        if key is None:
            continue
        if key in rule:
            return None  # a duplicate key: tomllib reports it
        basic, literal, boolean = m[2], m[3], m[4]
        if basic is not None:
            rule[key] = basic
        elif literal is not None:
            rule[key] = literal
        else:
            rule[key] = boolean == "true"
    return rule
