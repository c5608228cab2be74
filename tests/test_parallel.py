"""ParallelExtractor: worker processes behind the same `extract_many` as Extractor."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quotecli.errors import ModelError, WorkerError
from quotecli.nlp.loading import INSTALL_HINT
from quotecli.parallel import TASKS_PER_WORKER, ParallelExtractor, capped_jobs, default_jobs
from quotecli.records import Article

TEXTS = [
    '"We will rebuild the bridge," Mayor Ana Ruiz said on Monday.',
    "The council said in a statement that the budget would be cut.",
    "Rain is expected in Hanoi tomorrow.",
    '"It is a triumph," said Carlyle Thayer, an emeritus professor.',
    "According to the police, the road will stay closed until Friday.",
]


def articles(count: int) -> list[Article]:
    return [Article(path=f"a{i}.txt", text=TEXTS[i % len(TEXTS)] + f" ({i})") for i in range(count)]


def counting(items: list[Article], pulled: list[int]) -> Iterator[Article]:
    for item in items:
        pulled[0] += 1
        yield item


def test_default_jobs_is_the_usable_core_count() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_jobs() == expected


def test_missing_model_fails_before_any_worker_starts() -> None:
    with pytest.raises(ModelError, match=INSTALL_HINT.replace(".", r"\.")):
        ParallelExtractor("no_such_model_quotecli_test", jobs=2)
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_jobs_1_extracts_in_process(extractor) -> None:  # type: ignore[no-untyped-def]
    parallel = ParallelExtractor(jobs=1)
    results = parallel.extract_many(articles(2))
    first = next(results)
    assert multiprocessing.active_children() == []
    rest = list(results)
    expected = list(extractor.extract_many(articles(2)))
    assert [first, *rest] == [
        type(first)(e.article, e.quotes, e.speakers, e.places, first.pipeline_version)
        for e in expected
    ]


@pytest.mark.model
def test_two_workers_keep_order_match_single_process_and_stream(extractor) -> None:  # type: ignore[no-untyped-def]
    inputs = articles(24)
    pulled = [0]
    parallel = ParallelExtractor(jobs=2, articles_per_task=1)
    stream = parallel.extract_many(counting(inputs, pulled))
    first = next(stream)
    # Bounded in flight: two batches per worker, plus the one that found the window full.
    assert pulled[0] <= 2 * TASKS_PER_WORKER + 1
    results = [first, *stream]
    expected = list(extractor.extract_many(inputs))
    assert [r.article.path for r in results] == [a.path for a in inputs]
    assert [r.quotes for r in results] == [e.quotes for e in expected]
    assert [r.speakers for r in results] == [e.speakers for e in expected]
    assert [r.places for r in results] == [e.places for e in expected]
    assert any(r.quotes for r in results)
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_worker_load_error_surfaces_as_one_exception(tmp_path: Path) -> None:
    broken = tmp_path / "broken_model"
    broken.mkdir()
    (broken / "config.cfg").write_text("this is [not a config\n", encoding="utf-8")
    parallel = ParallelExtractor(str(broken), jobs=2)
    with pytest.raises(ModelError, match="cannot load spaCy model"):
        list(parallel.extract_many(articles(4)))
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_killed_worker_raises_worker_error() -> None:
    stream = ParallelExtractor(jobs=2, articles_per_task=1).extract_many(articles(60))
    next(stream)
    victim = multiprocessing.active_children()[0]
    assert victim.pid is not None
    os.kill(victim.pid, signal.SIGKILL)
    with pytest.raises(WorkerError, match="exited unexpectedly"):
        list(stream)
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_interrupt_in_the_input_stops_every_worker() -> None:
    def interrupted() -> Iterator[Article]:
        yield from articles(6)
        raise KeyboardInterrupt

    stream = ParallelExtractor(jobs=2, articles_per_task=1).extract_many(interrupted())
    seen = []
    with pytest.raises(KeyboardInterrupt):
        for extraction in stream:
            seen.append(extraction.article.path)
    assert seen == [f"a{i}.txt" for i in range(len(seen))]
    assert multiprocessing.active_children() == []


def test_jobs_above_the_core_count_are_capped() -> None:
    assert capped_jobs(default_jobs() + 5) == default_jobs()
    assert capped_jobs(None) == default_jobs()
    assert capped_jobs(1) == 1


def children_of(pid: int) -> set[int]:
    """Every living process whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def poll(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill_9", "term"])
def test_workers_exit_when_add_is_killed(tmp_path: Path, signum: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(200):
        (corpus / f"{i}.txt").write_text(TEXTS[i % len(TEXTS)] + f" ({i})", encoding="utf-8")
    command = [str(Path(sys.executable).parent / "quotecli"), "add", str(corpus), "-j", "2"]
    env = {**os.environ, "QUOTECLI_HOME": str(tmp_path / "home")}
    parent = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        # Two workers and the multiprocessing resource tracker.
        assert poll(lambda: len(children_of(parent.pid)) >= 3, 60), children_of(parent.pid)
        workers = children_of(parent.pid)
        parent.send_signal(signum)
        parent.wait()
        assert poll(lambda: not any(alive(pid) for pid in workers), 15), [
            pid for pid in workers if alive(pid)
        ]
    finally:
        parent.kill()
