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

from collections.abc import Iterable, Mapping

import regex

from ..languages import language_name
from .vocab import foreign_vocab, words_of

__all__ = [
    "EXEMPT_PATTERN",
    "MIN_EVIDENCE",
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
    r"|(?i:\b(?:(?:known\s+as|so-called|called|dubbed|named)(?:\s+(?:an?|the))?"
    r"|the(?:\s+(?-i:\p{Lu}\p{Ll}+))?\s+(?:word|term|phrase|noun|adjective))\s+\S+)"
)
_EXEMPT_RE = regex.compile(EXEMPT_PATTERN)


def foreign_lines(text: str, langs: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """The lines of ``text`` that are mostly in one of ``langs`` (empty: any language the
    vocabulary knows): (start, end, lang).

    >>> t = "Napoli won the title.\\nIl Napoli ha vinto il suo primo scudetto in 33 anni."
    >>> foreign_lines(t, ("it", "es"))
    [(22, 74, 'it')]
    """
    vocab = foreign_vocab()
    langs = frozenset(langs)
    out: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        counts: dict[str, int] = {}
        total = 0
        for m in words_of(line):
            total += 1
            for lang in vocab.langs_of(m.group()):
                counts[lang] = counts.get(lang, 0) + 1
        if total >= FOREIGN_LINE_WORDS and counts:
            n, lang = max((n, lang) for lang, n in counts.items())
            if (lang in langs or not langs) and n >= FOREIGN_LINE_SHARE * total:
                out.append((pos, end, lang))
        pos = end + 1
    return out


def text_leftovers(
    text: str, langs: Iterable[str], *, names: bool = False
) -> dict[str, list[tuple[int, int]]]:
    """Spans of the leftover words of each of ``langs`` in ``text`` (see the module doc).

    >>> t = 'He said the "woningnood" is real, but the woningnood grows.'
    >>> text_leftovers(t, ("nl",))
    {'nl': [(42, 52)]}
    """
    wanted = frozenset(langs)
    if not wanted:
        return {}
    vocab = foreign_vocab()
    skip = [(m.start(), m.end()) for m in _EXEMPT_RE.finditer(text)]
    skip += [(s, e) for s, e, _ in foreign_lines(text)]  # in any language
    skip.sort()
    out: dict[str, list[tuple[int, int]]] = {}
    k = 0
    for m in words_of(text):
        word = m.group()
        if not word[0].islower() and not (names and _name_evidence(text, m.start(), word)):
            continue
        start = m.start()
        while k < len(skip) and skip[k][1] <= start:
            k += 1
        if k < len(skip) and skip[k][0] <= start:
            continue
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
    (what a cleaning pass does not remove; default: all) at least one piece and twice
    as many as any other language. Deciding by what lasts keeps cleaning idempotent:
    a second pass never decides a language the first did not.

    >>> decide_language({"nl": {"a", "b"}, "de": {"c"}}, {"nl": {"a"}, "de": set()})[0]
    'nl'
    """
    lasting = evidence if lasting is None else lasting
    winners = [
        lang
        for lang, words in evidence.items()
        if len(words) >= MIN_EVIDENCE
        and lasting.get(lang)
        and all(len(lasting[lang]) >= 2 * len(v) for other, v in lasting.items() if other != lang)
    ]
    if len(winners) != 1:
        return "", ""
    lang = winners[0]
    ranked = sorted(((len(v), code) for code, v in evidence.items() if v), reverse=True)
    words = ", ".join(sorted(evidence[lang])[:5])
    detail = ", ".join(f"{code} {n}" for n, code in ranked[:3])
    return lang, f"leftover words and terms ({detail}: {words}) [{language_name(lang)}]"
