"""Calque variants: the renderings of one source term, generated from its parts.

Machine translation renders a compound or a fixed phrase part by part, and each part
in several ways: Dutch *parlementaire enquêtecommissie* comes out as "parliamentary
survey committee", "parliamentary investigation commission", "survey committee" …
A rule lists the glosses MT uses for each part, and the pack loader turns it into the
rule's ``find`` terms (matching ignores case, so "Survey Committee" is covered too):

.. code-block:: toml

    [[rules]]
    id = "enquete-committee"
    calque = ["parliamentary|", "survey|investigation", "committee|commission"]
    replace = "parliamentary inquiry committee"
    plural = "parliamentary inquiry committees"

Each item of ``calque`` is one part: its glosses separated by ``|``; an empty gloss
makes the part optional. A ``case = "sensitive"`` rule also gets each rendering in title
case and in sentence case. With ``plural``, the renderings with their last word in the
plural become a second rule, ``<id>-plural``, that replaces them with ``plural``.

>>> renderings(parse_parts(["big|", "survey|probe", "committee"]))
('big survey committee', 'big probe committee', 'survey committee', 'probe committee')
>>> plural_of("committee"), plural_of("inquiry"), plural_of("tax"), plural_of("day")
('committees', 'inquiries', 'taxes', 'days')
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace as _replace
from types import MappingProxyType
from typing import Any

from ..rulepacks.model import Rule
from ..wordlists import word_list
from .compiled import title_case

__all__ = [
    "MAX_RENDERINGS",
    "case_variants",
    "check_calque",
    "expand",
    "parse_parts",
    "plural_of",
    "renderings",
]

#: A rule may generate at most this many renderings (a typo in a part list should not
#: silently add thousands of terms).
MAX_RENDERINGS = 512


def parse_parts(value: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The glosses of each part (``""`` for an optional part), spaces normalised."""
    return tuple(tuple(" ".join(g.split()) for g in part.split("|")) for part in value)


def renderings(parts: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """Every way of choosing one gloss per part, joined by spaces (no duplicates, no
    empty rendering), in the order the parts list them."""
    out: dict[str, None] = {}
    for choice in itertools.product(*parts):
        words = " ".join(g for g in choice if g)
        if words:
            out[words] = None
    return tuple(out)


def plural_of(word: str) -> str:
    """The regular English plural of ``word``."""
    low = word.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and low[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"
    return word + "s"


def case_variants(form: str) -> tuple[str, ...]:
    """``form`` as written, in title case and in sentence case (for ``case = "sensitive"``
    rules; other rules match regardless of case).

    >>> case_variants("France Insubordinate")
    ('France Insubordinate', 'France insubordinate')
    >>> case_variants("survey of the committee")
    ('survey of the committee', 'Survey of the Committee', 'Survey of the committee')
    """
    words = form.split(" ")
    title = title_case(form)
    sentence = " ".join([words[0][:1].upper() + words[0][1:], *(w.lower() for w in words[1:])])
    return tuple(dict.fromkeys((form, title, sentence)))


def _plurals(forms: Sequence[str]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for form in forms:
        head, _, last = form.rpartition(" ")
        out[f"{head} {plural_of(last)}".lstrip()] = None
    return tuple(out)


def check_calque(value: Any) -> str | None:
    """Why a ``calque`` value is wrong, or ``None`` (the loader's field check)."""
    parts = parse_parts(value)
    if all("" in part for part in parts):
        return "every part is optional; at least one part needs only non-empty glosses"
    for part in parts:
        if not any(part):
            return "a part has no gloss; write its glosses separated by '|'"
        if len(set(part)) != len(part):
            return f"a part repeats a gloss: {'|'.join(part)!r}"
    count = 1
    for part in parts:
        count *= len(part)
    if count > MAX_RENDERINGS:
        return f"generates {count} renderings (at most {MAX_RENDERINGS}); split the rule"
    common = word_list("common-words")
    for form in renderings(parts):
        if " " not in form and form.lower() in common:
            return (
                f"generates {form!r} alone, an ordinary English word; make a part "
                "required or write the rule with context (before/after)"
            )
    return None


def expand(rule: Rule) -> tuple[Rule, ...]:
    """The rule with its calque renderings added to ``find`` (and its plural sibling)."""
    fields = rule.fields
    if "calque" not in fields:
        return (rule,)
    forms = renderings(parse_parts(fields["calque"]))
    if fields.get("case") == "sensitive":
        forms = tuple(dict.fromkeys(v for f in forms for v in case_variants(f)))
    # a rendering that is already the replacement is right as it stands
    same = str.__str__ if fields.get("case") == "sensitive" else str.lower
    forms = tuple(f for f in forms if same(f) != same(fields.get("replace", "")))
    own = fields.get("find", ())
    finds = tuple(dict.fromkeys((*((own,) if isinstance(own, str) else own), *forms)))
    base = {k: v for k, v in fields.items() if k not in ("calque", "plural")}
    out = [_replace(rule, fields=MappingProxyType({**base, "find": finds}))]
    plural = fields.get("plural")
    if plural:
        taken = {x.lower() for x in finds}
        many = tuple(f for f in _plurals(forms) if f.lower() not in taken and f != plural)
        out.append(
            _replace(
                rule,
                id=f"{rule.id}-plural",
                note=f"{rule.note} (plural forms)".strip(),
                examples=(),
                fields=MappingProxyType({**base, "find": many, "replace": plural}),
            )
        )
    return tuple(out)
