"""Real Dask runs: a loopback LocalCluster of two worker processes, one thread each.

Slow (each worker loads the model), so few: the dataset equals `quotecli quotes --format jsonl`
on the same input, a worker killed mid-job changes nothing, an article that kills every worker
it meets is skipped and recorded, and a run after an interrupt writes only the missing parts.
Marked `cluster`; `make test` and CI run them, never skipped.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import psutil
import pyarrow.dataset as ds
import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from quotecli.cli import app, ingesting
from quotecli.cluster import ARTICLES_DIR, QUOTES_DIR
from quotecli.cluster.dataset import Dataset, iter_dataset
from quotecli.cluster.engine import KILLED, SATURATION, Job, run_job
from quotecli.cluster.schema import ARTICLE_SHA, QUOTE_KEY
from quotecli.cluster.worker import EXIT_ON_TEXT_ENV, EXIT_ONCE_ENV
from quotecli.sources import iter_articles

pytestmark = [pytest.mark.cluster, pytest.mark.model]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXTS = [
    '"We will rebuild the bridge," Mayor Ana Ruiz said on Monday.',
    "The council said in a statement that the budget would be cut.",
    '"It is a triumph," said Carlyle Thayer, an emeritus professor.',
    "According to the police, the road will stay closed until Friday.",
]
TASK_SIZE = 2
POISON = "QUOTECLI-POISON-ARTICLE"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six articles, three tasks of two: the seeds and four short ones."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    for index, text in enumerate(TEXTS):
        (folder / f"short_{index}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def expected(corpus: Path, extractor: Any) -> list[dict[str, Any]]:
    """What the laptop gives: every quote record, in path and offset order."""
    articles = iter_articles([str(corpus)], print)
    return [q.to_dict() for e in extractor.extract_many(articles) for q in e.quotes]


@pytest.fixture(scope="module")
def kill_switch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A file that, while it exists, makes the next worker to take a task exit once; and
    `POISON` in an article makes every worker that takes it exit."""
    switch = tmp_path_factory.mktemp("switch") / "exit-once"
    # Worker processes inherit these, restarted ones too.
    os.environ[EXIT_ONCE_ENV] = str(switch)
    os.environ[EXIT_ON_TEXT_ENV] = POISON
    yield switch
    del os.environ[EXIT_ONCE_ENV], os.environ[EXIT_ON_TEXT_ENV]


@pytest.fixture(scope="module")
def scheduler(kill_switch: Path) -> Iterator[str]:
    """A running cluster that jobs join with `--cluster ADDRESS`, set up as the README advises
    (one task on a worker at a time). A task is given up after killing two workers (Dask's
    default is four), to keep the poison test short."""
    config = {"distributed.scheduler.allowed-failures": 1, SATURATION: 1.0}
    with (
        dask.config.set(config),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
    ):
        yield cluster.scheduler_address


def dataset_records(out: Path) -> list[dict[str, Any]]:
    rows = ds.dataset(out / QUOTES_DIR, format="parquet").to_table().to_pylist()
    return [{k: v for k, v in row.items() if k not in (QUOTE_KEY, ARTICLE_SHA)} for row in rows]


def finished_parts(out: Path) -> dict[str, int]:
    """The files of every finished part (its quotes file exists), with their mtimes in ns."""
    names = [f.name for f in (out / QUOTES_DIR).glob("*.parquet")]
    files = [out / folder / name for name in names for folder in (QUOTES_DIR, ARTICLES_DIR)]
    return {f"{f.parent.name}/{f.name}": f.stat().st_mtime_ns for f in files}


def test_dataset_equals_quotes_jsonl_on_the_same_input(
    corpus: Path, tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "dataset"
    runner = CliRunner()
    made = runner.invoke(
        app, ["extract", str(corpus), "--out", str(out), "--workers", "2", "--task-size", "2"]
    )
    assert made.exit_code == 0, made.stderr
    assert "3 part(s) written (6 article(s)" in made.stderr
    # The same input through `quotecli quotes`, its extraction on the session's model.
    monkeypatch.setenv("QUOTECLI_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(ingesting, "extractor_factory", lambda model, jobs: lambda: extractor)
    laptop = runner.invoke(app, ["quotes", str(corpus), "--format", "jsonl", "--act", "any"])
    assert laptop.exit_code == 0, laptop.stderr
    records = [json.loads(line) for line in laptop.stdout.splitlines()]
    assert len(records) > len(TEXTS)
    assert dataset_records(out) == [{k: v for k, v in r.items() if k != "also_in"} for r in records]


def test_a_worker_killed_mid_job_changes_nothing(
    corpus: Path, tmp_path: Path, scheduler: str, kill_switch: Path, expected: list[dict[str, Any]]
) -> None:
    kill_switch.touch()
    out = tmp_path / "dataset"
    job = Job(str(out), cluster=scheduler, articles_per_task=TASK_SIZE)
    report = run_job(job, iter_articles([str(corpus)], print))
    assert not kill_switch.exists()  # a worker did exit, after extracting its first task
    assert (report.written, report.split, report.failures) == (3, 0, [])
    records = dataset_records(out)
    assert records == expected
    assert len({r["id"] for r in records}) == len(records)


def test_an_article_that_kills_every_worker_is_skipped_and_recorded(
    corpus: Path, tmp_path: Path, scheduler: str, expected: list[dict[str, Any]]
) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(corpus, inputs)
    poisoned = inputs / "short_1b.txt"  # in the middle: its task holds another article
    poisoned.write_text(f"The {POISON} text has no quote.", encoding="utf-8")
    out = tmp_path / "dataset"
    job = Job(str(out), cluster=scheduler, articles_per_task=TASK_SIZE)
    report = run_job(job, iter_articles([str(inputs)], print))
    assert report.failures == [(poisoned.as_posix(), KILLED)]
    assert report.split == 1
    recorded = [f for _, failures in iter_dataset(str(out)) for f in failures]
    assert [(f.article.path, f.error) for f in recorded] == [(poisoned.as_posix(), KILLED)]
    moved = str(inputs) + "/"
    assert [r["article"]["path"] for r in dataset_records(out)] == [
        r["article"]["path"].replace(str(corpus) + "/", moved) for r in expected
    ]
    again = run_job(job, iter_articles([str(inputs)], print))
    assert (again.written, again.already_done, again.failures) == (0, 4, [])
    # Four tasks, the split one's part holding its failure, and its other article's part.
    assert len(Dataset.at(str(out)).part_names()) == 4 + 1


def test_a_run_after_an_interrupt_writes_only_the_missing_parts(
    corpus: Path, tmp_path: Path, scheduler: str, expected: list[dict[str, Any]]
) -> None:
    out = tmp_path / "dataset"
    # One article a task: six tasks, of which at most four (two per worker thread) are ever
    # in flight before the interrupt, so some are certainly left for the second run.
    job = Job(str(out), cluster=scheduler, articles_per_task=1)

    def interrupt(result: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_job(job, iter_articles([str(corpus)], print), on_result=interrupt)
    before = finished_parts(out)
    assert 2 <= len(before) <= 2 * 4
    report = run_job(job, iter_articles([str(corpus)], print))
    after = finished_parts(out)
    assert report.already_done >= len(before) // 2
    assert report.written == 6 - report.already_done > 0
    assert {name: after[name] for name in before} == before  # nothing finished was redone
    assert len(after) == 2 * 6
    assert dataset_records(out) == expected


def test_ctrl_c_at_a_terminal_stops_the_job_with_one_line(tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it: the client stops the job,
    the workers print nothing, and no process of the job is left."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    for index in range(60):
        (corpus / f"a{index:02d}.txt").write_text(TEXTS[index % len(TEXTS)], encoding="utf-8")
    out = tmp_path / "dataset"
    quotecli = Path(sys.executable).parent / "quotecli"
    command = [str(quotecli), "extract", str(corpus), "--out", str(out)]
    job = subprocess.Popen(
        [*command, "--workers", "2", "--task-size", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while not list((out / QUOTES_DIR).glob("*.parquet")) and time.monotonic() < deadline:
        assert job.poll() is None, job.communicate()
        time.sleep(0.05)
    os.killpg(job.pid, signal.SIGINT)
    stdout, stderr = job.communicate(timeout=120)
    assert job.returncode == 130, stderr
    assert (stdout, stderr) == ("", "error: interrupted; everything finished so far is kept\n")
    assert 1 <= len(list((out / QUOTES_DIR).glob("*.parquet"))) < 60
    assert _session_ends(job.pid), [
        (p.pid, p.status(), p.ppid()) for p in psutil.process_iter() if _alive_in(p, job.pid)
    ]


def _session_ends(session: int, patience: float = 60.0) -> bool:
    """Whether every process of `session` is gone within `patience` seconds (a worker may
    still be on its way out when the client returns)."""
    deadline = time.monotonic() + patience
    while any(_alive_in(p, session) for p in psutil.process_iter()):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _alive_in(process: psutil.Process, session: int) -> bool:
    """Whether a process runs in `session` (a zombie, dead and waiting to be reaped by
    whoever adopted it, does not count)."""
    try:
        return os.getsid(process.pid) == session and process.status() != psutil.STATUS_ZOMBIE
    except (OSError, psutil.Error):
        return False
