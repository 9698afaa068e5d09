"""Bundled packs cached on disk: the cached pack is the parsed one, and a changed
source file, a corrupt entry or a switched-off cache rebuilds it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtclean.diskcache import ENV, DiskCache
from mtclean.kinds import KINDS, available_packs, load_rules
from mtclean.rulepacks import packcache
from mtclean.rulepacks.loader import parse_rules
from mtclean.rulepacks.model import RulePack

PACK = """
[pack]
name = "cached-demo"
kind = "terms"
description = "a pack to cache"

[[rules]]
id = "navo"
note = "Dutch acronym"
find = ["Navo", "NAVO"]
replace = "NATO"
case = "exact"
confidence = 1
examples = [{ input = "de Navo", expected = "de NATO" }]

[[rules]]
id = "flag"
pattern = "\\\\bkabinet\\\\w*"
trigger = "kabinet"
action = "flag"
confidence = 0.5
ambiguous = true
enabled = false
"""


def _same(a: RulePack, b: RulePack) -> None:
    assert (a.name, a.kind, a.source, a.version, a.lang, a.description, a.enabled, a.bundled) == (
        b.name,
        b.kind,
        b.source,
        b.version,
        b.lang,
        b.description,
        b.enabled,
        b.bundled,
    )
    assert len(a.rules) == len(b.rules)
    for x, y in zip(a.rules, b.rules, strict=True):
        assert (x.id, x.pack, x.note, x.examples, x.enabled, x.domain) == (
            y.id,
            y.pack,
            y.note,
            y.examples,
            y.enabled,
            y.domain,
        )
        assert dict(x.fields) == dict(y.fields)
        assert {k: type(v) for k, v in x.fields.items()} == {
            k: type(v) for k, v in y.fields.items()
        }


@pytest.mark.parametrize("name", available_packs())
def test_every_bundled_pack_survives_the_round_trip(name: str) -> None:
    pack = load_rules(name)
    _same(packcache.pack_from_data(packcache.pack_to_data(pack)), pack)


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "cached-demo.toml"
    path.write_text(PACK, encoding="utf-8")
    return path


def _cached(path: Path, calls: list[int]) -> RulePack:
    def build() -> RulePack:
        calls.append(1)
        text = path.read_text(encoding="utf-8")
        return parse_rules(text, kinds=KINDS, source=path.name, bundled=True, verify=False)

    return packcache.cached_pack("cached-demo", [path], KINDS, build)


def test_parsed_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "cache"))
    path = _source(tmp_path)
    calls: list[int] = []
    first = _cached(path, calls)
    second = _cached(path, calls)
    assert calls == [1]
    assert second is not first
    _same(second, first)
    assert second.rules[0].get("find") == ("Navo", "NAVO")
    assert second.rules[0].get("confidence") == 1 and second.rules[1].get("ambiguous") is True


def test_a_changed_source_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "cache"))
    path = _source(tmp_path)
    calls: list[int] = []
    _cached(path, calls)
    path.write_text(PACK.replace("a pack to cache", "changed"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert _cached(path, calls).description == "changed"
    assert calls == [1, 1]
    assert _cached(path, calls).description == "changed"
    assert calls == [1, 1]


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv(ENV, str(folder))
    path = _source(tmp_path)
    calls: list[int] = []
    _cached(path, calls)
    (entry,) = folder.iterdir()
    entry.write_bytes(entry.read_bytes()[:-40])
    assert _cached(path, calls).rules[0].id == "navo"
    assert calls == [1, 1]
    assert _cached(path, calls).rules[0].id == "navo"
    assert calls == [1, 1]


def test_an_entry_of_another_shape_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "cache"))
    path = _source(tmp_path)
    calls: list[int] = []
    for wrong in (("only", "three", "items"), (*("x",) * 8, [("too", "short")])):
        monkeypatch.setattr(DiskCache, "load", lambda self, name, key, w=wrong: w)
        assert _cached(path, calls).rules[0].id == "navo"
    assert calls == [1, 1]


def test_no_cache_when_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "off")
    path = _source(tmp_path)
    calls: list[int] = []
    _cached(path, calls)
    _cached(path, calls)
    assert calls == [1, 1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cached-demo.toml"]


def test_the_key_names_the_code_that_expands_a_kinds_rules() -> None:
    from mtclean.diskcache import file_stamp
    from mtclean.terms import calque

    terms = next(k for k in KINDS if k.name == "terms")
    assert terms.expand is calque.expand  # calque variants are made when a pack loads
    assert repr(file_stamp(calque.__file__)) in repr(packcache._kinds_stamp([terms]))
