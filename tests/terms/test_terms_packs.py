"""The bundled term packs: every example, the pack standards, and clean English untouched."""

from __future__ import annotations

import functools

import pytest

import mtclean
from mtclean.kinds import available_packs, load_rules
from mtclean.rulepacks.model import Example, Rule, RulePack
from mtclean.terms.kind import KIND
from mtclean.terms.replacer import TermReplacer

TERM_PACKS = [n for n in available_packs() if n.startswith(("terms-", "style-"))]
SOURCE_PACKS = [f"terms-{lang}" for lang in ("nl", "de", "fr", "es", "it")]


@functools.cache
def _step(name: str) -> TermReplacer:
    step = KIND.build(load_rules(name))
    assert isinstance(step, TermReplacer)
    return step


def _example_problems(step: TermReplacer, rule: Rule, example: Example) -> list[str]:
    problems = []
    got = step.fix(example.input)
    if got != example.expected:
        problems.append(f"{rule.full_id}: {example.input!r} -> {got!r}, not {example.expected!r}")
    analysis = step.analyze(example.input, audit=True)
    fired = {e.rule for e in analysis.edits} | {f.rule for f in analysis.findings}
    if example.input != example.expected and rule.full_id not in fired:
        problems.append(f"{rule.full_id}: the example {example.input!r} must exercise its rule")
    again = step.fix(example.expected)  # cleaning twice changes nothing more
    if again != example.expected:
        problems.append(f"{rule.full_id}: not idempotent: {example.expected!r} -> {again!r}")
    return problems


@pytest.mark.parametrize("name", TERM_PACKS)
def test_pack_examples(name: str) -> None:
    step = _step(name)
    problems = [
        problem
        for rule in load_rules(name).rules
        for example in rule.examples
        for problem in _example_problems(step, rule, example)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", TERM_PACKS)
def test_every_flag_rule_fires_on_an_example(name: str) -> None:
    pack = load_rules(name)
    step = _step(name)
    for rule in pack.rules:
        if rule.get("action") == "flag":
            fired = {
                f.rule
                for ex in rule.examples
                for f in step.findings(ex.input)  # type: ignore[attr-defined]
            }
            assert rule.full_id in fired, rule.full_id


@pytest.mark.parametrize("name", SOURCE_PACKS)
def test_source_pack_standards(name: str) -> None:
    pack = load_rules(name)
    assert pack.kind == "terms"
    assert pack.lang == name.removeprefix("terms-")
    assert len(pack.rules) >= 60


@pytest.mark.parametrize("name", TERM_PACKS)
def test_every_rule_has_a_note_and_an_example(name: str) -> None:
    pack: RulePack = load_rules(name)
    for rule in pack.rules:
        assert rule.note.strip(), rule.full_id
        assert rule.examples, rule.full_id
        if rule.get("pattern") is not None:
            assert rule.get("trigger"), f"{rule.full_id}: a regex rule needs a trigger"


def test_style_packs_are_off_by_default() -> None:
    assert load_rules("style-en").enabled is False
    assert mtclean.clean("Kiev") == "Kiev"
    assert mtclean.clean("Kiev", enable=["style-en"]) == "Kyiv"


CLEAN_ENGLISH = [
    "NATO leaders met in Brussels for a summit on Thursday.",
    "The NATO summit in Vilnius ended with a joint statement.",
    "Tourists queued for hours to see the Statue of Liberty / AFP",
    "A statue of Peter Stuyvesant stands in the square.",
    "Image: NASA / JPL-Caltech",
    "The image shows the Navona square in Rome at dusk.",
    "Picture Alliance / dpa",
    "Photo: Remko de Waal / ANP",
    "The Mirror, a British tabloid, reported the story.",
    "He hosted The Daily Show for years.",
    "The World Cup begins in June.",
    "The Press was not allowed into the courtroom.",
    "That is a sensible decision, and the actual cost was higher.",
    "He actually said that the eventual winner was clear.",
    "We ordered chicken Kiev and Peking duck.",
    "The laptop has 16 GB of DDR5 memory and runs UNO.",
    "Built in 500 BCE, the temple still stands in Rome.",
    "The Netherlands, Germany and France signed the treaty in The Hague.",
    "In May the Mayor of Rome met Mei Lin and Julio Domingo.",
    "The European Council President spoke about the Land of Israel.",
    "Sheriff's deputies arrived; the heart's second chamber pumps blood.",
    "Emperor Augustus ruled Rome; Athene was the goddess of wisdom.",
    "She grew up in Odessa, Texas, and studied in Geneva.",
    "Prices rose 5 percent to 2 billion euros, the euro's highest level.",
    "John M. Coetzee and John Smith Sr. attended the Second World War memorial.",
    "Rom and Sinti were persecuted; AS Roma won the match.",
    "The summit ended. Leaders left for Berlin, Paris and Warsaw.",
]


@pytest.mark.parametrize("lang", [None, "nl", "de", "fr", "es", "it"])
def test_clean_english_is_untouched(lang: str | None) -> None:
    text = "\n".join(CLEAN_ENGLISH)
    result = mtclean.clean_and_explain(
        text, source_lang=lang, disable=["boilerplate", "names", "punctuation", "spacing"]
    )
    assert [c.rule for c in result.changes if c.step == "terms"] == []
    assert result.text == text


# Source-language names English news also uses, titles, and English words that are
# also source-language terms: none is an error.
NOT_ERRORS = [
    "GreenLeft and Green Left won seats; the Rassemblement National and La France insoumise lost.",
    "The Tweede Kamer, the Bundestag and the Assemblée nationale voted.",
    "Le Monde, Corriere della Sera and El País reported the Guardia Civil raid.",
    "M. Night Shyamalan met Mme. Curie's biographer; Herr Schmidt said “Guten Tag”.",
    "In Mai the Rom of Europe, the mars rover and Nato leaders met.",
    "Bayern Munich beat Napoli; Sevilla drew with Roma; Torino lost.",
    "The Picture Alliance photo of the Boulevard Italien, actually in progress.",
    "John Smith Sr. and Sr. Mary Jones attended; Yes We Can, the party said.",
    "Peking duck, the DDR Museum and the minister-president of Flanders.",
    "A naval ship, a navel orange and Keeper of the Seals.",
]


@pytest.mark.parametrize("lang", [None, "nl", "de", "fr", "es", "it"])
def test_source_names_titles_and_english_words_are_not_changed(lang: str | None) -> None:
    text = "\n".join(NOT_ERRORS)
    result = mtclean.clean_and_explain(
        text, source_lang=lang, disable=["boilerplate", "names", "punctuation", "spacing"]
    )
    assert [c.rule for c in result.changes if c.step == "terms"] == []
