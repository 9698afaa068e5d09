"""First names misspelt by one letter right before the person's surname ("Ricada Lang").

A capitalized word before a surname is normally somebody else's first name and
keeps the two apart. It is taken as the person's own first name, misspelt, only
when it starts with the same letter and differs from one of the person's first
names by one letter on the folded spelling (a three-letter word only with the
same consonant skeleton: "Eli" for "Elly"); a word that is somebody's first
name in the gazetteer only when the folded spellings are the same (doubled
letters, diacritics: "Mateo Salvini" is Matteo Salvini, "Andriy Zelenskyy" is
not Volodymyr Zelensky).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from .gazetteer import Form, Gazetteer
from .match import fold_name, skeleton

__all__ = ["near_given"]


def near_given(token: str | None, forms: Sequence[Form], gaz: Gazetteer) -> Form | None:
    """The person's first-name form that ``token`` misspells by one letter, if any.

    >>> from mtclean.names.gazetteer import Gazetteer, Person
    >>> gaz = Gazetteer.from_persons([Person("x/r", "Ricarda Lang", "Ricarda", "Lang",
    ...     (("Lang", "canonical"),), (("Ricarda", "canonical"),))])
    >>> forms = gaz.person_givens[0]
    >>> near_given("Ricada", forms, gaz).text, near_given("Rica", forms, gaz)
    ('Ricarda', None)
    """
    if token is None or len(token) < 3 or token.isupper():
        return None
    limit = 0 if token in gaz.given_index else 1  # another person's first name: the same
    folded = fold_name(token)
    for f in forms:
        if " " in f.text or f.kind == "fix":
            continue
        known = fold_name(f.text)
        if known[:1] != folded[:1] or Levenshtein.distance(folded, known, score_cutoff=1) > limit:
            continue
        if len(token) >= 4 or skeleton(token) == skeleton(f.text):
            return f
    return None
