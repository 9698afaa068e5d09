"""Protected spans: URLs, e-mail addresses, domain names and code, which no stage edits.

The pipeline finds them once per text (:func:`find_spans`) and drops every edit
that changes text inside one (:func:`allowed`); an edit that removes a protected
span whole (a clutter line with a link in it) is kept. Spans shift with the
edits of each step (:func:`shift_spans`), so they are never searched for again.

>>> [text[s:e] for text in ["See https://example.com/navo/ and Navo@nato.int."]
...  for s, e in find_spans(text)]
['https://example.com/navo/', 'Navo@nato.int']
>>> ["x" for s, e in find_spans("The minister said it.Why?")]
[]
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

import regex

from .core import Edit
from .wordlists import word_list

__all__ = ["Span", "allowed", "find_spans", "shift_spans"]

Span = tuple[int, int]

# A cheap pre-test: a text without any of these characters has no protected span.
_TRIGGER = regex.compile(r"[./@`\"'(){}\[\]=<>;#:]")

_TRAIL = ".,;:!?)]}'\"’”»"  # punctuation after a URL ends the sentence, not the URL


@functools.cache
def _token_re() -> regex.Pattern[str]:
    tlds = sorted(word_list("tlds"), key=len, reverse=True)
    alts = "|".join(regex.escape(t) for t in tlds)
    parts = [
        r"(?P<url>\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"“”]+)",
        r"(?P<mail>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
        # domain names: example.com, nu.nl/path, One.Tel (capitalised TLDs checked below)
        rf"(?P<domain>\b[\w-]+(?:\.[\w-]+)*\.(?i:{alts}|tel)\b(?:/[^\s<>\"“”]*)?)",
        # identifiers: a.b, a.b.C, os.path.join (not "U.S.", not "it.Why")
        r"(?P<ident>\b[a-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?![\p{L}\p{M}\p{N}])(?:\(\))?)",
        r"(?P<code>`[^`\n]+`)",  # code in backticks
        r"(?P<raw>\b[rRbBfF]{1,2}\"[^\"\n]*\"|\b[rRbBfF]{1,2}'[^'\n]*')",  # r"…" literals
        # lines of code: imports, definitions, doctest prompts, statements ending in ; { ):
        r"(?m:(?P<line>^[ \t]*(?:>>> |from [\w.]+ import |import [\w.]+|def \w+\(|class \w+[(:])"
        r"[^\n]*$|^[^\n]*[=(][^\n]*(?:[;{]|\):)[ \t]*$))",
    ]
    return regex.compile("|".join(parts))


def _common_words() -> frozenset[str]:
    return word_list("common-words")


def find_spans(text: str) -> list[Span]:
    """The protected spans of ``text``: sorted, disjoint ``(start, end)`` pairs.

    The result is what scanning ``text`` with the token pattern from left to right
    gives, but the pattern is tried only where a match can start (see
    :func:`_candidates`), so the cost is a few literal searches over the text.

    >>> t = "Read www.nu.nl/Navo-top, then fractions.Fraction; One.Tel is a firm."
    >>> [t[s:e] for s, e in find_spans(t)]
    ['www.nu.nl/Navo-top', 'fractions.Fraction', 'One.Tel']
    >>> t = "from . import mod\\nsaid Rutte.It was late"
    >>> [t[s:e] for s, e in find_spans(t)]
    ['from . import mod']
    """
    starts = _candidates(text)
    if not starts or not _TRIGGER.search(text):
        return []
    pattern = _token_re()
    spans: list[Span] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is None:
            continue
        pos = m.end()
        span = _accept(text, m)
        if span is not None:
            spans.append(span)
    return spans


def _accept(text: str, m: regex.Match[str]) -> Span | None:
    """The span a match of the token pattern protects, or None if it is prose."""
    kind = m.lastgroup
    start, end = m.span()
    if kind in ("url", "domain"):
        while end > start and text[end - 1] in _TRAIL:
            end -= 1
        if kind == "domain" and not _domain_like(text[start:end]):
            return None
    elif kind == "mail":
        while end > start and text[end - 1] == ".":
            end -= 1
    elif kind == "ident" and not _identifier_like(m.group()):
        return None
    return (start, end) if end > start else None


# Where a match of the token pattern can start, found by substring searches and
# patterns that begin with a literal (cheap per call and per character):
# - a URL, e-mail address, domain or identifier starts at a word boundary in the
#   whitespace-free token holding its "://", "www.", "@" or "." (followed by a
#   character that is not white space or ASCII punctuation other than "-" and "_"),
#   at or before that trigger;
_DOT = re.compile(r"\.(?=[^\s!-,./:-@\[-^`{-~])")
_BOUNDARY = regex.compile(r"\b")
# - code in backticks at its backtick; a literal r"…" one or two letters before its quote;
# - a line of code at its line start: the line begins with a keyword or ends in ; { ):
_CODE_START = re.compile(r"[ \t]*(?:>>> |from |import |def |class )")
_CODE_LINE_START = re.compile(r"\n(?=[ \t]*(?:>>> |from |import |def |class ))")
_CODE_LINE_END = regex.compile(r"\n(?<=(?:[;{]|\):)[ \t]*\n)")


def _candidates(text: str) -> list[int]:
    """Sorted positions that include every start of a match of the token pattern.

    >>> _candidates("see x.com or `y`")
    [4, 5, 13, 15]
    """
    found: list[int] = []
    triggers = [m.start() for m in _DOT.finditer(text)] if "." in text else []
    if "@" in text or "://" in text or "www." in text:
        triggers += _occurrences(text, "@") + _occurrences(text, "://")
        triggers += _occurrences(text, "www.")
    if triggers:
        _token_candidates(text, sorted(triggers), found)
    if "`" in text:
        found += _occurrences(text, "`")
    for quote in ("'", '"'):
        for k in _occurrences(text, quote):  # a quote after r/b/f: its prefix
            if k and text[k - 1] in "rRbBfF":
                found.extend(j for j in (k - 2, k - 1) if j >= 0)
    if "from " in text or "import " in text or ">>> " in text or "def " in text or "class " in text:
        if _CODE_START.match(text):
            found.append(0)
        found.extend(m.start() + 1 for m in _CODE_LINE_START.finditer(text))
    if ";" in text or "{" in text or "):" in text:
        ends = [m.start() for m in _CODE_LINE_END.finditer(text)]
        end = len(text)
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if text[end - 1 : end] in (";", "{") or text[end - 2 : end] == "):":
            ends.append(len(text))
        found.extend(text.rfind("\n", 0, e) + 1 for e in ends)
    if not found:
        return found
    found.sort()  # then without repeats (a set of them would cost ~100 bytes each)
    return [k for k, _ in itertools.groupby(found)]


def _occurrences(text: str, sub: str) -> list[int]:
    """The start of every occurrence of ``sub`` in ``text``."""
    out = []
    k = text.find(sub)
    while k >= 0:
        out.append(k)
        k = text.find(sub, k + 1)
    return out


def _token_candidates(text: str, triggers: list[int], found: list[int]) -> None:
    """Add the word boundaries at or before each trigger in its whitespace-free token."""
    walked = 0  # positions before this were already collected
    for k in triggers:
        if k < walked:
            continue
        i = k
        while i > walked and not text[i - 1].isspace():
            i -= 1
        found.extend(b.start() for b in _BOUNDARY.finditer(text, i, k + 1) if b.start() <= k)
        walked = k + 1


def _domain_like(token: str) -> bool:
    """``example.com`` and ``One.Tel`` are domains; ``Rutte.It`` is a glued sentence."""
    host = token.split("/", 1)[0]
    tld = host.rsplit(".", 1)[-1]
    if tld.islower() or "/" in token or host.count(".") > 1:
        return True
    return len(tld) >= 3 and tld.lower() not in _common_words()


def _identifier_like(token: str) -> bool:
    """Dotted names of code: ``os.path``, ``a.b.C``, ``fractions.Fraction``, ``f()``.

    A lower-case word glued to a capitalised one (``it.Why``) is a missing space
    after a sentence, unless the second part repeats the first (``decimal.Decimal``)
    or is CamelCase (``typing.NamedTuple``).
    """
    parts = token.removesuffix("()").split(".")
    if token.endswith("()") or len(parts) > 2 or "_" in token:
        return True
    first, second = parts
    if second[:1].islower():
        return len(first) > 1 or len(second) > 1  # "e.g" is an abbreviation
    if any(c.isupper() for c in second[1:]):
        return True
    return len(first) >= 4 and second.lower().startswith(first[:4].lower())


def shift_spans(spans: Sequence[Span], edits: Sequence[Edit]) -> list[Span]:
    """``spans`` moved through ``edits`` (which are sorted and leave them whole or
    remove them whole); a removed span is dropped.

    >>> shift_spans([(10, 20), (30, 35)], [Edit(0, 2, "", "r"), Edit(25, 40, "x", "r")])
    [(8, 18)]
    """
    if not edits or not spans:
        return list(spans)
    out: list[Span] = []
    delta = 0
    i = 0
    for start, end in spans:
        while i < len(edits) and edits[i].end <= start and not _covers(edits[i], start, end):
            e = edits[i]
            delta += len(e.replacement) - (e.end - e.start)
            i += 1
        if i < len(edits) and _covers(edits[i], start, end):
            continue
        out.append((start + delta, end + delta))
    return out


def _covers(edit: Edit, start: int, end: int) -> bool:
    return edit.start <= start and end <= edit.end and edit.start < edit.end


def allowed(edits: Iterable[Edit], spans: Sequence[Span]) -> list[Edit]:
    """The edits that leave every protected span unchanged or remove it whole.

    An edit may touch a span's edges (an insertion right before or after it) but not
    its inside.

    >>> spans = [(4, 15)]
    >>> [e.rule for e in allowed([Edit(8, 12, "X", "in"), Edit(15, 15, " ", "edge"),
    ...                           Edit(0, 20, "", "whole")], spans)]
    ['edge', 'whole']
    """
    kept = list(edits)
    if not spans:
        return kept
    starts = [s for s, _ in spans]
    out = []
    for edit in kept:
        i = bisect_right(starts, edit.end) - 1  # spans starting at or before the edit's end
        ok = True
        while i >= 0 and spans[i][1] > edit.start - 1:
            s, e = spans[i]
            if not (edit.end <= s or edit.start >= e or _covers(edit, s, e)):
                ok = False
                break
            i -= 1
        if ok:
            out.append(edit)
    return out
