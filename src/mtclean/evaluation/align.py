"""Aligning two texts into edits and classifying each edit by category."""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable, Sequence

import ftfy
import regex
from rapidfuzz import fuzz

from ..result import Change
from .model import hunk

_TOKEN = regex.compile(r"\w+|[ \t\u00a0\u202f]+[.,;:!?]+|\s+|(.)\1*", regex.DOTALL)
_SPACE = regex.compile(r"\s+")
_WORDS = regex.compile(r"\w+")
_INVISIBLE = regex.compile(r"\p{Cf}")


# -- alignment and classification ----------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Words, whitespace runs, runs of one repeated mark ("!!!"), and spaced marks (" .")."""
    return [m.group() for m in _TOKEN.finditer(text)]


def align(old: str, new: str) -> list[Change]:
    r"""The edits turning ``old`` into ``new``, by a diff of words, marks and whitespace runs.

    A pure deletion or insertion spanning several lines becomes one edit per line,
    and whitespace added or removed at either end of a word change is an edit of
    its own (so a glued caption's missing line break is scored apart from the
    words).

    >>> [(e.before, e.after) for e in align("Navo top. .", "NATO top.")]
    [('Navo', 'NATO'), (' .', '')]
    >>> [(e.before, e.after) for e in align("a\nSee x\nShare\n", "a\n")]
    [('See x\n', ''), ('Share\n', '')]
    >>> [(e.before, e.after) for e in align("Kiev.Statue of X", "Kiev.\nPhoto: X")]
    [('', '\n'), ('Statue of', 'Photo:')]
    >>> align("same", "same")
    []
    """
    if old == new:
        return []
    a, b = _tokens(old), _tokens(new)
    a_off = [0]
    for t in a:
        a_off.append(a_off[-1] + len(t))
    raw: list[list[int]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            if raw and _joinable(a, b, raw[-1], i1, j1, i2, j2):
                raw[-1][1], raw[-1][3] = i2, j2
            else:
                raw.append([i1, i2, j1, j2])
    edits: list[Change] = []
    for i1, i2, j1, j2 in raw:
        start, end = a_off[i1], a_off[i2]
        after = "".join(b[j1:j2])
        for part in _peel_lines(hunk(start, end, old[start:end], after)):
            for edit in _split_lines(part):
                edits.extend(_split_space(edit))
    return edits


def _peel_lines(edit: Change) -> list[Change]:
    r"""Split a change of several lines into one line into deletions plus one line's change.

    The diff may merge a removed line with a word change next to it (a repeated
    title whose name is also fixed); the line most like the new text keeps the
    change, the others become deletions.

    >>> edit = hunk(0, 14, "Navo top\n\nNavo", "NATO")
    >>> [(e.before, e.after) for e in _peel_lines(edit)]
    [('Navo top\n\n', ''), ('Navo', 'NATO')]
    """
    if "\n" in edit.after or not edit.after.strip() or "\n" not in edit.before.strip():
        return [edit]
    parts = regex.findall(r"[^\n]*(?:\n\s*|\Z)", edit.before)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return [edit]
    scores = [fuzz.ratio(p.strip(), edit.after.strip()) for p in parts]
    k = scores.index(max(scores))
    core = parts[k].rstrip()
    start = edit.start + sum(len(p) for p in parts[:k])
    end = start + len(core)
    out = []
    if k:
        out.append(hunk(edit.start, start, edit.before[: start - edit.start], ""))
    out.append(hunk(start, end, core, edit.after))
    if end < edit.end:
        out.append(hunk(end, edit.end, edit.before[end - edit.start :], ""))
    return out


def _joinable(
    a: Sequence[str], b: Sequence[str], prev: Sequence[int], i1: int, j1: int, i2: int, j2: int
) -> bool:
    """Whether two word changes are only one space apart (one multi-word change)."""
    p1, p2, q1, q2 = prev
    if i1 - p2 != 1 or j1 - q2 != 1 or a[p2] not in (" ", "\u00a0"):
        return False
    first = hunk(0, 0, "".join(a[p1:p2]), "".join(b[q1:q2]))
    second = hunk(0, 0, "".join(a[i1:i2]), "".join(b[j1:j2]))
    return classify(first) != "punctuation" != classify(second)


def _split_lines(edit: Change) -> list[Change]:
    """Split a pure deletion (or insertion) of several non-blank lines into one edit per line."""
    if edit.before and edit.after:
        return [edit]
    inserting = not edit.before
    body = edit.after if inserting else edit.before
    pieces = _pieces(body)
    if sum(1 for p in pieces if p.strip()) < 2:
        return [edit]
    if inserting:
        return [hunk(edit.start, edit.start, "", p) for p in pieces]
    out, pos = [], edit.start
    for piece in pieces:
        out.append(hunk(pos, pos + len(piece), piece, ""))
        pos += len(piece)
    return out


def _pieces(body: str) -> list[str]:
    """``body`` cut after each line's trailing whitespace (leading blanks join the first line)."""
    pieces: list[str] = []
    for m in regex.finditer(r"\s*[^\n]*\S[^\n]*(?:\n\s*|\Z)|\s+", body):
        piece = m.group()
        if pieces and not piece.strip():
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def _split_space(edit: Change) -> list[Change]:
    """Cut whitespace changes at the ends of a word change into edits of their own."""
    b, a = edit.before, edit.after
    if not b.strip() or not a.strip():
        return [edit]
    lb, la = len(b) - len(b.lstrip()), len(a) - len(a.lstrip())
    tb, ta = len(b) - len(b.rstrip()), len(a) - len(a.rstrip())
    out = []
    start, end = edit.start, edit.end
    if b[:lb] != a[:la]:
        out.append(hunk(start, start + lb, b[:lb], a[:la]))
    else:
        lb = la = 0
    trail: list[Change] = []
    if b[len(b) - tb :] != a[len(a) - ta :]:
        trail.append(hunk(end - tb, end, b[len(b) - tb :], a[len(a) - ta :]))
    else:
        tb = ta = 0
    out.append(hunk(start + lb, end - tb, b[lb : len(b) - tb], a[la : len(a) - ta]))
    return [e for e in [*out, *trail] if e.before != e.after]


def line_key(text: str) -> str:
    return " ".join(text.split())


def deleted_line(text: str, edit: Change) -> str | None:
    """The content of the whole input line ``edit`` deletes, or None."""
    if edit.after.strip() or not edit.before.strip():
        return None
    lead = len(edit.before) - len(edit.before.lstrip())
    start = edit.start + lead
    end = edit.start + len(edit.before.rstrip())
    at_start = start == 0 or text[:start].rstrip(" \t").endswith("\n") or not text[:start].strip()
    at_end = end == len(text) or text[end:].lstrip(" \t").startswith("\n")
    if at_start and at_end and "\n" not in text[start:end]:
        return line_key(text[start:end])
    return None


def _mojibake(text: str) -> str:
    """``text`` as UTF-8 bytes misread as Windows-1252 (Latin-1 where 1252 has no character).

    >>> _mojibake("Erdoğan")
    'ErdoÄŸan'
    """
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def _is_line_deletion(edit: Change) -> bool:
    """A pure deletion of two or more words, or of a line holding a word."""
    if edit.after.strip() or not _WORDS.search(edit.before):
        return False
    return len(_WORDS.findall(edit.before)) >= 2 or "\n" in edit.before


def classify(edit: Change, names: Iterable[str] = ()) -> str:
    """The category of an expected edit.

    >>> classify(hunk(0, 4, "Navo", "NATO"))
    'terms'
    >>> classify(hunk(0, 7, "Koiliba", "Kuleba"), names=["Dmytro Kuleba"])
    'names'
    >>> classify(hunk(0, 2, " .", ""))
    'punctuation'
    >>> classify(hunk(0, 10, "sub\u00adstance", "substance"))
    'punctuation'
    >>> classify(hunk(0, 3, "cafÃ©", "café"))
    'punctuation'
    >>> classify(hunk(0, 20, "Share this article\\n", ""))
    'boilerplate'
    """
    if _is_line_deletion(edit):
        return "boilerplate"
    if _WORDS.findall(_INVISIBLE.sub("", edit.before)) == _WORDS.findall(edit.after):
        return "punctuation"
    if edit.before and (
        ftfy.fix_text(edit.before) == edit.after
        or _mojibake(edit.after) == edit.before
        or html.unescape(edit.before) == edit.after
    ):
        return "punctuation"
    name_words = {w for n in names for w in _WORDS.findall(n)}
    if name_words & set(_WORDS.findall(edit.after)):
        return "names"
    return "terms"
