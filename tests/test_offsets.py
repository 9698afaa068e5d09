"""Offset maps: spans in a step's output map back to its input, through chains of steps."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mtclean import Edit, apply_edits
from mtclean.offsets import OffsetMap, StepMap


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """A text and random sorted, non-overlapping edits against it."""
    text = draw(st.text(alphabet="abcdef \n", max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    pos = 0
    for i in range(0, len(cuts) - 1, 2):
        start, end = max(cuts[i], pos), cuts[i + 1]
        if start > end or (start == end and edits and edits[-1].end == start):
            continue
        repl = draw(st.text(alphabet="XYZ", max_size=5))
        if repl == text[start:end]:
            continue
        edits.append(Edit(start, end, repl, "r"))
        pos = end if end > start else end + 1
    return text, edits


class TestStepMap:
    """Mapping one step back."""

    def test_examples(self) -> None:
        """Replacement widens to the replaced input; text after it shifts."""
        m = StepMap.from_edits([Edit(4, 8, "NATO member", "r")])  # "the Navo…" -> longer
        assert m.to_input(4, 15) == (4, 8)
        assert m.to_input(0, 3) == (0, 3)
        assert m.to_input(16, 19) == (9, 12)
        assert m.to_input(6, 7) == (4, 8)  # inside the replacement: whole region

    def test_deletion(self) -> None:
        """Text after a deleted line maps past it."""
        m = StepMap.from_edits([Edit(0, 6, "", "r")])  # "junk\n\nBody"
        assert m.to_input(0, 4, absorb=False) == (6, 10)
        assert m.to_input(0, 4) == (0, 10)

    @given(text_and_edits())
    def test_whole_text_maps_to_whole_text(self, case: tuple[str, list[Edit]]) -> None:
        """The whole output maps to the whole input."""
        text, edits = case
        out = apply_edits(text, edits)
        assert StepMap.from_edits(edits).to_input(0, len(out)) == (0, len(text))

    @given(text_and_edits(), st.data())
    def test_monotonic(self, case: tuple[str, list[Edit]], data: st.DataObject) -> None:
        """Later output positions never map to earlier input positions."""
        text, edits = case
        out = apply_edits(text, edits)
        m = StepMap.from_edits(edits)
        a = data.draw(st.integers(0, len(out)))
        b = data.draw(st.integers(a, len(out)))
        for absorb in (True, False):
            s, e = m.to_input(a, b, absorb=absorb)
            assert 0 <= s <= e <= len(text)
            assert m.to_input(a, a, absorb=absorb)[0] <= m.to_input(b, b, absorb=absorb)[0]
            assert m.to_input(a, a, absorb=absorb)[1] <= m.to_input(b, b, absorb=absorb)[1]

    @given(text_and_edits(), st.data())
    def test_untouched_span_maps_to_identical_slice(
        self, case: tuple[str, list[Edit]], data: st.DataObject
    ) -> None:
        """A span that touches no changed region maps to an identical slice of the input."""
        text, edits = case
        out = apply_edits(text, edits)
        m = StepMap.from_edits(edits)
        a = data.draw(st.integers(0, len(out)))
        b = data.draw(st.integers(a, len(out)))
        overlaps = any(
            (o_s < b and a < o_e) or (o_s == o_e and a < o_s < b)
            for o_s, o_e in zip(m.out_starts, m.out_ends, strict=True)
        )
        if not overlaps:
            s, e = m.to_input(a, b, absorb=False)
            assert text[s:e] == out[a:b]


class TestOffsetMap:
    """Chains of steps map back to the original."""

    def test_two_steps(self) -> None:
        """A span produced by the second step maps through both."""
        original = "  Navo  top"
        e1 = [Edit(0, 2, "", "strip")]
        t1 = apply_edits(original, e1)  # "Navo  top"
        e2 = [Edit(0, 4, "NATO", "navo"), Edit(4, 6, " ", "space")]
        t2 = apply_edits(t1, e2)  # "NATO top"
        chain = OffsetMap().then(StepMap.from_edits(e1)).then(StepMap.from_edits(e2))
        assert t2 == "NATO top"
        assert chain.to_original(0, 4) == (0, 6)  # the deleted spaces join the span
        assert chain.to_original(5, 8) == (8, 11)
        assert chain.to_original(0, len(t2)) == (0, len(original))
