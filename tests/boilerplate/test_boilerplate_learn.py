"""learn-boilerplate: a pack learned from one site's pages cleans held-out pages of that site."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

import mtclean
from mtclean.boilerplate.learn import Learner, Thresholds, learned_pack_toml
from mtclean.boilerplate.remover import BoilerplateRemover
from mtclean.cli.main import main
from mtclean.kinds import load_rules, parse_rules

WORDS = [
    "the",
    "minister",
    "said",
    "council",
    "talks",
    "budget",
    "city",
    "police",
    "report",
    "week",
    "government",
    "court",
    "plan",
    "water",
    "farmers",
    "storm",
    "school",
    "vote",
    "new",
    "old",
    "agreed",
    "rejected",
    "announced",
    "on",
    "in",
    "of",
    "and",
    "after",
    "before",
    "with",
    "a",
    "their",
    "members",
    "committee",
    "region",
    "railway",
    "hospital",
    "price",
]
SECTIONS = ["World", "Politics", "Economy", "Sport", "Culture"]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))


def headline(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(4, 8))).capitalize()


def site_page(rng: random.Random) -> tuple[str, str]:
    """A page of the invented site: (page with clutter, the article alone)."""
    body = [paragraph(rng) for _ in range(rng.randint(3, 7))]
    article = "\n".join(body)
    head = ["THE DAILY EXAMPLE — independent news since 1901"]
    if rng.random() < 0.7:
        head.append(f"Printed edition of {rng.randint(1, 28)}/{rng.randint(1, 12)}/2024")
    inline = list(body)
    if rng.random() < 0.6:
        inline.insert(rng.randint(1, len(body) - 1), "Get the Daily Example app for free")
    tail = [f"Keep exploring: {headline(rng)}", f"Filed in {rng.choice(SECTIONS)} :: archive"]
    if rng.random() < 0.8:
        tail.append("Support independent journalism with a gift of any size")
    return "\n".join(head + inline + tail), article


@pytest.fixture(scope="module")
def corpus() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    rng = random.Random(7)
    pages = [site_page(rng) for _ in range(120)]
    return pages[:90], pages[90:]


def learn(pages: list[tuple[str, str]], **thresholds: float) -> str:
    learner = Learner(Thresholds(**thresholds))  # type: ignore[arg-type]
    for page, _ in pages:
        learner.add(page)
    return learned_pack_toml(learner, "daily-example")


def test_learned_pack_removes_site_clutter_and_nothing_else_on_held_out_pages(corpus) -> None:
    train, held_out = corpus
    pack = parse_rules(learn(train), source="daily-example.toml")
    assert len(pack.rules) >= 4
    assert {r.get("where") for r in pack.rules} == {"edge", "anywhere"}
    remover = BoilerplateRemover((pack,))
    for page, article in held_out:
        assert remover.fix(page) == article
    # and through the default pipeline, with the bundled packs too
    for page, article in held_out:
        assert mtclean.clean(page, rules=[pack]) == article


def test_learned_pack_leaves_other_text_alone(corpus) -> None:
    train, _ = corpus
    pack = parse_rules(learn(train), source="daily-example.toml")
    remover = BoilerplateRemover((pack,))
    rng = random.Random(99)
    for _ in range(20):
        article = "\n".join(paragraph(rng) for _ in range(4))
        assert remover.fix(article) == article


def test_thresholds_are_respected(corpus) -> None:
    train, _ = corpus
    strict = parse_rules(learn(train, min_share=0.9), source="s.toml")
    # only the masthead line and the "Keep exploring: <headline>" segment are on every page
    assert sorted(r.get("pattern") for r in strict.rules) == [
        r"Keep\s+exploring:\s*\S.{0,200}",
        r"THE\s+DAILY\s+EXAMPLE\s+—\s+independent\s+news\s+since\s+\d+",
    ]
    long_only = parse_rules(learn(train, min_length=45), source="s.toml")
    assert all("Keep" not in r.get("pattern") for r in long_only.rules)


def test_memory_stays_bounded_and_frequent_lines_survive(corpus) -> None:
    train, _ = corpus
    learner = Learner(Thresholds(), max_keys=60)
    for page, _ in train:
        learner.add(page)
        assert len(learner._counts) <= 60
    texts = {text for _, text, _ in learner.results()}
    assert "Support independent journalism with a gift of any size" in texts


def test_cli_on_files_and_on_bench_format(corpus, tmp_path: Path) -> None:
    train, held_out = corpus
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, (page, _) in enumerate(train):
        (folder / f"{i:03d}.txt").write_text(page, encoding="utf-8")
    out_files = tmp_path / "site-a.toml"
    assert main(["learn-boilerplate", str(folder), "-o", str(out_files)]) == 0
    # the bench-corpus shape: one paragraph per line, documents separated by one empty line
    bench = tmp_path / "pages.txt.gz"
    with gzip.open(bench, "wt", encoding="utf-8") as handle:
        handle.write("\n\n".join(page for page, _ in train) + "\n")
    out_bench = tmp_path / "site-b.toml"
    assert main(["learn-boilerplate", str(bench), "-o", str(out_bench)]) == 0
    a, b = load_rules(out_files), load_rules(out_bench)
    assert [r.get("pattern") for r in a.rules] == [r.get("pattern") for r in b.rules]
    page, article = held_out[0]
    assert mtclean.clean(page, rules=[str(out_bench)]) == article


def test_cli_rejects_bad_thresholds(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    assert main(["learn-boilerplate", str(tmp_path / "a.txt"), "--min-share", "2"]) == 2
    assert "min-share" in capsys.readouterr().err
    assert main(["learn-boilerplate", str(tmp_path / "missing")]) == 1
