"""Input benchmark (issue 11): web-page extraction speed, and flat memory streaming WARC files.

- HTML extraction alone: pages per second (and words of main text per second, to set beside
  quotecli's extraction words per second) for PolNeAR train texts wrapped in a news page
  (navigation, ads, scripts, comments, related links, footer), read with `page_article`.
- Streaming memory: WARC files of 200 and 2,000 such pages are written (warcio, gzip) in a
  temporary directory; a subprocess streams each through `iter_articles` (every record read
  and its main text extracted, as `quotecli add` would before parsing) and reports its peak
  RSS. The target: the 2,000-page peak within 15% of the 200-page one.

    .venv/bin/python bench/inputs.py --polnear ../shared/data/polnear [--pages 200 --pages 2000]

Without PolNeAR, pages are made of synthetic paragraphs. `bench/run.py` calls `run_inputs`.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PAGE_COUNTS = (200, 2000)
EXTRACTION_PAGES = 300
FLATNESS_TARGET = 0.15


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--polnear", type=Path, default=Path(__file__).parents[2] / "shared/data/polnear"
    )
    parser.add_argument("--pages", type=int, action="append", default=None)
    parser.add_argument("--child-stream", type=Path, default=None, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child_stream:
        print(json.dumps(stream_archive(options.child_stream)))
        return 0
    result = run_inputs(options.polnear / "train" / "text", tuple(options.pages or PAGE_COUNTS))
    print("\n".join(describe(result)))
    return 0


def run_inputs(
    text_dir: Path, counts: tuple[int, ...] = PAGE_COUNTS, quotecli_words_per_s: float | None = None
) -> dict[str, Any]:
    """Both measurements; `quotecli_words_per_s` (from the throughput table) is set beside."""
    texts = load_texts(text_dir)
    print("measuring HTML extraction alone ...", file=sys.stderr, flush=True)
    result: dict[str, Any] = {"extraction": extraction_speed(texts)}
    result["extraction"]["quotecli_words_per_s"] = quotecli_words_per_s
    result["warc"] = warc_flatness(texts, counts)
    return result


def from_bench(text_dir: Path, rows: list[Any], limit: int | None = None) -> dict[str, Any]:
    """For bench/run.py: both measurements, beside its quotecli single-process words/s."""
    single = next((r.result for r in rows if r.name == "quotecli" and "error" not in r.result), {})
    counts = PAGE_COUNTS if limit is None else tuple(max(c * limit // 840, 10) for c in PAGE_COUNTS)
    return run_inputs(text_dir, counts, single.get("words_per_s"))


def load_texts(text_dir: Path) -> list[str]:
    if text_dir.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))]
    rng = random.Random(11)
    words = ("officials", "said", "the", "plan", "would", "go", "ahead", "despite", "protests")
    return [
        "\n\n".join(" ".join(rng.choices(words, k=25)) + "." for _ in range(12)) for _ in range(50)
    ]


def news_page(text: str, n: int) -> str:
    """An article's paragraphs inside the page a news site serves around them."""
    body = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Story {n} | The Bench Times</title><meta property="og:site_name" content="The Bench Times">
<meta property="article:published_time" content="2024-06-{n % 28 + 1:02d}T08:00:00Z">
<link rel="canonical" href="https://bench.example/story-{n}">
<script>window.dataLayer = [{{"page": {n}}}];</script></head><body>
<header><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li></ul></nav></header>
<div class="ad">ADVERTISEMENT <a href="https://ads.example/{n}">Click here</a></div>
<main><article><h1>Story {n}</h1><div class="byline">By Staff</div>
{body}
</article><aside class="related"><h2>Related</h2><ul><li><a href="/a">Other story</a></li>
</ul></aside></main><footer><p>© 2024 The Bench Times</p></footer></body></html>
"""


def extraction_speed(texts: list[str]) -> dict[str, Any]:
    from quotecli.sources.html import page_article

    pages = [news_page(texts[i % len(texts)], i).encode() for i in range(EXTRACTION_PAGES)]
    page_article("warm-up.html", pages[0], lambda _: None)
    started = time.perf_counter()
    words = sum(
        len(page_article(f"{i}.html", p, lambda _: None).text.split()) for i, p in enumerate(pages)
    )
    seconds = time.perf_counter() - started
    return {
        "pages": len(pages),
        "seconds": seconds,
        "pages_per_s": len(pages) / seconds,
        "words_per_s": words / seconds,
    }


def write_warc(path: Path, texts: list[str], pages: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(pages):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            body = news_page(texts[n % len(texts)], n).encode()
            record = writer.create_warc_record(
                f"https://bench.example/story-{n}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
            )
            writer.write_record(record)


def warc_flatness(texts: list[str], counts: tuple[int, ...]) -> dict[str, Any]:
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="quotecli-bench-") as tmp:
        for pages in counts:
            path = Path(tmp) / f"crawl-{pages}.warc.gz"
            print(f"writing and streaming a WARC of {pages} pages ...", file=sys.stderr, flush=True)
            write_warc(path, texts, pages)
            command = [sys.executable, __file__, "--child-stream", str(path)]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                return {"error": (done.stderr.strip().splitlines() or ["(no message)"])[-1]}
            runs[str(pages)] = {**json.loads(done.stdout), "bytes": path.stat().st_size}
    small, large = runs[str(min(counts))], runs[str(max(counts))]
    growth = large["peak_rss_mb"] / small["peak_rss_mb"] - 1
    return {"runs": runs, "growth": growth, "holds": growth <= FLATNESS_TARGET}


def stream_archive(path: Path) -> dict[str, Any]:
    """In the child: read every article of the archive, keeping none."""
    from quotecli.sources import iter_articles

    started = time.perf_counter()
    articles = sum(1 for _ in iter_articles([str(path)], lambda _: None))
    return {
        "articles": articles,
        "seconds": time.perf_counter() - started,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def describe(result: dict[str, Any]) -> list[str]:
    extraction = result["extraction"]
    line = (
        f"HTML extraction alone: {extraction['pages_per_s']:.0f} pages/s"
        f" ({extraction['words_per_s']:,.0f} words/s of main text, {extraction['pages']} pages)"
    )
    if extraction.get("quotecli_words_per_s"):
        line += f"; quotecli extraction: {extraction['quotecli_words_per_s']:,.0f} words/s"
    lines = [line]
    warc = result["warc"]
    if "error" in warc:
        return [*lines, f"WARC streaming: failed: {warc['error']}"]
    for pages, run in warc["runs"].items():
        lines.append(
            f"WARC of {pages} pages ({run['bytes'] / 1e6:.1f} MB): {run['articles']} articles in"
            f" {run['seconds']:.1f} s, peak RSS {run['peak_rss_mb']:.0f} MB"
        )
    verdict = "holds" if warc["holds"] else "MISSED"
    lines.append(
        f"WARC memory flatness: {warc['growth']:+.1%}"
        f" (target within {FLATNESS_TARGET:.0%}: {verdict})"
    )
    return lines


if __name__ == "__main__":
    sys.exit(main())
