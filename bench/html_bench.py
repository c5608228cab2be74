"""Report speed: `quotecli report` over 10,000 quotes, and the page in headless Chromium.

Builds a synthetic library (no spaCy) of 200 articles of 50 quotes, times the whole
`quotecli report --out FILE` process (median of a few runs), and, when Debian's chromium is
installed, the page's load and a speaker filter of its table (timed inside the page). Always
exits 0: the figures are the output.

    .venv/bin/python bench/html_bench.py [--articles 200] [--runs 3]
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

from quotecli.records import QuoteKind
from quotecli.store import Library
from tests.support.synthetic import Said, build_extraction

QUOTES_PER_ARTICLE = 50
VOCABULARY = (
    "the government said prices would rise as talks with officials continue next week while"
    " analysts warned markets remain fragile and the minister insisted reforms are on track"
    " despite protests farmers union council election security border trade deal port ships"
)
WORDS = tuple(VOCABULARY.split())
SPEAKERS = 37
FILTER_JS = """name => {
  const select = document.querySelector('#f-speaker');
  const start = performance.now();
  select.value = name;
  select.dispatchEvent(new Event('change'));
  return performance.now() - start;
}"""


def sentence(rng: random.Random) -> str:
    """Distinct random words: quotes that the library does not link as one repeated quote."""
    return " ".join(rng.choice(WORDS) for _ in range(14)).capitalize()


def build(path: Path, articles: int) -> int:
    kinds = list(QuoteKind)
    rng = random.Random(13)
    with Library.open(path) as library:
        for a in range(articles):
            said = [
                Said(
                    f"Speaker {(a * QUOTES_PER_ARTICLE + n) % SPEAKERS}",
                    sentence(rng) + (" in Hanoi" if n % 7 == 0 else ""),
                    kind=kinds[n % len(kinds)],
                )
                for n in range(QUOTES_PER_ARTICLE)
            ]
            date = f"2024-{a % 12 + 1:02d}-{a % 28 + 1:02d}"
            library.save(build_extraction(f"bench/{a:04d}.txt", said, date=date))
    return articles * QUOTES_PER_ARTICLE


def time_report(db: Path, out: Path, runs: int) -> float:
    quotecli = str(Path(sys.executable).parent / "quotecli")
    env = {**os.environ, "QUOTECLI_DB": str(db)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [quotecli, "report", "--out", str(out)], env=env, check=True, capture_output=True
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_browser(page_file: Path) -> tuple[float, float] | None:
    executable = shutil.which("chromium")
    if executable is None:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(page_file.as_uri(), wait_until="load")
        page.wait_for_selector("#quote-table tbody tr")
        loaded = time.perf_counter() - start
        filtered = float(page.evaluate(FILTER_JS, "Speaker 5"))
        browser.close()
    return loaded, filtered / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db, out = Path(folder) / "library.sqlite3", Path(folder) / "report.html"
        quotes = build(db, options.articles)
        seconds = time_report(db, out, options.runs)
        size = out.stat().st_size / 1e6
        print(
            f"report over {quotes:,} quotes ({options.articles} articles): {seconds:.2f} s"
            f" whole process (median of {options.runs}), {size:.1f} MB"
        )
        browser = time_browser(out)
    if browser is None:
        print("in the browser: not measured (apt-get install chromium)")
    else:
        print(
            f"in the browser: loaded in {browser[0]:.2f} s; a speaker filter redraws the"
            f" table in {browser[1] * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
