"""The word frequencies the glued-word repair asks about, read once into a small table.

:mod:`mtclean.repair.glued` asks three questions of ``wordfreq``: is a glued-looking
token (``floodthe``, ``infothursday``) a word of English or of a source language; is
its first part a word English text uses; and how frequent is a word with its first
letter doubled (a drop cap's mistake, ``tthe``). Answering them from ``wordfreq``
means reading the lists of nine languages (about a second). This table keeps only
what the questions can reach, in ``wordfreq``'s own values:

* ``english``: the ASCII lower-case words of English with a Zipf frequency of at
  least :data:`COMMON_ZIPF`, and that frequency;
* ``shaped``: the words of any of :data:`KNOWN_LANGS` that have a candidate's
  shape (:data:`SHAPE`);
* ``doubled``: the words of any of them that start with a doubled letter, and their
  highest Zipf frequency among the languages.

It is built on first use and kept in mtclean's on-disk cache
(:mod:`mtclean.diskcache`), where a later process reads it in a few milliseconds.

>>> words = known_words()
>>> "floodthe" in words.shaped, "breathe" in words.shaped
(False, True)
>>> words.english["flood"] >= COMMON_ZIPF, "floodthe" in words.english
(True, False)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..diskcache import default_cache, file_stamp, fingerprint

__all__ = [
    "CALENDAR_WORDS",
    "CLAUSE_WORDS",
    "COMMON_ZIPF",
    "KNOWN_LANGS",
    "SHAPE",
    "KnownWords",
    "cached_known_words",
    "known_words",
]

#: Function words that open a clause and that scraping glues to the word before.
#: ("and", "to", "in", "of" are left out: too many names and words end in them.)
CLAUSE_WORDS = ("the", "after", "with", "from", "which", "while", "before", "during")
#: Capitalised words glued to a lower-case word before them.
CALENDAR_WORDS = (
    *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
#: A word English text uses, from this Zipf frequency (about once in 30 million words).
COMMON_ZIPF = 1.5
#: The languages whose words a glued token must not be (with English).
KNOWN_LANGS = ("en", "nl", "de", "fr", "es", "it", "pt", "pl", "ro")

_TAILS = "|".join(w.lower() for w in (*CLAUSE_WORDS, *CALENDAR_WORDS))
#: The shape of a candidate token, lower-cased: three letters or more, then a clause
#: or calendar word.
SHAPE = re.compile(rf"[a-z]{{3,}}(?:{_TAILS})")
_ASCII_WORD = re.compile(r"[a-z]+")
_DOUBLED = re.compile(r"([a-z])\1[a-z]+")


@dataclass(frozen=True)
class KnownWords:
    """The table (see the module doc)."""

    english: dict[str, float]
    shaped: frozenset[str]
    doubled: dict[str, float]

    @classmethod
    def build(cls, langs: Iterable[str] = KNOWN_LANGS) -> KnownWords:
        """Read ``wordfreq``'s lists (about a second for nine languages).

        ``wordfreq`` keeps its lists in buckets a centibel apart (bucket ``i`` has
        the Zipf frequency ``9 - i/100``), the value ``zipf_frequency`` returns for
        a word of one token, as an ASCII word is.
        """
        import wordfreq  # a runtime dependency, imported only when the table is built

        english: dict[str, float] = {}
        shaped: set[str] = set()
        doubled: dict[str, float] = {}
        for lang in langs:
            for i, bucket in enumerate(wordfreq.get_frequency_list(lang)):
                zipf = round(9 - i / 100, 2)
                for word in bucket:
                    if not _ASCII_WORD.fullmatch(word):
                        continue
                    if lang == "en" and zipf >= COMMON_ZIPF:
                        english[word] = zipf
                    if SHAPE.fullmatch(word):
                        shaped.add(word)
                    if _DOUBLED.fullmatch(word) and zipf > doubled.get(word, 0.0):
                        doubled[word] = zipf
        return cls(english, frozenset(shaped), doubled)


def _build_key() -> str:
    """What the table is built from: ``wordfreq``'s version, the settings and this
    module."""
    from importlib import metadata

    try:
        wordfreq_version = metadata.version("wordfreq")
    except metadata.PackageNotFoundError:  # pragma: no cover - a vendored copy
        wordfreq_version = "?"
    settings = (KNOWN_LANGS, COMMON_ZIPF, SHAPE.pattern, _DOUBLED.pattern)
    return fingerprint(settings, wordfreq_version, [file_stamp(__file__)])


def cached_known_words() -> KnownWords:
    """The table, read from the on-disk cache when an entry built from the same lists
    exists, else built (and stored)."""
    cache = default_cache()
    if cache.folder is None:
        return KnownWords.build()
    key = _build_key()
    entry = cache.load("glued-words", key)
    if isinstance(entry, tuple) and [type(part) for part in entry] == [dict, frozenset, dict]:
        return KnownWords(*entry)
    words = KnownWords.build()
    cache.store("glued-words", key, (words.english, words.shaped, words.doubled))
    return words


@functools.cache
def known_words() -> KnownWords:
    """The shared table (see :func:`cached_known_words`), read once per process."""
    return cached_known_words()
