"""The spelling policy: which spelling of a person all mentions in one text converge on.

* ``canonical``: the gazetteer's spelling, always;
* ``dominant``: the text's most frequent legitimate spelling (ties: the gazetteer's);
* ``default``: like ``dominant``, but a native spelling is never stripped of its
  diacritics: when the text also writes the person with them ("Erdoğan" beside
  "Erdogan", "Söder" beside "Soeder"), the native form wins.

A text that uses one legitimate spelling keeps it in every style but ``canonical``;
a text that uses none (only misspellings) takes the gazetteer's spelling.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections import Counter

__all__ = ["mixed_diacritics", "plain_forms", "target_spelling"]

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "ı": "i"})


@functools.lru_cache(maxsize=4096)
def plain_forms(name: str) -> frozenset[str]:
    """The ASCII spellings a native ``name`` loses its diacritics to.

    >>> sorted(plain_forms("Söder")), sorted(plain_forms("Erdoğan")), plain_forms("Rutte")
    (['Soder', 'Soeder'], ['Erdogan'], frozenset())
    """
    if name.isascii():
        return frozenset()
    out = set()
    for table in (_LETTERS, _GERMAN):
        decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS).translate(table))
        out.add("".join(c for c in decomposed if not unicodedata.combining(c)))
    return frozenset(out)


def target_spelling(canonical: str, good: Counter[str], style: str) -> str:
    """The spelling a person's mentions converge on, given the legitimate spellings
    (canonical or accepted) the text uses and how often.

    >>> target_spelling("Erdogan", Counter({"Erdogan": 3, "Erdoğan": 2}), "default")
    'Erdoğan'
    >>> target_spelling("Erdogan", Counter({"Erdogan": 3, "Erdoğan": 2}), "dominant")
    'Erdogan'
    >>> target_spelling("Zelensky", Counter({"Zelenskyy": 1, "Zelenskiy": 1}), "default")
    'Zelensky'
    >>> target_spelling("Zelensky", Counter({"Zelenskyy": 2, "Zelensky": 1}), "default")
    'Zelenskyy'
    """
    if style == "canonical" or not good:
        return canonical
    top = max(good.values())
    tied = [s for s in good if good[s] == top]
    chosen = canonical if canonical in tied or len(tied) > 1 else tied[0]
    if style == "default":
        for spelling in good:
            if spelling != chosen and chosen in plain_forms(spelling):
                return spelling
    return chosen


def mixed_diacritics(name: str) -> list[str]:
    """Spellings of a several-word ``name`` with diacritics on some words but not all:
    a writer who keeps them for one word keeps them for every word.

    >>> mixed_diacritics("José María"), mixed_diacritics("Olaf"), mixed_diacritics("Jan Peter")
    (['José Maria', 'Jose María'], [], [])
    """
    if " " not in name or name.isascii():
        return []
    options = [[w, *sorted(plain_forms(w) - {w})] if not w.isascii() else [w] for w in name.split()]
    out = [" ".join(words) for words in itertools.product(*options)]
    plain = plain_forms(name)
    return [t for t in out if t != name and t not in plain]
