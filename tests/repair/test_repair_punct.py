"""Punctuation repair: doubled marks, space before marks, glued sentences."""

from __future__ import annotations

import pytest

from mtclean.pipeline import Pipeline
from mtclean.repair.punct import (
    DOUBLED,
    GLUED,
    PUNCT_RULES,
    SPACE_BEFORE,
    PunctuationRepairer,
    protected_spans,
)

FIX = PunctuationRepairer()

POSITIVE = [
    # the join left by a dropped sentence
    (
        "limits, including arms control. . The deputy minister",
        "limits, including arms control. The deputy minister",
        DOUBLED,
    ),
    ("savage.. Fighting side by side", "savage. Fighting side by side", DOUBLED),
    ("at sea ,, the passengers", "at sea, the passengers", DOUBLED),
    ("Aye,, harpooneer", "Aye, harpooneer", DOUBLED),
    ("first ; ; second", "first; second", DOUBLED),
    ("end of story..\n", "end of story.\n", DOUBLED),
    ("“Well ,, what is that?”", "“Well, what is that?”", DOUBLED),
    # space before a mark
    ("what they suffered , for every family", "what they suffered, for every family", SPACE_BEFORE),
    ("I could not stay . I left", "I could not stay. I left", SPACE_BEFORE),
    ("Was it true ? Nobody knew !", "Was it true? Nobody knew!", SPACE_BEFORE),
    ("the reason : money", "the reason: money", SPACE_BEFORE),
    ("as he said ;", "as he said;", SPACE_BEFORE),
    ("“Quick , he said .”", "“Quick, he said.”", SPACE_BEFORE),
    # glued sentences and captions
    (
        "Training a unit near the capital, Kiev.Statue of Emil Duc / de Volkskrant",
        "Training a unit near the capital, Kiev. Statue of Emil Duc / de Volkskrant",
        GLUED,
    ),
    (
        "Soldiers near the capital, Kyiv.Photo: Jan Smit / outlet",
        "Soldiers near the capital, Kyiv. Photo: Jan Smit / outlet",
        GLUED,
    ),
    ("he was there.The next day", "he was there. The next day", GLUED),
    ("Really?Yes. Amazing!Then", "Really? Yes. Amazing! Then", GLUED),
    ("in Zürich.Überall", "in Zürich. Überall", GLUED),
]


@pytest.mark.parametrize(("text", "expected", "rule"), POSITIVE)
def test_repairs(text: str, expected: str, rule: str) -> None:
    assert FIX(text) == expected
    assert rule in {c.rule for c in Pipeline((FIX,)).explain(text).changes}
    assert FIX(expected) == expected  # idempotent


NEGATIVE = [
    # clean professional prose
    "The Statue of Liberty stands in New York. It was a gift from France.",
    "NATO ministers met on Friday; the talks, he said, went well.",
    # ellipses
    "Wait... what? And then . . . nothing. Or this.... Or that …",
    "He paused ... then spoke.",
    # abbreviations and initials
    "The U.S. and the U.K. agreed, e.g. on trade, i.e. on tariffs, at 9 a.m. sharp.",
    "Mr. Smith, Mrs.Smith, Dr. No. 5, St. Louis, J.K. Rowling and J. R. R. Tolkien.",
    "Jekyll, M.D., D.C.L., L.L.D., F.R.S., etc., all his possessions",
    "It came in Jan.Feb. was colder, etc.The end",
    # numbers, decimals, versions, times
    "It grew 3.5% to 1,234.56 euros in v1.2.3 at 10.30 and 10:30, a 3 : 1 vote.",
    "Ranges like 1..10 and paths like ../up and ./run stay.",
    # URLs, e-mails, domains, file names
    "See https://www.example.com/News.Today?Id=3,,4 or www.Example.org/A.B for more.",
    "Write to press.office@Example.Com or Jan.Smit@nos.nl today.",
    "The site Nu.nl and Booking.Com reported it, as did bbc.co.uk.",
    "Open Report.Docx and Notes.Txt, then setup.py.",
    # code-like strings
    "Run `a ? b : c ;` and `x ,y` in the shell.",
    'Call System.Console.WriteLine("Hi") or os.Path.Join(a, b).',
    'Set "for (;;) { x ; }" in the config.',
    # non-English text and scripts
    "Il a dit : « non ! » et puis ? « rien ; »",
    "Der Bürgermeister sagte: Die Stadt wächst. Das ist gut.",
    "东京是日本的首都。北京是中国的首都。",
    "تل أبيب. القدس؛ عمان، بيروت؟",
    "ירושלים. תל אביב, חיפה!",
    # .NET, calibres and leading dots
    "the .NET runtime, a .45 pistol and the .com boom",
    # quoted marks talked about
    'The comma (",") and the period (".") are marks.',
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_unchanged(text: str) -> None:
    assert FIX(text) == text
    assert FIX.edits(text) == []


@pytest.mark.parametrize("rule", PUNCT_RULES)
def test_each_rule_switches_off(rule: str) -> None:
    step = PunctuationRepairer(active=frozenset(PUNCT_RULES) - {rule})
    for text, _, fired in POSITIVE:
        if fired == rule:
            assert rule not in {e.rule for e in step.edits(text)}


def test_protected_spans() -> None:
    text = "Mail a@b.org, see example.com or `x , y` and Notes.txt"
    spans = [text[s:t] for s, t in protected_spans(text)]
    assert spans == ["a@b.org", "example.com", "`x , y`", "Notes.txt"]


def test_glued_insertion_is_a_pure_insertion() -> None:
    (edit,) = FIX.edits("in Kiev.Statue")
    assert (edit.start, edit.end, edit.replacement, edit.rule) == (8, 8, " ", GLUED)
