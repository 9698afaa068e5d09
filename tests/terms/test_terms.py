"""The term engine: matching, case policy, boundaries, context, load-time checks, stage."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtclean
from mtclean.errors import RulePackError
from mtclean.kinds import parse_rules
from mtclean.options import Options
from mtclean.terms.kind import KIND
from mtclean.terms.match import triples
from mtclean.terms.replacer import SOURCE_LANG_RULE, TermReplacer
from mtclean.terms.stage import build_steps


def pack(rules: str, *, lang: str = "", name: str = "t") -> object:
    head = f'[pack]\nname = "{name}"\nkind = "terms"\nlang = "{lang}"\n'
    return parse_rules(head + rules)


def fix(rules: str, text: str, **kw: str) -> str:
    return TermReplacer((pack(rules, **kw),)).fix(text)  # type: ignore[arg-type]


NAVO = """
[[rules]]
id = "navo"
find = "Navo"
replace = "NATO"
case = "exact"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Navo's summit", "NATO's summit"),
        ("Navo’s summit", "NATO’s summit"),
        ("the Navo-top", "the NATO-top"),
        ("NAVO, navo, Navo.", "NATO, NATO, NATO."),
        ("(Navo)", "(NATO)"),
        ("Navona", "Navona"),
        ("Navoö", "Navoö"),
        ("éNavo", "éNavo"),
        ("Navo2", "Navo2"),
        ("", ""),
    ],
)
def test_word_boundaries_are_unicode_aware(text: str, expected: str) -> None:
    assert fix(NAVO, text) == expected


def test_spans_are_on_the_original_string() -> None:
    # "İ".lower() is two characters: lowercasing the whole text would shift offsets.
    text = "İİİ Navo İstanbul Navo"
    edits = TermReplacer((pack(NAVO),)).edits(text)  # type: ignore[arg-type]
    assert [(e.start, e.end) for e in edits] == [(4, 8), (18, 22)]
    assert all(text[e.start : e.end] == "Navo" for e in edits)


def test_case_policies() -> None:
    rules = """
[[rules]]
id = "kamer"
find = "tweede kamer"
replace = "house of representatives"
[[rules]]
id = "exact"
find = "navo"
replace = "NATO"
case = "exact"
[[rules]]
id = "sens"
find = "VS"
replace = "US"
case = "sensitive"
"""
    assert fix(rules, "Tweede Kamer") == "House of Representatives"  # a title stays one
    assert fix(rules, "Tweede kamer") == "House of representatives"
    assert fix(rules, "TWEEDE KAMER") == "HOUSE OF REPRESENTATIVES"
    assert fix(rules, "tweede kamer") == "house of representatives"
    assert fix(rules, "navo NAVO") == "NATO NATO"
    assert fix(rules, "VS vs Vs") == "US vs Vs"


def test_longest_match_wins_whatever_the_rule_order() -> None:
    a = '[[rules]]\nid = "a"\nfind = "Navo"\nreplace = "NATO"\ncase = "exact"\n'
    b = '[[rules]]\nid = "b"\nfind = "Navo-top"\nreplace = "NATO summit"\ncase = "exact"\n'
    text = "The Navo-top and Navo."
    assert fix(a + b, text) == fix(b + a, text) == "The NATO summit and NATO."


def test_regex_rules_need_their_trigger_and_expand_groups() -> None:
    rules = r"""
[[rules]]
id = "kab"
pattern = '(?-i:kabinet)-((?-i:\p{Lu})\p{L}+)'
trigger = "kabinet-"
replace = "\\1 cabinet"
case = "sensitive"
"""
    assert fix(rules, "The kabinet-Rutte fell.") == "The Rutte cabinet fell."
    assert fix(rules, "The kabinet-rutte fell.") == "The kabinet-rutte fell."


def test_context_conditions() -> None:
    rules = r"""
[[rules]]
id = "mei"
find = "mei"
replace = "May"
before = '\d'
[[rules]]
id = "koning"
find = "Koning"
case = "sensitive"
replace = "King"
after = '(?-i:\p{Lu})'
[[rules]]
id = "hdr"
find = "Beeld"
replace = "Photo:"
position = "line_start"
line_shape = "caption"
[[rules]]
id = "liberty"
pattern = 'Statue of'
trigger = "statue"
replace = "Photo:"
unless = 'Statue of Liberty'
[[rules]]
id = "paper"
find = "Faithful"
case = "sensitive"
replace = "Trouw"
line_has = 'newspaper'
not_before = 'remained'
"""
    assert fix(rules, "On 4 mei it ended; Mei Lin said") == "On 4 May it ended; Mei Lin said"
    assert fix(rules, "Koning Willem; the painter Koning.") == "King Willem; the painter Koning."
    assert fix(rules, "Beeld Anna Bos / ANP") == "Photo: Anna Bos / ANP"
    assert fix(rules, "Soldiers. Beeld Anna Bos / ANP") == "Soldiers. Beeld Anna Bos / ANP"
    assert fix(rules, "Beeld is a word in a long sentence that is no caption.") == (
        "Beeld is a word in a long sentence that is no caption."
    )
    assert fix(rules, "Statue of Liberty; Statue of Anna") == "Statue of Liberty; Photo: Anna"
    assert fix(rules, "The newspaper Faithful said") == "The newspaper Trouw said"
    assert fix(rules, "He remained Faithful, the newspaper said") == (
        "He remained Faithful, the newspaper said"
    )


def test_source_language_text_and_quoted_names_are_left_alone() -> None:
    rules = NAVO + '[[rules]]\nid = "rus"\nfind = "Rusland"\nreplace = "Russia"\n'
    nl = pack(rules, lang="nl")
    step = TermReplacer((nl,))  # type: ignore[arg-type]
    dutch = "De Navo heeft niet gezegd dat het zou gebeuren, zei hij."
    assert step.fix(dutch) == dutch
    quoted = 'the book "Het boek van de Navo" sold well; Navo agreed'
    assert step.fix(quoted) == 'the book "Het boek van de Navo" sold well; NATO agreed'
    assert step.fix('not a "Navo" state') == 'not a "NATO" state'
    assert step.fix("the Handelsblad van Rusland; talks with Rusland") == (
        "the Handelsblad van Rusland; talks with Russia"
    )


def test_flag_rules_give_findings_not_changes() -> None:
    rules = """
[[rules]]
id = "ev"
pattern = 'eventual(?= membership)'
trigger = "eventual"
action = "flag"
message = "false friend?"
confidence = 0.4
"""
    step = TermReplacer((pack(rules),))  # type: ignore[arg-type]
    text = "Its eventual membership."
    assert step.edits(text) == []
    (finding,) = step.findings(text)
    assert (finding.start, finding.end, finding.rule, finding.confidence) == (4, 12, "t/ev", 0.4)


@pytest.mark.parametrize(
    ("rules", "field", "message"),
    [
        (
            '[[rules]]\nid = "x"\nfind = "Navo"\nreplace = "Navo-top"\ncase = "exact"\n',
            "replace",
            "not idempotent",
        ),
        ('[[rules]]\nid = "x"\nfind = "a"\npattern = "b"\nreplace = "c"\n', "find", "exactly one"),
        ('[[rules]]\nid = "x"\nfind = "a"\n', "replace", "needs 'replace'"),
        ('[[rules]]\nid = "x"\npattern = "a*"\nreplace = "b"\n', "pattern", "empty string"),
        ('[[rules]]\nid = "x"\nfind = "a"\nreplace = "b"\ntrigger = "a"\n', "trigger", "regex"),
        ('[[rules]]\nid = "x"\nfind = "a"\nreplace = "b"\nposition = "top"\n', "position", ""),
        ('[[rules]]\nid = "x"\nfind = "a"\nreplace = "b"\nbefore = "("\n', "before", "regular"),
    ],
)
def test_bad_packs_are_rejected_at_load(rules: str, field: str, message: str) -> None:
    with pytest.raises(RulePackError) as info:
        pack(rules)
    assert info.value.field == field
    assert message in str(info.value)


def test_example_outputs_must_be_stable() -> None:
    rules = """
[[rules]]
id = "a"
find = "Navo"
replace = "NATO"
case = "exact"
examples = [{ input = "Navo", expected = "Navo-top" }]
[[rules]]
id = "b"
find = "Navo-top"
replace = "NATO summit"
case = "exact"
"""
    with pytest.raises(RulePackError, match="expected output 'Navo-top' is changed again"):
        pack(rules)


def test_kind_build_returns_a_working_step() -> None:
    step = KIND.build(pack(NAVO))  # type: ignore[arg-type]
    assert step.name == "terms"
    assert step.fix("Navo") == "NATO"  # type: ignore[attr-defined]
    assert "t/navo" in step.rule_ids  # type: ignore[attr-defined]


def test_build_steps_picks_packs_from_options() -> None:
    (nl,) = build_steps(Options(source_lang="nl"))
    assert nl.pack_names == ("terms-nl",)
    (auto,) = build_steps(Options())
    langs = ("nl", "de", "fr", "es", "it", "pt", "pl", "ro")
    assert set(auto.pack_names) == {f"terms-{lang}" for lang in langs}
    (styled,) = build_steps(Options(source_lang="de", enable=frozenset({"style-en"})))
    assert styled.pack_names == ("terms-de", "style-en")
    assert build_steps(Options(source_lang="fr", disable=frozenset({"terms-fr"}))) == []


def test_disable_a_single_rule_and_enable_a_style_pack() -> None:
    text = "Navo met near Kiev. Rusland objected."
    assert mtclean.clean(text, source_lang="nl") == "NATO met near Kiev. Russia objected."
    out = mtclean.clean(text, source_lang="nl", disable=["terms-nl/navo"])
    assert out == "Navo met near Kiev. Russia objected."
    out = mtclean.clean(text, source_lang="nl", enable=["style-en"])
    assert out == "NATO met near Kyiv. Russia objected."


def test_user_packs_join_the_stage() -> None:
    user = pack(
        '[[rules]]\nid = "site"\nfind = "Wereldnieuws"\nreplace = "World news"\n', name="my-site"
    )
    out = mtclean.clean("Wereldnieuws: Navo met.", source_lang="nl", rules=[user])
    assert out == "World news: NATO met."


def test_source_language_is_detected_and_recorded() -> None:
    text = "Ukraine is not a Navuled. Talks in Brussel on Monday. The Second Chamber agreed."
    result = mtclean.clean_and_explain(text)
    assert result.text == (
        "Ukraine is not a NATO member. Talks in Brussels on Monday. "
        "The House of Representatives agreed."
    )
    decision = [f for f in result.findings if f.rule == SOURCE_LANG_RULE]
    assert len(decision) == 1
    assert (decision[0].start, decision[0].end) == (0, 0)
    assert "source language: nl" in decision[0].message


def test_ambiguous_terms_need_evidence() -> None:
    # "Second Chamber" is a Dutch calque only if the text is otherwise Dutch-sourced.
    text = "The Second Chamber of the heart and The World newspaper reported it."
    assert mtclean.clean(text) == text
    step = build_steps(Options())[0]
    assert step.decide(text) == ""


def test_leftover_words_become_findings() -> None:
    text = "The minister said that het plan niet works."
    result = mtclean.clean_and_explain(text, source_lang="nl")
    words = [text[f.start : f.end] for f in result.findings if f.rule == "terms/leftover"]
    assert words == ["het", "niet"]


def test_one_key_for_a_word_and_a_word_start() -> None:
    # "kabinet" (a whole word) and the trigger "kabinet-" (a word start) map to the
    # same automaton key; each keeps its own offsets.
    from mtclean.terms.match import TermIndex

    index = TermIndex()
    trigger = index.add_many(["kabinet-"], whole_word=False, word_start=True)
    word = index.add_many(["kabinet"])
    index.build()
    hits = sorted(triples(index.scan("het kabinet-Rutte en het kabinet")))
    assert hits == [(4, 11, word), (4, 12, trigger), (25, 32, trigger), (25, 32, word)]


@pytest.mark.parametrize(
    "text",
    [
        "NAVO is the Dutch acronym for NATO.",
        "The Dutch word for NATO is Navo.",
        "the Dutch acronym NAVO appears on the sign",
        '"Navo" means NATO in Dutch.',
        "Rusland (Dutch for Russia) is on the list.",
        "Dutch: Rusland.",
        "known in Dutch as the Rusland question.",
    ],
)
def test_a_term_talked_about_as_a_word_is_left_alone(text: str) -> None:
    rules = NAVO + '[[rules]]\nid = "rus"\nfind = "Rusland"\nreplace = "Russia"\n'
    assert fix(rules, text, lang="nl") == text


def test_mention_guard_does_not_block_real_leftovers() -> None:
    assert fix(NAVO, "A long-term Navo plan; Navo, German officials said.") == (
        "A long-term NATO plan; NATO, German officials said."
    )


def test_capitalised_triggers_match_only_as_written() -> None:
    rules = r"""
[[rules]]
id = "img"
pattern = '(?-i:Image)(?= (?-i:\p{Lu})\p{L}+ /)'
trigger = "Image"
replace = "Photo:"
case = "exact"
"""
    step = TermReplacer((pack(rules),))  # type: ignore[arg-type]
    assert step.fix("Image Anna / ANP") == "Photo: Anna / ANP"
    assert step.fix("image Anna / ANP") == "image Anna / ANP"
    assert step.fix("an image of it") == "an image of it"


def test_not_line_has() -> None:
    rules = r"""
[[rules]]
id = "napoli"
find = "Napoli"
case = "sensitive"
replace = "Naples"
not_line_has = '(?i)\b(?:match|beat|league)\b'
"""
    assert fix(rules, "Flooding in Napoli.") == "Flooding in Naples."
    assert fix(rules, "Inter beat Napoli in the league.") == "Inter beat Napoli in the league."


def test_index_finds_keys_among_non_ascii_neighbours() -> None:
    from mtclean.terms.match import PREFIX, TermIndex, fold_term

    long = "Staatssecretarissen"  # longer than the automaton's key prefix
    assert len(long) > PREFIX
    terms = ["Navo", "Kabinet", "Oekraïne", "The World", long, "Ελλάδα"]
    index = TermIndex()
    index.add_many(terms)
    index.build()
    for text, term in [
        ("’Navo’", "Navo"),
        ("«NAVO»", "Navo"),
        ("—navo—", "Navo"),
        ("İİ navo", "Navo"),
        ("in Oekraïne.", "Oekraïne"),
        ("OEKRAÏNE", "Oekraïne"),
        ("«The World»", "The World"),
        ("het \u212aabinet", "Kabinet"),
        ("𝕏 de staatssecretarissen", long),
        ("in ΕΛΛΆΔΑ", "Ελλάδα"),
    ]:
        spans = [(s, e) for s, e, i in triples(index.scan(text)) if terms[i] == term]
        assert spans, text
        assert all(fold_term(text[s:e]) == fold_term(term) for s, e in spans), text
    for text in ["Navona", "Oekraïners", "staatssecretarissenbrief", "the worlds"]:
        assert list(triples(index.scan(text))) == [], text


def test_index_keys_registered_twice_and_cased_keys() -> None:
    from mtclean.terms.match import TermIndex

    index = TermIndex()
    index.add_many(["Navo", "NAVO", "", "’s"])
    index.add_many(["Navo", "The World"], cased=True)
    index.build()
    assert sorted(triples(index.scan("navo and Navo"))) == [
        (0, 4, 0),
        (0, 4, 1),
        (9, 13, 0),
        (9, 13, 1),
        (9, 13, 4),
    ]
    assert list(triples(index.scan("the world"))) == []
    assert list(triples(index.scan("in The World"))) == [(3, 12, 5)]
    assert list(triples(index.scan("Anna’s"))) == [(4, 6, 3)]


def test_greek_terms_and_non_ascii_offsets() -> None:
    rules = NAVO + '[[rules]]\nid = "gr"\nfind = "Ελλάδα"\nreplace = "Greece"\n'
    assert (
        fix(rules, "«Navo» in Ελλάδα, not Ελλάδας; ΕΛΛΆΔΑ")
        == "«NATO» in Greece, not Ελλάδας; GREECE"
    )
    # Capitals whose lower case is shorter or longer in UTF-8 ("ẞ" -> "ß", Kelvin sign).
    rules = '[[rules]]\nid = "s"\nfind = ["straße", "kabinet"]\nreplace = "street"\n'
    assert fix(rules, "«STRAẞE», Straße, \u212aabinet") == "«STREET», Street, Street"


def test_source_language_decision_is_information_not_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mtclean.cli.main import main

    text = "Ukraine is not a Navuled. Talks in Brussel on Monday."
    decided = mtclean.clean_and_explain(text).findings
    assert [(f.rule, f.kind) for f in decided] == [(SOURCE_LANG_RULE, "info")]
    undecided = mtclean.clean_and_explain("The Second Chamber of the heart.").findings
    assert [(f.rule, f.kind, f.message[:26]) for f in undecided] == [
        (SOURCE_LANG_RULE, "info", "source language undecided ")
    ]
    leftover = mtclean.clean_and_explain("He said het plan niet works.", source_lang="nl")
    assert {f.kind for f in leftover.findings} == {"problem"}
    # `mtclean lint` reports problems only: the decision alone is nothing to fix.
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["lint", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_the_stage_pickles_for_worker_processes() -> None:
    import pickle

    (step,) = build_steps(Options(enable=frozenset({"style-en"})))
    again = pickle.loads(pickle.dumps(step))
    text = "Ukraine is not a Navuled. Talks in Brussel near Kiev."
    assert (
        again.fix(text)
        == step.fix(text)
        == ("Ukraine is not a NATO member. Talks in Brussels near Kyiv.")
    )
    assert again.findings(text) == step.findings(text)


def test_context_patterns_with_backreferences_or_atomic_groups() -> None:
    # `before` patterns are searched backwards from the match unless, like these,
    # their meaning depends on the direction.
    rules = NAVO.replace('case = "exact"', "case = \"exact\"\nbefore = '(\\b\\w+) \\1'")
    assert fix(rules, "the the Navo summit") == "the the NATO summit"
    assert fix(rules, "a the Navo summit") == "a the Navo summit"
    atomic = NAVO.replace('case = "exact"', "case = \"exact\"\nbefore = '(?>a+)a'")
    assert fix(atomic, "aaa Navo") == "aaa Navo"
