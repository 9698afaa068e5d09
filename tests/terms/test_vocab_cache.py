"""The foreign-word table is built from wordfreq once and then read from the on-disk
cache (a temporary folder here); a stale or corrupt entry is rebuilt."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from mtclean.diskcache import ENV
from mtclean.terms import vocab
from mtclean.terms.vocab import ForeignVocab, cached_vocab


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[str, ...]]:
    monkeypatch.setenv(ENV, str(tmp_path))
    calls: list[tuple[str, ...]] = []

    def build(langs: Iterable[str] = ()) -> ForeignVocab:
        langs = tuple(langs)
        calls.append(langs)
        return ForeignVocab({"ziekenhuis": ("nl",), "krankenhaus": langs, "gemeente": ("nl",)})

    monkeypatch.setattr(ForeignVocab, "build", staticmethod(build))
    return calls


def test_built_once_then_read(builds: list[tuple[str, ...]]) -> None:
    first = cached_vocab(("nl", "de"))
    second = cached_vocab(("nl", "de"))
    assert builds == [("nl", "de")]
    assert second.table == first.table
    assert second.langs_of("Krankenhaus") == ("nl", "de")


def test_other_settings_are_another_entry(
    builds: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_vocab(("nl",))
    cached_vocab(("de",))
    monkeypatch.setattr(vocab, "MIN_ZIPF", vocab.MIN_ZIPF + 0.5)
    cached_vocab(("de",))
    assert builds == [("nl",), ("de",), ("de",)]


def test_a_corrupt_entry_is_rebuilt(builds: list[tuple[str, ...]], tmp_path: Path) -> None:
    cached_vocab(("nl",))
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(entry.read_bytes()[:-7])
    assert cached_vocab(("nl",)).langs_of("gemeente") == ("nl",)
    assert cached_vocab(("nl",)).langs_of("gemeente") == ("nl",)
    assert builds == [("nl",), ("nl",)]


def test_no_cache_when_off(builds: list[tuple[str, ...]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "off")
    cached_vocab(("nl",))
    cached_vocab(("nl",))
    assert builds == [("nl",), ("nl",)]


def test_the_cached_table_is_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    built = cached_vocab(("ro",))
    read = cached_vocab(("ro",))
    assert read.table == built.table and len(read.table) > 1000
