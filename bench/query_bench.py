"""Library query speed: `quotecli quotes --speaker X` on a library of 100,000 quotes.

Builds a synthetic library without spaCy (through `Library.save`, so linking and the full-text
index are built as in real use), then times the whole `quotecli` process several times and
prints the median. Target (issue 4): under 0.3 s. Always exits 0: the figures are the output.

Then one speaker who says 10,000 numbered sentences ("We will build N bridges", and a longer
one that the containment index sees): linking must stay linear and the listing fast
(issue 14: well under a second; each record's `also_in` empty, since no two are the same).

    .venv/bin/python bench/query_bench.py [--quotes 100000] [--one-speaker 10000] [--runs 7]
        [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotecli.store import Library

# The synthetic extractions are test helpers, kept out of the installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.support.synthetic import KNOWN_PLACES, Said, build_extraction

QUOTES_PER_ARTICLE = 20
SPEAKERS = 5_000
TARGET = "Carlyle Thayer"  # the speaker queried
VOCABULARY = (
    "the government said prices would rise as talks with officials continue next week while"
    " analysts warned markets remain fragile and the minister insisted reforms are on track"
    " despite protests farmers union council election security border trade deal"
)
WORDS = tuple(VOCABULARY.split())


def synthetic_library(path: Path, quotes: int, seed: int = 4) -> float:
    """Fill `path` with `quotes` quotes; returns the seconds it took.

    TARGET is quoted once in about one article in twenty; a third of those quotes repeat one
    of a few statements, as wire copy does, so `also_in` and `--unique` have work to do.
    """
    rng = random.Random(seed)
    speakers = [f"Speaker{i} Surname{i % 97}" for i in range(SPEAKERS)]
    statements = [_sentence(rng) for _ in range(20)]
    started = time.perf_counter()
    with Library.open(path) as library:
        for number in range(quotes // QUOTES_PER_ARTICLE):
            said = [Said(rng.choice(speakers), _sentence(rng)) for _ in range(QUOTES_PER_ARTICLE)]
            if rng.random() < 0.05:
                text = rng.choice(statements) if rng.random() < 0.33 else _sentence(rng)
                said[rng.randrange(len(said))] = Said(TARGET, text, affiliation="ADFA")
            library.save(
                build_extraction(
                    f"corpus/{number:06d}.txt",
                    said,
                    title=f"Article {number}",
                    date=f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
                )
            )
    return time.perf_counter() - started


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 30))
    if rng.random() < 0.2:
        words.append(rng.choice(KNOWN_PLACES))
    return " ".join(words).capitalize()


BUILDERS = {
    "Ann Builder": "We will build {n} bridges",
    "Bo Builder": "We will build {n} bridges across the river before the next election",
}


def one_speaker_library(path: Path, quotes: int) -> float:
    """Each BUILDERS speaker says their sentence `quotes` times, numbered; returns seconds."""
    started = time.perf_counter()
    with Library.open(path) as library:
        for name, sentence in BUILDERS.items():
            for first in range(0, quotes, QUOTES_PER_ARTICLE):
                said = [
                    Said(name, sentence.format(n=n))
                    for n in range(first, min(first + QUOTES_PER_ARTICLE, quotes))
                ]
                slug = name.split()[0].lower()
                library.save(build_extraction(f"{slug}/{first:06d}.txt", said))
    return time.perf_counter() - started


def one_speaker(quotes: int, runs: int, workdir: Path) -> None:
    db = workdir / "one-speaker.sqlite3"
    seconds = one_speaker_library(db, quotes)
    print(f"one speaker, {quotes:,} numbered quotes each ({', '.join(BUILDERS)}):")
    print(f"  built {2 * quotes:,} quotes in {seconds:.1f} s ({db.stat().st_size >> 20} MiB)")
    for name in BUILDERS:
        surname = name.split()[0].lower()
        with Library.open(db, readonly=True) as library:
            from quotecli.query import QuoteFilter

            started = time.perf_counter()
            also_in = sum(len(q["also_in"]) for q in library.quotes(QuoteFilter(speakers=(name,))))
            alone = time.perf_counter() - started
        args = ["quotes", "--speaker", name, "--db", str(db), "--format", "jsonl"]
        median, code, lines = time_runs(args, runs)
        verdict = "ok" if median < 1.0 else "SLOW (target 1 s)"
        print(
            f"  quotecli {'quotes --speaker ' + surname:<36} {median * 1000:7.1f} ms  exit {code}"
            f"  {lines:>5} lines  also_in entries {also_in}  {verdict}"
            f" (in process: {alone * 1000:.0f} ms)"
        )


def quotecli_command() -> list[str]:
    script = Path(sys.executable).with_name("quotecli")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from quotecli.cli import main; main()"]


def time_runs(args: list[str], runs: int) -> tuple[float, int, int]:
    """Median wall-clock seconds of `quotecli ARGS`, its exit code and stdout line count."""
    times, result = [], None
    env = {**os.environ, "QUOTECLI_HOME": tempfile.gettempdir()}
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(quotecli_command() + args, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - started)
    assert result is not None
    return statistics.median(times), result.returncode, len(result.stdout.splitlines())


def in_process(db: Path, runs: int = 5) -> float:
    """Median seconds of the query alone, without process start-up and imports."""
    from quotecli.query import QuoteFilter

    times = []
    with Library.open(db) as library:
        for _ in range(runs):
            started = time.perf_counter()
            for _record in library.quotes(QuoteFilter(speakers=("thayer",))):
                pass
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--one-speaker", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="reuse (or create) this library file")
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="quotecli-bench-"))
    db = options.db or workdir / "library.sqlite3"
    try:
        if not db.exists():
            seconds = synthetic_library(db, options.quotes)
            print(
                f"built {options.quotes:,} quotes in {seconds:.1f} s"
                f" ({db.stat().st_size >> 20} MiB)"
            )
        with Library.open(db) as library:
            stats = library.stats()
        print(
            f"library: {stats['articles']:,} articles, {stats['quotes']:,} quotes, "
            f"{stats['linked_quotes']:,} linked groups; {options.runs} runs each, median"
        )
        cases = [
            ("quotes --speaker thayer", ["quotes", "--speaker", "thayer"]),
            ("quotes --speaker thayer --unique", ["quotes", "--speaker", "thayer", "--unique"]),
            (
                "quotes --contains 'border trade'",
                ["quotes", "--contains", "border trade", "--limit", "100"],
            ),
            ("--help", ["--help"]),
        ]
        print(f"  in-process Library.quotes(speakers=('thayer',)): {in_process(db) * 1000:.1f} ms")
        for label, args in cases:
            extra = [] if args == ["--help"] else ["--db", str(db), "--format", "jsonl"]
            median, code, lines = time_runs(args + extra, options.runs)
            verdict = "ok" if median < 0.3 else "SLOW (target 0.3 s)"
            print(
                f"  quotecli {label:<36} {median * 1000:7.1f} ms  exit {code}"
                f"  {lines:>5} lines  {verdict}"
            )
        if options.one_speaker:
            one_speaker(options.one_speaker, options.runs, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
