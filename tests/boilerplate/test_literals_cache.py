"""A rule's literals are worked out once per installation: kept in the on-disk cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtclean.boilerplate import literals
from mtclean.boilerplate.literals import literals_of, rule_literals
from mtclean.diskcache import ENV


def test_literals_are_kept_in_the_disk_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    literals._known.cache_clear()
    rules = [("Leave a Reply", r"Post a (?:Comment|Reply)"), (r"\w+ ago",), (r"\p{L}+",)]
    try:
        first = literals_of(rules)
        assert first == (("leave a reply", "post a "), (" ago",), None)
        assert first == tuple(
            None if (r := rule_literals(p)) is None else tuple(sorted(r)) for p in rules
        )
        assert [p.name for p in tmp_path.iterdir()] == ["boilerplate-literals.v2.marshal"]
        literals._known.cache_clear()
        monkeypatch.setattr(literals, "rule_literals", lambda p: pytest.fail("not cached"))
        assert literals_of(rules) == first
    finally:
        monkeypatch.undo()
        literals._known.cache_clear()


def test_user_rules_are_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    literals._known.cache_clear()
    try:
        assert literals_of([("My site's footer",)], keep=False) == (("my site's footer",),)
        assert list(tmp_path.iterdir()) == []
    finally:
        literals._known.cache_clear()
