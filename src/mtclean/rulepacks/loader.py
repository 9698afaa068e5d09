"""Rule packs: TOML files of rules, validated and compiled once at load.

A pack has a ``[pack]`` table and a list of ``[[rules]]``; the pack's ``kind``
says which normalizer consumes it and which rule fields it accepts (see
``docs/rule-packs.md``). The loader knows no kind itself: the caller hands it the
kinds (:data:`mtclean.kinds.KINDS` does so for every kind mtclean has). Bundled
packs live in ``mtclean/data/packs/*.toml`` and load by name; user packs by path::

    load_rules("terms-nl", kinds=KINDS)
    load_rules(Path("my-site.toml"), kinds=KINDS)

Every mistake raises :class:`~mtclean.errors.RulePackError` naming the file,
the rule and the field, with a "did you mean" hint for misspelt keys.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from ..errors import RulePackError, UnknownNormalizerError
from ..gcpause import paused_gc
from . import toml
from .model import (
    COMMON_RULE_KEYS,
    PACK_KEYS,
    RULE_ID_RE,
    Example,
    FieldSpec,
    KindSpec,
    Rule,
    RulePack,
    did_you_mean,
)
from .packcache import cached_pack

__all__ = [
    "Kinds",
    "available_packs",
    "bundled_folder",
    "load_rules",
    "parse_rules",
    "verify_bundled",
]

#: The kinds a loader accepts, as a hashable tuple (packs are cached per kinds).
Kinds = tuple[KindSpec, ...]


def bundled_folder() -> Traversable:
    """The folder of bundled rule packs."""
    return resources.files("mtclean") / "data" / "packs"


def available_packs() -> tuple[str, ...]:
    """Names of the packs bundled with mtclean (a ``.toml`` file, or a folder of them,
    one file per domain)."""
    folder = bundled_folder()
    if not folder.is_dir():
        return ()
    names = [p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")]
    names += [p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))]
    return tuple(sorted(names))


def load_rules(name_or_path: str | Path | RulePack, *, kinds: Iterable[KindSpec]) -> RulePack:
    """Load, validate and compile a rule pack, once.

    ``name_or_path`` is a bundled pack's name (``"terms-nl"``), a path to a TOML
    file, or an already loaded :class:`RulePack` (returned as is). Packs are cached:
    a bundled pack by name, a file by path and modification time.
    """
    if isinstance(name_or_path, RulePack):
        return name_or_path
    kinds = tuple(kinds)
    if isinstance(name_or_path, str) and not _looks_like_path(name_or_path):
        return _load_bundled(name_or_path, kinds)
    path = Path(name_or_path)
    try:
        stat = path.stat()
    except OSError as exc:
        msg = f"cannot read rule pack: {exc.strerror or exc}"
        raise RulePackError(msg, source=str(path)) from exc
    return _load_file(str(path.resolve()), stat.st_mtime_ns, stat.st_size, str(path), kinds)


#: What a bundled pack's name looks like; anything else (".", "..", "~/x") is a path.
_PACK_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")


def _looks_like_path(name: str) -> bool:
    return name.endswith(".toml") or "/" in name or "\\" in name or not _PACK_NAME.match(name)


@functools.cache
def _load_bundled(name: str, kinds: Kinds) -> RulePack:
    folder = bundled_folder() / name
    if folder.is_dir():
        files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=str)
        return cached_pack(name, files, kinds, lambda: _parse_folder(name, files, kinds))
    resource = bundled_folder() / f"{name}.toml"
    if not resource.is_file():
        hint = did_you_mean(name, available_packs())
        msg = f"no bundled rule pack called {name!r}" + (f" ({hint})" if hint else "")
        msg += "; to load a file, give a path ending in .toml"
        raise UnknownNormalizerError(msg)

    def parse() -> RulePack:
        text = resource.read_text(encoding="utf-8")
        return parse_rules(text, kinds=kinds, source=f"{name}.toml", bundled=True, verify=False)

    return cached_pack(name, [resource], kinds, parse)


def _parse_folder(name: str, files: list[Traversable], kinds: Kinds) -> RulePack:
    parts = [
        parse_rules(
            f.read_text(encoding="utf-8"),
            kinds=kinds,
            source=f"{name}/{f.name}",
            bundled=True,
            verify=False,
        )
        for f in files
    ]
    return merge_domains(name, parts)


def verify_bundled(name: str, *, kinds: Iterable[KindSpec]) -> list[RulePack]:
    """Every file of bundled pack ``name``, parsed with all the checks a user pack gets
    (the test suite runs this for each bundled pack; loading skips the costly ones)."""
    folder = bundled_folder() / name
    files = (
        sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=str)
        if folder.is_dir()
        else [bundled_folder() / f"{name}.toml"]
    )
    kinds = tuple(kinds)
    return [
        parse_rules(
            f.read_text(encoding="utf-8"), kinds=kinds, source=str(f), bundled=True, verify=True
        )
        for f in files
    ]


def merge_domains(name: str, parts: list[RulePack]) -> RulePack:
    """One pack from the files of a pack folder: each file holds one domain of ``name``.

    Every file must name the same pack and kind; rule ids are unique across files.
    """
    if not parts:
        msg = f"bundled pack folder {name!r} holds no .toml file"
        raise RulePackError(msg, source=name)
    seen: dict[str, str] = {}
    for part in parts:
        if part.name != name or part.kind != parts[0].kind:
            msg = f"a file of pack folder {name!r} must declare name = {name!r} and one kind"
            raise RulePackError(msg, source=part.source, field="pack.name")
        for rule in part.rules:
            if rule.id in seen:
                msg = f"duplicate rule id: also in {seen[rule.id]}"
                raise RulePackError(msg, source=part.source, rule_id=rule.id, field="id")
            seen[rule.id] = part.source
    first = parts[0]
    return RulePack(
        name=name,
        kind=first.kind,
        rules=tuple(r for part in parts for r in part.rules),
        source=f"{name}/",
        version=first.version,
        lang=next((p.lang for p in parts if p.lang), ""),
        description=first.description,
        enabled=first.enabled,
        bundled=first.bundled,
    )


@functools.lru_cache(maxsize=256)
def _load_file(resolved: str, mtime_ns: int, size: int, shown: str, kinds: Kinds) -> RulePack:
    try:
        data = Path(resolved).read_bytes()
    except OSError as exc:
        msg = f"cannot read rule pack: {exc.strerror or exc}"
        raise RulePackError(msg, source=shown) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 (byte {exc.start}); save the file as UTF-8"
        raise RulePackError(msg, source=shown) from exc
    return parse_rules(text, kinds=kinds, source=shown)


def parse_rules(
    text: str,
    *,
    kinds: Iterable[KindSpec],
    source: str = "<rules>",
    bundled: bool = False,
    verify: bool = True,
) -> RulePack:
    """Parse and validate the TOML text of a rule pack whose kind is one of ``kinds``.

    ``bundled`` marks a pack shipped with mtclean (its patterns are trusted to run
    without a time budget); user packs are never bundled, and may not take a bundled
    pack's name. A UTF-8 byte order mark before the text is ignored.

    ``verify=False`` skips the costly checks: compiling every regex field to report
    a bad one, and the kind's whole-pack check (a terms pack's idempotence). mtclean
    loads its bundled packs that way, as the test suite verifies each of them in full
    (:func:`verify_bundled`); a user's pack is always verified.
    """
    with paused_gc():  # a big pack is many small objects and no cycles
        return _parse_rules(text.removeprefix("\ufeff"), tuple(kinds), source, bundled, verify)


def _parse_rules(text: str, kinds: Kinds, source: str, bundled: bool, verify: bool) -> RulePack:
    try:
        data = toml.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"invalid TOML: {exc}"
        raise RulePackError(msg, source=source) from exc
    _check_keys(data, ("pack", "rules"), source, None, "top-level table")
    meta = data.get("pack")
    if not isinstance(meta, dict):
        msg = "missing [pack] table (with at least name and kind)"
        raise RulePackError(msg, source=source, field="pack")
    _check_keys(meta, PACK_KEYS, source, None, "[pack]")
    name = _pack_str(meta, "name", source, required=True)
    if not RULE_ID_RE.fullmatch(name):
        msg = "pack name must be letters, digits, '-', '_' or '.'"
        raise RulePackError(msg, source=source, field="pack.name")
    if not bundled and name in available_packs():
        msg = f"a bundled pack is called {name!r}; a user pack cannot replace or extend it"
        hint = f'rename it (name = "my-{name}") and load both, or disable {name!r}'
        raise RulePackError(msg, source=source, field="pack.name", hint=hint)
    kind_name = _pack_str(meta, "kind", source, required=True)
    kind = _kind(kind_name, kinds, source)
    defaults = meta.get("defaults", {})
    if not isinstance(defaults, dict):
        msg = "must be a table of rule field defaults"
        raise RulePackError(msg, source=source, field="pack.defaults")
    rules_data = data.get("rules", [])
    if not isinstance(rules_data, list) or not all(isinstance(r, dict) for r in rules_data):
        msg = "must be an array of tables: write each rule as [[rules]]"
        raise RulePackError(msg, source=source, field="rules")
    domain = _pack_str(meta, "domain", source)
    if domain and not RULE_ID_RE.fullmatch(domain):
        msg = "a domain name is letters, digits, '-', '_' or '.'"
        raise RulePackError(msg, source=source, field="pack.domain")
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    known = _field_specs(kind)  # once per pack, not per rule
    for position, raw in enumerate(rules_data, start=1):
        rules_data[position - 1] = None  # the rule's table is not needed after this one
        try:
            rule = _parse_rule(
                {**defaults, **raw}, kind, name, source, position, domain, known, verify
            )
        except RulePackError as exc:
            line = _rule_line(text, position, len(rules_data))
            raise exc.at_line(line) from exc.__cause__
        for one in kind.expand(rule) if kind.expand is not None else (rule,):
            if one.id in seen:
                msg = (
                    f"duplicate rule id: rule #{position} repeats the id of rule "
                    f"#{seen[one.id]}; every rule in a pack needs its own id"
                )
                line = _rule_line(text, position, len(rules_data))
                raise RulePackError(msg, source=source, rule_id=one.id, field="id", line=line)
            seen[one.id] = position
            rules.append(one)
    enabled = meta.get("enabled", True)
    if not isinstance(enabled, bool):
        msg = "must be true or false"
        raise RulePackError(msg, source=source, field="pack.enabled")
    pack = RulePack(
        name=name,
        kind=kind_name,
        rules=tuple(rules),
        source=source,
        version=_pack_str(meta, "version", source),
        lang=_pack_str(meta, "lang", source),
        description=_pack_str(meta, "description", source),
        enabled=enabled,
        bundled=bundled,
    )
    if verify and kind.check_pack is not None:
        kind.check_pack(pack)
    return pack


def _rule_line(text: str, position: int, count: int) -> int | None:
    """The line number of the ``position``-th ``[[rules]]`` header (from 1), if the pack
    writes its ``count`` rules that way (found only for an error message)."""
    headers = [m.start() for m in _RULES_HEADER.finditer(text)]
    if len(headers) != count:
        return None
    return text.count("\n", 0, headers[position - 1]) + 1


_RULES_HEADER = re.compile(r"^[ \t]*\[\[rules\]\]", re.MULTILINE)


def _kind(name: str, kinds: Kinds, source: str) -> KindSpec:
    by_name = {k.name: k for k in kinds}
    if name not in by_name:
        hint = did_you_mean(name, by_name) or f"known kinds: {', '.join(sorted(by_name))}"
        msg = f"unknown kind {name!r}"
        raise RulePackError(msg, source=source, field="pack.kind", hint=hint)
    return by_name[name]


def _pack_str(meta: Mapping[str, Any], key: str, source: str, *, required: bool = False) -> str:
    value = meta.get(key, "")
    if required and key not in meta:
        msg = "missing; every [pack] needs name and kind"
        raise RulePackError(msg, source=source, field=f"pack.{key}")
    if not isinstance(value, str):
        msg = f"must be a string, not {type(value).__name__}"
        raise RulePackError(msg, source=source, field=f"pack.{key}")
    return value


def _check_keys(
    table: Mapping[str, Any],
    allowed: Any,
    source: str,
    rule_id: str | None,
    where: str,
) -> None:
    for key in table:
        if key not in allowed:
            msg = f"unknown key {key!r} in {where}"
            hint = did_you_mean(key, allowed)
            raise RulePackError(msg, source=source, rule_id=rule_id, field=key, hint=hint)


def _parse_rule(
    raw: dict[str, Any],
    kind: KindSpec,
    pack: str,
    source: str,
    position: int,
    domain: str = "",
    known: _Known | None = None,
    verify: bool = True,
) -> Rule:
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        msg = f"rule #{position} has no id; give every rule a unique string id"
        raise RulePackError(msg, source=source, rule_id=f"#{position}", field="id")
    if not RULE_ID_RE.fullmatch(rule_id):
        msg = "rule ids are letters, digits, '-', '_' or '.' (no spaces or '/')"
        raise RulePackError(msg, source=source, rule_id=rule_id, field="id")
    specs, required, plain = known if known is not None else _field_specs(kind)
    if not raw.keys() <= specs.keys():
        allowed = (*COMMON_RULE_KEYS, *(f.name for f in kind.fields))
        _check_keys(raw, allowed, source, rule_id, f"a {kind.name} rule")
    for name in required:
        if name not in raw:
            msg = f"missing; a {kind.name} rule needs {name!r}"
            raise RulePackError(msg, source=source, rule_id=rule_id, field=name)
    fields: dict[str, Any] = {}
    for key, value in raw.items():
        if key in plain and type(value) is str and value and "\x00" not in value:
            fields[key] = value  # the common case, checked in full below: a plain string
        elif (spec := specs[key]) is not None:
            fields[key] = _check_field(spec, value, kind, source, rule_id, verify)
    if verify and kind.check_rule is not None:
        problem = kind.check_rule(fields)
        if problem is not None:
            bad_field, msg = problem
            raise RulePackError(msg, source=source, rule_id=rule_id, field=bad_field)
    note = raw.get("note", "")
    if not isinstance(note, str):
        msg = "must be a string saying why the rule exists"
        raise RulePackError(msg, source=source, rule_id=rule_id, field="note")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        msg = "must be true or false"
        raise RulePackError(msg, source=source, rule_id=rule_id, field="enabled")
    examples = _parse_examples(raw.get("examples", []), source, rule_id)
    return Rule(
        id=rule_id,
        pack=pack,
        note=note,
        examples=examples,
        enabled=enabled,
        fields=MappingProxyType(fields),
        domain=domain,
    )


#: Every key a rule of a kind may have (its spec, ``None`` for the common keys), the
#: required ones, and those a non-empty plain string passes unchecked.
_Known = tuple[dict[str, FieldSpec | None], tuple[str, ...], frozenset[str]]


def _field_specs(kind: KindSpec) -> _Known:
    """What :data:`_Known` says of ``kind``."""
    specs: dict[str, FieldSpec | None] = dict.fromkeys(COMMON_RULE_KEYS)
    specs.update((f.name, f) for f in kind.fields)
    required = tuple(f.name for f in kind.fields if f.required)
    plain = frozenset(f.name for f in kind.fields if _takes_any_string(f))
    return specs, required, plain


def _takes_any_string(spec: FieldSpec) -> bool:
    """Whether every non-empty string without a NUL is a valid value of ``spec``."""
    return str in spec.types and not (spec.choices or spec.is_regex or spec.check)


def _check_field(
    spec: FieldSpec, value: Any, kind: KindSpec, source: str, rule_id: str, verify: bool = True
) -> Any:
    if type(value) is str and value and "\x00" not in value and _takes_any_string(spec):
        return value  # the common case: a plain string

    def fail(msg: str) -> RulePackError:
        return RulePackError(msg, source=source, rule_id=rule_id, field=spec.name)

    if not isinstance(value, spec.types) or (isinstance(value, bool) and bool not in spec.types):
        names = " or ".join(_type_name(t) for t in spec.types)
        msg = f"must be {names}, not {_type_name(type(value))}"
        raise fail(msg)
    if isinstance(value, str) and "\x00" in value:
        msg = "contains a NUL character (\\x00); remove it"
        raise fail(msg)
    if isinstance(value, str) and not value and list in spec.types:
        msg = "must not be empty: give the text to look for"
        raise fail(msg)
    if isinstance(value, list):
        if not value:
            msg = "must not be an empty list"
            raise fail(msg)
        if not all(isinstance(v, str) and v for v in value):
            msg = "must be a list of non-empty strings"
            raise fail(msg)
        if any("\x00" in v for v in value):
            msg = "contains a NUL character (\\x00); remove it"
            raise fail(msg)
        value = tuple(value)
    if isinstance(value, str) and spec.choices and value not in spec.choices:
        hint = did_you_mean(value, spec.choices) or f"one of: {', '.join(spec.choices)}"
        msg = f"{value!r} is not allowed"
        raise RulePackError(msg, source=source, rule_id=rule_id, field=spec.name, hint=hint)
    if spec.is_regex and verify:
        for pattern in value if isinstance(value, tuple) else (value,):
            try:
                regex.compile(pattern)
            except regex.error as exc:
                msg = f"invalid regular expression «{pattern}»: {exc}"
                raise fail(msg) from exc
    if spec.check is not None:
        problem = spec.check(value)
        if problem is not None:
            raise fail(problem)
    return value


def _type_name(t: type) -> str:
    return {
        str: "a string",
        list: "a list",
        bool: "true or false",
        int: "an integer",
        float: "a number",
        dict: "a table",
    }.get(t, t.__name__)


def _parse_examples(raw: Any, source: str, rule_id: str) -> tuple[Example, ...]:
    def fail(msg: str) -> RulePackError:
        return RulePackError(msg, source=source, rule_id=rule_id, field="examples")

    if not isinstance(raw, list):
        msg = "must be a list of {input = ..., expected = ...} tables"
        raise fail(msg)
    examples = []
    for item in raw:
        if not isinstance(item, dict):
            msg = 'each example is a table: { input = "...", expected = "..." }'
            raise fail(msg)
        for key in item:
            if key not in ("input", "expected"):
                hint = did_you_mean(key, ("input", "expected")) or (
                    "an example has the keys 'input' and 'expected'"
                )
                msg = f"unknown key {key!r} in an example"
                raise RulePackError(
                    msg,
                    source=source,
                    rule_id=rule_id,
                    field="examples",
                    hint=hint,
                )
        if not isinstance(item.get("input"), str) or not isinstance(item.get("expected"), str):
            msg = "each example needs string 'input' and 'expected' (equal for a negative)"
            raise fail(msg)
        examples.append(Example(item["input"], item["expected"]))
    return tuple(examples)
