"""Long documents (issue 14.5): words per second and peak memory on one-paragraph articles.

Builds each article from PolNeAR train texts joined without blank lines (every newline a
space), cut at the last sentence end before the size, and extracts it in its own process
(so peak RSS is per size) after a warm-up article. Throughput should be about the same at
10 KB and 2 MB (target: within 20%) and memory bounded by the chunk, not the text.

    .venv/bin/python bench/long_docs.py --polnear ../shared/data/polnear [--sizes 10000 2000000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SIZES = (10_000, 2_000_000)
TARGET = 0.20
REPEAT_CHARS = 400_000


def main() -> int:
    options = parse_args()
    if options.child:
        print(json.dumps(measure(options.polnear, options.child)))
        return 0
    results = run(options.polnear, options.sizes)
    if results is None:
        print(f"long_docs: no PolNeAR texts under {options.polnear}", file=sys.stderr)
        return 0
    print(report(results))
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--polnear", type=Path, default=REPO.parent / "shared/data/polnear")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_args()


def run(polnear: Path, sizes: list[int]) -> list[dict[str, Any]] | None:
    """Each size measured in its own process; None without the corpus."""
    if not (polnear / "train" / "text").is_dir():
        return None
    results = []
    for size in sizes:
        print(f"long_docs: extracting a {size:,}-character article ...", file=sys.stderr)
        command = [sys.executable, __file__, "--polnear", str(polnear), "--child", str(size)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            results.append({"chars": size, "error": done.stderr.strip().splitlines()[-1:]})
        else:
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def report(results: list[dict[str, Any]]) -> str:
    lines = ["long one-paragraph articles (bench/long_docs.py):"]
    for r in results:
        if "error" in r:
            lines.append(f"  {r['chars']:>9,} chars: failed {r['error']}")
            continue
        lines.append(
            f"  {r['chars']:>9,} chars: {r['words_per_s']:>7,.0f} words/s,"
            f" {r['seconds']:.1f} s, peak RSS {r['peak_rss_mb']:.0f} MB, {r['quotes']} quotes"
        )
    ok = [r for r in results if "error" not in r]
    if len(ok) >= 2:
        ratio = ok[-1]["words_per_s"] / ok[0]["words_per_s"]
        verdict = "holds" if abs(1 - ratio) <= TARGET else "MISSED"
        lines.append(
            f"  largest/smallest words/s: {ratio:.2f} (target within {TARGET:.0%}: {verdict})"
        )
    return "\n".join(lines)


def one_paragraph(polnear: Path, size: int) -> str:
    """PolNeAR train texts, whole, joined with spaces, cut at the last sentence end <= size."""
    parts: list[str] = []
    total = 0
    for path in sorted((polnear / "train" / "text").glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        parts.append(text)
        total += len(text) + 1
        if total > size:
            break
    joined = " ".join(parts)
    while len(joined) < size:  # a corpus smaller than the size: repeat it
        joined = f"{joined} {joined}"
    cut = joined.rfind(". ", 0, size)
    return joined[: cut + 1 if cut > 0 else size]


def measure(polnear: Path, size: int) -> dict[str, Any]:
    from quotecli.extract import Extractor
    from quotecli.records import Article

    extractor = Extractor()
    extractor.extract(Article(path="warm-up", text=one_paragraph(polnear, 2_000)))
    text = one_paragraph(polnear, size)
    # A small article is extracted again, in one stream, until as much text is done as in a
    # 400 KB one: batched as a long text's chunks are, and as long to measure.
    repeats = max(1, REPEAT_CHARS // len(text))
    articles = (Article(path=f"long-{i}.txt", text=text) for i in range(repeats))
    started = time.perf_counter()
    *_, extraction = extractor.extract_many(articles)
    seconds = (time.perf_counter() - started) / repeats
    return {
        "chars": len(text),
        "words": len(text.split()),
        "repeats": repeats,
        "seconds": seconds,
        "words_per_s": len(text.split()) / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "quotes": len(extraction.quotes),
    }


if __name__ == "__main__":
    raise SystemExit(main())
