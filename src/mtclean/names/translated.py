"""Surnames machine translation turned into common words ("Meloni" -> "Melons").

Such a rendering is a name only with evidence. Right after the person's first
name or role the scan itself takes it (``Giorgia Melons``); this module adds the
document-wide evidence: the person is also named correctly in the same text
(``Meloni said ... Melons and Schlein``). The rendering must then stand alone
as a name: not inside a longer capitalized name ("Edinburgh Castle", "Stephen
Long"), not after an article or possessive ("the Block", "his Lock"), and a
phrase that starts with an article ("the Mayor") not followed by "of".
Renderings without evidence are at most findings.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .evidence import after_determiner, overlaps, prev_word, sentence_start
from .gazetteer import Gazetteer
from .match import TOKEN_RE, is_name_boundary
from .words import TITLES

__all__ = ["named_in", "phrase_people", "translated_mentions"]


def phrase_people(gaz: Gazetteer, phrase: str) -> tuple[int, ...]:
    """The people whose surname ``phrase`` is a translation of."""
    options = gaz.translations.get(phrase.split(" ", 1)[0], ())
    return tuple(p for text, p in options if text == phrase)


def named_in(text: str, gaz: Gazetteer, person: int) -> bool:
    """Whether a correct (canonical or accepted) surname spelling of ``person`` occurs in
    ``text`` (a substring test: a precheck, the scan decides)."""
    return any(
        f.kind != "fix" and f.text in text for f in gaz.person_surnames[person] if len(f.text) > 2
    )


def _stands_alone(text: str, s: int, e: int, phrase: str, gaz: Gazetteer) -> bool:
    """Whether the rendering at ``text[s:e]`` reads as a name of its own."""
    if not (is_name_boundary(text, s - 1) and is_name_boundary(text, e)):
        return False
    before = prev_word(text, s)
    if not (
        before is None
        or before in TITLES
        or before in gaz.role_index
        or sentence_start(text, s - 1 - len(before))  # "Later Baker said"
    ):
        return False  # inside a longer name ("Tom Baker")
    if phrase[:1].isupper() and after_determiner(text, s):
        return False
    if e < len(text) and text[e] == " ":
        if TOKEN_RE.match(text, e + 1) is not None:
            return False  # a longer name goes on ("Miller Street")
        if not phrase[:1].isupper() and text.startswith("of ", e + 1):
            return False  # "the Mayor of Lyon"
    return True


def translated_mentions(
    text: str,
    gaz: Gazetteer,
    named: Mapping[int, list[tuple[int, int]]],
    starts: list[int],
    reach: list[int],
) -> Iterator[tuple[int, int, int, str]]:
    """``(start, end, person, phrase)`` of every translated surname of the ``named`` people
    standing alone inside the spans where they are named (a window around each correct
    mention) and outside the spans already taken (``starts``/``reach`` as in
    :func:`~mtclean.names.evidence.overlaps`)."""
    for p, spans in sorted(named.items()):
        for phrase in gaz.persons[p].translated_as:
            words = phrase.split(" ")
            if words[-1][:1].islower() or (len(words) > 1 and words[0] != "the"):
                continue  # only "Melons" or "the Mayor" read as a name on their own
            if len(set(phrase_people(gaz, phrase)) & named.keys()) != 1:
                continue  # the rendering of several people: no evidence picks one
            for a, b in spans:
                s = text.find(phrase, a, b)
                while s >= 0:
                    e = s + len(phrase)
                    if not overlaps(starts, reach, s, e) and _stands_alone(text, s, e, phrase, gaz):
                        yield s, e, p, phrase
                    s = text.find(phrase, e, b)
