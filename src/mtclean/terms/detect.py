"""Leftover words in running English text, and the source language they point to.

A leftover is a lower-case word (or hyphenated compound) of running English text
that is common in a candidate source language and not an English word
(:mod:`mtclean.terms.vocab`). Exempt: capitalised words (names; the names stage
deals with them), words inside quotes or parentheses, words right after "known
as", "called" or "the word", and every word of a line that is mostly in another
language (a bilingual page: that line is left alone and reported once).

The source language is decided from the leftovers of the whole text, never from
one word: at least :data:`MIN_EVIDENCE` distinct words or terms, and at least
twice as many as any other language.

>>> text = "The kabinet met on woensdag about the woningnood in the city."
>>> sorted(text_leftover_words(text, ("nl", "de")).get("nl", ()))
['kabinet', 'woensdag', 'woningnood']
>>> decide_language({"nl": {"kabinet", "woensdag"}, "de": set()})[0]
'nl'
>>> decide_language({"nl": {"rusland"}, "de": set()})
('', '')
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

import regex

from ..languages import language_name
from .vocab import WORD_RE, foreign_vocab, words_of

__all__ = [
    "EXEMPT_PATTERN",
    "MIN_EVIDENCE",
    "TextWords",
    "decide_language",
    "foreign_lines",
    "text_leftover_words",
    "text_leftovers",
]

#: Distinct pieces of evidence (words, terms) that decide a source language.
MIN_EVIDENCE = 2
#: A line with at least this many words, this share of them foreign words of one
#: language, is in that language (a quotation or the other half of a bilingual page).
FOREIGN_LINE_WORDS = 6
FOREIGN_LINE_SHARE = 0.3

#: Quoted or parenthesised stretches and glossing cues: their words are the writer's
#: (also the ``unless`` of the leftover lexicon's rules, :mod:`mtclean.terms.leftlex`).
EXEMPT_PATTERN = (
    r"“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|\"[^\"\n]*\"|(?<!\w)‘[^’\n]*’(?!\w)|\([^()\n]*\)"
    r"|(?<!\w)_[^_\n]+_(?!\w)|\*[^*\n]+\*"
    r"|(?i:\b(?:(?:known[^\S\n]+as|so-called|called|dubbed|named)(?:[^\S\n]+(?:an?|the))?"
    r"|the(?:[^\S\n]+(?-i:\p{Lu}\p{Ll}+))?[^\S\n]+(?:word|term|phrase|noun|adjective))"
    r"[^\S\n]+\S+)"
)
_EXEMPT_RE = regex.compile(EXEMPT_PATTERN)


_Span = tuple[int, int]
_Line = tuple[int, int, str]


class TextWords:
    """What the leftover checks need of one text, found on first use in one pass over
    its lines and kept: the lines mostly in another language and the distinct words
    that are foreign words of some language. Each line's distinct words are looked up
    once (with a count per word), so a long line or a long text costs about one pass of
    a regular expression over it.

    >>> words = TextWords("The kabinet met.\\nIl governo ha detto che questa legge non cambia.")
    >>> words.lines, sorted(words.foreign)
    ([(17, 65, 'it')], ['cambia', 'detto', 'governo', 'kabinet', 'legge', 'questa'])
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def _found(self) -> tuple[list[_Line], set[str], list[_Span], dict[int, list[_Span]]]:
        table = foreign_vocab().table
        keys = table.keys()
        lines: list[_Line] = []
        foreign: set[str] = set()
        holding: list[_Span] = []
        parts: dict[int, list[_Span]] = {}  # of long holding lines (by their start): pieces
        pos = 0
        for line in self.text.split("\n"):
            end = pos + len(line)
            found: set[str] = set()
            counts: dict[str, int] = {}  # per language, its words' occurrences
            size = 0  # the line's words
            at = pos
            for piece in _pieces(line):  # a long line a piece at a time: the same counts
                words = _lower_words(piece)
                size += len(words)
                distinct = set(words)
                direct = distinct & keys
                found |= direct
                compounds = (
                    {w for w in distinct if "-" in w and any(p in table for p in w.split("-"))}
                    if "-" in piece
                    else ()
                )
                found.update(compounds)
                if len(line) > PIECE and (direct or compounds):
                    parts.setdefault(pos, []).append((at, at + len(piece)))
                at += len(piece)
                if direct:
                    counted = Counter(words)
                    for word in direct:
                        for lang in table[word]:
                            counts[lang] = counts.get(lang, 0) + counted[word]
            if found:
                foreign |= found
                holding.append((pos, end))
            if counts and size >= FOREIGN_LINE_WORDS:
                n, lang = max((n, lang) for lang, n in counts.items())
                if n >= FOREIGN_LINE_SHARE * size:
                    lines.append((pos, end, lang))
            pos = end + 1
        return lines, foreign, holding, parts

    @property
    def lines(self) -> list[tuple[int, int, str]]:
        """The lines mostly in one language the vocabulary knows: (start, end, lang)."""
        return self._found[0]

    @property
    def foreign(self) -> set[str]:
        """The distinct words (lower case) that are foreign words of some language, or
        compounds with a foreign part ("navo-top")."""
        return self._found[1]

    @property
    def holding(self) -> list[tuple[int, int]]:
        """The lines that hold a word of :attr:`foreign`: (start, end)."""
        return self._found[2]

    def parts_holding(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where the words of :attr:`foreign` are in the holding line ``text[start:end]``:
        the line, or of a long one the pieces (see :func:`_pieces`) that hold one."""
        return self._found[3].get(start) or [(start, end)]


def foreign_lines(
    text: str, langs: Iterable[str] = (), words: TextWords | None = None
) -> list[tuple[int, int, str]]:
    """The lines of ``text`` that are mostly in one of ``langs`` (empty: any language the
    vocabulary knows): (start, end, lang). ``words``: the text's :class:`TextWords`,
    when the caller keeps them.

    >>> t = "Napoli won the title.\\nIl Napoli ha vinto il suo primo scudetto in 33 anni."
    >>> foreign_lines(t, ("it", "es"))
    [(22, 74, 'it')]
    """
    wanted = frozenset(langs)
    found = (words or TextWords(text)).lines
    return [line for line in found if line[2] in wanted] if wanted else list(found)


#: A line longer than this is read in pieces of about this size, so its word lists
#: stay small.
PIECE = 8_000
# where a piece may end: a character no word holds (see WORD_RE)
_CUT_RE = regex.compile(r"[^\w'’-]")


def _pieces(line: str) -> Iterator[str]:
    """``line``, or on a long line its pieces of about :data:`PIECE` characters, each
    ending before a character that no word holds (a space, a comma).

    >>> [len(p) for p in _pieces("ab " * 6_000)], [len(p) for p in _pieces("ab," * 6_000)]
    ([8000, 8001, 1999], [8000, 8001, 1999])
    """
    if len(line) <= PIECE:
        yield line
        return
    start = 0
    while start < len(line):
        m = _CUT_RE.search(line, start + PIECE)
        cut = len(line) if m is None else m.start()
        yield line[start:cut]
        start = cut


def _lower_words(text: str) -> list[str]:
    """The words of ``text`` (:func:`~mtclean.terms.vocab.words_of`) in lower case.

    >>> _lower_words("Navo-top, L'Uno 2024")
    ['navo-top', "l'uno"]
    """
    if "\u0130" not in text:  # lower-casing keeps every other character one letter
        return WORD_RE.findall(text.lower())
    return [w.lower() for w in WORD_RE.findall(text)]


def text_leftovers(
    text: str, langs: Iterable[str], *, names: bool = False, words: TextWords | None = None
) -> dict[str, list[tuple[int, int]]]:
    """Spans of the leftover words of each of ``langs`` in ``text`` (see the module doc).
    ``words``: the text's :class:`TextWords`, when the caller keeps them.

    >>> t = 'He said the "woningnood" is real, but the woningnood grows.'
    >>> text_leftovers(t, ("nl",))
    {'nl': [(42, 52)]}
    """
    wanted = frozenset(langs)
    if not wanted:
        return {}
    words = words or TextWords(text)
    foreign = words.foreign
    if not foreign:
        return {}
    vocab = foreign_vocab()
    out: dict[str, list[tuple[int, int]]] = {}
    in_other = {s for s, _, _ in words.lines}  # lines in another language (any)
    for ls, le in words.holding:
        if ls in in_other:
            continue
        skip = [m.span() for m in _EXEMPT_RE.finditer(text, ls, le)]  # apart, in order
        skip_starts = [s for s, _ in skip]
        for ps, pe in words.parts_holding(ls, le):
            for m in words_of(text, ps, pe):
                word = m.group()
                if word.lower() not in foreign:
                    continue
                start = m.start()
                if not word[0].islower() and not (names and _name_evidence(text, start, word)):
                    continue
                k = bisect.bisect_right(skip_starts, start) - 1
                if k >= 0 and start < skip[k][1]:
                    continue  # quoted, in parentheses, glossed
                found = vocab.langs_of(word)
                if not found and "-" in word:  # a compound half-translated: "Navo-top"
                    parts = [vocab.langs_of(p) for p in word.split("-")]
                    found = tuple({lang for p in parts for lang in p})
                for lang in found:
                    if lang in wanted:
                        out.setdefault(lang, []).append((start, m.end()))
    return out


def _name_evidence(text: str, start: int, word: str) -> bool:
    """Whether a capitalised word counts as evidence of a language: not in capitals and
    not the first word of a sentence or line ("Catshuis", "Bundesrat")."""
    if word.isupper() or len(word) < 5:
        return False
    head = text[max(0, start - 3) : start].rstrip(" \t")
    return bool(head) and head[-1] not in ".!?:\n\"“'‘(«„-–—"


def text_leftover_words(
    text: str, langs: Iterable[str], *, names: bool = False
) -> dict[str, set[str]]:
    """The distinct leftover words (lower case) of each of ``langs`` in ``text``.

    ``names``: capitalised words inside a sentence count too (for deciding the language).
    """
    return {
        lang: {text[s:e].lower() for s, e in spans}
        for lang, spans in text_leftovers(text, langs, names=names).items()
    }


def decide_language(
    evidence: Mapping[str, set[str]], lasting: Mapping[str, set[str]] | None = None
) -> tuple[str, str]:
    """The language with the most distinct evidence, if it is clear; and why.

    At least :data:`MIN_EVIDENCE` pieces of ``evidence``; and of ``lasting`` evidence
    (what a cleaning pass does not remove; default: all) that no other language shares
    ("ONU" is Spanish and French alike: it tells neither) at least one piece and twice
    as many as any other language. Deciding by what lasts keeps cleaning idempotent:
    a second pass never decides a language the first did not.

    >>> decide_language({"nl": {"a", "b"}, "de": {"c"}}, {"nl": {"a"}, "de": set()})[0]
    'nl'
    >>> decide_language({"fr": {"onu", "ue", "macron"}, "es": {"onu", "ue"}})[0]
    'fr'
    """
    lasting = evidence if lasting is None else lasting
    seen: Counter[str] = Counter(term for terms in lasting.values() for term in terms)
    own = {lang: {t for t in terms if seen[t] == 1} for lang, terms in lasting.items()}
    winners = [
        lang
        for lang, words in evidence.items()
        if len(words) >= MIN_EVIDENCE
        and own.get(lang)
        and all(len(own[lang]) >= 2 * len(v) for other, v in own.items() if other != lang)
    ]
    if len(winners) != 1:
        return "", ""
    lang = winners[0]
    ranked = sorted(((len(v), code) for code, v in evidence.items() if v), reverse=True)
    words = ", ".join(sorted(evidence[lang])[:5])
    detail = ", ".join(f"{code} {n}" for n, code in ranked[:3])
    return lang, f"leftover words and terms ({detail}: {words}) [{language_name(lang)}]"
