"""Name tables: a gazetteer as CSV/TSV (one person a row), parsed into a names pack."""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from ..errors import RulePackError
from ..gcpause import paused_gc
from ..rulepacks.loader import available_packs
from ..rulepacks.model import Rule, RulePack

__all__ = ["TABLE_COLUMNS", "bundled_names", "load_name_table", "parse_name_table", "slug"]


TABLE_COLUMNS = (
    "id",
    "canonical",
    "surname",
    "variants",
    "misspellings",
    "roles",
    "translated_as",
    "cyrillic",
    "note",
)
_LIST_COLUMNS = ("variants", "misspellings", "roles", "translated_as")
_YES = frozenset({"1", "yes", "true", "y", "x"})
_ID_RE = regex.compile(r"[^A-Za-z0-9]+")
_SLUG_TABLE = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})


def slug(name: str) -> str:
    plain = name.replace(" ", "-")
    if plain.isascii() and plain.replace("-", "").isalnum():
        return plain.lower()
    if name.isascii():
        return _ID_RE.sub("-", name).strip("-").lower() or "person"
    import unicodedata

    plain = unicodedata.normalize("NFKD", name.translate(_SLUG_TABLE))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _ID_RE.sub("-", plain).strip("-").lower() or "person"


def parse_name_table(text: str, *, name: str, source: str = "<table>") -> RulePack:
    """Parse a CSV or TSV gazetteer (header row; ``|`` separates list items).

    Columns: ``canonical`` (required), ``id``, ``surname``, ``variants``,
    ``misspellings``, ``roles``, ``translated_as``, ``cyrillic`` (yes/no), ``note``.
    Lines starting with ``#`` are comments.

    >>> pack = parse_name_table("canonical\\tvariants\\nDmytro Kuleba\\tKouleba", name="demo")
    >>> pack.rules[0].full_id, pack.rules[0].get("variants")
    ('demo/dmytro-kuleba', ('Kouleba',))
    """
    with paused_gc():
        return _parse_table(text, name, source)


def _cell(cells: list[str], where: list[int]) -> str:
    """The stripped value of the first non-empty cell at one of the positions ``where``."""
    size = len(cells)
    if len(where) == 1:
        i = where[0]
        return cells[i].strip() if i < size else ""
    for i in where:
        if i < size:
            value = cells[i].strip()
            if value:
                return value
    return ""


def _parse_table(text: str, name: str, source: str) -> RulePack:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        msg = "empty name table: the first line must name the columns (canonical, ...)"
        raise RulePackError(msg, source=source)
    delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    for h in header:
        if h not in TABLE_COLUMNS:
            from ..rulepacks.model import did_you_mean

            msg = f"unknown column {h!r}"
            raise RulePackError(msg, source=source, field=h, hint=did_you_mean(h, TABLE_COLUMNS))
    if "canonical" not in header:
        msg = "the header needs a 'canonical' column"
        raise RulePackError(msg, source=source, field="canonical")
    # the last column of a name wins when a header repeats it (and the cell is not empty)
    at = {h: [i for i, x in enumerate(header) if x == h][::-1] for h in set(header)}
    canonical_at = at["canonical"]
    id_at = at.get("id", [])
    note_at = at.get("note", [])
    cyrillic_at = at.get("cyrillic", [])
    optional_at = [(key, at[key]) for key in ("surname", *_LIST_COLUMNS) if key in at]
    rules: list[Rule] = []
    seen: set[str] = set()
    for row_number, cells in enumerate(reader, start=2):
        canonical = _cell(cells, canonical_at)
        if not canonical:
            msg = f"row {row_number} has no canonical name"
            raise RulePackError(msg, source=source, field="canonical")
        rule_id = (id_at and _cell(cells, id_at)) or slug(canonical)
        if rule_id in seen:
            base, n = rule_id, 2
            while rule_id in seen:
                rule_id, n = f"{base}-{n}", n + 1
        seen.add(rule_id)
        fields: dict[str, Any] = {"canonical": canonical}
        for key, where in optional_at:
            value = _cell(cells, where)
            if not value:
                continue
            if key == "surname":
                fields[key] = value
            else:
                items = tuple(x.strip() for x in value.split("|") if x.strip())
                if items:
                    fields[key] = items
        if cyrillic_at and _cell(cells, cyrillic_at).lower() in _YES:
            fields["cyrillic"] = True
        note = _cell(cells, note_at) if note_at else ""
        rules.append(Rule(rule_id, name, note, (), True, MappingProxyType(fields)))
    return RulePack(name=name, kind="names", rules=tuple(rules), source=source)


def load_name_table(path: str | Path, *, name: str | None = None) -> RulePack:
    """Load a CSV or TSV gazetteer file as a ``kind = "names"`` rule pack.

    The pack is named after the file (``my-people.tsv`` -> ``my-people``) unless
    ``name`` is given; pass it to ``mtclean.clean(text, rules=[pack])``. A user's table
    may not take the name of a bundled pack or gazetteer (``names-world``): disabling
    one would switch off the other.
    """
    p = Path(path)
    pack_name = name or slug(p.stem)
    if pack_name in bundled_names():
        msg = f"a bundled pack is called {pack_name!r}; a user's name table cannot take its name"
        hint = f"rename the file (my-{p.name}) or pass name=..."
        raise RulePackError(msg, source=str(p), hint=hint)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read name table: {exc}"
        raise RulePackError(msg, source=str(p)) from exc
    return parse_name_table(text, name=pack_name, source=str(p))


@functools.cache
def bundled_names() -> frozenset[str]:
    """Names of the bundled packs and of the bundled gazetteers (``data/names/*.tsv``).

    >>> {"names-world", "terms-nl"} <= bundled_names()
    True
    """
    folder = resources.files("mtclean") / "data" / "names"
    tables = {f.name[:-4] for f in folder.iterdir() if f.name.endswith(".tsv")}
    return frozenset(tables) | frozenset(available_packs())
