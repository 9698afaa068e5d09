"""Bundled rule packs, parsed once per installation instead of once per process.

Reading the TOML of every bundled pack costs most of a second; the parsed pack,
stored as plain data in :mod:`mtclean.diskcache`, loads in a few milliseconds.
An entry's key names the pack's files (size, modification time), the kinds it
was validated against and the loader's own code, so editing a pack or mtclean
rebuilds it.

>>> from mtclean.rulepacks.model import Example, Rule, RulePack
>>> rule = Rule("r", "p", "why", (Example("a", "b"),), True, {"find": ("x", "y")}, "d")
>>> pack = pack_from_data(pack_to_data(RulePack("p", "terms", (rule,), bundled=True)))
>>> pack.rules[0].examples, pack.rules[0].get("find"), pack.bundled
((Example(input='a', expected='b'),), ('x', 'y'), True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..diskcache import default_cache, file_stamp, fingerprint
from ..gcpause import paused_gc
from .model import Example, KindSpec, Rule, RulePack

__all__ = ["cached_pack", "pack_from_data", "pack_to_data"]


def pack_to_data(pack: RulePack) -> tuple[Any, ...]:
    """``pack`` as plain data (equal strings stored once)."""
    seen: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        if isinstance(value, tuple):
            value = tuple(one(v) for v in value)
        elif type(value) is not str:
            return value  # (1, 1.0 and True are equal keys: only strings are shared)
        return seen.setdefault(value, value)

    rules = tuple(
        (
            one(r.id),
            one(r.pack),
            one(r.note),
            tuple((one(e.input), one(e.expected)) for e in r.examples),
            r.enabled,
            {one(k): one(v) for k, v in r.fields.items()},
            one(r.domain),
        )
        for r in pack.rules
    )
    meta = (pack.name, pack.kind, pack.source, pack.version, pack.lang, pack.description)
    return (*meta, pack.enabled, pack.bundled, rules)


def pack_from_data(data: tuple[Any, ...]) -> RulePack:
    """The pack :func:`pack_to_data` stored."""
    name, kind, source, version, lang, description, enabled, bundled, rules = data
    proxy = MappingProxyType
    built = tuple(
        [
            Rule(i, p, note, tuple([Example(a, b) for a, b in ex]) if ex else (), on, proxy(f), d)
            for i, p, note, ex, on, f, d in rules
        ]
    )
    return RulePack(name, kind, built, source, version, lang, description, enabled, bundled)


@functools.cache
def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """The loader's own modules: a change to any of them makes every entry stale."""
    folder = Path(__file__).parent
    return tuple(file_stamp(p) for p in sorted(folder.glob("*.py")))


def _kinds_stamp(kinds: Sequence[KindSpec]) -> tuple[Any, ...]:
    import sys

    def code(function: Any) -> tuple[str, int, int]:
        module = sys.modules.get(getattr(function, "__module__", None) or "", None)
        return file_stamp(getattr(module, "__file__", None) or "")

    def spec(k: KindSpec) -> tuple[Any, ...]:
        # the modules of the functions a pack's rules go through when it loads (a
        # calque rule's variants are made by ``expand``): editing one rebuilds the entry
        functions = (k.build, k.check_rule, k.check_pack, k.expand)
        fields = tuple(
            (
                f.name,
                tuple(t.__name__ for t in f.types),
                f.required,
                f.choices,
                f.is_regex,
                getattr(f.check, "__qualname__", None),
            )
            for f in k.fields
        )
        return (k.name, fields, tuple(code(f) for f in functions if f is not None))

    return tuple(spec(k) for k in kinds)


def cached_pack(
    name: str,
    files: Sequence[Any],
    kinds: Sequence[KindSpec],
    build: Callable[[], RulePack],
    code: Sequence[str] = (),
) -> RulePack:
    """Bundled pack ``name`` from the cache if its entry is fresh, else ``build()`` it
    (and store it). ``files`` are the pack's source files, ``code`` the files of a parser
    other than the loader's; packs not read from the file system (a zipped install) are
    not cached."""
    if not all(isinstance(f, Path) for f in files):
        return build()
    cache = default_cache()
    if cache.folder is None:
        return build()
    stamps = [file_stamp(f) for f in (*files, *code)]
    key = fingerprint(name, stamps, _kinds_stamp(kinds), _code_stamp())
    entry = f"pack-{name}"
    data = cache.load(entry, key)
    if data is not None:
        try:
            with paused_gc():  # thousands of small objects: no reason to collect meanwhile
                return pack_from_data(data)
        except (TypeError, ValueError):
            pass  # not the shape this code writes: rebuilt below
    pack = build()
    cache.store(entry, key, pack_to_data(pack))
    return pack
