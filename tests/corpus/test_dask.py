"""The Dask helper on a LocalCluster with two worker processes: same result as serial."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import mtclean

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from mtclean.corpus.dask import bag_of_texts, clean_bag, clean_column  # noqa: E402

EVIL = """
[pack]
name = "evil"
kind = "terms"

[[rules]]
id = "backtrack"
note = "catastrophic backtracking on purpose"
pattern = "(?:a|a)+$"
replace = "b"
whole_word = false
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, demo_pack_text: str) -> str:
    """One pack file for the module: workers build its pipeline once."""
    path = tmp_path_factory.mktemp("packs") / "demo.toml"
    path.write_text(demo_pack_text, encoding="utf-8")
    return str(path)


def docs(n: int) -> list[str]:
    return [
        f"Navo ministers met . . in Brussels ({i}).\nLeave a Reply\n"
        if i % 3
        else f"A clean sentence number {i}.\n"
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


def test_bag_equals_serial(client: object, pack: str):
    texts = docs(300)
    result = clean_bag(bag_of_texts(texts, docs_per_task=50), rules=[pack]).compute()
    assert result == [mtclean.clean(t, rules=[pack]) for t in texts]
    assert any("NATO" in r for r in result)


def test_bag_default_options(client: object):
    texts = docs(40)
    bag = db.from_sequence(texts, npartitions=4)
    assert clean_bag(bag).compute() == list(mtclean.clean_many(texts, processes=1))


def test_dataframe_column_equals_serial(client: object, pack: str):
    texts = docs(120)
    frame = pd.DataFrame({"id": range(120), "text": texts, "lang": "en"})
    frame.loc[5, "text"] = None
    ddf = dd.from_pandas(frame, npartitions=3)
    out = clean_column(ddf, "text", out_column="clean", rules=[pack]).compute()
    want = [None if pd.isna(t) else mtclean.clean(t, rules=[pack]) for t in frame["text"]]
    got = [None if pd.isna(v) else v for v in out["clean"]]
    assert got == want
    assert out["id"].tolist() == list(range(120))
    assert out["text"].tolist()[:5] == texts[:5]


def test_failure_keeps_document(client: object, pack: str, tmp_path: Path):
    evil = tmp_path / "evil.toml"
    evil.write_text(EVIL, encoding="utf-8")
    texts = ["Navo top.", "a" * 30 + "!", "Navo again."]
    result = clean_bag(bag_of_texts(texts), rules=[pack, str(evil)]).compute()
    assert result == ["NATO top.", "a" * 30 + "!", "NATO again."]


def test_configuration_error_before_compute():
    with pytest.raises(mtclean.UnknownNormalizerError):
        clean_bag(bag_of_texts(["x"]), disable=["no-such-step"])


def test_prepare_builds_on_every_worker(client: object, pack: str):
    """After prepare, every worker has the pipeline for those options in its cache."""
    from mtclean.corpus.dask import prepare

    prepare(client, rules=[pack], warm=["The Navo met."])

    def built() -> int:
        return mtclean.api._pipeline_for.cache_info().currsize

    sizes = client.run(built)  # type: ignore[attr-defined]
    assert len(sizes) == 2 and all(n >= 1 for n in sizes.values())
    texts = docs(60)
    got = clean_bag(bag_of_texts(texts, docs_per_task=10), rules=[pack]).compute()
    assert got == [mtclean.clean(t, rules=[pack]) for t in texts]


def test_own_pipeline_travels_once(client: object):
    """A pipeline of one's own goes to the workers as one key, not inside every task."""
    pipeline = mtclean.make_pipeline(str.upper)
    texts = [f"doc {i}" for i in range(30)]
    bag = clean_bag(bag_of_texts(texts, docs_per_task=5), pipeline=pipeline)
    graph = dict(bag.__dask_graph__())
    jobs = [k for k in graph if str(k).startswith("mtclean-job-")]
    assert len(jobs) == 1
    assert bag.compute() == [t.upper() for t in texts]
