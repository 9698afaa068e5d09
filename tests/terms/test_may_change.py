"""``TermReplacer.may_change``: one scan of many texts never misses a text that
``edits`` would change (the idempotence check at load relies on it)."""

from __future__ import annotations

import pytest

from mtclean.kinds import available_packs, load_rules, parse_rules
from mtclean.terms.replacer import TermReplacer

TERMS = [n for n in available_packs() if n.startswith(("terms-", "style-"))]


def _texts(replacer: TermReplacer) -> list[str]:
    texts: list[str] = []
    for pack in replacer.packs:
        for rule in pack.rules:
            find = rule.get("find")
            terms = (find,) if isinstance(find, str) else tuple(find or ())
            texts += [t for t in terms[:2]]
            texts += [f"{t.upper()}, {t}." for t in terms[:1]]
            texts += [ex.input for ex in rule.examples[:2]]
    return texts


@pytest.mark.parametrize("name", TERMS)
def test_no_changed_text_is_missed(name: str) -> None:
    replacer = TermReplacer((load_rules(name),))
    texts = _texts(replacer)
    flags = replacer.may_change(texts)
    missed = [t for t, maybe in zip(texts, flags, strict=True) if not maybe and replacer.edits(t)]
    assert not missed
    assert any(flags) and not all(flags)


def test_only_texts_with_a_key_are_suspects() -> None:
    pack = parse_rules(
        """
[pack]
name = "joins"
kind = "terms"
[[rules]]
id = "phrase"
find = "in het kader van"
replace = "as part of"
[[rules]]
id = "navo"
find = "Navo"
replace = "NATO"
case = "exact"
"""
    )
    replacer = TermReplacer((pack,))
    texts = ["in het", "kader van", "de Navo", "Navona", "", "navo-top"]
    assert replacer.may_change(texts) == [False, False, True, False, False, True]
    assert [bool(replacer.edits(t)) for t in texts] == [False, False, True, False, False, True]


def test_a_rule_without_trigger_makes_every_text_suspect() -> None:
    pack = parse_rules(
        """
[pack]
name = "always"
kind = "terms"
[[rules]]
id = "dash"
pattern = "--"
replace = "-"
whole_word = false
"""
    )
    assert TermReplacer((pack,)).may_change(["a", "b"]) == [True, True]
