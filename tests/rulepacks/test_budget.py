"""The time budget of user patterns covers a whole document and every pattern of a rule."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import mtclean
from mtclean import PatternTimeoutError
from mtclean.boilerplate.remover import BoilerplateRemover
from mtclean.kinds import KINDS, parse_rules
from mtclean.rulepacks import loader
from mtclean.rulepacks.budget import PATTERN_BUDGET, Budget
from mtclean.terms.replacer import TermReplacer

#: Backtracks exponentially on a long run of letters that ends without a digit
#: (as a TOML literal string).
SLOW = r"'(\w|\w\w)+\d'"
#: Worse: a 29-character line keeps it busy for minutes.
SLOWER = r"'(.|..|...)+\d'"
#: The same for a pattern searched backwards from the match (``before``).
SLOWER_BACK = r"'\d(.|..|...)+'"
#: Generous: the budget plus the regex engine's coarse timeout checks on a machine shared
#: with other jobs (unbounded, each case below runs for half a minute or more).
LIMIT = 15 * PATTERN_BUDGET


def _terms(rule: str, name: str = "my-port") -> mtclean.RulePack:
    return parse_rules(
        f'[pack]\nname = "{name}"\nkind = "terms"\n[[rules]]\nid = "haven"\n{rule}\n'
    )


def _timed_failure(func: Callable[..., object], *args: object) -> tuple[PatternTimeoutError, float]:
    start = time.monotonic()
    with pytest.raises(PatternTimeoutError) as info:
        func(*args)
    return info.value, time.monotonic() - start


def test_budget_is_per_document_not_per_line() -> None:
    """A hundred slow lines spend one budget, not a hundred: each line alone stays well
    within it (about 0.3 s), so a budget per line would never stop the 30 s run."""
    pack = _terms(f"pattern = 'Haven {SLOW[1:]}\ntrigger = 'Haven'\nreplace = 'Port'")
    text = "\n".join(["Haven " + "a" * 26 + "!"] * 100)
    assert mtclean.clean("warm", rules=[pack]) == "warm"  # the pipeline is built once
    error, elapsed = _timed_failure(lambda: mtclean.clean(text, rules=[pack]))
    assert elapsed < LIMIT
    assert "rule 'my-port/haven' (pack 'my-port'), field 'pattern'" in str(error)
    assert f"longer than {PATTERN_BUDGET} s on one document of {len(text)} characters" in str(error)


@pytest.mark.parametrize("field", ["unless", "line_has", "not_line_has"])
def test_line_patterns_are_budgeted(field: str) -> None:
    """A catastrophic context regex on a 29-character line stops within the budget."""
    pack = _terms(f'find = "Havenbedrijf"\nreplace = "Port Authority"\n{field} = {SLOWER}')
    text = "Havenbedrijf said aaaaaaaaaa!"
    assert len(text) == 29
    error, elapsed = _timed_failure(TermReplacer((pack,)).fix, text)
    assert elapsed < LIMIT
    assert f"rule 'my-port/haven' (pack 'my-port'), field '{field}'" in str(error)


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("before", "said " + "a" * 40 + " Havenbedrijf"),
        ("not_before", "said " + "a" * 40 + " Havenbedrijf"),
        ("after", "Havenbedrijf said " + "a" * 40 + "!"),
        ("not_after", "Havenbedrijf said " + "a" * 40 + "!"),
    ],
)
def test_neighbour_patterns_are_budgeted(field: str, text: str) -> None:
    """before/after patterns see the text beside the match: budgeted as well."""
    slow = SLOWER_BACK if "before" in field else SLOWER
    pack = _terms(f'find = "Havenbedrijf"\nreplace = "Port Authority"\n{field} = {slow}')
    error, elapsed = _timed_failure(TermReplacer((pack,)).fix, text)
    assert elapsed < LIMIT
    assert f"rule 'my-port/haven' (pack 'my-port'), field '{field}'" in str(error)


def test_boilerplate_budget_is_per_document() -> None:
    """User boilerplate patterns share one budget per document too."""
    pack = parse_rules(
        '[pack]\nname = "my-site"\nkind = "boilerplate"\n'
        f'[[rules]]\nid = "menu"\npattern = {SLOW}\nwhere = "anywhere"\n'
    )
    text = "\n".join(f"{'a' * 24}{'b' * (i % 7)}!" for i in range(100))
    error, elapsed = _timed_failure(BoilerplateRemover((pack,)).fix, text)
    assert elapsed < LIMIT
    assert "rule 'my-site/menu' (pack 'my-site'), field 'pattern'" in str(error)


def test_a_bundled_looking_name_is_still_budgeted() -> None:
    """The budget follows the rule's origin: a user pack named like the bundled ones
    ("terms-xx") is a user pack."""
    pack = _terms(f'find = "Havenbedrijf"\nreplace = "Port"\nunless = {SLOWER}', "terms-xx")
    _, elapsed = _timed_failure(TermReplacer((pack,)).fix, "Havenbedrijf said aaaaaaaaaa!")
    assert elapsed < LIMIT


def test_bundled_patterns_run_unbounded() -> None:
    """Rules of a bundled pack run without a budget (they are trusted, and fast)."""
    body = '[pack]\nname = "mine"\nkind = "{}"\n[[rules]]\nid = "r"\npattern = "ab+"\n{}'
    terms = loader.parse_rules(body.format("terms", 'replace = "x"'), kinds=KINDS, bundled=True)
    replacer = TermReplacer((terms,))
    assert replacer._rule(0).trusted
    user = loader.parse_rules(body.format("terms", 'replace = "x"'), kinds=KINDS)
    assert not TermReplacer((user,))._rule(0).trusted
    plate = loader.parse_rules(body.format("boilerplate", ""), kinds=KINDS, bundled=True)
    assert not BoilerplateRemover((plate,))._any.bounded
    user_plate = loader.parse_rules(body.format("boilerplate", ""), kinds=KINDS)
    assert BoilerplateRemover((user_plate,))._any.bounded


def test_fast_user_patterns_are_unaffected() -> None:
    """A well-behaved user pattern on a long document is not stopped by the budget."""
    pack = _terms('pattern = "Haven ?bedrijf"\ntrigger = "Haven"\nreplace = "Port Authority"')
    text = "\n".join(["The Havenbedrijf said no."] * 2000)
    assert mtclean.clean(text, rules=[pack]) == "\n".join(["The Port Authority said no."] * 2000)


def test_only_time_in_user_patterns_counts() -> None:
    """A long document whose other work takes longer than the budget is not stopped: the
    budget counts the time spent inside user patterns, not since the document began."""
    budget = Budget.start(0.05)
    time.sleep(0.1)  # other work of the step
    import regex

    assert budget.search(regex.compile("b"), "abc", rule="p/r") is not None
    assert 0 <= budget.spent[0] < 0.05


def test_spent_budget_raises_before_running() -> None:
    """A budget already spent refuses the next pattern at once."""
    import regex

    spent = Budget(1.0)
    spent.spent[0] = 1.0
    with pytest.raises(PatternTimeoutError, match=r"rule 'p/r' \(pack 'p'\), field 'unless'"):
        spent.search(regex.compile("a"), "a", rule="p/r", field="unless")
