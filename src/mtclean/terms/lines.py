"""Facts about the lines of one text, computed once per line, not once per candidate.

The context checks of term rules look at a candidate's whole line. On a long line
with many candidates (a 1 MB paragraph without newlines) computing them per
candidate is quadratic; :class:`Lines` finds each line once, and keeps per line
the quoted stretches, the leftover-word counts and the foreign words, so a check
costs about the candidate's own surroundings. The answers are exactly those of
:func:`~mtclean.terms.context.source_line` and
:func:`~mtclean.terms.context.in_quoted_source`.

>>> t = "Ukraine is not a Navo member.\\nDe Navo is niet van plan om het te doen, zei hij"
>>> lines = Lines(t)
>>> lines.bounds(17, 21), lines.source_line((0, 29), "nl", (17, 21))
((0, 29), False)
>>> lines.bounds(33, 37), lines.source_line((30, 78), "nl", (33, 37))
((30, 78), True)
"""

from __future__ import annotations

import bisect
import re
from array import array
from typing import Any

from .context import (
    _QUOTE_RE,
    MIN_FOREIGN_SHARE,
    MIN_SOURCE_SHARE,
    MIN_SOURCE_WORDS,
    source_line,
)
from .lang import leftover_count, phrase_re
from .vocab import VOCAB_LANGS, foreign_vocab, words_of

__all__ = ["MAX_WORD", "SPACE_RE", "Lines"]

#: Characters that can start or end a quoted stretch (see ``context._QUOTE_RE``), and
#: the newline no quoted stretch crosses.
_QUOTE_CHARS = frozenset('“”„«»"‚‘’_\n')
_TOKEN_RE = re.compile(r"\S+")
#: White space (``str.isspace``'s: the standard library's ``\s``), and the last of it.
SPACE_RE = re.compile(r"\s")
_LAST_SPACE_RE = re.compile(r"\s(?=\S*\Z)")
#: Lines (or stretches of a long line) whose counts are kept at once: a megabyte
#: line read in stretches holds a few of them, not a copy of itself.
KEPT_LINES = 64
#: How far the end of a word is looked for: a line without spaces is cut after this
#: many characters, so that finding a word's edges costs a bounded time.
MAX_WORD = 200


class _Line:
    """One line: its quoted stretches and, per language, what ``source_line`` counts."""

    __slots__ = ("counts", "foreign", "masked", "quotes", "starts")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.quotes = [m.span() for m in _QUOTE_RE.finditer(text, start, end)]
        self.starts = [qs for qs, _ in self.quotes]
        self.counts: dict[str, tuple[int, int]] = {}
        self.masked = ""
        # Per language: the ends of all words, of foreign tokens, of foreign words.
        self.foreign: dict[str, tuple[array[int], array[int], array[int]]] = {}

    def quote_at(self, start: int) -> tuple[int, int] | None:
        """The last quoted stretch starting before ``start`` (stretches never overlap)."""
        n = bisect.bisect_left(self.starts, start)
        return self.quotes[n - 1] if n else None


class Lines:
    """The lines of ``text``, found once and kept while candidates are checked in any order."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: Context results that depend on the line alone (see ``Context.holds``).
        self.memo: dict[tuple[int, int, int], Any] = {}
        self._last = (0, -1)
        self._lines: dict[tuple[int, int], _Line] = {}

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """``core.line_bounds(text, start, end)``, without rescanning a long line."""
        ls, le = self._last
        if ls <= start and end <= le:
            return ls, le
        text = self.text
        stop = text.find("\n", end)
        line = text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop
        if "\n" not in text[start:end]:
            self._last = line
        return line

    def _line(self, line: tuple[int, int]) -> _Line:
        found = self._lines.get(line)
        if found is None:
            if len(self._lines) >= KEPT_LINES:  # the oldest goes (counted again if needed)
                del self._lines[next(iter(self._lines))]
            found = self._lines[line] = _Line(self.text, *line)
        return found

    def in_quoted_source(self, start: int, end: int, line: tuple[int, int], lang: str) -> bool:
        """:func:`~mtclean.terms.context.in_quoted_source`, the line's quotes found once."""
        if not lang:
            return False
        quote = self._line(line).quote_at(start)
        if quote is None or not (quote[0] < start and end < quote[1]):
            return False
        inside = self.text[quote[0] + 1 : start] + " " + self.text[end : quote[1] - 1]
        return phrase_re(lang).search(inside) is not None

    def source_line(self, line: tuple[int, int], lang: str, match: tuple[int, int]) -> bool:
        """:func:`~mtclean.terms.context.source_line` for a match, in time about the
        match's surroundings once the line's words are counted."""
        if not lang:
            return False
        info = self._line(line)
        counts = info.counts.get(lang)
        if counts is None:
            counts = info.counts[lang] = leftover_count(self.text[line[0] : line[1]], lang)
        hits, total = counts
        if hits >= MIN_SOURCE_WORDS and hits >= MIN_SOURCE_SHARE * total:
            return True
        if lang not in VOCAB_LANGS or total < 2 * MIN_SOURCE_WORDS:
            return False
        ms, me = match
        near = self.text[max(line[0], ms - 1) : min(line[1], me + 1)]
        quote = info.quote_at(me + 1)
        if not _QUOTE_CHARS.isdisjoint(near) or (quote is not None and quote[1] >= ms):
            # A quoted stretch next to the match may pair up differently without it.
            return source_line(self.text, line, lang, match)
        return self._foreign_line(info, line, lang, ms, me)

    def _foreign_line(
        self, info: _Line, line: tuple[int, int], lang: str, ms: int, me: int
    ) -> bool:
        # The line without the match is the line with its quoted stretches blanked out
        # (same length), cut at the match. Its tokens and words away from the cut are
        # the line's (counted once); those between the whitespace around the cut are
        # counted again.
        ls, le = line
        text = self.text
        if not info.masked:
            parts, pos = [], ls
            for qs, qe in info.quotes:
                parts += [text[pos:qs], " " * (qe - qs)]
                pos = qe
            parts.append(text[pos:le])
            info.masked = "".join(parts)
        masked = info.masked
        vocab = foreign_vocab()
        table = info.foreign.get(lang)
        if table is None:
            f_tokens = array("i" if len(masked) < 2**31 else "q")
            for m in _TOKEN_RE.finditer(masked):
                if lang in vocab.langs_of(m.group()):
                    f_tokens.append(m.end())
            w_ends, f_words = array(f_tokens.typecode), array(f_tokens.typecode)
            for m in words_of(masked):
                w_ends.append(m.end())
                if lang in vocab.langs_of(m.group()):
                    f_words.append(m.end())
            table = info.foreign[lang] = (w_ends, f_tokens, f_words)
        w_ends, f_tokens, f_words = table
        a, b = ms - ls, me - ls
        # (a token longer than MAX_WORD, a line without spaces, is cut there)
        stop = max(0, a - MAX_WORD)
        space = _LAST_SPACE_RE.search(masked, stop, a)
        cut_a = stop if space is None else space.start() + 1
        stop = min(len(masked), b + MAX_WORD)
        space = SPACE_RE.search(masked, b, stop)
        cut_b = stop if space is None else space.start()
        local = masked[cut_a:a] + " " + masked[b:cut_b]
        foreign = _outside(f_tokens, cut_a, cut_b)
        foreign += sum(lang in vocab.langs_of(w) for w in local.split())
        if foreign < 2 * MIN_SOURCE_WORDS:
            return False
        words = _outside(w_ends, cut_a, cut_b)
        hits = _outside(f_words, cut_a, cut_b)
        for m in words_of(local):
            words += 1
            hits += lang in vocab.langs_of(m.group())
        return words > 0 and hits / words >= MIN_FOREIGN_SHARE


def _outside(ends: array[int], cut_a: int, cut_b: int) -> int:
    """How many of the spans ending at ``ends`` lie before ``cut_a`` or after ``cut_b``
    (both at whitespace, which no span holds)."""
    return bisect.bisect_right(ends, cut_a) + len(ends) - bisect.bisect_right(ends, cut_b)
