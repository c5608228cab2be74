"""Extraction in worker processes: the same `extract_many` as `Extractor`, on every core.

Each worker loads the pipeline once and extracts small batches of articles. The parent reads
the input lazily, keeps a bounded number of batches in flight (so memory stays flat however
long the input), and yields results in input order. A failure in a worker, or an interrupt,
stops every worker at once and surfaces as one exception.

Importing this module does not import spaCy; only the workers (or `jobs=1`) do.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.context import SpawnProcess
from typing import TYPE_CHECKING, Any

from quotecli.errors import WorkerError
from quotecli.nlp.loading import ensure_model_available, resolve_model_name
from quotecli.records import Article, ArticleExtraction
from quotecli.version import pipeline_version

if TYPE_CHECKING:
    from quotecli.extract import Extractor

ARTICLES_PER_TASK = 16
TASKS_PER_WORKER = 2  # in flight: one being extracted, one queued, per worker
POLL_SECONDS = 0.2
JOIN_SECONDS = 5.0
ORPHAN_POLL_SECONDS = 0.5  # how often a worker checks that its parent is still there
PR_SET_PDEATHSIG = 1  # linux/prctl.h

# (sequence number, articles) to a worker; None tells it to stop.
Task = tuple[int, list[Article]] | None
# (sequence number, extractions or None, exception or None) back to the parent.
Outcome = tuple[int, list[ArticleExtraction] | None, BaseException | None]


def default_jobs() -> int:
    """The number of cores this process may run on (at least 1)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return max(os.cpu_count() or 1, 1)


def capped_jobs(jobs: int | None) -> int:
    """`jobs` (None: one per core), never more than the cores: extra workers only add memory."""
    cores = default_jobs()
    return cores if jobs is None else max(min(jobs, cores), 1)


class ParallelExtractor:
    """Extract articles in `jobs` worker processes, yielding results in input order.

    With `jobs=1` it is a plain in-process `Extractor`; the pipeline is loaded on first use.
    """

    def __init__(
        self,
        model: str | None = None,
        jobs: int | None = None,
        *,
        articles_per_task: int = ARTICLES_PER_TASK,
    ) -> None:
        self.model_name = resolve_model_name(model)
        ensure_model_available(self.model_name)
        self.version = pipeline_version(self.model_name)
        self.jobs = capped_jobs(jobs)
        self.articles_per_task = max(articles_per_task, 1)
        self._local: Extractor | None = None

    def extract(self, article: Article) -> ArticleExtraction:
        """Extract one article (in process: a pool for one article is not worth starting)."""
        return self._in_process().extract(article)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        """Extract `articles` lazily, yielding one `ArticleExtraction` per article, in order.

        Raises:
            ModelError: the pipeline cannot be loaded (in a worker as in process).
            WorkerError: a worker process died without reporting why.
        """
        if self.jobs == 1:
            return self._in_process().extract_many(articles)
        batches = _batches(articles, self.articles_per_task)
        return _Pool(self.model_name, self.jobs).run(batches)

    def _in_process(self) -> Extractor:
        if self._local is None:
            from quotecli.extract import Extractor

            self._local = Extractor(self.model_name)
        return self._local


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass
class _Pool:
    """One run's worker processes and queues; `run` owns their whole lifetime."""

    model_name: str
    jobs: int
    workers: list[SpawnProcess] = field(default_factory=list)

    def run(self, batches: Iterator[list[Article]]) -> Iterator[ArticleExtraction]:
        context = multiprocessing.get_context("spawn")
        tasks: multiprocessing.Queue[Task] = context.Queue()
        outcomes: multiprocessing.Queue[Outcome] = context.Queue()
        finished = False
        try:
            first = next(batches, None)
            if first is None:
                finished = True
                return
            for index in range(self.jobs):
                worker = context.Process(
                    target=worker_main,
                    args=(self.model_name, tasks, outcomes, os.getpid()),
                    name=f"quotecli-worker-{index}",
                    daemon=True,
                )
                worker.start()
                self.workers.append(worker)
            yield from self._ordered(_prepend(first, batches), tasks, outcomes)
            finished = True
        finally:
            self._stop(tasks, outcomes, graceful=finished)

    def _ordered(
        self,
        batches: Iterator[list[Article]],
        tasks: multiprocessing.Queue[Task],
        outcomes: multiprocessing.Queue[Outcome],
    ) -> Iterator[ArticleExtraction]:
        limit = self.jobs * TASKS_PER_WORKER
        done: dict[int, list[ArticleExtraction]] = {}
        sent = next_out = 0
        exhausted = False
        while True:
            while not exhausted and sent - next_out < limit:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                else:
                    tasks.put((sent, batch))
                    sent += 1
            if next_out == sent:
                return
            while next_out not in done:
                sequence, extractions = self._receive(outcomes)
                done[sequence] = extractions
            yield from done.pop(next_out)
            next_out += 1

    def _receive(
        self, outcomes: multiprocessing.Queue[Outcome]
    ) -> tuple[int, list[ArticleExtraction]]:
        while True:
            try:
                sequence, extractions, error = outcomes.get(timeout=POLL_SECONDS)
            except queue.Empty:
                self._check_alive()
                continue
            if error is not None:
                raise error
            # A worker that died idle holds no task, so no outcome goes missing for it: look
            # on every outcome, not only when the queue runs dry.
            self._check_alive()
            assert extractions is not None
            return sequence, extractions

    def _check_alive(self) -> None:
        for worker in self.workers:
            if not worker.is_alive():
                raise WorkerError(
                    f"extraction worker {worker.name} exited unexpectedly "
                    f"(exit code {worker.exitcode})"
                )

    def _stop(
        self,
        tasks: multiprocessing.Queue[Task],
        outcomes: multiprocessing.Queue[Outcome],
        *,
        graceful: bool,
    ) -> None:
        if graceful:
            for _ in self.workers:
                tasks.put(None)
            for worker in self.workers:
                worker.join(JOIN_SECONDS)
        for worker in self.workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self.workers:
            worker.join(JOIN_SECONDS)
        for channel in (tasks, outcomes):
            channel.cancel_join_thread()
            channel.close()


def _prepend(first: list[Article], rest: Iterator[list[Article]]) -> Iterator[list[Article]]:
    yield first
    yield from rest


def worker_main(
    model_name: str,
    tasks: multiprocessing.Queue[Task],
    outcomes: multiprocessing.Queue[Outcome],
    parent_pid: int | None = None,
) -> None:
    """A worker's loop: load the pipeline once, then extract batches until told to stop.

    Interrupts are left to the parent, which stops the workers itself; every exception is
    sent back with the batch it belongs to. A worker whose parent is gone (`kill -9`, a
    crash) exits at once rather than hold its model's memory for nobody.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent_pid is not None:
        exit_with_parent(parent_pid)
    extractor: Any = None
    while (task := tasks.get()) is not None:
        sequence, articles = task
        try:
            if extractor is None:
                from quotecli.extract import Extractor

                extractor = Extractor(model_name)
            outcomes.put((sequence, list(extractor.extract_many(articles)), None))
        except Exception as error:  # every failure goes back to the parent
            outcomes.put((sequence, None, _portable(error, articles)))


def _portable(error: Exception, articles: list[Article]) -> BaseException:
    """The exception itself if it survives pickling, else a WorkerError describing it."""
    paths = ", ".join(article.path for article in articles)
    error.add_note(f"in an extraction worker, on: {paths}")
    error.add_note("".join(traceback.format_exception(error)).rstrip())
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # unpicklable: describe it instead
        return WorkerError(f"extraction failed on {paths}: {type(error).__name__}: {error}")
    return error


def exit_with_parent(parent_pid: int) -> None:
    """End this process when `parent_pid` is no longer its parent.

    On Linux the kernel sends SIGKILL on the parent's death (`PR_SET_PDEATHSIG`); everywhere,
    a daemon thread also polls the parent pid (which changes when the process is orphaned).
    """
    if sys.platform.startswith("linux"):
        _set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _set_parent_death_signal(signum: int) -> None:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl here: the watchdog thread still runs
        pass


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(ORPHAN_POLL_SECONDS)
    os._exit(1)
