"""Source-language evidence: function words that English text never contains.

Each list holds frequent words of one source language that are not English
words, not common in English names and not used as loanwords, so finding them
in an English text means a sentence or a word slipped through untranslated.
They serve three purposes: deciding the source language when none is given,
skipping lines that are still in the source language (a quoted passage is
left alone), and reporting leftover words as findings.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import regex

__all__ = [
    "GLUE_WORDS",
    "LANG_NAMES",
    "LEFTOVER_WORDS",
    "glue_re",
    "leftover_bounded",
    "leftover_by_lang",
    "leftover_count",
    "leftover_re",
    "phrase_re",
    "source_share",
    "word_count",
]

#: The languages whose leftover words mtclean knows (see :data:`LEFTOVER_WORDS`).
LANG_NAMES = {
    "nl": "Dutch",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "pl": "Polish",
    "ro": "Romanian",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


LEFTOVER_WORDS: dict[str, frozenset[str]] = {
    "nl": _words(
        "het een niet ook maar wordt worden werd zijn hebben heeft hadden naar voor "
        "deze dit wij zij hij geen nog wel tussen uit bij zou zouden kunnen moet "
        "moeten volgens tegen alleen zegt zei omdat toen daarom echter waren welke "
        "wordt wel zich haar jaar jaren ongeveer vanwege tijdens nadat bovendien "
        "gisteren vandaag morgen kabinet overheid regering"
    ),
    "de": _words(
        "und nicht ist auf sich dem ein eine einen einer auch wird werden wurde "
        "wurden nach bei noch oder aber über für zum zur dass sind haben hatte hatten "
        "sagte laut gegen zwischen schon sowie bereits seit jedoch diese dieser dieses "
        "heute gestern morgen unter während wegen seine ihre ihren jahr jahren etwa "
        "bundesregierung regierung"
    ),
    "fr": _words(
        "une dans qui sur avec sont mais cette ces leur "
        "été très ont selon depuis entre lors "
        "aussi comme donc alors ainsi notamment toujours jamais "
        "vous ils elles sera seront était avait hier aujourd'hui gouvernement "
        "ministre année années"
    ),
    "es": _words(
        "una por como pero más fue está están también "
        "según entre sobre desde muy ser sido tiene tienen había dijo durante "
        "cuando donde porque aunque además después antes ayer "
        "gobierno ministro año años esta estos estas"
    ),
    "it": _words(
        "il delle degli dei una sono anche nel nella nelle alla "
        "dalla dallo questo questa questi quella quello più essere stato stata "
        "hanno aveva secondo tra dopo durante contro ancora perché "
        "quando mentre però già oggi ieri domani governo ministro anni "
        "sul sulla"
    ),
    "pt": _words(
        "uma não também pelo pela pelos pelas mais foi está estão são ser sido tem têm "
        "ainda depois segundo entre sobre desde muito quando onde porque embora além "
        "ontem hoje governo ministro ano anos disse isso esta este estes estas"
    ),
    "pl": _words(
        "nie jest się że oraz ale jak tak już jego jej ich przez przy dla został "
        "została zostały było były będzie może tylko jednak według podczas również "
        "wczoraj dzisiaj rząd minister roku latach które który która"
    ),
    "ro": _words(
        "și este sunt care pentru această acest acesta fost fi dar mai către despre "
        "după prin între când unde pentru că însă ieri astăzi guvernul ministrul anul "
        "anii spus potrivit foarte trebuie"
    ),
}

#: Articles and prepositions that join the words of a source-language name
#: ("Handelsblad van Antwerpen", "Hôtel d'Angleterre", "Università di Roma"). A term
#: right after one of them, itself after a capitalised word, belongs to that name.
GLUE_WORDS: dict[str, frozenset[str]] = {
    "nl": _words("van der den het de voor op aan uit"),
    "de": _words("von der des die das am zum zur vom im"),
    "fr": _words("de du des la le les d l aux en sur"),
    "es": _words("de del la el los las y"),
    "it": _words("di del della dei degli delle la il lo d dell da dal dalla"),
    "pt": _words("de do da dos das o a os as e"),
    "pl": _words("i w z na do"),
    "ro": _words("de din la al a ai ale lui și"),
}

#: Glue words that are not English words: a term right after one of them is part of
#: a source-language phrase even without a capitalised word before ("cose di Francia").
_ENGLISH_GLUE = frozenset(("die", "am", "en", "op", "in", "on", "y", "d", "l"))

#: Words that mark a quotation or phrase as source-language text (with the leftovers).
_PHRASE_EXTRA: dict[str, frozenset[str]] = {
    "nl": _words("de van en in op is dat wat er te"),
    "de": _words("der die das den des ein und im am es gott"),
    "fr": _words("la le les de du des et est c'est c’est vive notre votre en un"),
    "es": _words("el la los las de del y en es que un viva"),
    "it": _words("il la lo le di del della e è che un viva"),
    "pt": _words("o a os as de do da e é que um viva"),
    "pl": _words("i w z na do to co"),
    "ro": _words("de din la și în că un o"),
}

# The standard library's engine: word splitting runs on every candidate's line.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@functools.cache
def leftover_re(lang: str) -> regex.Pattern[str]:
    """A compiled pattern matching the leftover words of ``lang`` as whole words.

    >>> [m.group() for m in leftover_re("nl").finditer("He said niet and Het.")]
    ['niet', 'Het']
    >>> leftover_re("nl").search("Hetty and the net") is None
    True
    """
    words = sorted(LEFTOVER_WORDS.get(lang, ()), key=len, reverse=True)
    body = "|".join(regex.escape(w) for w in words) or r"(?!x)x"
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}'’])(?i:{body})(?![\p{{L}}\p{{M}}\p{{N}}'’])")


def _joins_word(c: str) -> bool:
    return c.isalnum() or c in "'’" or unicodedata.category(c)[0] == "M"


def leftover_bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone as :func:`leftover_re` requires.

    Letters, digits, marks and apostrophes on either side make it part of a longer
    word ("d'une", "l'uno").

    >>> leftover_bounded("het plan", 0, 3), leftover_bounded("d'une", 2, 5)
    (True, False)
    """
    if start > 0 and _joins_word(text[start - 1]):
        return False
    return not (end < len(text) and _joins_word(text[end]))


def _alternation(words: frozenset[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


@functools.cache
def phrase_re(lang: str) -> regex.Pattern[str]:
    """Leftover words plus articles and prepositions: marks a source-language phrase.

    >>> bool(phrase_re("fr").search("Vive la")), bool(phrase_re("fr").search("Long live"))
    (True, False)
    """
    words = LEFTOVER_WORDS.get(lang, frozenset()) | _PHRASE_EXTRA.get(lang, frozenset())
    body = _alternation(words)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?i:{body})(?![\p{{L}}\p{{M}}\p{{N}}])")


@functools.cache
def glue_re(lang: str) -> regex.Pattern[str]:
    """Matches, at the end of a line's head, a capitalised word and a glue word.

    >>> bool(glue_re("nl").search("the Handelsblad van ")), bool(glue_re("nl").search("in "))
    (True, False)
    >>> bool(glue_re("fr").search("Hôtel d’"))
    True
    """
    glue = GLUE_WORDS.get(lang, frozenset())
    body = _alternation(glue)
    strict = _alternation(glue - _ENGLISH_GLUE)
    return regex.compile(
        rf"\p{{Lu}}[\p{{L}}\p{{M}}]*[ -]+(?:{body})(?: |['’])\Z|\p{{L}}-\Z|"
        rf"(?<![\p{{L}}\p{{M}}])(?i:{strict}) \Z|"
        rf"(?<![\p{{L}}\p{{M}}])(?:d|l|dell|all|dall|nell|sull)['’]\Z",
        regex.REVERSE,  # anchored at the end: searched backwards
    )


def leftover_by_lang(text: str) -> dict[str, set[str]]:
    """The distinct leftover words of each source language found in ``text`` (one pass).

    >>> {lang: sorted(words) for lang, words in leftover_by_lang("Het is niet und nicht").items()}
    {'nl': ['het', 'niet'], 'de': ['nicht', 'und']}
    """
    words = set(_WORD_RE.findall(text.lower()))
    found = {lang: set(vocab & words) for lang, vocab in LEFTOVER_WORDS.items()}
    return {lang: w for lang, w in found.items() if w}


def leftover_count(text: str, lang: str) -> tuple[int, int]:
    """How many of the words of ``text`` are leftover words of ``lang``, and how many words.

    >>> leftover_count("Het is niet de bedoeling", "nl")
    (2, 5)
    """
    vocab = LEFTOVER_WORDS.get(lang, frozenset())
    words = _WORD_RE.findall(text.lower())
    return sum(w in vocab for w in words), len(words)


def word_count(text: str) -> int:
    """Number of words in ``text``.

    >>> word_count("NATO's new members, 2024")
    3
    """
    return len(_WORD_RE.findall(text))


def source_share(text: str, lang: str) -> float:
    """Share of the words of ``text`` that are leftover words of ``lang`` (0 if no words).

    >>> source_share("Het is niet de bedoeling", "nl")
    0.4
    >>> source_share("It is not the intention", "nl")
    0.0
    """
    hits, total = leftover_count(text, lang)
    return hits / total if total else 0.0
