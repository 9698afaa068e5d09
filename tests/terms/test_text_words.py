"""``TextWords`` counts each line's distinct words once; it must say what counting
every word one by one says (lines in another language, foreign words, leftovers)."""

from __future__ import annotations

import random

import pytest

from mtclean.terms.detect import (
    FOREIGN_LINE_SHARE,
    FOREIGN_LINE_WORDS,
    PIECE,
    TextWords,
    foreign_lines,
    text_leftovers,
)
from mtclean.terms.vocab import foreign_vocab, words_of

WORDS = [
    "the",
    "minister",
    "said",
    "that",
    "kabinet",
    "woningnood",
    "Navo-top",
    "regering",
    "niet",
    "governo",
    "legge",
    "questa",
    "detto",
    "cambia",
    "İstanbul",
    "Über",
    "über",
    "gobierno",
    "dijo",
    "el",
    "la",
    "week",
    "report",
    "said",
    "it's",
    "l'uno",
    "rock-solid",
    "ziekenhuis",
    "HOSPITAL",
    "Bundesrat",
    "Rusland",
    "2024",
    "“quoted”",
    "(aside)",
    "known",
    "as",
    "so-called",
]


def _reference_lines(text: str) -> list[tuple[int, int, str]]:
    vocab = foreign_vocab()
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        counts: dict[str, int] = {}
        total = 0
        for m in words_of(line):
            total += 1
            for lang in vocab.langs_of(m.group()):
                counts[lang] = counts.get(lang, 0) + 1
        if total >= FOREIGN_LINE_WORDS and counts:
            n, lang = max((n, lang) for lang, n in counts.items())
            if n >= FOREIGN_LINE_SHARE * total:
                out.append((pos, end, lang))
        pos = end + 1
    return out


def _texts(count: int) -> list[str]:
    rng = random.Random(7)
    out = []
    for _ in range(count):
        lines = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14)))
            for _ in range(rng.randint(1, 6))
        ]
        out.append("\n".join(lines))
    return out


def test_lines_in_another_language_match_a_word_by_word_count() -> None:
    for text in _texts(400):
        assert TextWords(text).lines == _reference_lines(text), text
        assert foreign_lines(text, ("it",)) == [x for x in _reference_lines(text) if x[2] == "it"]


def test_foreign_words_are_the_words_the_vocabulary_knows() -> None:
    vocab = foreign_vocab()
    for text in _texts(200):
        expected = set()
        for m in words_of(text):
            word = m.group().lower()
            if vocab.langs_of(word) or (
                "-" in word and any(vocab.langs_of(p) for p in word.split("-"))
            ):
                expected.add(word)
        assert TextWords(text).foreign == expected, text


def test_leftovers_skip_lines_in_another_language_and_glosses() -> None:
    text = (
        "The kabinet met on woensdag.\n"
        "Il governo ha detto che questa legge non cambia nulla.\n"
        'The so-called woningnood and the "regering" stayed.'
    )
    found = text_leftovers(text, ("nl", "it"))
    assert {text[s:e] for s, e in found["nl"]} == {"kabinet", "woensdag"}
    assert "it" not in found


def test_a_long_line_read_in_pieces_counts_what_one_pass_counts() -> None:
    """A line over ``PIECE`` characters is read a piece at a time (so its word lists
    stay small); the lines, foreign words and holding lines are those of one pass."""
    rng = random.Random(11)
    for share in (0.1, 0.5, 0.9):
        foreign = ["governo", "legge", "questa", "detto", "Navo-top", "l'uno"]
        words = [
            rng.choice(foreign) if rng.random() < share else rng.choice(WORDS) for _ in range(6_000)
        ]
        for sep in (" ", ",", ", "):
            line = sep.join(words)
            assert len(line) > 3 * PIECE
            text = "A short line.\n" + line + "\nThe end."
            pieces = TextWords(text)
            assert pieces.lines == _reference_lines(text)
            whole = TextWords(text)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr("mtclean.terms.detect.PIECE", 10 * len(text))
                assert (whole.lines, whole.foreign, whole.holding) == (
                    pieces.lines,
                    pieces.foreign,
                    pieces.holding,
                )


def test_leftovers_of_a_long_line_read_in_pieces_are_those_of_the_whole_line() -> None:
    """On a long line only the pieces that hold a foreign word are read for leftovers;
    the spans are those of reading the whole line (a quotation that crosses pieces
    still exempts its words)."""
    rng = random.Random(5)
    for share in (0.005, 0.05, 0.3):
        words = [
            rng.choice(["kabinet", "Woningnood", "regering", "Navo-top", "legge", "Bundesrat"])
            if rng.random() < share
            else rng.choice(["the", "minister", "said", "that", "week", "report", "it's"])
            for _ in range(8_000)
        ]
        words[100] = "“" + words[100]
        words[3_000] = words[3_000] + "”"  # a quotation across several pieces
        line = " ".join(words)
        assert len(line) > 3 * PIECE
        text = "A short line.\n" + line + "\nThe end with regering."
        for names in (False, True):
            pieces = text_leftovers(text, ("nl", "it", "de"), names=names)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr("mtclean.terms.detect.PIECE", 10 * len(text))
                whole = text_leftovers(text, ("nl", "it", "de"), names=names)
            assert pieces == whole
            assert sum(map(len, pieces.values())) > 0
