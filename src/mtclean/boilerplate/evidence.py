"""Evidence about one line that does not come from pack patterns.

* **prose**: a line that reads as a paragraph of the article (long, or a sentence
  with its final stop). Prose lines anchor the body: the head zone is everything
  before the first one, the tail zone everything after the last one.
* **sentence-like**: a line of eight words or more that is at least 40% English
  function words reads as a sentence, not as a link or a label.
* **language**: a short line whose function words are another language's and
  none of them English (stoplists of the ``stop-words`` package).
* **widget block**: a run of short cell-like lines, many of them bare numbers
  (an election or score widget flattened one cell per line).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import regex

__all__ = [
    "author_bio",
    "bracketed_foreign",
    "foreign_line",
    "is_prose",
    "is_sentence_like",
    "widget_blocks",
]

#: A line of this many words or more is prose even without a final stop.
PROSE_WORDS = 20
#: A line of this many words or more that ends like a sentence is prose.
SENTENCE_WORDS = 7
_SENTENCE_END = frozenset(".!?…")
#: Closing marks after which the sentence stop comes one character earlier.
_CLOSERS = frozenset('"”’»)')
#: The stoplists consulted for language evidence (``stop-words`` names).
LANGUAGES = (
    "bulgarian", "catalan", "czech", "danish", "dutch", "finnish", "french", "german",
    "greek", "hungarian", "italian", "norwegian", "polish", "portuguese", "romanian",
    "russian", "slovak", "spanish", "swedish", "turkish", "ukrainian",
)  # fmt: skip
_TOKEN = regex.compile(r"\p{L}+")
_NUMBER_CELL = regex.compile(r"[+\-−–]?\s?\d{1,4}(?:[.,]\d{1,2})?\s?%?")
#: Widget blocks: at least this many lines, this many bare numbers among them.
WIDGET_LINES = 8
WIDGET_NUMBERS = 4
WIDGET_NUMBER_SHARE = 0.3
_CELL_CHARS = 40
#: A widget's source caption ("Source: Pollster / Broadcaster"), in the common
#: languages, without a final stop.
_CAPTION = regex.compile(
    r"(?:Sources?|Quelle|Quellen|Fonte|Fonti|Fuente|Fuentes|Bron|Bronnen|Źródło|Sursa|Kaynak)"
    r"\s*:\s*[^.!?]{2,80}",
    regex.IGNORECASE,
)
_CELL_WORDS = 5


_BIO = regex.compile(
    r"(?:\p{Lu}[\p{L}'’.\-]*\s){1,3}is an?\s(?:[\p{L}\-]+,?\s){0,8}?"
    r"(?:author|writer|journalist|editor|reporter|enthusiast|blogger|contributor|columnist"
    r"|analyst|content creator)s?\b[^.!?]{0,100}?\bwith\b"
)
_BIO_STRONG = regex.compile(r"\byears? of experience\b|\bpassion", regex.IGNORECASE)


def author_bio(line: str) -> float:
    """The strength of a line as an author box's bio (0 if it is not one).

    "<Name> is a passionate … writer with …": 0.9 with years of experience or a
    passion, 0.6 otherwise (a profile's last paragraph may read the same).

    >>> author_bio("Ann Example is a seasoned author with over 5 years of experience in news.")
    0.9
    >>> author_bio("Ann Example is a freelance writer with a cat.")
    0.6
    >>> author_bio("Ann Example is a freelance writer based in Leeds.")
    0.0
    """
    if _BIO.match(line) is None:
        return 0.0
    return 0.9 if _BIO_STRONG.search(line) else 0.6


def is_prose(line: str) -> bool:
    """Whether a stripped line reads as a paragraph of running text.

    >>> is_prose("The ministers met on Friday ahead of next week's talks.")
    True
    >>> is_prose("Talks stall in Geneva")
    False
    >>> is_prose("Minister says no to the invitation: “The talks must be in parliament”")
    False
    """
    if not line:
        return False
    n = line.count(" ") + 1
    return n >= PROSE_WORDS or (n >= SENTENCE_WORDS and _ends_sentence(line))


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with a sentence stop, perhaps inside closing quotes.

    A headline that ends with a quotation ("X: “No deal”") does not.

    >>> _ends_sentence("He said: “No deal.”"), _ends_sentence("Minister: “No deal”")
    (True, False)
    """
    last = line[-1]
    if last in _SENTENCE_END or last not in _CLOSERS:
        return last in _SENTENCE_END
    end = len(line) - 1
    while end > 0 and line[end] in _CLOSERS:
        end -= 1
    return line[end] in _SENTENCE_END


@functools.lru_cache(maxsize=1)
def _stoplists() -> tuple[frozenset[str], frozenset[str]]:
    """English function words, and the other languages' function words that are not English."""
    from stop_words import get_stop_words  # type: ignore[import-untyped]

    english = frozenset(get_stop_words("english"))
    other: set[str] = set()
    for lang in LANGUAGES:
        other.update(w for w in get_stop_words(lang) if len(w) > 1)
    return english, frozenset(other - english)


def is_sentence_like(line: str) -> bool:
    """Whether a line of eight words or more is mostly English function words.

    >>> is_sentence_like("Read more about the history of the bridge in the museum archive")
    True
    >>> is_sentence_like("See also  The owner of a funeral home faces prison")
    False
    """
    words = _TOKEN.findall(line)
    if len(words) < 8 or ":" in line or "|" in line or any(w[0].isupper() for w in words[1:]):
        return False
    words = [w.lower() for w in words]
    english, _ = _stoplists()
    return sum(w in english for w in words) >= 0.4 * len(words)


def foreign_line(line: str) -> bool:
    """Whether a short line's function words are another language's, none English.

    >>> foreign_line("Scrivi alla redazione del giornale")
    True
    >>> foreign_line("Leave a comment for the editors")
    False
    >>> foreign_line("Ove")  # a word cut off, or a name
    False
    """
    words = _TOKEN.findall(line.lower())
    if len(words) < 2 or len(words) > 12:  # one word is too little to tell
        return False
    english, other = _stoplists()
    if any(w in english for w in words):
        return False
    return sum(w in other for w in words) >= max(1, len(words) // 4)


def bracketed_foreign(line: str) -> bool:
    """Whether a whole line in brackets is in another language: a site's note
    ("[If you want the news on your phone …]") left untranslated.

    At least a quarter of its words are another language's function words, and
    English ones are fewer than a third of those.

    >>> bracketed_foreign("[Wenn Sie die Nachrichten auf Ihr Handy haben wollen, laden Sie sie.]")
    True
    >>> bracketed_foreign("[The minister, in Berlin, said: wir schaffen das.]")
    False
    >>> bracketed_foreign("Wenn Sie die Nachrichten auf Ihr Handy haben wollen")
    False
    """
    if len(line) < 2 or line[0] not in "[(" or line[-1] not in ")]" or len(line) > 600:
        return False
    words = _TOKEN.findall(line.lower())
    if len(words) < 4:
        return False
    english, other = _stoplists()
    foreign = sum(w in other for w in words)
    return foreign >= len(words) / 4 and 3 * sum(w in english for w in words) < foreign


def _cell(line: str) -> bool:
    return (
        len(line) <= _CELL_CHARS and line.count(" ") < _CELL_WORDS and line[-1] not in ".!?:"
    ) or _NUMBER_CELL.fullmatch(line) is not None


def widget_blocks(stripped: Sequence[str]) -> list[range]:
    """Runs of lines (blank lines inside allowed) that form a flattened widget, with
    the source caption right under it.

    >>> cells = ["Results", "", "Party A", "37.2", "-1.5", "Party B", "9.6", "+2", "Other", "5"]
    >>> widget_blocks(["A sentence of prose that ends here with a stop.", *cells])
    [range(1, 11)]
    >>> widget_blocks(["Apples", "Pears", "Plums", "Figs", "Kiwis", "Limes", "Dates", "Nuts"])
    []
    >>> widget_blocks([*cells, "", "Source: Pollster Group / Example Broadcasting", "Prose."])
    [range(0, 12)]
    """
    blocks: list[range] = []
    start: int | None = None
    count = numbers = 0
    last = -1
    for i, line in enumerate([*stripped, "."]):
        if not line:
            continue
        if i < len(stripped) and _cell(line):
            if start is None:
                start, count, numbers = i, 0, 0
            count += 1
            numbers += _NUMBER_CELL.fullmatch(line) is not None
            last = i
            continue
        if start is not None:
            if (
                count >= WIDGET_LINES
                and numbers >= WIDGET_NUMBERS
                and numbers >= WIDGET_NUMBER_SHARE * count
            ):
                end = last + 1
                if i < len(stripped) and _CAPTION.fullmatch(line):
                    end = i + 1  # the box's source caption under it
                blocks.append(range(start, end))
            start = None
    return blocks
