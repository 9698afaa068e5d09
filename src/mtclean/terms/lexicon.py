"""A terms pack from a bilingual dictionary (FreeDict TEI XML or dictd).

Each headword becomes one rule: a fix when the dictionary gives it exactly one
English translation, a flag listing the suggestions when it gives several.
Headwords that are common English words, or shorter than three letters, are
skipped (they would change clean English). Every rule is ``ambiguous``: it
applies only when the text's source language is given or decided.

>>> entries = parse_dictd_entry("ziekenhuis /ˈzikə(n)ɦœys/\\nhospital\\n")
>>> entries
('ziekenhuis', ('hospital',))
>>> print(render_pack([entries, ("woningnood", ("housing shortage",))], "nl", "my-nl"), end="")
[pack]
name = "my-nl"
kind = "terms"
version = "1"
lang = "nl"
description = "Imported from a bilingual dictionary (2 rules)"
<BLANKLINE>
[[rules]]
id = "ziekenhuis"
find = "ziekenhuis"
replace = "hospital"
ambiguous = true
note = "nl 'ziekenhuis': 'hospital' (dictionary)"
<BLANKLINE>
[[rules]]
id = "woningnood"
find = "woningnood"
replace = "housing shortage"
ambiguous = true
note = "nl 'woningnood': 'housing shortage' (dictionary)"
"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..wordlists import word_list
from .packgen import toml_str

__all__ = [
    "Entry",
    "parse_dictd",
    "parse_dictd_entry",
    "parse_tei",
    "read_dictionary",
    "render_pack",
]

Entry = tuple[str, tuple[str, ...]]

_TEI = "{http://www.tei-c.org/ns/1.0}"
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s*\d+\.\s*")
_NOISE_RE = re.compile(r"/[^/\n]*/|\[[^\]\n]*\]|<[^>\n]*>|\{[^}\n]*\}|\([^)\n]*\)")


def _b64(value: str) -> int:
    n = 0
    for c in value:
        n = n * 64 + _B64.index(c)
    return n


def _clean(items: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        item = " ".join(_NOISE_RE.sub(" ", item).split()).strip(" .")
        if item and item not in out:
            out.append(item)
    return tuple(out)


def parse_dictd_entry(body: str) -> Entry:
    """One dictd article: the headword line (pronunciation dropped), then translations."""
    lines = [line for line in body.splitlines() if line.strip()]
    head = _NOISE_RE.sub(" ", lines[0]).strip() if lines else ""
    trans = [t for line in lines[1:] for t in _SPLIT_RE.split(line)]
    return head, _clean(trans)


def parse_dictd(index: str, data: bytes) -> Iterator[Entry]:
    """The articles of a dictd dictionary: its ``.index`` text and ``.dict`` bytes."""
    for line in index.splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00database"):
            continue
        start, length = _b64(parts[1]), _b64(parts[2])
        yield parse_dictd_entry(data[start : start + length].decode("utf-8", "replace"))


def parse_tei(source: str | Path) -> Iterator[Entry]:
    """The entries of a FreeDict TEI XML file: ``orth`` and its ``cit type="trans"`` quotes."""
    for _, elem in ET.iterparse(source, events=("end",)):
        if elem.tag != f"{_TEI}entry" and elem.tag != "entry":
            continue
        orth = next((e.text for e in elem.iter() if e.tag.endswith("orth") and e.text), "")
        quotes = [
            q.text
            for cit in elem.iter()
            if cit.tag.endswith("cit") and cit.get("type") in ("trans", "translation")
            for q in cit.iter()
            if q.tag.endswith("quote") and q.text
        ]
        yield orth.strip(), _clean(quotes)
        elem.clear()


def read_dictionary(path: str | Path) -> Iterator[Entry]:
    """Entries of a dictionary file: TEI (``.tei``, ``.xml``) or dictd (``.index``,
    ``.dict``, ``.dict.dz``: the other file of the pair is found next to it)."""
    p = Path(path)
    name = p.name
    if name.endswith((".tei", ".xml")):
        yield from parse_tei(p)
        return
    stem = name.removesuffix(".dz").removesuffix(".dict").removesuffix(".index")
    index = (p.parent / f"{stem}.index").read_text(encoding="utf-8")
    dz, plain = p.parent / f"{stem}.dict.dz", p.parent / f"{stem}.dict"
    data = gzip.decompress(dz.read_bytes()) if dz.exists() else plain.read_bytes()
    yield from parse_dictd(index, data)


def _slug(word: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w]+", "-", word.lower()).strip("-") or "term"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def render_pack(entries: Iterable[Entry], lang: str, name: str) -> str:
    """A ``kind = "terms"`` pack (TOML) for ``entries``; see the module doc."""
    common = word_list("common-words")
    seen: set[str] = set()
    ids: set[str] = set()
    rules: list[str] = []
    for head, trans in entries:
        key = head.lower()
        if len(head) < 3 or key in common or key in seen or not trans:
            continue
        if any(t.lower() == key for t in trans):
            continue
        seen.add(key)
        lines = ["[[rules]]", f"id = {toml_str(_slug(head, ids))}", f"find = {toml_str(head)}"]
        if len(trans) == 1:
            lines += [f"replace = {toml_str(trans[0])}", "ambiguous = true"]
            note = f"{lang} {head!r}: {trans[0]!r} (dictionary)"
        else:
            shown = ", ".join(trans[:5])
            lines += ['action = "flag"', "ambiguous = true"]
            lines.append(
                f"message = {toml_str(f'{lang} word {head!r} left untranslated? ({shown})')}"
            )
            note = f"{lang} {head!r}: several translations ({shown})"
        lines.append(f"note = {toml_str(note)}")
        rules.append("\n".join(lines) + "\n")
    head_lines = [
        "[pack]",
        f"name = {toml_str(name)}",
        'kind = "terms"',
        'version = "1"',
        f"lang = {toml_str(lang)}",
        f"description = {toml_str(f'Imported from a bilingual dictionary ({len(rules)} rules)')}",
    ]
    return "\n".join(head_lines) + "\n\n" + "\n".join(rules)
