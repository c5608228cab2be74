"""Throughput benchmark (issue 5): quotecli against the plain spaCy pipeline, in one run.

Measures, over the PolNeAR train texts, each system in its own subprocess (so peak RSS is
per system): the model's plain `nlp.pipe` with all its components (the reference), textacy's
`direct_quotations` on the same model, quotecli in process, and quotecli with N worker
processes. Then the memory flatness (quotecli on all articles vs the first tenth), the
start-up of `quotecli --help`, and the library query bench (bench/query_bench.py).

Words are whitespace-separated tokens of the article texts. Each system first extracts a
few warm-up articles; the clock starts when their results are back, so model loading and
worker start-up are not counted (the pool's start-up is reported on its own).

    .venv/bin/python bench/run.py --polnear ../shared/data/polnear [--limit N] [--only NAME]

Prints a table and writes the same figures as JSON to bench-results/. Exits 0 when the
PolNeAR directory is absent (saying so on stderr): the benchmark needs the corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS_DIR = REPO / "bench-results"
WARMUP_ARTICLES = 4
FLATNESS_FRACTION = 10  # compare all articles with the first tenth
FLATNESS_TARGET = 0.15
HELP_RUNS = 7
SYSTEMS = ("spacy", "textacy", "quotecli", "jobs")
STARTUP_TARGET_S = 0.2


def main() -> int:
    options = parse_args()
    if options.child:
        print(json.dumps(measure(options.child, options)))
        return 0
    text_dir = options.polnear / "train" / "text"
    if not text_dir.is_dir():
        print(f"bench: no PolNeAR texts at {text_dir}; nothing measured", file=sys.stderr)
        return 0
    return orchestrate(options, text_dir)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--polnear", type=Path, default=REPO.parent / "shared/data/polnear")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--only",
        action="append",
        default=None,
        help="run only these measurements (repeatable): "
        "spacy, textacy, quotecli, jobs, jobs2, flatness, startup, query, inputs, long, cluster;"
        " and, only on request, pipeline (quotecli's spaCy pipeline without its rules)",
    )
    parser.add_argument("--model", default=None, help="spaCy model (default: quotecli's choice)")
    parser.add_argument("--jobs", type=int, action="append", default=None, help="pool sizes")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    return parser.parse_args()


# ---------------------------------------------------------------- the orchestrating process


@dataclass
class Row:
    name: str
    label: str
    result: dict[str, Any]


def orchestrate(options: argparse.Namespace, text_dir: Path) -> int:
    from quotecli.nlp.loading import resolve_model_name

    model = resolve_model_name(options.model)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    # --jobs 1 is the in-process Extractor itself: the single-process row measures it.
    jobs = options.jobs or sorted({2, *(range(4, (cores or 1) + 1, 2))})
    wanted = set(
        options.only
        or ["spacy", "textacy", "quotecli", "jobs", "flatness", "startup", "inputs", "long"]
    )
    wanted |= {"query", "html", "cluster"} if options.only is None else set()
    header = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": cores,
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "model": model,
        "limit": options.limit,
    }
    print_header(header, text_dir)
    rows = run_systems(options, text_dir, model, jobs, wanted)
    extras = run_extras(options, text_dir, model, rows, wanted)
    report = {**header, "systems": {r.name: r.result for r in rows}, **extras}
    report["load_average_after"] = os.getloadavg()
    print_table(rows)
    print_extras(extras, rows)
    write_json(report)
    return 0


def print_header(header: dict[str, Any], text_dir: Path) -> None:
    load = ", ".join(f"{x:.2f}" for x in header["load_average"])
    print(f"quotecli throughput benchmark  {header['date']}")
    print(f"cores: {header['cores']}  load average: {load}  python {header['python']}")
    print(f"model: {header['model']}  corpus: {text_dir}  limit: {header['limit'] or 'all'}")
    print()


def run_systems(
    options: argparse.Namespace, text_dir: Path, model: str, jobs: list[int], wanted: set[str]
) -> list[Row]:
    plan: list[tuple[str, str]] = []
    if "spacy" in wanted:
        plan.append(("spacy", "spaCy nlp.pipe, all components (reference)"))
    if "textacy" in wanted:
        plan.append(("textacy", "textacy direct_quotations"))
    if "pipeline" in wanted:
        plan.append(("pipeline", "quotecli's pipeline without its rules"))
    if "quotecli" in wanted:
        plan.append(("quotecli", "quotecli, single process (= --jobs 1)"))
    for n in jobs:
        if "jobs" in wanted or f"jobs{n}" in wanted:
            plan.append((f"jobs{n}", f"quotecli --jobs {n}"))
    rows = []
    for name, label in plan:
        print(f"measuring {label} ...", file=sys.stderr, flush=True)
        rows.append(Row(name, label, run_child(name, options, model, options.limit)))
    return rows


def run_child(name: str, options: argparse.Namespace, model: str, limit: int | None) -> Any:
    command = [sys.executable, __file__, "--child", name, "--polnear", str(options.polnear)]
    command += ["--model", model] + (["--limit", str(limit)] if limit else [])
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["(no message)"]
        return {"error": f"exit {done.returncode}: {tail[0]}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["load_after"] = os.getloadavg()[0]  # others' work on the machine skews figures
    return result


def run_extras(
    options: argparse.Namespace, text_dir: Path, model: str, rows: list[Row], wanted: set[str]
) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    if "flatness" in wanted:
        extras["flatness"] = flatness(options, text_dir, model, rows)
    if "startup" in wanted:
        print("measuring quotecli --help start-up ...", file=sys.stderr, flush=True)
        extras["startup_help_s"] = startup_seconds()
        extras["startup_query_s"] = startup_seconds(
            args=("quotes", "--speaker", "x", "-f", "jsonl")
        )
    if "query" in wanted:
        extras["query"] = query_bench()
    if "inputs" in wanted:  # web pages and WARC streaming: bench/inputs.py
        import inputs

        extras["inputs"] = inputs.from_bench(text_dir, rows, options.limit)
    if "html" in wanted:
        extras["html"] = html_bench()
    if "long" in wanted:  # one-paragraph articles of 10 KB and 2 MB: bench/long_docs.py
        import long_docs

        extras["long_docs"] = long_docs.run(options.polnear, list(long_docs.SIZES))
    if "cluster" in wanted:
        extras["cluster"] = cluster_bench(options)
    return extras


def flatness(
    options: argparse.Namespace, text_dir: Path, model: str, rows: list[Row]
) -> dict[str, Any]:
    total = count_articles(text_dir, options.limit)
    small = max(total // FLATNESS_FRACTION, 1)
    full = next((r.result for r in rows if r.name == "quotecli" and "error" not in r.result), None)
    if full is None:
        print("measuring quotecli on all articles (memory) ...", file=sys.stderr, flush=True)
        full = run_child("quotecli", options, model, options.limit)
    print(f"measuring quotecli on the first {small} articles ...", file=sys.stderr, flush=True)
    part = run_child("quotecli", options, model, small)
    if "error" in full or "error" in part:
        return {"error": full.get("error") or part.get("error")}
    growth = full["peak_rss_mb"] / part["peak_rss_mb"] - 1
    return {
        "articles_all": full["articles"],
        "articles_first": part["articles"],
        "peak_rss_mb_all": full["peak_rss_mb"],
        "peak_rss_mb_first": part["peak_rss_mb"],
        "growth": growth,
        "holds": growth <= FLATNESS_TARGET,
    }


def count_articles(text_dir: Path, limit: int | None) -> int:
    total = sum(1 for _ in text_dir.rglob("*.txt"))
    return min(total, limit) if limit else total


def startup_seconds(runs: int = HELP_RUNS, args: tuple[str, ...] = ("--help",)) -> float:
    """Median whole-process time of `quotecli ARGS` (a query runs on an empty library)."""
    import tempfile

    executable = Path(sys.executable).parent / "quotecli"
    command = [str(executable)] if executable.exists() else [sys.executable, "-m", "quotecli"]
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QUOTECLI_HOME": home}
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([*command, *args], capture_output=True, check=False, env=env)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


QUERY_LINE = re.compile(r"quotecli (?P<label>.+?)\s+(?P<ms>\d+(?:\.\d+)?) ms")


def query_bench() -> dict[str, Any]:
    script = REPO / "bench" / "query_bench.py"
    if not script.exists():
        return {"error": "bench/query_bench.py is absent"}
    print("running bench/query_bench.py (100,000-quote library) ...", file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    timings = {m["label"].strip(): float(m["ms"]) / 1000 for m in QUERY_LINE.finditer(done.stdout)}
    return {"exit": done.returncode, "median_s": timings, "output": done.stdout.strip()}


def cluster_bench(options: argparse.Namespace) -> dict[str, Any]:
    """bench/cluster.py: extract on a local Dask cluster vs `add --jobs 2`, on 200 articles."""
    print("running bench/cluster.py (200 articles) ...", file=sys.stderr, flush=True)
    script = [sys.executable, str(REPO / "bench" / "cluster.py"), "--polnear", str(options.polnear)]
    model = ["--model", options.model] if options.model else []
    done = subprocess.run(script + model, text=True, capture_output=True, check=False)
    lines = done.stdout.strip().splitlines()
    try:
        return {"output": "\n".join(lines[:-1]), **json.loads(lines[-1])}
    except (IndexError, ValueError):
        return {"output": f"cluster bench failed: {done.stderr.strip()[-300:]}"}


def html_bench() -> dict[str, Any]:
    print("running bench/html_bench.py (10,000-quote report) ...", file=sys.stderr, flush=True)
    script = str(REPO / "bench" / "html_bench.py")
    done = subprocess.run([sys.executable, script], capture_output=True, text=True)
    return {"exit": done.returncode, "output": done.stdout.strip()}


# ---------------------------------------------------------------- printing


def print_table(rows: list[Row]) -> None:
    reference = next((r.result for r in rows if r.name == "spacy" and "error" not in r.result), {})
    single = next((r.result for r in rows if r.name == "quotecli" and "error" not in r.result), {})
    print()
    print(
        f"{'system':<44} {'articles':>8} {'words':>8} {'seconds':>8} {'words/s':>8}"
        f" {'x spaCy':>8} {'x single':>8} {'CPU s':>6} {'peak RSS MB':>12} {'load':>5}"
    )
    for row in rows:
        print(format_row(row, reference, single))


def format_row(row: Row, reference: dict[str, Any], single: dict[str, Any]) -> str:
    result = row.result
    if "error" in result:
        return f"{row.label:<44} failed: {result['error']}"

    def ratio(base: dict[str, Any]) -> str:
        return f"{result['words_per_s'] / base['words_per_s']:.2f}" if base else "-"

    cpu = f"{result['cpu_s']:.1f}" if result.get("cpu_s") is not None else "-"
    rss = f"{result['peak_rss_mb']:.0f}"
    if result.get("worker_peak_rss_mb"):
        rss += f" +{result['jobs']}x{result['worker_peak_rss_mb']:.0f}"
    return (
        f"{row.label:<44} {result['articles']:>8} {result['words']:>8} {result['seconds']:>8.1f}"
        f" {result['words_per_s']:>8.0f} {ratio(reference):>8} {ratio(single):>8}"
        f" {cpu:>6} {rss:>12}"
        f" {result.get('load_after', 0):>5.2f}"
    )


def print_extras(extras: dict[str, Any], rows: list[Row]) -> None:
    print(
        "(CPU s: CPU time of the timed window, workers included; load: the 1-minute load"
        " average as each measurement ended)"
    )
    print()
    pools = [r for r in rows if r.name.startswith("jobs") and "error" not in r.result]
    for row in pools:
        print(f"{row.label}: pool start-up (spawn + model load) {row.result['startup_s']:.1f} s")
    if "flatness" in extras:
        f = extras["flatness"]
        if "error" in f:
            print(f"memory flatness: failed: {f['error']}")
        else:
            print(
                f"memory flatness: peak RSS {f['peak_rss_mb_all']:.0f} MB on {f['articles_all']}"
                f" articles vs {f['peak_rss_mb_first']:.0f} MB on the first"
                f" {f['articles_first']}: {f['growth']:+.1%}"
                f" (target within {FLATNESS_TARGET:.0%}: {'holds' if f['holds'] else 'MISSED'})"
            )
    for key, label in (("startup_help_s", "--help"), ("startup_query_s", "quotes --speaker")):
        if key in extras:
            seconds = extras[key]
            verdict = "holds" if seconds < STARTUP_TARGET_S else "MISSED"
            print(
                f"start-up: quotecli {label} {seconds * 1000:.0f} ms (median of {HELP_RUNS};"
                f" target < {STARTUP_TARGET_S * 1000:.0f} ms: {verdict})"
            )
    if extras.get("long_docs"):
        import long_docs

        print(long_docs.report(extras["long_docs"]))
    if "query" in extras:
        query = extras["query"]
        print("library query (bench/query_bench.py):")
        print("  " + query.get("output", query.get("error", "")).replace("\n", "\n  "))
    if "inputs" in extras:
        import inputs

        print("inputs (bench/inputs.py):\n  " + "\n  ".join(inputs.describe(extras["inputs"])))
    if "html" in extras:
        print("report (bench/html_bench.py):")
        print("  " + extras["html"]["output"].replace("\n", "\n  "))
    if "cluster" in extras:
        print(extras["cluster"]["output"])


def write_json(report: dict[str, Any]) -> None:
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"bench-{stamp}.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {path.relative_to(REPO)}")


# ---------------------------------------------------------------- one measurement (child)


def measure(name: str, options: argparse.Namespace) -> dict[str, Any]:
    articles = load_articles(options.polnear / "train" / "text", options.limit)
    warmup = articles[:WARMUP_ARTICLES]
    if name == "spacy":
        run = spacy_runner(options.model, with_textacy=False)
    elif name == "textacy":
        run = spacy_runner(options.model, with_textacy=True)
    elif name == "quotecli":
        run = quotecli_runner(options.model)
    elif name == "pipeline":
        run = pipeline_runner(options.model)
    elif name.startswith("jobs"):
        return measure_pool(options.model, int(name.removeprefix("jobs")), articles)
    else:
        raise SystemExit(f"unknown measurement {name!r}")
    for _ in run(warmup):
        pass
    started, cpu = time.perf_counter(), time.process_time()
    done = sum(1 for _ in run(articles))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {**summary(articles[:done], seconds, jobs=1), "cpu_s": cpu}


def load_articles(text_dir: Path, limit: int | None) -> list[Any]:
    from quotecli.sources import iter_articles

    paths = [str(path) for path in sorted(text_dir.rglob("*.txt"))[:limit]]
    return list(iter_articles(paths, lambda message: print(message, file=sys.stderr)))


Runner = Callable[[list[Any]], Iterable[object]]


def spacy_runner(model: str, *, with_textacy: bool) -> Runner:
    import spacy

    nlp = spacy.load(model)

    def plain(articles: list[Any]) -> Iterator[object]:
        yield from nlp.pipe(article.text for article in articles)

    def textacy(articles: list[Any]) -> Iterator[object]:
        from textacy.extract.triples import direct_quotations

        for doc in nlp.pipe(article.text for article in articles):
            try:
                yield list(direct_quotations(doc))
            except ValueError:  # textacy refuses a Doc with unbalanced quotation marks
                yield []

    return textacy if with_textacy else plain


def quotecli_runner(model: str) -> Runner:
    from quotecli.extract import Extractor

    extractor = Extractor(model)
    return lambda articles: extractor.extract_many(articles)


def pipeline_runner(model: str) -> Runner:
    """quotecli's spaCy pipeline (components left out or replaced) with the rules removed."""
    from quotecli.nlp.loading import load_pipeline

    nlp = load_pipeline(model)
    nlp.remove_pipe("quotecli")
    return lambda articles: nlp.pipe(article.text for article in articles)


def measure_pool(model: str, jobs: int, articles: list[Any]) -> dict[str, Any]:
    """Time a pool: warm-up copies go first; the clock starts when their results are back."""
    from quotecli.parallel import ParallelExtractor

    extractor = ParallelExtractor(model, jobs)
    warmup = articles[: WARMUP_ARTICLES * jobs]
    results = extractor.extract_many([*warmup, *articles])
    started = time.perf_counter()
    for _ in warmup:
        next(results)
    startup = time.perf_counter() - started
    workers = [child.pid for child in multiprocessing.active_children() if child.pid]
    started, cpu = time.perf_counter(), time.process_time() + cpu_seconds(workers)
    done = sum(1 for _ in islice(results, len(articles)))
    seconds = time.perf_counter() - started
    cpu = time.process_time() + cpu_seconds(workers) - cpu
    done += sum(1 for _ in results)  # none left: lets the pool shut down
    result = summary(articles[:done], seconds, jobs=jobs)
    return {**result, "startup_s": startup, "cpu_s": cpu if workers else None}


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of running processes, from /proc (0 where unreadable)."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def summary(articles: list[Any], seconds: float, *, jobs: int) -> dict[str, Any]:
    words = sum(len(article.text.split()) for article in articles)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": len(articles),
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "peak_rss_mb": own,
        "worker_peak_rss_mb": children if jobs > 1 else None,
        "jobs": jobs,
    }


if __name__ == "__main__":
    sys.exit(main())
