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

Names English writes without an article lose the one the source language gave them,
unless the name modifies a noun after it:

>>> agree("Leaders of the Navo met.", 15, 19, "NATO", 0)
(11, 19, 'NATO')
>>> agree("The Navo said no.", 4, 8, "NATO", 0)
(0, 8, 'NATO')
>>> agree("At the Navo summit.", 7, 11, "NATO", 0)
(7, 11, 'NATO')
>>> agree("He drew the Navo red lines.", 12, 16, "NATO", 0)
(12, 16, 'NATO')

A rule whose match takes in the article ("the OTAN" -> "NATO") keeps it where the name
it puts in modifies a noun after it:

>>> agree("At the OTAN summit.", 3, 11, "NATO", 0)
(7, 11, 'NATO')
>>> agree("They joined the OTAN.", 12, 20, "NATO", 0)
(12, 20, 'NATO')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from ..core import Edit
from ..wordlists import word_list

__all__ = ["agree", "grammatical_edits", "wants_an"]

# Words spelled with a vowel but said with a consonant, and the reverse (lower case).
_CONSONANT_SOUND = ("one", "once", "uni", "use", "usu", "uti", "eu", "ewe", "ufo", "ura", "uro")
_VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir")
_LETTER_VOWEL_SOUND = frozenset("AEFHILMNORSX")  # initialisms said letter by letter: an MP

_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])([Aa]n?) \Z", regex.REVERSE)
_SENTENCE_BEFORE = regex.compile(r"(?:^|[.!?]\s+|\n\s*)\Z", regex.REVERSE)
_THE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])([Tt]he) \Z", regex.REVERSE)
_THE_LEAD = regex.compile(r"[Tt]he ")
_LOWER_WORD_NEXT = regex.compile(r"\s+\p{Ll}")
_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])(\p{L}+) \Z", regex.REVERSE)
#: Per source language, its definite articles that machine translation leaves before
#: a word it did not translate ("Die Bundesregierung" -> "Die federal government"): at
#: a sentence start any of the first (English writes none of them there), inside a
#: sentence only the second, which English never writes.
_SOURCE_ARTICLES = {
    lang: (frozenset(anywhere.split()) | frozenset(inside.split()), frozenset(inside.split()))
    for lang, anywhere, inside in (
        ("de", "die das den dem des", "der dem"),
        ("nl", "de", "het"),
        ("fr", "le la les", ""),
        ("es", "el la las", "los"),
        ("it", "il lo la le", "gli"),
        ("pt", "os", ""),
    )
}
_ARTICLES = frozenset(
    {"the", "a", "an", "der", "die", "das", "de", "het", "le", "la", "les", "el", "los", "las"}
    | {"il", "lo", "gli"}
)
# After an article-free name, what shows the name is the head of its phrase, not a
# modifier: the end of the text or a clause punctuation mark, a function word (pronoun,
# determiner, preposition, conjunction, adverb of time), an auxiliary, a common verb in
# the present tense, or a verb in the past tense (regular, or a common irregular one).
_NAME_IS_HEAD = regex.compile(
    r"""\s*(?:\Z|[.,;:!?)\]]|["”’](?!\p{L})
    |(?:is|was|has|had|have|will|would|can|could|should|must|may|might|does|did
      |and|or|but|of|in|on|at|to|for|with|from|by|as|that|which|who|whose|itself
      |he|she|it|they|we|you|i|him|her|them|us|me|his|its|their|our|this|these|those
      |a|an|the|there|then|now|also|not|never|yesterday|today|tomorrow|again|still
      |last|next|earlier|later|recently|already|soon|so|if|when|where|whether|than|nor|yet
      |after|before|because|while|during|since|until|against|over|under|into|about|without
      |within|between|through|among|amid|despite|towards|toward|via|per|plus|both|either
      |wants|warns|needs|plans|calls|sees|agrees|leads|remains|faces|expects|takes
      |makes|gives|seeks|urges|insists|demands|fears|believes|announces|decides|continues
      |considers|holds|spends|asks|tells|hopes|aims|argues|claims|denies|accuses|rejects
      |said|says|say|told|made|took|gave|sent|met|held|began|spoke|wrote|chose|became
      |came|went|saw|knew|thought|brought|kept|found|put|set|won|lost|paid
      |left|rose|fell|ran|led|got|stood|felt|heard|meant|let|cut|hit|quit|sought|fought
      |built|spent|sold|bought|caught|drew|grew|threw|broke|struck|shot|fled|upheld
      |withdrew|understood
      |(?!(?:speed|greed|breed|creed|bleed|steed|tweed|hundred|sacred|naked|wicked|rugged
           |kindred|proceed|succeed|exceed|feed|need|seed|weed)\b)\p{Ll}{3,}ed)
     (?![\p{L}\p{M}\p{N}'’-]))""",
    regex.VERBOSE,
)


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


def _article_free(replacement: str) -> bool:
    """Whether ``replacement`` is a name English writes without an article (one of
    ``article-free-names``: not every acronym, as "the EU", "the MP" show).

    >>> [_article_free(r) for r in ("NATO", "EU", "Der Spiegel", "Mr")]
    [True, False, False, False]
    """
    return replacement in word_list("article-free-names")


def _source_article(text: str, start: int, floor: int, lang: str) -> regex.Match[str] | None:
    """The source language's article right before ``text[start:]``, if it is one (see
    :data:`_SOURCE_ARTICLES`)."""
    articles = _SOURCE_ARTICLES.get(lang)
    if articles is None:
        return None
    before = _WORD_BEFORE.search(text, max(floor, start - 5), start)
    if before is None:
        return None
    word = before.group(1)
    if word.lower() in articles[1] and word.islower():
        return before
    sentence = _SENTENCE_BEFORE.search(text, max(floor, before.start() - 3), before.start())
    if word[0].isupper() and word[1:].islower() and word.lower() in articles[0] and sentence:
        return before
    return None


def agree(
    text: str, start: int, end: int, replacement: str, floor: int, lang: str = ""
) -> tuple[int, int, str]:
    """The edit ``text[start:end] -> replacement`` with the article before it and a
    sentence-initial capital made right; never reaching back before ``floor``. With the
    rule's source language ``lang``, that language's article left before it becomes
    "the" (or goes, before a name English writes without one).

    >>> agree("Die Bundesregierung met.", 4, 19, "federal government", 0, "de")
    (0, 19, 'The federal government')
    >>> agree("Die Nato met.", 4, 8, "NATO", 0, "de")
    (0, 8, 'NATO')
    """
    if not replacement:
        return start, end, replacement
    source = _source_article(text, start, floor, lang)
    if source is not None and replacement.split(" ", 1)[0].lower() not in _ARTICLES:
        if _article_free(replacement):
            return source.start(1), end, replacement
        article = "The" if source.group(1)[0].isupper() else "the"
        return source.start(1), end, f"{article} {replacement}"
    lead = _THE_LEAD.match(text, start, end)
    if (
        lead is not None
        and _article_free(replacement)
        and _LOWER_WORD_NEXT.match(text, end) is not None
        and _NAME_IS_HEAD.match(text, end) is None
    ):
        return lead.end(), end, replacement  # "the OTAN summit": "the" belongs to "summit"
    if _article_free(replacement):
        the = _THE_BEFORE.search(text, max(floor, start - 5), start)
        if the is not None and _NAME_IS_HEAD.match(text, end) is not None:
            return the.start(1), end, replacement
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


def grammatical_edits(text: str, chosen: Iterable[Any]) -> tuple[Edit, ...]:
    """The edits of the chosen fixing candidates (with ``start``, ``end``, ``replacement``
    and ``rule``), each with the grammar around it fixed."""
    out: list[Edit] = []
    floor = 0
    for c in chosen:
        if c.rule.action != "fix" or c.replacement == text[c.start : c.end]:
            continue
        start, end, replacement = agree(
            text, c.start, c.end, c.replacement, floor, c.rule.source_lang
        )
        out.append(Edit(start, end, replacement, c.rule.full_id, c.rule.message))
        floor = end
    return tuple(out)
