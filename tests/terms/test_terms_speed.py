"""The fast path makes exactly the audited path's edits; per-line facts equal the reference."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mtclean.kinds import load_rules
from mtclean.options import Options
from mtclean.terms.context import in_quoted_source, source_line
from mtclean.terms.lines import Lines
from mtclean.terms.match import TermIndex, triples
from mtclean.terms.stage import build_steps


def _pieces() -> list[str]:
    pieces: list[str] = []
    for lang in ("nl", "de", "fr", "es", "it", "pt", "pl", "ro"):
        for rule in load_rules(f"terms-{lang}").rules[::2]:
            pieces.extend(ex.input for ex in rule.examples[:2])  # negatives included
    return pieces


PIECES = _pieces()
SEPARATORS = [" ", "\n", ". ", '"', "“", "”", "_", " het ", " niet ", " und ", " the ", "May "]
documents = st.lists(st.sampled_from([*PIECES, *SEPARATORS]), max_size=14).map("".join)
# Long single lines: the same pieces joined without newlines.
lines_only = st.lists(st.sampled_from([*PIECES, *SEPARATORS]), min_size=5, max_size=40).map(
    lambda parts: " ".join(parts).replace("\n", " ")
)


@given(documents, st.sampled_from([None, "nl", "de", "fr", "es", "it"]))
def test_fast_path_makes_the_audited_edits(text: str, lang: str | None) -> None:
    (step,) = build_steps(Options(source_lang=lang))
    assert step.analyze(text).edits == step.analyze(text, audit=True).edits


@given(lines_only)
def test_fast_path_makes_the_audited_edits_on_long_lines(text: str) -> None:
    (step,) = build_steps(Options())
    assert step.analyze(text).edits == step.analyze(text, audit=True).edits


words = st.sampled_from(
    [
        "het",
        "een",
        "niet",
        "de",
        "van",
        "zei",
        "hij",
        "regering",
        "gemeente",
        "und",
        "nicht",
        "der",
        "Regierung",
        "gobierno",
        "the",
        "said",
        "minister",
        "government",
        "a",
        "of",
        "in",
        "“",
        "”",
        '"',
        "‚",
        "‘",
        "’",
        "_",
        "(",
        ")",
        "Navo",
        "kabinet",
    ]
)
line_texts = st.lists(words, min_size=0, max_size=40).flatmap(
    lambda ws: st.tuples(
        st.just(ws), st.lists(st.sampled_from([" ", "  ", "", "\t", "-"]), min_size=len(ws))
    )
)


@given(line_texts, st.data())
def test_lines_equal_the_reference_checks(
    parts: tuple[list[str], list[str]], data: st.DataObject
) -> None:
    ws, seps = parts
    text = "".join(w + s for w, s in zip(ws, seps, strict=False))
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 12)))
    lines = Lines(text)
    line = lines.bounds(start, end)
    for lang in ("nl", "de", "es"):
        assert lines.source_line(line, lang, (start, end)) == source_line(
            text, line, lang, (start, end)
        )
        assert lines.in_quoted_source(start, end, line, lang) == in_quoted_source(
            text, start, end, line, lang
        )


keys = st.lists(st.sampled_from(["navo", "Navo", "NAVO", "top", "navo top", "a", "é", "x-y"]))


@given(
    keys,
    st.lists(st.booleans()),
    st.lists(st.booleans()),
    st.text("navoNAVO top-éxy.", max_size=40),
)
def test_selected_scan_is_the_scan_of_the_selected_keys(
    terms: list[str], cased: list[bool], chosen: list[bool], text: str
) -> None:
    index = TermIndex()
    for n, term in enumerate(terms):
        index.add_many([term], cased=n < len(cased) and cased[n])
    select = bytes(int(n < len(chosen) and chosen[n]) for n in range(len(terms)))
    index.build(gate=select, select=select)
    everything = list(triples(index.scan(text)))
    opaque = index._opaque_id_set
    expected = sorted(h for h in everything if select[h[2]] or h[2] in opaque)
    assert sorted(list(triples(index.scan_selected(text)))) == expected
