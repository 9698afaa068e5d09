"""Properties of the term engine: reference parity, idempotence, no change without triggers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import mtclean
from mtclean.kinds import load_rules, parse_rules
from mtclean.options import Options
from mtclean.rulepacks.model import RulePack
from mtclean.terms.kind import KIND
from mtclean.terms.match import TermIndex, fold_term, triples, word_bounded
from mtclean.terms.replacer import TermReplacer, apply_case
from mtclean.terms.stage import build_steps

# Overlapping terms, multi-word terms, case-sensitive terms and characters whose
# lower case has another length ("İ"), to stress spans and the longest-match rule.
PARITY_RULES = [
    ("navo", ["Navo"], "NATO", "exact"),
    ("navo-top", ["Navo-top", "navo top"], "NATO summit", "exact"),
    ("kamer", ["Kamer"], "House", "sensitive"),
    ("tk", ["Tweede Kamer"], "house of representatives", "preserve"),
    ("tweede", ["Tweede"], "second", "preserve"),
    ("ueber", ["über", "Übersee"], "over", "preserve"),
    ("istan", ["İz", "iz"], "Iz", "exact"),
    ("vs", ["VS"], "US", "sensitive"),
    ("ab", ["a b", "b"], "x", "preserve"),
]


def _parity_pack() -> RulePack:
    parts = ['[pack]\nname = "p"\nkind = "terms"\n']
    for rid, finds, repl, case in PARITY_RULES:
        terms = ", ".join(f'"{t}"' for t in finds)
        parts.append(
            f'[[rules]]\nid = "{rid}"\nfind = [{terms}]\nreplace = "{repl}"\ncase = "{case}"\n'
        )
    return parse_rules("\n".join(parts))


PARITY_PACK = _parity_pack()
PARITY_STEP = TermReplacer((PARITY_PACK,))


def _is_word(c: str) -> bool:
    import unicodedata

    return c.isalnum() or unicodedata.category(c)[0] == "M"


def _fold_eq(a: str, b: str) -> bool:
    """Case-insensitive comparison, character by character (the slow, obvious way)."""
    if len(a) != len(b):
        return False
    pairs = zip(a, b, strict=True)
    return all(x == y or (len(x.lower()) == 1 and x.lower() == y.lower()) for x, y in pairs)


def reference_fix(text: str) -> str:
    """Slow reference: at each position try every term; leftmost, then longest, wins."""
    out: list[str] = []
    i = 0
    while i < len(text):
        best: tuple[int, str, str] | None = None
        for rid, finds, repl, case in PARITY_RULES:
            for term in finds:
                j = i + len(term)
                piece = text[i:j]
                ok = piece == term if case == "sensitive" else _fold_eq(piece, term)
                if not ok:
                    continue
                if i > 0 and _is_word(text[i]) and _is_word(text[i - 1]):
                    continue
                if j < len(text) and _is_word(text[j - 1]) and _is_word(text[j]):
                    continue
                new = apply_case(piece, repl) if case == "preserve" else repl
                key = (len(term), f"p/{rid}")
                if best is None or key[0] > best[0] or (key[0] == best[0] and key[1] < best[1]):
                    best = (len(term), f"p/{rid}", new)
        if best is None:
            out.append(text[i])
            i += 1
        else:
            out.append(best[2])
            i += best[0]
    return "".join(out)


PIECES = [
    "Navo",
    "NAVO",
    "navo",
    "Navo-top",
    "navo top",
    "Navona",
    "Kamer",
    "kamer",
    "Tweede",
    "TWEEDE KAMER",
    "Tweede Kamer",
    "über",
    "Übersee",
    "İz",
    "İİ",
    "iz",
    "VS",
    "vs",
    "o",  # one-letter words ("a" would bring article grammar in: tests/terms/test_grammar.py)
    "b",
    "o b",
    "ob",
    "'s",
    "’",
    "-",
    " ",
    " ",
    ".",
    ",",
    "\n",
    "é",
    "2",
    '"',
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@given(texts)
def test_parity_with_reference(text: str) -> None:
    assert PARITY_STEP.fix(text) == reference_fix(text)


@given(texts)
def test_parity_pack_is_idempotent(text: str) -> None:
    once = PARITY_STEP.fix(text)
    assert PARITY_STEP.fix(once) == once


def _bundled_pieces() -> list[str]:
    pieces: list[str] = []
    for lang in ("nl", "de", "fr", "es", "it"):
        for rule in load_rules(f"terms-{lang}").rules[::3]:
            pieces.extend(ex.input for ex in rule.examples[:1])
    return pieces


BUNDLED_PIECES = _bundled_pieces()
documents = st.lists(
    st.sampled_from([*BUNDLED_PIECES, " ", "\n", ". ", '"', "The summit.", "Statue of Liberty"]),
    max_size=12,
).map("".join)


_OTHER_STAGES = ["unicode", "boilerplate", "names", "punctuation", "spacing", "lint"]


@given(documents, st.sampled_from([None, "nl", "de", "fr", "es", "it"]))
def test_bundled_stage_is_idempotent(text: str, lang: str | None) -> None:
    # One pass of the stage may leave work that its own output makes visible (a term
    # fixed once the line around it reads as English); the pipeline reruns until a pass
    # changes nothing, so cleaning twice equals cleaning once.
    pipeline = mtclean.default_pipeline(source_lang=lang, disable=_OTHER_STAGES)
    once = pipeline(text)
    assert pipeline(once) == once


@given(documents)
def test_edits_are_sorted_disjoint_and_change_something(text: str) -> None:
    (step,) = build_steps(Options())
    edits = step.edits(text)
    end = -1
    for e in edits:
        assert e.start >= end
        assert text[e.start : e.end] != e.replacement
        end = e.end


# No term of any bundled pack consists only of these characters.
no_trigger = st.text(alphabet="xyzqjk XYZQJK.,;:!?\n\t'\"-0123456789", max_size=200)


@given(no_trigger)
def test_no_change_without_triggers(text: str) -> None:
    for lang in (None, "nl", "de", "fr", "es", "it"):
        (step,) = build_steps(Options(source_lang=lang))
        assert step.edits(text) == []
        assert [f for f in step.findings(text) if f.rule != "terms/leftover"] == []


@given(st.text(st.characters(), max_size=80))
def test_arbitrary_unicode_does_not_crash(text: str) -> None:
    (step,) = build_steps(Options())
    step.fix(text)
    step.findings(text)
    KIND.build(load_rules("terms-nl")).edits(text)


def test_parity_on_a_fixed_example() -> None:
    text = "İİ Tweede Kamer, navo top; Navona über a b VS"
    assert PARITY_STEP.fix(text) == reference_fix(text)
    assert PARITY_STEP.fix(text) == "İİ House of Representatives, NATO summit; Navona over x US"


# -- the index ------------------------------------------------------------------------

INDEX_KEYS = [
    "Navo",
    "navo top",
    "Oekraïne",
    "über",
    "İz",
    "Staatssecretaris",  # longer than the automaton's key prefix
    "staatssecretarissen",
    "’s",
    "Ελλάδα",  # no ASCII letter: the small second automaton
    "a b",
    "straße",  # "ẞ", its capital, is longer in UTF-8
]
INDEX_CASED = ["The World", "NAVO"]
INDEX_PIECES = [
    *INDEX_KEYS,
    *INDEX_CASED,
    "NAVO",
    "navo",
    "top",
    "OEKRAÏNE",
    "Über",
    "iz",
    "STAATSSECRETARIS",
    "ΕΛΛΆΔΑ",
    "the world",
    "a",
    "b",
    "'s",
    "’",
    "-",
    " ",
    ".",
    "é",
    "\u212aabinet",
    "STRAẞE",
    "Straße",
    "ẞ",
    "2",
    "x",
]


def _index() -> tuple[TermIndex, list[str], int]:
    index = TermIndex()
    index.add_many(INDEX_KEYS)
    cased = index.add_many(INDEX_CASED, cased=True)
    index.build(gate=bytes([i % 2 for i in range(len(INDEX_KEYS) + len(INDEX_CASED))]))
    return index, [*INDEX_KEYS, *INDEX_CASED], cased


INDEX, INDEX_ALL, INDEX_FIRST_CASED = _index()


def _occurs(text: str, start: int, end: int, i: int) -> bool:
    key, found = INDEX_ALL[i], text[start:end]
    same = found == key if i >= INDEX_FIRST_CASED else fold_term(found) == fold_term(key)
    return same and word_bounded(text, start, end)


@given(st.lists(st.sampled_from(INDEX_PIECES), max_size=20).map("".join))
def test_index_finds_every_occurrence_of_every_key(text: str) -> None:
    expected = {
        (s, s + len(key), i)
        for i, key in enumerate(INDEX_ALL)
        for s in range(len(text))
        if _occurs(text, s, s + len(key), i)
    }
    hits = set(triples(INDEX.scan(text)))
    assert {h for h in hits if _occurs(text, *h)} == expected
    gated = set(triples(INDEX.scan(text, gated=True)))
    assert gated <= hits
    if any(i % 2 for _, _, i in expected):
        assert gated == hits
