"""clean_many and the parallel engine: order, equality with serial runs, bounded memory,
failures that lose nothing, picklable pipelines, and kills during in-place writes."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mtclean
from mtclean.cli.fileio import Janitor, atomic_output, find_inputs, temp_mark
from mtclean.corpus.engine import (
    SERIAL_BATCH_DOCS,
    DocumentError,
    Task,
    _context,
    clean_many,
    default_processes,
    process,
)

DAMAGED = "The Navo summit opened on Monday . . Navo ministers met in Brussels.\n"
CLEAN = "Ministers met in Brussels on Monday and agreed on a statement.\n"


def corpus(n: int) -> list[str]:
    return [DAMAGED * (1 + i % 5) if i % 2 else CLEAN + f"Item {i}.\n" for i in range(n)]


def shout(text: str) -> str:
    return text.upper()


def crash_on_marker(text: str) -> str:
    """A step that kills its worker process on one document (like a crash in native code)."""
    if "CRASH" in text:
        os._exit(3)
    return text.upper()


class TestCleanMany:
    """clean_many streams, keeps order and matches the serial result."""

    @pytest.mark.parametrize("processes", [1, 2])
    def test_equals_clean(self, processes: int, pack: str):
        docs = corpus(60)
        got = list(clean_many(iter(docs), processes=processes, rules=[pack], batch_chars=500))
        assert got == [mtclean.clean(d, rules=[pack]) for d in docs]

    def test_default_processes(self):
        assert default_processes() >= 1

    def test_empty(self):
        assert list(clean_many([], processes=2)) == []

    def test_custom_pipeline(self):
        got = list(clean_many(["ab", "cd"], processes=2, pipeline=mtclean.make_pipeline(str.upper)))
        assert got == ["AB", "CD"]

    def test_pipeline_and_options_exclusive(self):
        with pytest.raises(TypeError, match="either pipeline= or options"):
            list(clean_many(["x"], pipeline=mtclean.make_pipeline(), quotes="straight"))

    def test_bytes_rejected(self):
        with pytest.raises(TypeError, match="Decode the bytes first"):
            list(clean_many([b"x"], processes=1))  # type: ignore[list-item]

    def test_bad_option_fails_before_work(self):
        with pytest.raises(TypeError, match="unknown option"):
            next(clean_many(["x"], processes=2, sourc_lang="nl"))

    @pytest.mark.parametrize("processes", [1, 2])
    def test_internal_error_keep_and_raise(self, processes: int):
        """A step that raises fails only its document: kept as is, or raised with its index."""
        broken = mtclean.make_pipeline(int)  # int("text") raises ValueError
        docs = ["12", "not a number", "7"]
        got = list(clean_many(docs, processes=processes, pipeline=broken, errors="keep"))
        assert got == docs  # "12" -> int 12 is a TypeError too: no step may return non-str
        with pytest.raises(DocumentError, match=r"document #0: internal error: TypeError"):
            list(clean_many(docs, processes=processes, pipeline=broken))

    def test_worker_crash_loses_nothing(self):
        """A worker killed mid-batch fails only the document that killed it."""
        if _context().get_start_method() != "fork":
            pytest.skip("the crashing step is defined in this test module (needs fork)")
        docs = [f"doc {i}" for i in range(40)]
        docs[17] = "CRASH here"
        pipeline = mtclean.make_pipeline(crash_on_marker)
        got = list(clean_many(docs, processes=2, pipeline=pipeline, errors="keep"))
        assert got == [d if d.startswith("CRASH") else d.upper() for d in docs]
        with pytest.raises(DocumentError, match="document #17: a worker process died"):
            list(clean_many(docs, processes=2, pipeline=pipeline, batch_chars=50))

    def test_errors_argument_checked(self):
        with pytest.raises(ValueError, match="errors must be"):
            list(clean_many(["x"], errors="ignore"))


class _Counted:
    """300 short documents, counting how many were read."""

    def __init__(self) -> None:
        self.pulled = 0

    def __iter__(self) -> Iterator[str]:
        for i in range(300):
            self.pulled += 1
            yield f"document {i} " * 20


class TestStreaming:
    """The engine reads ahead only a bounded window, whatever the input length."""

    @pytest.mark.parametrize("processes", [1, 2])
    def test_bounded_read_ahead(self, processes: int):
        source = _Counted()
        task = Task(pipeline=mtclean.make_pipeline(shout))
        ahead = []
        for n, (_, outcome) in enumerate(
            process(iter(source), lambda t: ("id", t), task, processes=processes, batch_chars=100),
            1,
        ):
            assert outcome.text is not None and outcome.text.startswith("DOCUMENT")
            ahead.append(source.pulled - n)
        assert source.pulled == 300
        assert max(ahead) <= processes * 4 + 1  # batches in flight: 4 per worker

    def test_serial_default_batches_are_large(self):
        """Without workers the default batch holds up to SERIAL_BATCH_DOCS documents: all
        300 short ones are read before the first result."""
        source = _Counted()
        task = Task(pipeline=mtclean.make_pipeline(shout))
        first = next(iter(process(iter(source), lambda t: ("id", t), task, processes=1)))
        assert first[1].text == "DOCUMENT 0 " * 20
        assert source.pulled == 300 <= SERIAL_BATCH_DOCS

    def test_order_with_uneven_work(self):
        docs = [("x" * (50_000 if i % 7 == 0 else 10)) + str(i) for i in range(100)]
        pipe = mtclean.make_pipeline(shout)
        got = list(clean_many(docs, processes=2, pipeline=pipe, batch_chars=1000))
        assert got == [d.upper() for d in docs]


@settings(max_examples=30)
@given(st.lists(st.text(max_size=80), max_size=30))
def test_clean_many_is_clean_per_document(texts: list[str]):
    """In process, clean_many is exactly clean() on each text, in order."""
    assert list(clean_many(texts, processes=1)) == [mtclean.clean(t) for t in texts]


def test_default_pipeline_pickles():
    pipeline = mtclean.default_pipeline()
    again = pickle.loads(pickle.dumps(pipeline))
    text = "Navo ministers met . . in Brussels.\nLeave a Reply\n" + CLEAN
    assert again(text) == pipeline(text)
    assert again.names == pipeline.names


class TestAtomicOutput:
    """atomic_output: the old or the new content, never a mix; no temporary file left."""

    def test_exception_leaves_old_content(self, tmp_path: Path):
        target = tmp_path / "a.txt"
        target.write_text("old", encoding="utf-8")
        with pytest.raises(RuntimeError), atomic_output(target) as out:
            out.write(b"half of the new")
            raise RuntimeError
        assert target.read_text(encoding="utf-8") == "old"
        assert os.listdir(tmp_path) == ["a.txt"]

    def test_discard(self, tmp_path: Path):
        target = tmp_path / "a.txt"
        with atomic_output(target) as out:
            out.write(b"x")
            out.discard()
        assert os.listdir(tmp_path) == []

    def test_janitor_removes_registered_files(self, tmp_path: Path):
        """What a killed writer leaves behind, the janitor removes when the writer is gone."""
        left = tmp_path / ".a.txt.mtclean-1-x.tmp"
        janitor = Janitor()
        janitor.register(str(left))
        left.write_text("partial", encoding="utf-8")
        kept = tmp_path / "kept.tmp"
        janitor.register(str(kept))
        kept.write_text("renamed into place", encoding="utf-8")
        janitor.release(str(kept))
        janitor.close()
        assert sorted(os.listdir(tmp_path)) == ["kept.tmp"]

    def test_janitor_sweeps_watched_folders(self, tmp_path: Path):
        """Temporary files other processes write (their names hold the run's mark) are
        removed at the end; other files, and other runs' temporary files, stay."""
        mark = temp_mark("run1")
        janitor = Janitor()
        janitor.watch(str(tmp_path), mark)
        (tmp_path / f".a.txt{mark}-0f.tmp").write_text("partial", encoding="utf-8")
        (tmp_path / f".b.txt{temp_mark('run2')}-0f.tmp").write_text("other", encoding="utf-8")
        (tmp_path / "a.txt").write_text("kept", encoding="utf-8")
        janitor.close()
        assert sorted(os.listdir(tmp_path)) == [f".b.txt{temp_mark('run2')}-0f.tmp", "a.txt"]

    def test_janitor_outlives_a_killed_owner(self, tmp_path: Path):
        """When the owner is killed, the janitor waits for the workers to stop, then
        removes what they left, even a file created just after the owner died."""
        mark = temp_mark("run3")
        code = (
            "import sys, time\n"
            "from mtclean.cli.fileio import Janitor\n"
            "janitor = Janitor()\n"
            "janitor.watch(sys.argv[1], sys.argv[2])\n"
            "print('ready', flush=True)\n"
            "time.sleep(60)\n"
        )
        owner = subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path), mark], stdout=subprocess.PIPE
        )
        assert owner.stdout is not None and owner.stdout.readline() == b"ready\n"
        owner.kill()
        owner.wait()
        time.sleep(0.3)
        (tmp_path / f".a.txt{mark}-1a.tmp").write_text("a worker's last write", encoding="utf-8")
        deadline = time.monotonic() + 10
        while os.listdir(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert os.listdir(tmp_path) == []

    def test_find_inputs_sorted_and_filtered(self, tmp_path: Path):
        for rel in ["b/2.txt", "b/1.txt", "a.txt", ".git/x.txt", "c/.h.txt", "d.json"]:
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / rel).write_text("x", encoding="utf-8")
        found = find_inputs([str(tmp_path)], include=["*.txt"])
        assert [s.relative for s in found] == ["a.txt", "b/1.txt", "b/2.txt"]
        found = find_inputs([str(tmp_path)], exclude=["b/*", "*.json"])
        assert [s.relative for s in found] == ["a.txt"]


# --- killing a run in the middle of --in-place ------------------------------------


def _make_files(root: Path, n: int) -> dict[Path, str]:
    root.mkdir()
    files = {}
    for i in range(n):
        path = root / f"doc{i:04d}.txt"
        text = DAMAGED * 60
        path.write_text(text, encoding="utf-8")
        files[path] = text
    return files


def _wait_for_change(files: dict[Path, str], proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    first = next(iter(files))
    while time.monotonic() < deadline and proc.poll() is None:
        if first.read_text(encoding="utf-8") != files[first]:
            return
        time.sleep(0.005)
    pytest.fail("the run never started changing files")


def _leftovers(root: Path) -> list[str]:
    deadline = time.monotonic() + 10
    while True:
        left = [p.name for p in root.iterdir() if ".mtclean-" in p.name]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.02)


def _check_old_or_new(files: dict[Path, str], pack: str) -> tuple[int, int]:
    old = new = 0
    cleaned = {text: mtclean.clean(text, rules=[pack]) for text in set(files.values())}
    for path, text in files.items():
        now = path.read_text(encoding="utf-8")
        if now == text:
            old += 1
        else:
            assert now == cleaned[text], f"{path.name} is half-written"
            new += 1
    return old, new


@pytest.mark.parametrize(
    ("sig", "delay", "jobs"),
    [
        (signal.SIGKILL, 0.05, "1"),
        (signal.SIGKILL, 0.1, "2"),
        (signal.SIGINT, 0.1, "2"),
    ],
)
def test_killed_in_place_run_loses_nothing(
    tmp_path: Path, pack: str, sig: signal.Signals, delay: float, jobs: str
):
    """Kill a run mid-way: every file holds its old or its new content, no temp file stays."""
    root = tmp_path / "corpus"
    files = _make_files(root, 1000)
    cmd = [sys.executable, "-m", "mtclean", "clean", str(root), "--in-place", "--rules", pack]
    log = tmp_path / "stderr.txt"
    with log.open("wb") as stderr:
        proc = subprocess.Popen([*cmd, "-j", jobs, "-q"], stderr=stderr)
        try:
            _wait_for_change(files, proc)
            time.sleep(delay)
            proc.send_signal(sig)
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    err = log.read_bytes()
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err.decode()
        assert b"Traceback" not in err
    else:
        assert proc.returncode == -signal.SIGKILL
    assert _leftovers(root) == []
    old, new = _check_old_or_new(files, pack)
    assert new >= 1
    assert old >= 1, "the run finished before the signal: make the corpus bigger"


def test_clean_many_rejects_a_single_string() -> None:
    """A str is one text, not an iterable of texts: a TypeError at once, not 3 cleanings."""
    import pytest

    from mtclean.corpus.engine import clean_many

    with pytest.raises(TypeError, match="iterable of texts"):
        clean_many("abc")
