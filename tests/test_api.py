"""The public API: clean, clean_and_explain, options, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtclean
from mtclean import UnknownNormalizerError

DEMO = Path(__file__).parent.parent / "fixtures" / "rules" / "good-demo.toml"


class TestBadInput:
    """Wrong types get a clear TypeError; nothing is half-done."""

    @pytest.mark.parametrize("func", [mtclean.clean, mtclean.clean_and_explain])
    def test_bytes(self, func: object) -> None:
        """Bytes: decode first, and how."""
        with pytest.raises(TypeError, match="Decode the bytes first"):
            func(b"Navo")  # type: ignore[operator]

    @pytest.mark.parametrize("func", [mtclean.clean, mtclean.clean_and_explain])
    def test_none(self, func: object) -> None:
        """None is refused by name."""
        with pytest.raises(TypeError, match="not NoneType"):
            func(None)  # type: ignore[operator]

    def test_unknown_option_has_hint(self) -> None:
        """A misspelt option says what was meant."""
        with pytest.raises(
            TypeError, match=r"unknown option 'source_language' \(did you mean 'source_lang'\?\)"
        ):
            mtclean.clean("x", source_language="nl")

    def test_bad_source_lang(self) -> None:
        """Only ISO 639-1 codes (or None / "auto") are accepted."""
        with pytest.raises(ValueError, match="source_lang must be an ISO 639-1 code"):
            mtclean.clean("x", source_lang="xx")
        with pytest.raises(TypeError, match="source_lang must be a language code"):
            mtclean.clean("x", source_lang=7)

    @pytest.mark.parametrize("code", ["PT", "pt", " Pt ", "ro", "pl", "tr", "ko", "el", "ca"])
    def test_any_language_code_runs_the_language_independent_stages(self, code: str) -> None:
        """A language without a terms pack still gets repair, boilerplate and names."""
        text = "Zelenskyy met Zelensky .. Leave a Reply\n"
        assert mtclean.clean(text, source_lang=code) == mtclean.clean(
            text, disable=["terms"], source_lang=None
        )
        result = mtclean.clean_and_explain("Plain text.", source_lang=code)
        info = [f for f in result.findings if f.rule == "terms/source-lang"]
        lang = code.strip().lower()
        if lang in ("pt", "pl", "ro"):
            return
        assert len(info) == 1 and info[0].kind == "info"
        assert f"source language: {lang} (" in info[0].message
        assert "no terms pack" in info[0].message

    def test_auto_is_none(self) -> None:
        """``"auto"`` (any case) lets mtclean decide, like ``None``."""
        assert mtclean.Options.from_kwargs(source_lang="AUTO").source_lang is None

    def test_unknown_disable_name(self) -> None:
        """Disabling something that does not exist is an error with a hint."""
        with pytest.raises(
            UnknownNormalizerError, match=r"cannot disable 'nmaes'.*did you mean 'names'"
        ):
            mtclean.clean("x", disable=["nmaes"])

    def test_pipeline_and_options_together(self) -> None:
        """pipeline= replaces the default pipeline, so options make no sense with it."""
        with pytest.raises(TypeError, match="either pipeline= or options"):
            mtclean.clean("x", pipeline=mtclean.make_pipeline(), source_lang="nl")


class TestOptions:
    """Options switch stages and rules on and off."""

    def test_rules_by_path_and_disable_pack(self) -> None:
        """A user pack by path applies; disabling the pack or its stage switches it off."""
        text = "The Second Chamber met."
        fixed = "The House of Representatives met."
        assert mtclean.clean(text, rules=[str(DEMO)], source_lang="de") == fixed
        assert mtclean.clean(text, rules=DEMO, source_lang="de", disable="my-site") == text
        assert mtclean.clean(text, rules=DEMO, disable=["terms"]) == text

    def test_explain_reports_spans_in_the_original(self) -> None:
        """clean_and_explain names each rule and its original span."""
        text = "x\nThe Navo summit met the Second Chamber."
        result = mtclean.clean_and_explain(text, rules=[DEMO])
        assert [(c.rule, text[c.start : c.end], c.after) for c in result.changes] == [
            ("my-site/navo", "Navo", "NATO"),
            ("my-site/second-chamber", "Second Chamber", "House of Representatives"),
        ]

    def test_custom_pipeline(self) -> None:
        """pipeline= runs a user pipeline instead of the default one."""
        p = mtclean.make_pipeline(str.upper)
        assert mtclean.clean("nato", pipeline=p) == "NATO"

    def test_default_pipeline_is_cached(self) -> None:
        """The same options give the same pipeline object (built once)."""
        assert mtclean.default_pipeline(source_lang="nl") is mtclean.default_pipeline(
            source_lang="nl"
        )

    def test_version(self) -> None:
        """The package has a version."""
        assert mtclean.__version__.count(".") == 2


def test_large_input_linear_path() -> None:
    """A 5 MB text goes through the default pipeline (timing lives in benchmarks/)."""
    paragraph = " ".join(["The minister said the talks would continue on Monday."] * 20) + "\n\n"
    text = paragraph * (5_000_000 // len(paragraph))
    assert mtclean.clean(text) == text


def test_a_second_pass_does_not_repeat_a_finding() -> None:
    """The sample needs two passes; the source language is reported once (the first
    pass's words), not again with the fewer words the second pass still sees."""
    sample = DEMO.parent.parent / "sample.txt"
    result = mtclean.clean_and_explain(sample.read_text(encoding="utf-8"))
    source = [f for f in result.findings if f.rule == "terms/source-lang"]
    assert len(source) == 1
    assert source[0].message.startswith("source language: nl (Dutch), from leftover words")
    assert "nl 6" in source[0].message
