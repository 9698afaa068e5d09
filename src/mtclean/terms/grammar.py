"""Grammar after a replacement, made part of the same change.

A replacement can leave the words around it wrong: the indefinite article before
it (``a emergency debate`` after ``spoeddebat`` -> ``emergency debate``), or a
lower-case word at the start of a sentence. :func:`agree` widens an edit to cover
the article and fixes both.

>>> agree("It was a spoeddebat.", 9, 19, "emergency debate", 0)
(7, 19, 'an emergency debate')
>>> agree("It was an kort geding.", 10, 21, "court order", 0)
(7, 21, 'a court order')
>>> agree("Groen won. Wethouder Jansen spoke.", 11, 20, "alderman", 0)
(11, 20, 'Alderman')
>>> agree("The wethouder spoke.", 4, 13, "alderman", 0)
(4, 13, 'alderman')
>>> agree("The Kamer met.", 4, 9, "House", 0)
(4, 9, 'House')
"""

from __future__ import annotations

import regex

__all__ = ["agree", "wants_an"]

# Words spelled with a vowel but said with a consonant, and the reverse (lower case).
_CONSONANT_SOUND = ("one", "once", "uni", "use", "usu", "uti", "eu", "ewe", "ufo", "ura", "uro")
_VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir")
_LETTER_VOWEL_SOUND = frozenset("AEFHILMNORSX")  # initialisms said letter by letter: an MP

_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])([Aa]n?) \Z", regex.REVERSE)
_SENTENCE_BEFORE = regex.compile(r"(?:^|[.!?]\s+|\n\s*)\Z", regex.REVERSE)


def wants_an(phrase: str) -> bool:
    """Whether ``phrase`` takes "an" rather than "a" (by how its first word sounds).

    >>> [wants_an(w) for w in ("emergency", "union", "hour", "MP", "NATO summit", "EU", "car")]
    [True, False, True, True, False, True, False]
    """
    word = phrase.split(" ", 1)[0]
    if not word:
        return False
    letters = regex.sub(r"[^\p{L}]", "", word)
    if 2 <= len(letters) <= 3 and letters.isupper():
        return letters[0] in _LETTER_VOWEL_SOUND  # said letter by letter: "an MP", "a BBC"
    low = word.lower()
    if low.startswith(_VOWEL_SOUND):
        return True
    if low.startswith(_CONSONANT_SOUND):
        return False
    return low[:1] in "aeiou"


def agree(text: str, start: int, end: int, replacement: str, floor: int) -> tuple[int, int, str]:
    """The edit ``text[start:end] -> replacement`` with the article before it and a
    sentence-initial capital made right; never reaching back before ``floor``."""
    if not replacement:
        return start, end, replacement
    before = _ARTICLE_BEFORE.search(text, max(floor, start - 4), start)
    if before is not None and text[start:end] and replacement[:1].isalpha():
        article = before.group(1)
        right = "an" if wants_an(replacement) else "a"
        if article.lower() != right:
            fixed = right.capitalize() if article[0].isupper() else right
            return before.start(1), end, f"{fixed} {replacement}"
    if (
        replacement[0].islower()
        and text[start : start + 1].isupper()
        and _SENTENCE_BEFORE.search(text, max(floor, start - 3), start) is not None
    ):
        return start, end, replacement[0].upper() + replacement[1:]
    return start, end, replacement
