"""Source-language words found by word frequency (``wordfreq``), not by lists we write.

A word is *foreign* for a language when it is common there (Zipf frequency at least
:data:`MIN_ZIPF`), clearly rarer in English (by :data:`MIN_MARGIN` Zipf points or
more) and not in mtclean's common English word set. The table of such words is
built once, on first use, from ``wordfreq``'s lists, as one mapping from a word to
its languages: checking a word costs one dictionary lookup, and none for a common
English word. Building it takes a second or more; the table is kept in mtclean's
on-disk cache (:mod:`mtclean.diskcache`), so later processes read it in a fraction
of that.

>>> vocab = foreign_vocab()
>>> vocab.langs_of("ziekenhuis"), vocab.langs_of("hospital")
(('nl',), ())
>>> vocab.foreign_share("Il governo ha detto che questa legge non cambia nulla", "it") > 0.5
True
>>> vocab.foreign_share("The government said this law changes nothing", "it")
0.0
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..diskcache import default_cache, file_stamp, fingerprint
from ..wordlists import word_list

__all__ = [
    "MIN_MARGIN",
    "MIN_ZIPF",
    "VOCAB_LANGS",
    "WORD_RE",
    "ForeignVocab",
    "cached_vocab",
    "foreign_vocab",
    "words_of",
]

#: The languages whose common words the detector knows.
VOCAB_LANGS = ("nl", "de", "fr", "es", "it", "pt", "pl", "ro")
#: A word is common in a language from this Zipf frequency (once per million words).
MIN_ZIPF = 3.0
#: ... and foreign to English when its English frequency is this many Zipf points lower.
MIN_MARGIN = 1.5
#: Long words (compounds) count from this lower frequency: English has next to none.
MIN_LONG_ZIPF = 2.5
LONG_WORD = 10
#: Words shorter than this are never foreign on their own (too many abbreviations).
MIN_LEN = 3

# Words of letters (any script), with inner apostrophes or hyphens.
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def words_of(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The words of ``text[start:end]`` as matches (spans refer to ``text``).

    >>> [m.group() for m in words_of("Navo-top, l'uno 2024")]
    ['Navo-top', "l'uno"]
    """
    return WORD_RE.finditer(text, start, len(text) if end is None else end)


def _zipf(freq: float) -> float:
    import math

    return math.log10(freq) + 9 if freq > 0 else 0.0


@dataclass(frozen=True)
class ForeignVocab:
    """Words common in a source language and foreign to English (see the module doc)."""

    table: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, langs: Iterable[str] = VOCAB_LANGS) -> ForeignVocab:
        """Read ``wordfreq``'s lists once (about a second for eight languages)."""
        import wordfreq  # a runtime dependency, imported only when the table is built

        english = wordfreq.get_frequency_dict("en")
        common = word_list("common-words")
        table: dict[str, list[str]] = {}
        for lang in langs:
            # Buckets of words by frequency, a centibel apart: bucket i has Zipf 9 - i/100.
            buckets = wordfreq.get_frequency_list(lang)
            for i, bucket in enumerate(buckets[: int((9 - MIN_LONG_ZIPF) * 100) + 1]):
                zipf = 9 - i / 100
                for word in bucket:
                    if len(word) < MIN_LEN or word in common:
                        continue
                    if zipf < MIN_ZIPF and len(word) < LONG_WORD:
                        continue
                    if not word.replace("-", "").replace("'", "").isalpha():
                        continue
                    if zipf - _zipf(english.get(word, 0.0)) >= MIN_MARGIN:
                        table.setdefault(word, []).append(lang)
        return cls({w: tuple(langs) for w, langs in table.items()})

    def langs_of(self, word: str) -> tuple[str, ...]:
        """The languages in which ``word`` (any case) is a common, non-English word."""
        return self.table.get(word.lower(), ())

    def foreign_share(self, text: str, lang: str, start: int = 0, end: int | None = None) -> float:
        """Share of the words of ``text[start:end]`` that are foreign words of ``lang``."""
        total = hits = 0
        for m in words_of(text, start, end):
            total += 1
            hits += lang in self.table.get(m.group().lower(), ())
        return hits / total if total else 0.0


def _build_key(langs: tuple[str, ...]) -> str:
    """What the table is built from: the settings above, ``wordfreq``'s version, the
    common English words and this module."""
    from importlib import metadata, resources

    try:
        wordfreq_version = metadata.version("wordfreq")
    except metadata.PackageNotFoundError:  # pragma: no cover - a vendored copy
        wordfreq_version = "?"
    common = resources.files("mtclean") / "data" / "common-words.txt"
    settings = (langs, MIN_ZIPF, MIN_MARGIN, MIN_LONG_ZIPF, LONG_WORD, MIN_LEN)
    stamps = [file_stamp(str(common)), file_stamp(__file__)]
    return fingerprint(settings, wordfreq_version, stamps)


def cached_vocab(langs: tuple[str, ...] = VOCAB_LANGS) -> ForeignVocab:
    """The table for ``langs``, read from the on-disk cache (:mod:`mtclean.diskcache`)
    when an entry built from the same lists exists, else built and stored."""
    cache = default_cache()
    if cache.folder is None:
        return ForeignVocab.build(langs)
    key = _build_key(langs)
    table = cache.load("foreign-vocab", key)
    if isinstance(table, dict):
        return ForeignVocab(table)
    vocab = ForeignVocab.build(langs)
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # each language tuple stored once
    cache.store("foreign-vocab", key, {w: shared.setdefault(v, v) for w, v in vocab.table.items()})
    return vocab


@functools.cache
def foreign_vocab() -> ForeignVocab:
    """The shared table, built on first use (or read from the on-disk cache)."""
    return cached_vocab()
