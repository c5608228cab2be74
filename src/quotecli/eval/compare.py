"""`make eval`: quotecli and the textacy baseline scored on the same gold articles in one run.

Usage: python -m quotecli.eval.compare GOLD_DIR [--model NAME] [--errors FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from quotecli.errors import QuotecliError
from quotecli.eval.core import EvalResult, evaluate_systems
from quotecli.eval.report import write_errors
from quotecli.eval.tables import score_table


def compare(gold_dir: Path, model: str | None, progress: Progress) -> list[EvalResult]:
    """Score quotecli and textacy on `gold_dir`, parsing each article once."""
    from quotecli.eval.systems import SharedParse
    from quotecli.extract import Extractor

    task = progress.add_task("loading model", total=None)
    shared = SharedParse(Extractor(model))
    progress.update(task, description="evaluating")

    def advance(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    results = evaluate_systems(
        gold_dir, {"quotecli": shared.quotecli, "textacy": shared.textacy}, advance
    )
    return list(results.values())


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m quotecli.eval.compare", description=__doc__)
    parser.add_argument("gold_dir", type=Path, help="directory with text/ and attributions/")
    parser.add_argument("--model", help="spaCy model name or path (default: as quotecli)")
    parser.add_argument("--errors", type=Path, help="write quotecli's error groups (Markdown)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison; returns the exit status (0 also when the gold dir is absent)."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    stderr = Console(stderr=True)
    if not args.gold_dir.is_dir():
        stderr.print(
            f"eval skipped: gold directory {args.gold_dir} is absent",
            highlight=False,
            soft_wrap=True,
        )
        return 0
    try:
        with Progress(console=stderr, transient=True) as progress:
            results = compare(args.gold_dir, args.model, progress)
        if args.errors:
            write_errors(args.errors, results[0])
    except QuotecliError as error:
        stderr.print(f"error: {error}", highlight=False, markup=False, soft_wrap=True)
        return 2
    if args.json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        Console(width=None if sys.stdout.isatty() else 160).print(score_table(results))
        print(f"{results[0].articles} articles, run {results[0].date}")
    if args.errors:
        stderr.print(f"errors written to {args.errors}", highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
