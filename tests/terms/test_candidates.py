"""Candidates are chosen in the order of their full key, whatever way they are sorted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mtclean.terms.candidates import Candidate, ordered
from mtclean.terms.compiled import Compiled


def _rule(full_id: str, action: str) -> Compiled:
    return Compiled(
        full_id, "", "exact", action, "", (), None, (), None, False, True, "", 0.5, "", True, False
    )


RULES = [_rule(f"p/{name}", action) for name in ("a", "b") for action in ("fix", "flag")]

spans = st.tuples(
    st.integers(0, 40), st.integers(1, 6), st.sampled_from(RULES), st.sampled_from("xy")
)


@given(st.lists(spans, max_size=60))
def test_ordered_is_sorted_by_the_whole_key(raw: list[tuple[int, int, Compiled, str]]) -> None:
    cands = [Candidate(s, s + n, rule, repl) for s, n, rule, repl in raw]
    assert [c.key() for c in ordered(cands)] == sorted(c.key() for c in cands)


def test_a_long_match_at_a_far_offset_still_sorts_by_start() -> None:
    rule = RULES[0]
    far, near = Candidate(3_000_000_000, 3_000_000_005, rule, "x"), Candidate(1, 99_999, rule, "x")
    assert ordered([far, near]) == [near, far]
