"""The fast TOML path for big packs gives exactly tomllib's result and errors."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from mtclean.rulepacks import toml

#: A comment that makes any text big enough for the fast path.
PAD = "# " + "padding " * 1500 + "\n"
HEAD = PAD + '[pack]\nname = "big"\nkind = "terms"\n'


def _same(text: str) -> None:
    try:
        expected: object = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        expected = ("error", str(exc))
    try:
        got: object = toml.loads(text)
    except tomllib.TOMLDecodeError as exc:
        got = ("error", str(exc))
    assert got == expected


def _rule(i: int) -> str:
    return f'\n[[rules]]\nid = "r{i}"  # rule {i}\nfind = \'Term{i}\'\nreplace = "ítem {i}"\n'


def test_plain_pack_takes_the_fast_path() -> None:
    """A plain pack is read without tomllib's rule-by-rule parse, to the same result."""
    text = HEAD + "".join(_rule(i) for i in range(300)) + "enabled = false\n"
    assert toml._fast(text) == tomllib.loads(text)


def test_rules_with_more_go_through_tomllib_alone() -> None:
    """A rule with an array, an escape or an inline table is parsed by tomllib, alone."""
    extra = [
        'examples = [{ input = "a", expected = "b" }]\n',
        'find = ["a", "b"]\n',
        'note = "say \\"why\\""\n',
        "note = '''two\n[[rules]]\nlines'''\n",
        "confidence = 0.5\n",
        '"quoted key" = "x"\n',
    ]
    for line in extra:
        _same(HEAD + _rule(1) + line + _rule(2))


def test_errors_are_tomllib_errors() -> None:
    """Broken packs fail with tomllib's message and line, whatever path saw them."""
    broken = [
        'id = "again"\n',  # a duplicate key
        'note = "unclosed\n',
        "note = 'tab\tand \x01 control'\n",
        "[pack]\nname = 'twice'\n",
        "flag = truex\n",
        "= 'no key'\n",
    ]
    for line in broken:
        _same(HEAD + _rule(1) + line + _rule(2))


def test_odd_layouts() -> None:
    """CR LF line ends, no final newline, headers with spaces and comments, rules first."""
    body = _rule(1) + _rule(2)
    _same((HEAD + body).replace("\n", "\r\n"))
    _same(HEAD + body.rstrip("\n"))
    _same(HEAD + body.replace("[[rules]]", "  [[ rules ]]  # next"))
    _same(PAD + body + '[pack]\nname = "late"\n')
    _same(PAD + "rules = []\n" + body)


_VALUE = st.text(alphabet=st.sampled_from(list("ab \"'\\#\t\x01\x7fé€[]=\n")), max_size=8)
_KEY = st.sampled_from(["id", "find", "replace", "note", "case", "a-b", "x y", "k.v"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(_KEY, _VALUE, st.integers(0, 3)), max_size=4), max_size=6))
def test_any_generated_pack_parses_like_tomllib(rules: list[list[tuple[str, str, int]]]) -> None:
    """Random keys, quotes, escapes and control characters: same result or same error."""
    parts = [HEAD]
    for rule in rules:
        parts.append("[[rules]]\n")
        for key, value, style in rule:
            quoted = ['"{}"', "'{}'", "{}", '"""{}"""'][style].format(value)
            parts.append(f"{key} = {quoted}\n")
    _same("".join(parts))
