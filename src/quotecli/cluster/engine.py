"""The client side of a job: plan tasks, skip finished parts, keep workers busy, collect.

The input is read lazily and cut into tasks; at most a few tasks per worker thread are in
flight, so the client's memory stays flat however large the input. A worker that dies is
Dask's business: its task is rescheduled. A task that kills every worker it is sent to
(`KilledWorker`, after Dask's `distributed.scheduler.allowed-failures` retries) is sent again
one article a task, so only the article that kills its worker is left out: it is reported and
recorded in `articles/` with its error, and once the pieces are done the task's own part is
written, so a later run does not try it again.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, as_completed

from quotecli.cluster.dataset import Dataset, Failure
from quotecli.cluster.tasks import ARTICLES_PER_TASK, Task, plan_tasks
from quotecli.cluster.worker import ExtractorPlugin, TaskResult, plugin_name, run_task
from quotecli.errors import InputError, QuotecliError
from quotecli.nlp.loading import ensure_model_available, resolve_model_name
from quotecli.records import Article
from quotecli.version import pipeline_version

TASKS_PER_THREAD = 2  # in flight: one running and one queued per worker thread
CONNECT_SECONDS = 30.0
WORKER_WAIT_SECONDS = 120.0
LOOPBACK = "127.0.0.1"
SATURATION = "distributed.scheduler.worker-saturation"


class ClusterError(QuotecliError):
    """The cluster cannot be reached, or a task failed in a way no retry will fix."""


KILLED = "KilledWorker: the worker extracting it died on every try"


@dataclass(slots=True)
class _Split:
    """A task sent again one article at a time, and what is left of it."""

    task: Task
    remaining: int
    failures: list[Failure] = field(default_factory=list)


@dataclass(slots=True)
class JobReport:
    """What a run did: parts found done, parts written, and what was skipped."""

    tasks: int = 0
    already_done: int = 0
    written: int = 0
    articles: int = 0  # extracted this run (failed ones included)
    quotes: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, error)
    split: int = 0  # tasks sent again one article at a time after killing their workers
    results: list[TaskResult] = field(default_factory=list)
    seconds: float = 0.0  # from the first task sent to the last result


@dataclass(frozen=True, slots=True)
class Job:
    """One extraction: where results go, which pipeline, how to cut and where to run."""

    out: str
    model: str | None = None
    cluster: str | None = None  # scheduler address; None starts a LocalCluster
    workers: int = 1
    articles_per_task: int = ARTICLES_PER_TASK


def run_job(
    job: Job,
    articles: Iterable[Article],
    *,
    on_result: Callable[[TaskResult], None] | None = None,
    on_skip: Callable[[Task], None] | None = None,
) -> JobReport:
    """Extract `articles` into the dataset at `job.out`, doing only the parts not yet there.

    Args:
        job: what to do and where.
        articles: read lazily, once.
        on_result: called after each part is written (progress).
        on_skip: called for each task found done by an earlier run.

    Raises:
        InputError: no article could be read, or `job.out` holds an incompatible dataset.
        ModelError: the pipeline is not installed (here or on a worker).
        ClusterError: the scheduler cannot be reached, or a task failed for good.
        KeyboardInterrupt: parts written so far are kept; running again does the rest.
    """
    model_name = resolve_model_name(job.model)
    ensure_model_available(model_name)
    version = pipeline_version(model_name)
    dataset = Dataset.at(job.out)
    _check_compatible(dataset, version, job.articles_per_task)
    report = JobReport()
    tasks = plan_tasks(articles, job.articles_per_task)
    first = next(tasks, None)
    if first is None:
        raise InputError("no article could be read")
    dataset.remove_temporaries()
    dataset.write_marker(
        created_by="extract", pipeline_version=version, articles_per_task=job.articles_per_task
    )
    pending = _pending(chain([first], tasks), dataset, report, on_skip or (lambda task: None))
    first_pending = next(pending, None)
    if first_pending is None:
        return report
    with connect(job) as client:
        _load_pipelines(client, model_name, local=job.cluster is None)
        _Runner(client, dataset, job.out, model_name, version, report, on_result).run(
            chain([first_pending], pending)
        )
    return report


def _load_pipelines(client: Client, model_name: str, *, local: bool) -> None:
    """Register the plugin: every worker, and every worker that joins later, loads the model.
    Workers of a local cluster leave Ctrl-C to the client."""
    plugin = ExtractorPlugin(model_name, quiet_interrupts=local)
    try:
        client.register_plugin(plugin, name=plugin_name(model_name))
    except QuotecliError:
        raise
    except Exception as error:  # e.g. quotecli or the model missing on a worker
        raise ClusterError(f"a worker cannot load the pipeline: {_describe(error)}") from None


def _check_compatible(dataset: Dataset, version: str, articles_per_task: int) -> None:
    marker = dataset.read_marker()
    if marker is None:
        return
    made = (
        marker.get("created_by"),
        marker.get("pipeline_version"),
        marker.get("articles_per_task"),
    )
    if made != ("extract", version, articles_per_task):
        raise InputError(
            f"{dataset.root} holds a dataset made by {made[0]} with pipeline {made[1]} and"
            f" {made[2]} articles per task, not pipeline {version} with {articles_per_task};"
            " choose another --out directory"
        )


def _pending(
    tasks: Iterator[Task], dataset: Dataset, report: JobReport, on_skip: Callable[[Task], None]
) -> Iterator[Task]:
    for task in tasks:
        report.tasks += 1
        if dataset.done(task.name):
            report.already_done += 1
            on_skip(task)
        else:
            yield task


@contextmanager
def connect(job: Job) -> Iterator[Client]:
    """A client of the scheduler at `job.cluster`, or of a new loopback LocalCluster."""
    if job.cluster is not None:
        try:
            client = Client(job.cluster, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as error:
            raise ClusterError(
                f"cannot reach the Dask scheduler at {job.cluster}: {error}"
            ) from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
            except TimeoutError:
                raise ClusterError(f"the scheduler at {job.cluster} has no worker") from None
            yield client
        return
    # One task on a worker at a time (Dask's default sends 10% more): a worker that dies then
    # takes no queued task down with it, so only the task that killed it counts as suspect.
    with dask.config.set({SATURATION: 1.0}), _interrupts_ignored():
        cluster = LocalCluster(
            n_workers=job.workers,
            threads_per_worker=1,
            processes=True,
            host=LOOPBACK,
            dashboard_address=":0",  # any free port: 8787 may be taken
            silence_logs=logging.ERROR,  # a restarted worker is Dask's business, not a message
        )
    with cluster, Client(cluster) as client:
        try:
            yield client
        except KeyboardInterrupt:
            _quiet_shutdown()
            raise


def _quiet_shutdown() -> None:
    """After Ctrl-C the client and cluster close while tasks are cut short; Tornado and Dask
    may then log tracebacks of callbacks that lost their futures. The user asked to stop:
    stderr gets the one line the CLI prints, not those."""
    for name in ("tornado.application", "tornado.general", "distributed", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


@contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """SIGINT ignored while the local workers start, so they inherit that: Ctrl-C at a
    terminal reaches every process of the job, and the client alone should act on it
    (stopping the workers itself) rather than each worker dying with a traceback. A Ctrl-C in
    these seconds is lost; workers restarted later ignore it through the plugin."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass
class _Runner:
    """Submits tasks, a bounded number at a time, and folds results into the report."""

    client: Client
    dataset: Dataset
    out: str
    model_name: str
    version: str
    report: JobReport
    on_result: Callable[[TaskResult], None] | None
    running: dict[Future[Any], Task] = field(default_factory=dict)
    retry: deque[Task] = field(default_factory=deque)  # pieces of split tasks go first
    splits: dict[str, _Split] = field(default_factory=dict)  # by the name of a piece
    # Keys unique to this run: a key cancelled by an interrupted run may linger on the
    # scheduler for a moment, and a task submitted under it again would be cancelled with it.
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])

    def run(self, tasks: Iterator[Task]) -> None:
        started = time.perf_counter()
        completed = as_completed()
        try:
            self._fill(tasks, completed)
            for future in completed:
                task = self.running.pop(future)
                self._collect(future, task)
                self._fill(tasks, completed)
        finally:
            self.report.seconds = time.perf_counter() - started
            with suppress(Exception):  # interrupted or failed: stop the rest, keep what is done
                self.client.cancel(list(self.running))

    def _fill(self, tasks: Iterator[Task], completed: as_completed) -> None:
        limit = max(sum(self.client.nthreads().values()), 1) * TASKS_PER_THREAD
        while len(self.running) < limit:
            task = self.retry.popleft() if self.retry else next(tasks, None)
            if task is None:
                return
            future = self.client.submit(
                run_task,
                task,
                self.out,
                self.model_name,
                self.version,
                key=f"quotecli-{task.name}-{self.run_id}",
            )
            self.running[future] = task
            completed.add(future)

    def _collect(self, future: Future[Any], task: Task) -> None:
        if future.status == "error":
            error = future.exception()
            if isinstance(error, KilledWorker):
                self._killed(task)
                return
            if isinstance(error, QuotecliError):
                raise error
            raise ClusterError(f"task {task.name} ({task.sources}) failed: {_describe(error)}")
        result: TaskResult = future.result()
        self.report.written += 1
        self.report.articles += result.articles
        self.report.quotes += result.quotes
        self.report.failures.extend(result.failures)
        self.report.results.append(result)
        self._piece_done(task.name)
        if self.on_result is not None:
            self.on_result(result)

    def _killed(self, task: Task) -> None:
        """Split a task that killed its workers; record a single article that did."""
        if len(task.articles) > 1:
            pieces = [piece for piece in task.split() if not self.dataset.done(piece.name)]
            self.report.split += 1
            split = _Split(task, len(pieces))
            self.splits.update((piece.name, split) for piece in pieces)
            self.retry.extend(pieces)
            if not pieces:
                self._write_split(split)
            return
        failure = Failure(task.articles[0], KILLED)
        self.report.failures.append((failure.article.path, failure.error))
        parent = self.splits.get(task.name)
        if parent is None:  # a task of one article: its part records the failure
            self.dataset.write_part(task.name, [], [failure], self.version)
            self.report.written += 1
            return
        parent.failures.append(failure)
        self._piece_done(task.name)

    def _piece_done(self, name: str) -> None:
        split = self.splits.pop(name, None)
        if split is None:
            return
        split.remaining -= 1
        if split.remaining == 0:
            self._write_split(split)

    def _write_split(self, split: _Split) -> None:
        """The split task's own part, holding its failures: the pieces hold the rest."""
        self.dataset.write_part(split.task.name, [], split.failures, self.version)
        self.report.written += 1


def _describe(error: Any) -> str:
    return f"{type(error).__name__}: {error}"
