"""The glued-word repair's table of word frequencies answers as ``wordfreq`` does, and is
built once and then read from the on-disk cache (a temporary folder here)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import wordfreq

from mtclean.diskcache import ENV
from mtclean.repair import glued
from mtclean.repair.knownwords import (
    COMMON_ZIPF,
    KNOWN_LANGS,
    KnownWords,
    cached_known_words,
    known_words,
)


def _any_lang(word: str) -> bool:
    return any(wordfreq.zipf_frequency(word, lang) > 0 for lang in KNOWN_LANGS)


@pytest.fixture(scope="module")
def sample() -> list[str]:
    """ASCII words of the lists, words with a clause or calendar word glued on, and
    doubled first letters: the questions the repair asks."""
    rng = random.Random(17)
    english = [w for w in wordfreq.get_frequency_dict("en") if w.isascii() and w.isalpha()]
    dutch = [w for w in wordfreq.get_frequency_dict("nl") if w.isascii() and w.isalpha()]
    words = rng.sample(english, 3000) + rng.sample(dutch, 1000)
    glued_on = [w + tail for w in words[:1500] for tail in ("the", "with", "monday")]
    doubled = [w[0] + w for w in words[:1500]]
    return words + glued_on + doubled + sorted(known_words().shaped)


def test_known_word_agrees_with_wordfreq(sample: list[str]) -> None:
    wrong = [w for w in sample if glued.known_word(w) != _any_lang(w)]
    assert wrong == []
    assert glued.known_word("Goethe") and not glued.known_word("floodthe")


def test_english_frequencies_agree_with_wordfreq(sample: list[str]) -> None:
    table = known_words().english
    for word in sample:
        zipf = wordfreq.zipf_frequency(word, "en")
        assert table.get(word, 0.0) == (zipf if zipf >= COMMON_ZIPF else 0.0), word


def test_doubled_frequencies_agree_with_wordfreq(sample: list[str]) -> None:
    table = known_words().doubled
    for word in sample:
        if len(word) > 2 and word[0] == word[1]:
            highest = max(wordfreq.zipf_frequency(word, lang) for lang in KNOWN_LANGS)
            assert table.get(word, 0.0) == highest, word


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    monkeypatch.setenv(ENV, str(tmp_path))
    calls: list[int] = []

    def build() -> KnownWords:
        calls.append(1)
        return KnownWords({"flood": 3.5}, frozenset({"breathe"}), {"llama": 2.9})

    monkeypatch.setattr(KnownWords, "build", staticmethod(build))
    return calls


def test_built_once_then_read(builds: list[int]) -> None:
    first = cached_known_words()
    second = cached_known_words()
    assert builds == [1]
    assert second == first == KnownWords({"flood": 3.5}, frozenset({"breathe"}), {"llama": 2.9})


def test_a_corrupt_entry_is_rebuilt(builds: list[int], tmp_path: Path) -> None:
    cached_known_words()
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(entry.read_bytes()[:-5])
    assert cached_known_words().english == {"flood": 3.5}
    assert cached_known_words().english == {"flood": 3.5}
    assert builds == [1, 1]


def test_no_cache_when_off(
    builds: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV, "off")
    cached_known_words()
    cached_known_words()
    assert builds == [1, 1]
    assert list(tmp_path.iterdir()) == []
