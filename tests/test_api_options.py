"""The keyword options of the top-level functions: checked, documented, discoverable."""

from __future__ import annotations

import inspect
import pydoc
import subprocess
import sys
from pathlib import Path

import pytest

import mtclean
from mtclean import OptionsError, UnknownNormalizerError
from mtclean.options import Options

TABLE = "canonical\tvariants\nMaarten Verbeek\tMartin Verbeek\n"


def test_enable_rejects_unknown_names_with_a_hint() -> None:
    """A misspelt pack name for enable= is an error, not a silent no-op."""
    with pytest.raises(UnknownNormalizerError, match=r"cannot enable 'styel-en'.*'style-en'"):
        mtclean.clean("A plain sentence.", enable=["styel-en"])


def test_cli_enable_rejects_unknown_names(tmp_path: Path) -> None:
    """--enable with an unknown name fails with mtclean: error: and a hint."""
    doc = tmp_path / "a.txt"
    doc.write_text("A plain sentence.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mtclean", "clean", "--enable", "styel-en", str(doc)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "mtclean: error:" in run.stderr
    assert "did you mean 'style-en'?" in run.stderr


@pytest.mark.parametrize("suffix", [".tsv", ".csv"])
def test_name_table_is_accepted_by_rules(tmp_path: Path, suffix: str) -> None:
    """rules=[...] takes a CSV/TSV name table, as docs/names.md says."""
    path = tmp_path / f"people{suffix}"
    path.write_text(TABLE if suffix == ".tsv" else TABLE.replace("\t", ","), encoding="utf-8")
    options = Options.from_kwargs(rules=[str(path)])
    assert [(p.name, p.kind) for p in options.rules] == [("people", "names")]
    assert mtclean.clean("A plain sentence.", rules=[path]) == "A plain sentence."


def test_cli_rules_takes_a_name_table(tmp_path: Path) -> None:
    """--rules people.tsv loads the table."""
    table = tmp_path / "people.tsv"
    table.write_text(TABLE, encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("A plain sentence.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mtclean", "clean", "--rules", str(table), str(doc)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == "A plain sentence.\n"


def test_clean_many_refuses_one_string() -> None:
    """clean_many("abc") would clean three one-letter texts: it raises instead."""
    with pytest.raises(TypeError, match="not one str"):
        list(mtclean.clean_many("abc"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"boilerplate_max_share": "0.5"},
            r"a number between 0 and 1 \(such as 0\.5\), not the str '0\.5'",
        ),
        ({"boilerplate_max_share": 2}, r"between 0 \(exclusive\) and 1: 2"),
        ({"boilerplate_max_share": True}, "not the bool True"),
        ({"quotes": "curvy"}, "quotes must be None"),
        ({"repeated_paragraphs": "drop"}, "'report' or 'remove': 'drop'"),
        ({"name_style": "best"}, "name_style must be"),
        ({"disable": 3}, "disable takes a name or a list of names"),
        ({"sourcelang": "nl"}, "unknown option 'sourcelang' \\(did you mean 'source_lang'\\?\\)"),
    ],
)
def test_bad_option_values_raise_options_error(options: dict[str, object], message: str) -> None:
    """Each bad value is a clear OptionsError (also a TypeError and a ValueError)."""
    with pytest.raises(OptionsError, match=message) as info:
        mtclean.clean("A plain sentence.", **options)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "func", [mtclean.clean, mtclean.clean_and_explain, mtclean.clean_many, mtclean.default_pipeline]
)
def test_signature_shows_the_real_options(func: object) -> None:
    """help() and editors see every option as a keyword with its type and default."""
    params = inspect.signature(func).parameters  # type: ignore[arg-type]
    assert not any(p.kind is p.VAR_KEYWORD for p in params.values())
    assert params["source_lang"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["source_lang"].default is None
    assert params["boilerplate_max_share"].default == 0.5
    assert params["boilerplate_max_share"].annotation is float
    assert params["repeated_paragraphs"].default == "report"
    assert set(params) >= {f for f in Options.__dataclass_fields__}


def test_help_text_lists_the_options() -> None:
    """help(mtclean.clean) shows the options, not **options: Any."""
    text = pydoc.render_doc(mtclean.clean, renderer=pydoc.plaintext)
    assert "**options" not in text.splitlines()[2]
    assert "source_lang: str | None = None" in text
    assert "boilerplate_max_share: float = 0.5" in text


def test_rules_of_the_wrong_type_say_which_item() -> None:
    with pytest.raises(OptionsError, match="rules: item 2 is an int; give a bundled pack"):
        mtclean.clean("x", rules=["terms-nl", 7])
