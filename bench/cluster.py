"""Cluster benchmark (issue 12): `quotecli extract` on a local Dask cluster against `add --jobs 2`.

On the first N PolNeAR train articles (200 by default, so the run takes minutes):

- end to end, as a user runs them (process start, cluster start, model loads included):
  `quotecli extract --workers 1`, `--workers 2` and `quotecli add --jobs 2`, articles/s;
- steady state, from the first task sent to the last part written (cluster and model
  already up): articles/s for 1 and 2 workers;
- scheduler overhead per task: the round trip of an empty task on the same cluster, and the
  job's wall time times workers minus the tasks' own time, per task;
- worker peak memory (RSS high-water mark, reset at each task's start on Linux) over the
  first tasks and over the last tasks, which extract the same articles again (target: flat
  within 15%), and the workers' resident memory after them.

    .venv/bin/python bench/cluster.py --polnear ../shared/data/polnear [--articles 200]

Prints the figures and, last, one JSON line (bench/run.py reads it). Exits 0 without PolNeAR.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ARTICLES = 200
TASK_SIZE = 10  # small tasks: enough of them per worker to see memory over time
NOOP_TASKS = 200
FLAT_TARGET = 0.15
MEMORY_TASKS = 2  # per worker: the tasks whose peaks are compared, at the start and the end


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--polnear", type=Path, default=REPO.parent / "shared/data/polnear")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--task-size", type=int, default=TASK_SIZE)
    parser.add_argument("--model", default=None)
    options = parser.parse_args()
    text_dir = options.polnear / "train" / "text"
    if not text_dir.is_dir():
        print(f"bench: no PolNeAR texts at {text_dir}; nothing measured", file=sys.stderr)
        print(json.dumps({"error": "no PolNeAR"}))
        return 0
    files = sorted(text_dir.rglob("*.txt"))[: options.articles]
    with tempfile.TemporaryDirectory(prefix="quotecli-cluster-bench-") as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        for file in files:  # links, never copies of PolNeAR
            (corpus / file.name).symlink_to(file.resolve())
        result = {
            "articles": len(files),
            "task_size": options.task_size,
            "end_to_end": end_to_end(corpus, Path(scratch), options),
            "steady": {str(n): steady(corpus, Path(scratch), n, options) for n in (1, 2)},
        }
    report(result)
    print(json.dumps(result))
    return 0


def end_to_end(corpus: Path, scratch: Path, options: argparse.Namespace) -> dict[str, float]:
    quotecli = str(Path(sys.executable).parent / "quotecli")
    model = ["--model", options.model] if options.model else []
    runs = {
        "extract --workers 1": ["extract", "--workers", "1"],
        "extract --workers 2": ["extract", "--workers", "2"],
        "add --jobs 2": ["add", "--jobs", "2"],
    }
    rates = {}
    for label, args in runs.items():
        out = ["--out", str(scratch / uuid.uuid4().hex), "--task-size", str(options.task_size)]
        command = [quotecli, args[0], str(corpus), *args[1:], *model]
        command += out if args[0] == "extract" else []
        env = {**os.environ, "QUOTECLI_HOME": str(scratch / uuid.uuid4().hex)}
        print(f"measuring quotecli {label} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"quotecli {label} failed: {done.stderr.strip()[-300:]}")
        rates[label] = options.articles / seconds if seconds else 0.0
    return rates


def steady(
    corpus: Path, scratch: Path, workers: int, options: argparse.Namespace
) -> dict[str, Any]:
    """One job on a cluster started here, so the cluster's start-up stays out of the clock.

    For memory, the input ends with its first `workers * MEMORY_TASKS` tasks' articles once
    more: the peaks over the first and over the last tasks are then peaks on the same texts.
    """
    from distributed import Client, LocalCluster

    from quotecli.cluster.engine import Job, run_job
    from quotecli.sources import iter_articles

    print(f"measuring the steady state on {workers} worker(s) ...", file=sys.stderr, flush=True)
    files = [str(path) for path in sorted(corpus.glob("*.txt"))]
    repeated = workers * MEMORY_TASKS
    files += files[: repeated * options.task_size]
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        job = Job(
            str(scratch / uuid.uuid4().hex),
            options.model,
            cluster.scheduler_address,
            articles_per_task=options.task_size,
        )
        job_report = run_job(job, iter_articles(files, print))
        noop = noop_round_trip(client)
    results = sorted(job_report.results, key=lambda r: r.name)  # in input order
    busy = sum(r.seconds for r in results)
    first, last = results[:repeated], results[-repeated:]
    peak_first = max(r.peak_rss_mb for r in first)
    peak_last = max(r.peak_rss_mb for r in last)
    return {
        "articles_per_s": job_report.articles / job_report.seconds,
        "tasks": len(results),
        "memory_tasks": repeated,
        "task_s_median": statistics.median(r.seconds for r in results),
        "overhead_per_task_s": (job_report.seconds * workers - busy) / len(results),
        "noop_round_trip_s": noop,
        "worker_peak_rss_mb_first": peak_first,
        "worker_peak_rss_mb_last": peak_last,
        "worker_rss_growth": peak_last / peak_first - 1,
        "worker_rss_mb_after_first": max(r.rss_mb for r in first),
        "worker_rss_mb_after_last": max(r.rss_mb for r in last),
    }


def noop_round_trip(client: Any) -> float:
    """Seconds per empty task, submitted one after another and waited for (scheduler latency)."""
    started = time.perf_counter()
    for index in range(NOOP_TASKS):
        client.submit(int, index, pure=False).result()
    return (time.perf_counter() - started) / NOOP_TASKS


def report(result: dict[str, Any]) -> None:
    print(
        f"cluster bench: {result['articles']} PolNeAR train articles, {result['task_size']} a task"
    )
    for label, rate in result["end_to_end"].items():
        print(f"  end to end  quotecli {label:<20} {rate:6.1f} articles/s")
    for workers, s in result["steady"].items():
        flat = "holds" if s["worker_rss_growth"] <= FLAT_TARGET else "MISSED"
        print(
            f"  steady      extract on {workers} worker(s)        {s['articles_per_s']:6.1f}"
            " articles/s;"
            f" {s['tasks']} tasks, median {s['task_s_median']:.2f} s;"
            f" overhead {s['overhead_per_task_s'] * 1000:.0f} ms/task (job),"
            f" {s['noop_round_trip_s'] * 1000:.1f} ms (empty task);"
            f" worker peak RSS {s['worker_peak_rss_mb_first']:.0f} MB over the first"
            f" {s['memory_tasks']} tasks, {s['worker_peak_rss_mb_last']:.0f} MB over the last"
            " (the same articles):"
            f" {s['worker_rss_growth']:+.1%} (within {FLAT_TARGET:.0%}: {flat});"
            f" resident after them {s['worker_rss_mb_after_first']:.0f} MB and"
            f" {s['worker_rss_mb_after_last']:.0f} MB"
        )


if __name__ == "__main__":
    sys.exit(main())
