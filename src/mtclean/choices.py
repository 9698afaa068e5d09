"""The closed choices of mtclean's options, defined once as ``Literal`` types.

The tuples beside each type list its values; options validate against them and
the command line offers them as ``choices``.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "NAME_STYLES",
    "QUOTE_STYLES",
    "REPEATED_PARAGRAPHS",
    "NameStyle",
    "QuoteStyle",
    "RepeatedParagraphs",
]

QuoteStyle = Literal["straight", "curly", "dominant"]
#: ``default``: keep a document's one spelling, unify mixed ones to the canonical;
#: ``canonical``: every mention takes the gazetteer's spelling;
#: ``dominant``: mixed spellings take the document's most frequent one.
NameStyle = Literal["default", "canonical", "dominant"]
RepeatedParagraphs = Literal["report", "remove"]

QUOTE_STYLES: tuple[QuoteStyle, ...] = get_args(QuoteStyle)
NAME_STYLES: tuple[NameStyle, ...] = get_args(NameStyle)
REPEATED_PARAGRAPHS: tuple[RepeatedParagraphs, ...] = get_args(RepeatedParagraphs)
