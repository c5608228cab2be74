"""`quotecli eval GOLD_DIR`: precision, recall and F1 against hand-annotated attributions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from quotecli.cli.common import (
    ModelOption,
    pick_format,
    stderr,
    stdout_is_terminal,
    translate_errors,
)

if TYPE_CHECKING:
    from quotecli.eval.core import EvalResult


class EvalFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


GoldDirArgument = Annotated[
    Path,
    typer.Argument(
        help="Gold directory in brat standoff: text/<article>.txt and "
        "attributions/<article>[_<annotator>].ann (the first .ann per article is used).",
        show_default=False,
    ),
]
EvalFormatOption = Annotated[
    EvalFormat | None,
    typer.Option(
        "--format", "-f", help="table or json. Default: table on a terminal, json when piped."
    ),
]
ErrorsOption = Annotated[
    Path | None,
    typer.Option(
        "--errors",
        help="Write every miss and false positive, with its sentence, grouped by kind (Markdown).",
        dir_okay=False,
    ),
]


@translate_errors
def eval_command(
    gold_dir: GoldDirArgument,
    fmt: EvalFormatOption = None,
    errors: ErrorsOption = None,
    model: ModelOption = None,
) -> None:
    """Score quotecli's extraction against gold attributions: content, source, cue, both.

    Overlap match: shared characters >= half of the longer span. Exact match: the same span
    once edge punctuation, quote marks and spaces are trimmed. Rows for all attributions and
    for those with quotation marks.

    Examples:

      quotecli eval ../shared/data/polnear/dev

      quotecli eval gold/ --errors errors.md --format json > scores.json
    """
    from quotecli.eval.report import write_errors
    from quotecli.eval.tables import score_table

    result = run_eval(gold_dir, model)
    if errors is not None:
        write_errors(errors, result)
    chosen = pick_format(fmt, EvalFormat.TABLE, EvalFormat.JSON)
    if chosen is EvalFormat.JSON:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        width = None if stdout_is_terminal() else 120  # a file or pipe gets the whole table
        Console(file=sys.stdout, highlight=False, width=width).print(score_table([result]))
        sys.stdout.write(f"{result.articles} articles, run {result.date}\n")
    if errors is not None:
        stderr.print(f"errors written to {errors}")


def run_eval(gold_dir: Path, model: str | None) -> EvalResult:
    """Evaluate with a progress bar on stderr (the evaluation and spaCy are imported only here,
    so that other commands start fast)."""
    from quotecli.cli.progress import progress
    from quotecli.eval.core import evaluate
    from quotecli.eval.systems import extractor_predict
    from quotecli.extract import Extractor

    with progress("loading model") as bar:
        task = bar.add_task("loading model", total=None)
        predict = extractor_predict(Extractor(model))
        bar.update(task, description="evaluating")

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return evaluate(gold_dir, predict, on_progress=advance)


def register(app: typer.Typer) -> None:
    """Add the `eval` command to the application."""
    app.command("eval")(eval_command)
