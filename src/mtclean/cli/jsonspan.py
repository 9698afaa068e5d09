"""Where a top-level field's value sits in the text of one JSON line.

Cleaning a JSONL record replaces only that value in the line as it was read:
every other byte (number spellings such as ``1.10``, duplicate keys, escapes,
spacing) stays as it was.
"""

from __future__ import annotations

import json
import re

__all__ = ["replace_value", "value_span"]

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def value_span(line: str, field: str) -> tuple[int, int] | None:
    """Start and end of the value of ``field`` in the JSON object ``line`` (the last
    one if the key repeats, as :func:`json.loads` takes), or ``None``.

    >>> line = '{"id": 1.10, "text": "a", "text": "b\\\\u00e9"}'
    >>> start, end = value_span(line, "text")
    >>> line[start:end]
    '"b\\\\u00e9"'
    """
    pos = _SPACE.match(line, 0).end()  # type: ignore[union-attr]
    if not line.startswith("{", pos):
        return None
    pos += 1
    found = None
    while True:
        pos = _SPACE.match(line, pos).end()  # type: ignore[union-attr]
        if line.startswith("}", pos) or not line.startswith('"', pos):
            return found
        key, pos = json.decoder.scanstring(line, pos + 1)  # type: ignore[attr-defined]
        pos = _SPACE.match(line, pos).end()  # type: ignore[union-attr]
        if not line.startswith(":", pos):
            return None
        pos = _SPACE.match(line, pos + 1).end()  # type: ignore[union-attr]
        _, end = _DECODER.raw_decode(line, pos)
        if key == field:
            found = (pos, end)
        pos = _SPACE.match(line, end).end()  # type: ignore[union-attr]
        if line.startswith(",", pos):
            pos += 1
            continue
        return found


def replace_value(line: str, span: tuple[int, int], text: str, *, keep_bytes: bool) -> str:
    """``line`` with the JSON string value at ``span`` replaced by ``text``.

    The new value is written like the old one: with ``\\u`` escapes for every
    non-ASCII character if the old one was pure ASCII and used them, else as
    UTF-8. Lone surrogates are escaped (``\\udc80``) unless ``keep_bytes``
    (surrogate-escaped input bytes, written back as the bytes they were).

    >>> replace_value('{"n": 1.10, "t": "x"}', (17, 20), "caf\\u00e9", keep_bytes=False)
    '{"n": 1.10, "t": "café"}'
    >>> replace_value('{"t": "\\\\u00e9"}', (6, 14), "\\u00e9!", keep_bytes=False)
    '{"t": "\\\\u00e9!"}'
    """
    old = line[span[0] : span[1]]
    ascii_only = old.isascii() and "\\u" in old
    value = json.dumps(text, ensure_ascii=ascii_only)
    if not ascii_only and not keep_bytes:
        value = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    return line[: span[0]] + value + line[span[1] :]
