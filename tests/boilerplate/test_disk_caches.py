"""What boilerplate rules need of their patterns (openings, literals) is worked out once
per installation and kept in the on-disk cache; user packs' are not kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from mtclean.boilerplate import firstchars, literals
from mtclean.diskcache import ENV

PATTERNS = ["Leave a Reply", r"\w+ ago", "Σχόλια", r"\p{L}+"]
RULES = [(p,) for p in PATTERNS] + [("Leave a Reply", r"Post a (?:Comment|Reply)")]


def _sorted_literals(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    found = literals.rule_literals(patterns)
    return None if found is None else tuple(sorted(found))


CACHES: list[tuple[ModuleType, str, Callable[..., Any], list[Any], Callable[[Any], Any]]] = [
    (firstchars, "first_chars", firstchars.openings_of, PATTERNS, firstchars.first_chars),
    (literals, "rule_literals", literals.literals_of, RULES, _sorted_literals),
]


@pytest.mark.parametrize(("module", "worker", "cached", "items", "direct"), CACHES)
def test_kept_in_the_disk_cache(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
    worker: str,
    cached: Callable[..., Any],
    items: list[Any],
    direct: Callable[[Any], Any],
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    module._known.cache_clear()
    try:
        expected = tuple(direct(x) for x in items)
        assert cached(items, keep=False) == expected  # a user pack's: not kept
        assert list(tmp_path.iterdir()) == []
        module._known.cache_clear()
        assert cached(items) == expected
        assert [p.name for p in tmp_path.iterdir()] == [f"{module._ENTRY}.v2.marshal"]
        module._known.cache_clear()
        monkeypatch.setattr(module, worker, lambda x: pytest.fail("not cached"))
        assert cached(items) == expected
    finally:
        monkeypatch.undo()
        module._known.cache_clear()


def test_literals_of_a_rule() -> None:
    assert literals.literals_of(RULES, keep=False) == (
        ("leave a reply",),
        (" ago",),
        ("σχόλια",),
        None,
        ("leave a reply", "post a "),
    )
