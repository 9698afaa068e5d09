"""Loading a labelled set: one folder per article (input.txt, expected.txt, meta.toml)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from ..languages import normalize_lang
from .model import CATEGORIES, META_KEYS, Article, EvalError

# -- loading ---------------------------------------------------------------------------


def read_file(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def load_article(folder: Path) -> Article:
    """Read one article folder (``input.txt``, optional ``expected.txt``, ``meta.toml``)."""
    source = folder / "input.txt"
    if not source.is_file():
        msg = f"{folder}: no input.txt"
        raise EvalError(msg)
    meta_path = folder / "meta.toml"
    meta_text = read_file(meta_path) if meta_path.is_file() else ""
    try:
        meta: dict[str, Any] = tomllib.loads(meta_text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"{meta_path}: {exc}"
        raise EvalError(msg) from exc
    unknown = set(meta) - set(META_KEYS)
    if unknown:
        msg = f"{meta_path}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(META_KEYS)})"
        raise EvalError(msg)
    lang = meta.get("source_lang")
    if lang is None:
        lang = _commented_lang(meta_text)
    try:
        lang = normalize_lang(lang)
    except (TypeError, ValueError) as exc:
        msg = f"{meta_path}: {exc}"
        raise EvalError(msg) from exc
    text = read_file(source)
    expected_path = folder / "expected.txt"
    control = bool(meta.get("control", not expected_path.is_file()))
    expected = text if control else read_file(expected_path)
    labels = tuple((str(lb["before"]), str(lb["category"])) for lb in meta.get("labels", ()))
    for _, cat in labels:
        if cat not in CATEGORIES:
            msg = f"{meta_path}: label category must be one of {', '.join(CATEGORIES)}"
            raise EvalError(msg)
    return Article(
        id=folder.name,
        input=text,
        expected=expected,
        source_lang=lang,
        site=str(meta.get("site", "")),
        notes=str(meta.get("notes", "")),
        names=tuple(meta.get("names", ())),
        report=tuple(meta.get("report", ())),
        control=control,
        labels=labels,
    )


def load_articles(directory: str | Path) -> list[Article]:
    """Every article folder in ``directory``, sorted by name."""
    root = Path(directory)
    if not root.is_dir():
        msg = f"{root}: not a folder of labelled articles"
        raise EvalError(msg)
    folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / "input.txt").exists())
    if not folders:
        msg = f"{root}: no article folders (each needs an input.txt)"
        raise EvalError(msg)
    return [load_article(p) for p in folders]


_COMMENTED_LANG = re.compile(r'^#\s*true_source_lang\s*=\s*"([A-Za-z]{2})"', re.MULTILINE)


def _commented_lang(meta_text: str) -> str | None:
    """The language of a ``# true_source_lang = "pt"`` comment, written by labelled sets
    made for versions of mtclean that refused languages without a terms pack."""
    m = _COMMENTED_LANG.search(meta_text)
    return m.group(1) if m else None
