"""Context conditions of term rules, compiled once per rule.

A candidate match ``text[start:end]`` is kept only if every condition of its
rule holds. All conditions look at the match's own line (text between two
newlines), so a rule never reacts to a distant paragraph.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from ..rulepacks.budget import UNBOUNDED, Budget
from .lang import glue_re, leftover_count, phrase_re, word_count
from .vocab import VOCAB_LANGS, foreign_vocab

__all__ = [
    "CAPTION_MAX_WORDS",
    "OUTLET_RE",
    "Context",
    "in_quoted_source",
    "in_source_name",
    "is_caption_line",
    "is_glossed",
    "is_mention",
    "source_line",
]

#: A line with at least this many source-language words, making up at least this share
#: of its words, is still in the source language: rules leave it alone.
MIN_SOURCE_WORDS = 3
MIN_SOURCE_SHARE = 0.25
#: A line whose words are at least this share common words of the source language that
#: are not English (by word frequency, :mod:`mtclean.terms.vocab`) is in that language.
MIN_FOREIGN_SHARE = 0.3

#: A caption or credit line has at most this many words.
CAPTION_MAX_WORDS = 40

#: News agencies, photo agencies and newspapers that end a credit line ("... / ANP").
OUTLET_RE = regex.compile(
    r"(?:\b(?:ANP|AFP|AP|Reuters|EPA|EFE|ANSA|dpa|DPA|Belga|Getty(?: Images)?|Shutterstock|"
    r"Hollandse Hoogte|Imageselect|Europa Press|LaPresse|Keystone|Xinhua|TASS|"
    r"NurPhoto|SOPA Images|Alamy|picture alliance|Agence France-Presse|"
    r"Associated Press|Ansa|(?:de )?Volkskrant|NRC|Trouw|AD|Het Parool|De Telegraaf|NOS|"
    r"Le Monde|Le Figaro|Libération|El País|El Mundo|ABC|La Vanguardia|"
    r"Corriere della Sera|La Repubblica|La Stampa|Der Spiegel|Spiegel|FAZ|"
    r"Süddeutsche Zeitung|Die Zeit|Bild|ZDF|ARD|RTL|VRT|RAI|TVE)"
    r"|\b(?:[Pp]hoto|[Ii]mage|[Pp]icture)s?)\s*[.)]?\s*$"
)

_QUOTE_PAIRS = {"“": "”", "„": "“", "«": "»", '"': '"', "‘": "’", "‚": "‘"}
_QUOTE_RE = regex.compile(
    r"“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|\"[^\"\n]*\"|‚[^‘’\n]*[‘’]|(?<!\w)_[^_\n]+_(?!\w)"
)


def is_caption_line(line: str) -> bool:
    """Whether ``line`` has the shape of a photo caption or credit line.

    Short, and either contains " / " (caption / credit) or ends with an agency or
    outlet name.

    >>> is_caption_line("Soldiers near Kyiv. Statue of Anna Bos / de Volkskrant")
    True
    >>> is_caption_line("The Statue of Liberty stands on Liberty Island in New York Harbor.")
    False
    """
    stripped = line.strip()
    if not stripped or word_count(stripped) > CAPTION_MAX_WORDS:
        return False
    return " / " in stripped or OUTLET_RE.search(stripped) is not None


def in_quoted_source(text: str, start: int, end: int, line: tuple[int, int], lang: str) -> bool:
    """Whether the match sits inside quotes that hold other source-language words.

    A quoted source-language name ("De NAVO en wij") is a title or a quotation and
    stays as written; a quoted single leftover ("Navuled") is still fixed.

    >>> t = 'the book "Het boek van de Navo" came out'
    >>> in_quoted_source(t, t.index("Navo"), t.index("Navo") + 4, (0, len(t)), "nl")
    True
    >>> t = 'not a "Navuled" state'
    >>> in_quoted_source(t, 7, 14, (0, len(t)), "nl")
    False
    """
    if not lang:
        return False
    for m in _QUOTE_RE.finditer(text, line[0], line[1]):
        if m.start() < start and end < m.end():
            inside = text[m.start() + 1 : start] + " " + text[end : m.end() - 1]
            if phrase_re(lang).search(inside):
                return True
    return False


def in_source_name(text: str, start: int, line: tuple[int, int], lang: str) -> bool:
    """Whether the match continues a source-language name or compound before it.

    >>> t = "quoted from the Handelsblad van Antwerpen"
    >>> in_source_name(t, t.index("Antwerpen"), (0, len(t)), "nl")
    True
    >>> t = "the port of Antwerpen"
    >>> in_source_name(t, t.index("Antwerpen"), (0, len(t)), "nl")
    False
    """
    if not lang or start == line[0] or not text[start].isupper():
        return False
    return glue_re(lang).search(text, max(line[0], start - 60), start) is not None


#: Constructs whose meaning depends on the direction of matching: backreferences,
#: conditionals, atomic groups, possessive quantifiers, ``\G``, fuzzy matching
#: (found conservatively: a pattern with one is searched forwards).
_DIRECTIONAL = regex.compile(r"\\[1-9gkG]|\(\?P=|\(\?\(|\(\?>|[*+?]\+|\{[\d,]*\}\+|\{[eisd]")


def _patterns(value: Any, *, backwards: bool = False) -> tuple[regex.Pattern[str], ...]:
    """Compile ``value``'s patterns; ``backwards``: searched from the end when that is safe.

    >>> [p.flags & regex.REVERSE > 0 for p in _patterns(["said", "(?>a+)a"], backwards=True)]
    [True, False]
    """
    if value is None:
        return ()
    items = value if isinstance(value, tuple | list) else (value,)
    return tuple(
        regex.compile(p, regex.REVERSE if backwards and not _DIRECTIONAL.search(p) else 0)
        for p in items
    )


@dataclass(frozen=True)
class Context:
    """The compiled context conditions of one rule (all optional).

    ``before``/``not_before``: patterns that must / must not end right before the
    match (spaces between are allowed); ``after``/``not_after``: patterns that must
    / must not start right after it; ``line_has``/``not_line_has``: patterns one of
    which must / none of which may occur in the line; ``unless``: patterns whose
    matches protect the spans they cover; ``position``: ``"line"``,
    ``"line_start"`` or ``"line_end"``; ``line_shape``: ``"caption"`` (a photo
    caption or credit line).
    """

    before: tuple[regex.Pattern[str], ...] = ()
    not_before: tuple[regex.Pattern[str], ...] = ()
    after: tuple[regex.Pattern[str], ...] = ()
    not_after: tuple[regex.Pattern[str], ...] = ()
    line_has: tuple[regex.Pattern[str], ...] = ()
    not_line_has: tuple[regex.Pattern[str], ...] = ()
    unless: tuple[regex.Pattern[str], ...] = ()
    position: str = "any"
    line_shape: str = "any"

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any]) -> Context | None:
        """Compile the context fields of a rule; ``None`` when it has none."""
        ctx = cls(
            # Anchored at the end of the line's head: searched backwards, so a long
            # line costs no more than a short one.
            before=_patterns(_wrap(fields.get("before"), "(?:{})[ \\t]*\\Z"), backwards=True),
            not_before=_patterns(
                _wrap(fields.get("not_before"), "(?:{})[ \\t]*\\Z"), backwards=True
            ),
            after=_patterns(_wrap(fields.get("after"), "[ \\t]*(?:{})")),
            not_after=_patterns(_wrap(fields.get("not_after"), "[ \\t]*(?:{})")),
            line_has=_patterns(fields.get("line_has")),
            not_line_has=_patterns(fields.get("not_line_has")),
            unless=_patterns(fields.get("unless")),
            position=fields.get("position", "any"),
            line_shape=fields.get("line_shape", "any"),
        )
        return None if ctx == cls() else ctx

    def holds(
        self,
        text: str,
        start: int,
        end: int,
        line: tuple[int, int],
        budget: Budget = UNBOUNDED,
        rule: str = "",
        memo: dict[tuple[int, int, int], Any] | None = None,
        edges: tuple[int, int] | None = None,
    ) -> bool:
        """Whether every condition holds for the match ``text[start:end]``.

        Patterns see only the match's line: ``before`` patterns the part before
        the match (so ``^`` is the line start), ``after`` patterns the part after.
        They run within ``budget`` (a user rule's, named ``rule`` in a timeout).
        ``memo`` keeps what depends on the line alone (``line_has``, ``unless``, the
        caption shape) across the candidates of one text. ``edges``: the bounds of the
        whole line when ``line`` is a stretch of a long one: ``position`` reads them, and
        ``^`` in ``before`` (``$`` in ``after``) matches only at the whole line's edge.
        """
        ls, le = line
        memo = {} if memo is None else memo
        search, match = budget.search, budget.match
        whole = edges or line
        if self.position != "any" and not _at_edges(text, start, end, whole, self.position):
            return False
        if self.line_shape == "caption":
            key = (0, ls, le)
            if key not in memo:
                memo[key] = is_caption_line(text[ls:le])
            if not memo[key]:
                return False
        if self.before or self.not_before:
            # A stretch of a long line does not start its line: "^" must not match there.
            head = ("\x00" if ls > whole[0] else "") + text[ls:start]
            if self.before and not any(
                search(p, head, rule=rule, field="before") for p in self.before
            ):
                return False
            if any(search(p, head, rule=rule, field="not_before") for p in self.not_before):
                return False
        if self.after or self.not_after:
            tail = text[end:le] + ("\x00" if le < whole[1] else "")
            if self.after and not any(match(p, tail, rule=rule, field="after") for p in self.after):
                return False
            if any(match(p, tail, rule=rule, field="not_after") for p in self.not_after):
                return False
        if self.line_has and not any(
            _line_search(p, text, line, memo, budget, rule, "line_has") for p in self.line_has
        ):
            return False
        if any(
            _line_search(p, text, line, memo, budget, rule, "not_line_has")
            for p in self.not_line_has
        ):
            return False
        for p in self.unless:
            key = (id(p), ls, le)
            spans = memo.get(key)
            if spans is None:
                found = budget.finditer(p, text[ls:le], rule=rule, field="unless")
                spans = memo[key] = [m.span() for m in found]
            for ms, me in spans:
                if ms + ls < end and start < me + ls:
                    return False
        return True


_NOT_SPACE = regex.compile(r"\S")
_NOT_END = regex.compile(r"[^ \t\r.!?:;,]")


def _at_edges(text: str, start: int, end: int, line: tuple[int, int], position: str) -> bool:
    """Whether the match starts (``line_start``), ends (``line_end``) or fills (``line``)
    its line, but for spaces and, at the end, closing punctuation (a search from the
    match, not a copy of a long line's head).

    >>> _at_edges("  Navo top.", 2, 6, (0, 11), "line_start")
    True
    >>> _at_edges("a Navo", 2, 6, (0, 6), "line"), _at_edges("Navo.", 0, 4, (0, 5), "line")
    (False, True)
    """
    if position in ("line", "line_start"):
        pos = line[0]
        while (m := _NOT_SPACE.search(text, pos, start)) is not None:
            if not text[m.start()].isspace():  # (str.strip's idea of a space)
                return False
            pos = m.start() + 1
    return not (position in ("line", "line_end") and _NOT_END.search(text, end, line[1]))


def _line_search(
    p: regex.Pattern[str],
    text: str,
    line: tuple[int, int],
    memo: dict[tuple[int, int, int], Any],
    budget: Budget,
    rule: str,
    field: str,
) -> bool:
    """Whether ``p`` occurs in the line, searched once per line and pattern."""
    key = (id(p), *line)
    found = memo.get(key)
    if found is None:
        hit = budget.search(p, text[line[0] : line[1]], rule=rule, field=field)
        found = memo[key] = hit is not None
    return bool(found)


def _wrap(value: Any, template: str) -> Any:
    if value is None:
        return None
    items = value if isinstance(value, tuple | list) else (value,)
    return tuple(template.format(p) for p in items)


def source_line(
    text: str, line: tuple[int, int], lang: str, match: tuple[int, int] | None = None
) -> bool:
    """Whether the line is still mostly in the source language (left alone).

    >>> source_line("De Navo is niet van plan om het te doen, zei hij", (0, 48), "nl")
    True
    >>> source_line("Ukraine is not a Navo member", (0, 28), "nl")
    False
    """
    if not lang:
        return False
    segment = text[line[0] : line[1]]
    hits, total = leftover_count(segment, lang)
    if hits >= MIN_SOURCE_WORDS and hits >= MIN_SOURCE_SHARE * total:
        return True
    if lang not in VOCAB_LANGS or total < 2 * MIN_SOURCE_WORDS:
        return False
    # The match itself (a long name: "Bundesamt für Migration") is no evidence.
    if match is not None:
        segment = text[line[0] : match[0]] + " " + text[match[1] : line[1]]
    unquoted = _QUOTE_RE.sub(" ", segment)
    vocab = foreign_vocab()
    foreign = sum(lang in vocab.langs_of(w) for w in unquoted.split())
    return foreign >= 2 * MIN_SOURCE_WORDS and vocab.foreign_share(unquoted, lang) >= (
        MIN_FOREIGN_SHARE
    )


#: Languages a term can be said to belong to when it is talked about as a word.
MENTION_LANGS = (
    "Dutch",
    "Flemish",
    "German",
    "French",
    "Spanish",
    "Castilian",
    "Catalan",
    "Italian",
    "Portuguese",
    "Latin",
    "English",
)
#: Nouns that introduce a word talked about as a word ("the Dutch acronym NAVO").
MENTION_NOUNS = (
    "word",
    "acronym",
    "abbreviation",
    "initialism",
    "term",
    "name",
    "spelling",
    "expression",
    "phrase",
    "noun",
    "translation",
    "equivalent",
    "version",
    "form",
    "title",
    "rendering",
)
_LANG = "(?:" + "|".join(MENTION_LANGS) + ")"
_NOUN = "(?:" + "|".join(MENTION_NOUNS) + ")s?"
_Q = "[\"“”‘’'«»„_*]*"
#: Right after the term: "... is the Dutch acronym for", "(Dutch for ...)", "means".
_MENTION_AFTER = regex.compile(
    rf"(?i){_Q}\s*(?:"
    rf",?\s*(?:is|was|are|were)\s+(?:the|an?|its|their)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_LANG}\s+)?{_NOUN}\b"
    rf"|[(,–—:-]?\s*(?:in\s+|from\s+(?:the\s+)?)?{_LANG}\s*(?:for|meaning|word|term|name|acronym|[):,;]|$)"
    rf"|,?\s*(?:means|meaning|meant|stands\s+for|standing\s+for|translates\s+(?:as|to)|"
    rf"is\s+(?:{_LANG}|short)\s+for|literally|\((?:literally|lit\.))"
    rf"|,?\s*in\s+{_LANG}\s*(?:[,.;:)]|$)"
    rf")"
)
#: Right before the term: "the Dutch word", "(Dutch: ", "known in Dutch as the ".
_MENTION_BEFORE = regex.compile(
    rf"(?i)(?:"
    rf"(?<![\w-])(?:{_LANG}\s+)?{_NOUN}\s*:?"
    rf"|\b{_LANG}\s*[:(]"
    rf"|\b(?:in|into)\s+{_LANG}\s*,?\s*(?:as)?"
    rf"|\b(?:called|calls|call|known\s+as|named|dubbed)\s+(?:it\s+)?(?:the\s+)?(?=[\"“‘'«„])"
    rf"|\b{_NOUN}\s+for\s+[^.;:!?]{{1,40}}?\s+(?:is|was)"
    rf")\s*(?:the\s+)?{_Q}\s*\Z",
    regex.REVERSE,  # anchored at the end: searched backwards
)


#: A gloss: the term alone in parentheses after the writer's English words, "the debt
#: brake (Schuldenbremse)", or right after "known as", "called", "the word".
_GLOSS_BEFORE = regex.compile(
    rf"(?:[\p{{L}}\p{{M}}\p{{N}}.,]\s*\(|\b(?:known\s+as|so-called|called|dubbed|named)"
    rf"|\bthe\s+(?:word|term|phrase|expression))\s*{_Q}\s*\Z",
    regex.REVERSE,
)
_GLOSS_AFTER = regex.compile(rf"{_Q}\s*(?:\)|[.,;:!?]|$)")


def is_glossed(text: str, start: int, end: int, line: tuple[int, int], replacement: str) -> bool:
    """Whether the writer glosses ``text[start:end]`` with ``replacement`` right beside
    it: the foreign word is then meant ("the ziekenhuis (hospital)", "the woningnood,
    or housing shortage", "a hospital is a ziekenhuis"), and changing it would make the
    gloss say the same word twice.

    >>> t = "The ziekenhuis (hospital) was full."
    >>> is_glossed(t, 4, 14, (0, len(t)), "hospital")
    True
    >>> t = "In Dutch a hospital is a ziekenhuis."
    >>> is_glossed(t, 25, 35, (0, len(t)), "hospital")
    True
    >>> t = "The Daily Newspaper (taz) said so."
    >>> is_glossed(t, 0, 19, (0, len(t)), "taz")
    False
    >>> t = "The ziekenhuis was full; the hospital said so."
    >>> is_glossed(t, 4, 14, (0, len(t)), "hospital")
    False
    """
    if replacement == text[start:end] or (" " not in replacement and len(replacement) <= 4):
        return False  # (an acronym in parentheses abbreviates a name: "... (taz)", "(NATO)")
    after, before = _gloss_patterns(replacement.strip().lower())
    tail = text[end : min(line[1], end + len(replacement) + 16)].lower()
    if after.match(tail):
        return True
    head = text[max(line[0], start - len(replacement) - 24) : start].lower()
    return before.search(head) is not None


@functools.lru_cache(maxsize=4096)
def _gloss_patterns(replacement: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    word = regex.escape(replacement)
    q = r"[\"“”‘’'«»]?"
    after = regex.compile(
        rf"{q}\s*(?:\(\s*|,?\s+or\s+|\s*[–—]\s*|,\s+)(?:the\s+|an?\s+)?{q}{word}(?!\w)"
    )
    before = regex.compile(
        rf"(?<!\w){word}{q},?\s+(?:is|was|are|were|means)\s+(?:called\s+)?(?:an?\s+|the\s+)?{q}\Z"
    )
    return after, before


def is_mention(text: str, start: int, end: int, line: tuple[int, int]) -> bool:
    """Whether the term ``text[start:end]`` is talked about as a word, not used.

    "NAVO is the Dutch acronym for NATO", "the Dutch word *kabinet*", "Tweede Kamer
    (Dutch for Second Chamber)": a mention is never a translation error.

    >>> t = "NAVO is the Dutch acronym for NATO."
    >>> is_mention(t, 0, 4, (0, len(t)))
    True
    >>> t = "NAVO troops arrived."
    >>> is_mention(t, 0, 4, (0, len(t)))
    False
    >>> t = "the debt brake (Schuldenbremse) was suspended"
    >>> is_mention(t, 16, 30, (0, len(t)))
    True
    """
    if _MENTION_AFTER.match(text, end, line[1]):
        return True
    if _GLOSS_AFTER.match(text, end, line[1]):
        gloss = _GLOSS_BEFORE.search(text, max(line[0], start - 80), start)
        # After a cue word only a single foreign word is a gloss, not a calque
        # ("now called The Homeland").
        if gloss and (gloss.group().rstrip().endswith("(") or " " not in text[start:end]):
            return True
    return _MENTION_BEFORE.search(text, max(line[0], start - 80), start) is not None
