"""What runs on a Dask worker: the pipeline, loaded once by a worker plugin, and the task.

A task extracts its articles and writes its part of the dataset itself, so results never
travel back through the scheduler: the client receives a small `TaskResult`. An article whose
extraction raises is kept out of the results and recorded, with its error, in `articles/`.
"""

from __future__ import annotations

import os
import resource
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from quotecli.cluster.dataset import Dataset, Failure
from quotecli.cluster.tasks import Task
from quotecli.errors import ModelError
from quotecli.records import Article, ArticleExtraction

if TYPE_CHECKING:
    from quotecli.extract import Extractor

# Test hook: when this variable names a file, the first worker to take a task removes the file
# and exits at once, as a worker killed mid-job would (the nanny restarts it, Dask reschedules).
EXIT_ONCE_ENV = "QUOTECLI_TEST_WORKER_EXIT_ONCE"
# Test hook: a worker given an article whose text holds this variable's value exits at once,
# every time, as on an article that crashes the process.
EXIT_ON_TEXT_ENV = "QUOTECLI_TEST_WORKER_EXIT_ON_TEXT"
EXIT_CODE = 70


class ExtractorPlugin(WorkerPlugin):
    """Loads the spaCy pipeline once per worker process, when the worker starts."""

    idempotent = True  # registered again by a later run on the same cluster: keep the loaded one

    def __init__(self, model_name: str, *, quiet_interrupts: bool = False) -> None:
        self.model_name = model_name
        # Workers of a cluster `extract` started itself leave Ctrl-C to the client.
        self.quiet_interrupts = quiet_interrupts
        self.extractor: Extractor | None = None
        # A worker with several threads runs tasks side by side; one pipeline serves one
        # task at a time (run workers with one thread each to use every core).
        self.lock: threading.Lock | None = None

    @property
    def name(self) -> str:
        return plugin_name(self.model_name)

    def setup(self, worker: Any) -> None:
        if self.quiet_interrupts and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        from quotecli.extract import Extractor

        self.extractor = Extractor(self.model_name)
        self.lock = threading.Lock()

    def teardown(self, worker: Any) -> None:
        self.extractor = None


def plugin_name(model_name: str) -> str:
    return f"quotecli-extractor:{model_name}"


@dataclass(frozen=True, slots=True)
class TaskResult:
    """What a task sends back: counts, failures, and figures for the benchmark."""

    name: str
    articles: int
    quotes: int
    failures: tuple[tuple[str, str], ...]  # (article path, error)
    seconds: float  # extraction and writing, on the worker
    peak_rss_mb: float  # the worker process's peak during this task (so far, off Linux)
    rss_mb: float  # the worker process's resident memory once the task is done
    worker: str


def run_task(task: Task, out: str, model_name: str, version: str) -> TaskResult:
    """Extract `task` with this worker's pipeline and write its part under `out`.

    Raises:
        ModelError: this worker's pipeline differs from the job's (another model or version
            installed on it), so its results would not be the job's.
    """
    started = time.perf_counter()
    _reset_peak_memory()
    worker = get_worker()
    plugin: Any = worker.plugins[plugin_name(model_name)]
    extractor = plugin.extractor
    if extractor.version != version:
        raise ModelError(
            f"worker {worker.address} runs pipeline {extractor.version}, the job {version}"
        )
    _exit_on_text_for_tests(task.articles)
    with plugin.lock:
        extractions, failures = extract_guarded(extractor, task.articles)
    _exit_once_for_tests()
    quotes = Dataset.at(out).write_part(task.name, extractions, failures, version)
    peak, resident = _memory_mb()
    return TaskResult(
        name=task.name,
        articles=len(task.articles),
        quotes=quotes,
        failures=tuple((f.article.path, f.error) for f in failures),
        seconds=time.perf_counter() - started,
        peak_rss_mb=peak,
        rss_mb=resident,
        worker=str(worker.address),
    )


def extract_guarded(
    extractor: Any, articles: Sequence[Article]
) -> tuple[list[ArticleExtraction], list[Failure]]:
    """Extract the articles together; if that raises, one at a time, keeping every failure.

    The usual case costs one batched pass; a bad article costs one more pass over its task.
    """
    try:
        return list(extractor.extract_many(articles)), []
    except Exception:  # some article of the batch fails: find which, one by one
        pass
    extractions, failures = [], []
    for article in articles:
        try:
            extractions.append(extractor.extract(article))
        except Exception as error:  # recorded with the article, never fatal to the job
            failures.append(Failure(article, f"{type(error).__name__}: {error}"))
    return extractions, failures


def _exit_once_for_tests() -> None:
    armed = os.environ.get(EXIT_ONCE_ENV)
    if not armed:
        return
    try:
        os.remove(armed)  # only one worker wins the file
    except FileNotFoundError:
        return
    os._exit(EXIT_CODE)


def _exit_on_text_for_tests(articles: Sequence[Article]) -> None:
    poison = os.environ.get(EXIT_ON_TEXT_ENV)
    if poison and any(poison in article.text for article in articles):
        os._exit(EXIT_CODE)


def _reset_peak_memory() -> None:
    """Start this task's peak afresh (Linux: `5` to clear_refs resets VmHWM to VmRSS)."""
    try:
        with open("/proc/self/clear_refs", "w") as control:
            control.write("5")
    except OSError:  # not Linux, or not allowed: the peak is the process's so far
        pass


def _memory_mb() -> tuple[float, float]:
    """(peak, resident) memory of this process in MB, for the benchmark."""
    try:
        with open("/proc/self/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024
    except (OSError, KeyError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return peak, peak
