"""The edit model: Edit, apply_edits, check_text."""

from __future__ import annotations

import pytest

from mtclean import Edit, EditConflictError, apply_edits
from mtclean.core import check_text


class TestApplyEdits:
    """apply_edits applies sorted, disjoint edits and refuses anything else."""

    @pytest.mark.parametrize(
        ("text", "edits", "expected"),
        [
            ("Navo top", [Edit(0, 4, "NATO", "r")], "NATO top"),
            ("a b", [Edit(1, 2, "", "r")], "ab"),
            ("ab", [Edit(1, 1, "-", "r")], "a-b"),
            ("ab", [Edit(0, 0, "<", "r"), Edit(2, 2, ">", "r")], "<ab>"),
            ("abc", [Edit(0, 1, "x", "r"), Edit(1, 2, "y", "r")], "xyc"),
            ("abc", [], "abc"),
            ("", [Edit(0, 0, "x", "r")], "x"),
        ],
    )
    def test_applies(self, text: str, edits: list[Edit], expected: str) -> None:
        """Each table row applies to the exact expected string."""
        assert apply_edits(text, edits) == expected

    @pytest.mark.parametrize(
        "edits",
        [
            [Edit(0, 2, "x", "r1"), Edit(1, 3, "y", "r2")],  # overlap
            [Edit(2, 3, "x", "r1"), Edit(0, 1, "y", "r2")],  # unsorted
            [Edit(0, 9, "x", "r1")],  # out of range
            [Edit(2, 1, "x", "r1")],  # negative length
            [Edit(1, 1, "x", "r1"), Edit(1, 1, "y", "r2")],  # two insertions at one point
        ],
    )
    def test_rejects_conflicts_naming_the_step(self, edits: list[Edit]) -> None:
        """Conflicting edits raise EditConflictError naming the normalizer and the rule."""
        with pytest.raises(EditConflictError, match="'demo'") as info:
            apply_edits("abcd", edits, step="demo")
        assert "r1" in str(info.value)


class TestCheckText:
    """Wrong input types get a TypeError that says what to do."""

    def test_bytes_says_decode(self) -> None:
        """Bytes are refused with a hint to decode first."""
        with pytest.raises(TypeError, match=r"Decode the bytes first.*decode\('utf-8'"):
            check_text(b"caf\xc3\xa9")

    @pytest.mark.parametrize("value", [None, 3, ["a"], bytearray(b"x")])
    def test_other_types(self, value: object) -> None:
        """Non-str values are refused with the type named."""
        with pytest.raises(TypeError, match=type(value).__name__):
            check_text(value)

    def test_str_subclass_passes(self) -> None:
        """A str is returned as is."""
        assert check_text("x") == "x"
