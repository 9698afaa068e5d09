"""Names the rules write are protected from the other rules.

A rule that restores a native name (``New Germany`` -> ``Neues Deutschland``,
``The Free Belgium`` -> ``La Libre Belgique``) writes words that other rules
translate (``Deutschland`` -> ``Germany``). Cleaning twice would then change the
text again. So every multi-word, capitalised replacement a fixing rule writes is
also a *protected* term: a rule that matches it and writes it unchanged, so its
longer match wins the span over the rules for the words inside it.

>>> from mtclean.kinds import parse_rules
>>> pack = parse_rules('''
... [pack]
... name = "demo"
... kind = "terms"
... [[rules]]
... id = "paper"
... find = "New Germany"
... replace = "Neues Deutschland"
... [[rules]]
... id = "country"
... find = "Deutschland"
... replace = "Germany"
... ''')
>>> [r.get("find") for r in protected_rules((pack,))]
['Neues Deutschland']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import regex

from ..rulepacks.model import Rule, RulePack

__all__ = ["PROTECT_PACK", "only_keeps", "protect_pack", "protected_rules"]

#: The name of the pack of protected terms (built, never loaded from a file).
PROTECT_PACK = "terms-protect"

_NAME_LIKE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]+)+")


def protected_rules(
    packs: Iterable[RulePack], disabled: frozenset[str] = frozenset()
) -> list[Rule]:
    """One protecting rule per distinct multi-word, capitalised literal replacement."""
    seen: dict[str, Rule] = {}
    for pack in packs:
        if pack.name in disabled:
            continue
        for rule in pack.rules:
            replace = rule.fields.get("replace")
            if (
                # Cheap tests first: most replacements are not a capitalised phrase.
                not isinstance(replace, str)
                or " " not in replace
                or (replace[0].isascii() and not "A" <= replace[0] <= "Z")
                or "\\" in replace
                or replace in seen
                or not rule.enabled
                or rule.full_id in disabled
                or rule.fields.get("action", "fix") != "fix"
                or not _NAME_LIKE.fullmatch(replace)
                or _writes_own_term(rule, replace)
            ):
                continue
            fields = {"find": replace, "replace": replace, "case": "sensitive"}
            seen[replace] = Rule(
                id=f"keep-{len(seen) + 1}",
                pack=PROTECT_PACK,
                note=f"written by {rule.full_id}: protected from the other rules",
                fields=MappingProxyType(fields),
            )
    return list(seen.values())


def _writes_own_term(rule: Rule, replace: str) -> bool:
    """Whether the replacement holds the rule's own term: then it is not protected, so
    the check at load still reports such a rule as not idempotent."""
    finds = rule.get("find")
    terms = (finds,) if isinstance(finds, str) else tuple(finds or ())
    lowered = replace.lower()
    return any(t.lower() in lowered for t in terms)


def protect_pack(packs: Iterable[RulePack], disabled: frozenset[str] = frozenset()) -> RulePack:
    """The protected terms of ``packs`` as one pack."""
    return RulePack(PROTECT_PACK, "terms", tuple(protected_rules(packs, disabled)))


def only_keeps(fields: Mapping[str, Any]) -> bool:
    """Whether a rule writes back what it matched (it only keeps a name whole)."""
    replace = fields.get("replace")
    find = fields.get("find")
    if replace == "\\g<0>":
        return True
    return find is not None and all(
        t == replace for t in ((find,) if isinstance(find, str) else tuple(find))
    )
