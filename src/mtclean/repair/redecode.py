"""Mojibake ftfy leaves alone: UTF-8 read through other code pages, and lost bytes.

ftfy repairs UTF-8 decoded as cp1252, latin-1 and a few others when its
heuristics fire. Real pages show more: UTF-8 read as the Thai code page (with
cp1252's characters where cp874 has none: ``"Gonzรกlez"``, ``"โ€œ"``), as
cp1250-cp1258, iso-8859-x, koi8 or mac-roman, and cp1252 mojibake ftfy's
heuristic misses (``"ErdoÄŸan"``). This step re-encodes each run of non-ASCII
characters through those code pages and decodes the bytes as UTF-8. A run is
replaced only when

* its line is Latin-script text (most letters ASCII);
* the run looks broken: letters of another script glued to Latin letters, a
  symbol or control character among letters, an upper-case letter inside a
  lower-case word, or ftfy's badness score drops;
* the result is Latin letters and common punctuation only, shorter than the run.

Lost bytes (rule ``repair/lost-byte``): the closing quote ``”`` is E2 80 9D in
UTF-8 and 9D has no character in cp1252 or cp874, so it is often dropped
(``"â€"`` or ``"โ€"`` before a space or the line end); the no-break space A0 that
ends ``Š`` (C5 A0) and ``à`` (C3 A0) often becomes a space (``"Å koda"``).

The default pipeline runs the lost-byte repair before ftfy (ftfy would read
``"â€ "`` as a dagger) and the code-page repair after it (on what ftfy leaves).

>>> fix = Redecoder()
>>> fix("Gonzรกlez said โ€œyesโ€ to ErdoÄŸan")
'González said “yes” to Erdoğan'
>>> fix("Thai บ้านรกมาก, Turkish ağaç, Czech žluťoučký")
'Thai บ้านรกมาก, Turkish ağaç, Czech žluťoučký'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ftfy.badness import badness

from ..core import Edit, EditsNormalizer
from ..wordlists import word_list
from .scan import positions, rare_chars

__all__ = [
    "CODE_PAGES",
    "LOST_BYTE",
    "MOJIBAKE_CODEPAGE",
    "OTHER_PAGES",
    "REDECODE_RULES",
    "WINDOWS_PAGES",
    "Redecoder",
]

MOJIBAKE_CODEPAGE = "repair/mojibake-codepage"
LOST_BYTE = "repair/lost-byte"
REDECODE_RULES = (LOST_BYTE, MOJIBAKE_CODEPAGE)

#: The Windows code pages (and cp874), tried first: what real pages show.
WINDOWS_PAGES = (
    "cp1252",
    "cp874",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
)
#: The ISO, KOI8 and Mac code pages, tried when no Windows code page fits.
OTHER_PAGES = (
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_5",
    "iso8859_7",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_15",
    "iso8859_16",
    "koi8_r",
    "koi8_u",
    "mac_roman",
    "mac_latin2",
)
#: Every code page tried.
CODE_PAGES = WINDOWS_PAGES + OTHER_PAGES

# A run of non-ASCII characters (with no-break spaces, which are part of sequences).
_RUN_RE = re.compile(r"[^\x00-\x7f]+")
# Lost bytes: "â€"/"โ€" before a space, closing punctuation or the line end: ”.
_LOST_QUOTE_RE = re.compile(r"(?:\u00e2|\u0e42)\u20ac(?=[ \t\n,.;:!?)]|$)")
# "Å " + lower-case letters (Š whose no-break space became a space); "Ã" after a
# lower-case letter before punctuation or the line end (à whose A0 was dropped; ftfy
# itself repairs "Ã" before a space).
_LOST_A0_RE = re.compile(
    r"(?<![^\s(\"'\u201c\u2018])\u00c5 (?=([a-z\u00e0-\u00ff]+))"
    r"|(?<=[a-z])\u00c3(?=[.,;:!?]|$)",
    re.MULTILINE,
)
#: Letters outside Latin-1 that the languages of Europe and Turkey use (Polish, Czech,
#: Slovak, Turkish, Romanian, Hungarian, Baltic, Croatian, Maltese and Welsh excepted).
_COMMON_LETTERS = frozenset(
    "ĀāĂăĄąĆćČčĎďĐđĒēĖėĘęĚěĞğĢģĪīĮįİıĶķĹĺĻļĽľŁłŃńŅņŇňŌōŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŲųŸŹźŻżŽžȘșȚț"
)


_SEPARATORS = frozenset(" \t\n\r")
_PUNCT_OK = frozenset("\u00a0\u00ab\u00bb\u00b0\u00a9\u00ae\u20ac\u00bf\u00a1")


@functools.cache
def _encoder(codec: str) -> dict[int, int]:
    """A ``str.translate`` table mapping each character of ``codec`` to its byte (as a
    code point below 256). cp874 and other pages with holes are sloppy: where they
    have no character, cp1252's (then latin-1's) stands for the byte."""
    table: dict[int, int] = {}
    for b in range(256):
        for name in (codec, "cp1252", "latin-1"):
            try:
                ch = bytes([b]).decode(name)
            except UnicodeDecodeError:
                continue
            table.setdefault(ord(ch), b)
            break
    return table


def redecode(run: str, codec: str) -> str | None:
    """``run`` encoded through ``codec`` (sloppy) and decoded as UTF-8, or ``None``.

    >>> redecode("รก", "cp874"), redecode("ÄŸ", "cp1252"), redecode("ağ", "cp1254")
    ('á', 'ğ', None)
    """
    table = _encoder(codec)
    if any(ord(c) not in table for c in run):
        return None
    try:
        raw = run.translate(table).encode("latin-1")
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """The first word of the character's Unicode name ('LATIN', 'THAI', ...)."""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def _acceptable(result: str) -> bool:
    """Whether ``result`` is ASCII, Latin-1 letters, the letters of
    :data:`_COMMON_LETTERS`, Vietnamese letters, combining marks and common punctuation.

    >>> _acceptable("Erdoğan “quoted”"), _acceptable("ǫ"), _acceptable("Ж")
    (True, False, False)
    """
    for ch in result:
        if ch < "\x80" or ("\u00c0" <= ch <= "\u00ff" and ch not in "\u00d7\u00f7"):
            continue
        if ch in _COMMON_LETTERS or ch in _PUNCT_OK or "\u2010" <= ch <= "\u2026":
            continue
        if "\u1ea0" <= ch <= "\u1ef9" or "\u0300" <= ch <= "\u036f":
            continue
        return False
    return True


def _looks_broken(text: str, start: int, end: int) -> bool:
    """Whether the non-ASCII run ``text[start:end]`` looks like mojibake in its word."""
    run = text[start:end]
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    glued = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
    scripts = {_script(c) for c in run if c.isalpha()}
    others = scripts - {"LATIN"}
    symbols = any(not c.isalpha() and unicodedata.category(c)[0] in "SC" for c in run)
    letters = any(c.isalpha() for c in run)
    if others and (glued or symbols or len(scripts) > 1):
        return True
    if symbols and (letters or glued):
        return True
    if "\u00a0" in run[1:] and after.isalpha():
        return True  # a no-break space inside a word: the second byte of Š or à
    prev = before
    for c in run:
        if c.isupper() and prev.islower():
            return True
        prev = c
    return False


def _latin_line(
    text: str, start: int, end: int, seen: dict[tuple[int, int], bool] | None = None
) -> bool:
    """Whether the line holding ``text[start:end]`` is Latin-script text: it has ASCII
    letters, at least twice as many as letters of other scripts. ``seen`` keeps each
    line's answer for one analysis (a long line with many repairs is read once).

    >>> _latin_line("Gonz\u00c3\u00a1lez said", 4, 6), _latin_line("\u0e1a\u0e49\u0e32\u0e19", 0, 2)
    (True, False)
    """
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    key = (lo, hi if hi >= 0 else len(text))
    if seen is not None and key in seen:
        return seen[key]
    line = text[key[0] : key[1]]
    ascii_letters = sum(c.isalpha() for c in line if c.isascii())
    other = sum(c.isalpha() and _script(c) != "LATIN" for c in line if not c.isascii())
    latin = ascii_letters >= 2 * other and ascii_letters >= 3
    if seen is not None:
        seen[key] = latin
    return latin


def _word(text: str, start: int, end: int) -> str:
    """The whitespace-delimited token around ``text[start:end]``."""
    lo = _word_start(text, start)
    hi = end
    while hi < len(text) and text[hi] not in _SEPARATORS:
        hi += 1
    return text[lo:hi]


def _fix_word(text: str, runs: list[tuple[int, int]]) -> list[str] | None:
    """The repaired runs of one word, or ``None`` when no code page gives a clearly
    better word.

    The word must look broken (one of its runs does, or ftfy's badness is above 0).
    Every code page is tried on all the word's runs at once; a result counts when it
    is made of :func:`_acceptable` characters. The Windows code pages (:data:`WINDOWS_PAGES`, what
    real pages show) are tried first, the others only when none of them fits:
    ``"ÄŸ"`` is ğ in cp1252 and cp1254, ľ in iso-8859-15. When the winners of a tier
    disagree, the word is ambiguous and stays.
    """
    lo, hi = runs[0][0], runs[-1][1]
    if not any(_looks_broken(text, s, e) for s, e in runs) and badness(_word(text, lo, hi)) == 0:
        return None
    for tier in (WINDOWS_PAGES, OTHER_PAGES):
        best: set[tuple[str, ...]] = set()
        for codec in tier:
            results: list[str] = []
            for s, e in runs:
                result = redecode(text[s:e], codec)
                if result is None or len(result) >= e - s or not _acceptable(result):
                    break
                results.append(result)
            else:
                best.add(tuple(results))
        if best:
            return list(best.pop()) if len(best) == 1 else None
    return None


#: Every character :func:`_suspect` holds, and the euro sign: without one, a text
#: has nothing this step repairs (a test compares it with :func:`_suspect`).
_SCREEN = re.compile("[\x80-\x9f\u00c2-\u00c5\u0100-\u200f\u2028-\u202f\u205f-\U0010ffff]")


def _suspect(ch: str) -> bool:
    """Whether ``ch`` can be part of the mojibake this step repairs: a character
    beyond Latin-1 other than common punctuation, a C1 control, or Â Ã Ä Å (the
    cp1252 lead bytes of Latin letters)."""
    if ch > "\u00ff":
        return not ("\u2010" <= ch <= "\u2027" or "\u2030" <= ch <= "\u205e")
    return "\x80" <= ch <= "\x9f" or ch in "\u00c2\u00c3\u00c4\u00c5"


def _words(text: str, suspects: Iterable[str]) -> Iterable[list[tuple[int, int]]]:
    """The runs of non-ASCII characters of ``text``, grouped by word (whitespace-
    delimited), for the words with a run that holds one of ``suspects``."""
    seen_end = -1
    size = len(text)
    for i in positions(text, suspects):
        if i < seen_end:
            continue
        lo = _word_start(text, i)
        hi = i
        while hi < size and text[hi] not in _SEPARATORS:
            hi += 1
        seen_end = hi
        yield [(m.start(), m.end()) for m in _RUN_RE.finditer(text, lo, hi)]


def _word_start(text: str, pos: int) -> int:
    """Where the whitespace-delimited word holding ``text[pos]`` starts."""
    while pos > 0 and text[pos - 1] not in _SEPARATORS:
        pos -= 1
    return pos


@dataclass(frozen=True)
class Redecoder(EditsNormalizer):
    """Re-decode mojibake through the code pages of :data:`CODE_PAGES`; restore lost bytes.

    Args:
        active: the rule ids that are on (a subset of :data:`REDECODE_RULES`).
    """

    active: frozenset[str] = frozenset(REDECODE_RULES)
    name: str = "repair-redecode"
    rule_ids: tuple[str, ...] = REDECODE_RULES
    pack_names: tuple[str, ...] = ("repair",)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it (``False``: surely not):
        every repair needs a character beyond Latin-1, a C1 control or one of Â Ã Ä Å."""
        return [not t.isascii() and _SCREEN.search(t) is not None for t in texts]

    def edits(self, text: str) -> list[Edit]:
        """One edit per repaired run or lost-byte sequence."""
        rare = set(rare_chars(text))
        if not rare:
            return []
        out: list[Edit] = []
        taken: list[tuple[int, int]] = []
        lines: dict[tuple[int, int], bool] = {}  # each line's script, read once
        if LOST_BYTE in self.active and "\u20ac" in rare:
            for m in _LOST_QUOTE_RE.finditer(text):
                if _latin_line(text, m.start(), m.end(), lines):
                    out.append(Edit(m.start(), m.end(), "\u201d", LOST_BYTE, "lost byte 9D"))
                    taken.append((m.start(), m.end()))
        if LOST_BYTE in self.active and rare & {"\u00c5", "\u00c3"}:
            for m in _LOST_A0_RE.finditer(text):
                s, e = m.start(), m.end()
                if not _latin_line(text, s, e, lines) or any(a < e and s < b for a, b in taken):
                    continue
                if text[s] == "\u00c5":
                    if len(m.group(1)) < 3 or m.group(1) in word_list("common-words"):
                        continue  # "Å is ...": a genuine letter before an English word
                    out.append(Edit(s, e, "\u0160", LOST_BYTE, "lost byte A0"))
                else:
                    out.append(Edit(s, s + 1, "\u00e0", LOST_BYTE, "lost byte A0"))
                taken.append((s, e))
        suspects = [c for c in rare if _suspect(c)]
        if MOJIBAKE_CODEPAGE in self.active and suspects:
            for word_runs in _words(text, suspects):
                runs = [(s, e) for s, e in word_runs if not any(a < e and s < b for a, b in taken)]
                if not runs:
                    continue
                fixed = _fix_word(text, runs)
                if fixed is None or not _latin_line(text, runs[0][0], runs[-1][1], lines):
                    continue
                out.extend(
                    Edit(s, e, r, MOJIBAKE_CODEPAGE, "UTF-8 read as a code page")
                    for (s, e), r in zip(runs, fixed, strict=True)
                )
        return sorted(out, key=lambda e: e.start)
