"""Source languages: any ISO 639-1 code, case-insensitive, or ``"auto"``.

>>> normalize_lang("PT")
'pt'
>>> normalize_lang("auto") is None
True
>>> language_name("nl")
'Dutch'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from .rulepacks.model import did_you_mean

__all__ = ["AUTO", "language_name", "languages", "normalize_lang"]

#: The ``source_lang`` value that lets mtclean decide from the text (same as ``None``).
AUTO = "auto"


@functools.cache
def languages() -> Mapping[str, str]:
    """ISO 639-1 code -> English name of the language, from ``data/languages.tsv``."""
    text = (resources.files("mtclean") / "data" / "languages.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return MappingProxyType({code: name for code, name in rows})


def language_name(code: str) -> str:
    """The English name of language ``code`` (the code itself if unknown)."""
    return languages().get(code, code)


def normalize_lang(value: object) -> str | None:
    """``value`` as a lower-case ISO 639-1 code, or ``None`` for ``None``/``"auto"``.

    Raises ``ValueError`` (with a "did you mean") for anything else.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"source_lang must be a language code such as 'nl' or 'auto', not {value!r}"
        raise TypeError(msg)
    code = value.strip().lower()
    if code == AUTO:
        return None
    if code in languages():
        return code
    hint = did_you_mean(code, [*languages(), AUTO])
    msg = f"source_lang must be an ISO 639-1 code (such as 'nl' or 'pt') or 'auto', not {value!r}"
    raise ValueError(msg + (f" ({hint})" if hint else ""))
