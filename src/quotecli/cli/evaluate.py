"""`quotecli eval GOLD_DIR`: precision, recall and F1 against hand-annotated attributions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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


class BaselineName(StrEnum):
    TEXTACY = "textacy"


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
        help="Write every miss and false positive, with its sentence, grouped by kind and by "
        "the rule that made it (Markdown).",
        dir_okay=False,
    ),
]
BaselineOption = Annotated[
    list[BaselineName] | None,
    typer.Option(
        "--baseline",
        help="Score a baseline on the same parses beside quotecli (repeatable). textacy needs "
        "the textacy package.",
    ),
]
SpeakersOption = Annotated[
    Path | None,
    typer.Option(
        "--speakers",
        help="Speaker annotations (<article>.json per gold article, as PolNeAR's dev/speakers): "
        "adds speech, who-said-what, name accuracy and role recall.",
        file_okay=False,
    ),
]
ParseCacheOption = Annotated[
    Path | None,
    typer.Option(
        "--parse-cache",
        help="Keep each article's parse in this directory and reuse it on later runs: a rule "
        "change is then measured in seconds.",
        file_okay=False,
    ),
]
ByRuleOption = Annotated[
    bool, typer.Option("--by-rule", help="Also give precision per rule, the costliest first.")
]


@translate_errors
def eval_command(
    gold_dir: GoldDirArgument,
    fmt: EvalFormatOption = None,
    errors: ErrorsOption = None,
    baseline: BaselineOption = None,
    by_rule: ByRuleOption = False,
    speakers: SpeakersOption = None,
    parse_cache: ParseCacheOption = None,
    model: ModelOption = None,
) -> None:
    """Score quotecli's extraction against gold attributions: content, source, cue, both.

    Overlap match: shared characters >= half of the longer span. Exact match: the same span
    once edge punctuation, quote marks and spaces are trimmed. Rows for all attributions and
    for those with quotation marks.

    Examples:

      quotecli eval ../shared/data/polnear/dev --baseline textacy --by-rule

      quotecli eval gold/ --errors errors.md --format json > scores.json
    """
    from quotecli.eval.by_rule import score_by_rule
    from quotecli.eval.report import write_errors
    from quotecli.eval.speakers import read_speakers, score_speakers

    speaker_gold = None if speakers is None else read_speakers(speakers)
    results = run_eval(gold_dir, model, [str(name) for name in baseline or []], parse_cache)
    ours = results[0]
    if errors is not None:
        write_errors(errors, ours)
        if speaker_gold is not None:
            from quotecli.eval.speaker_errors import append_speaker_errors

            append_speaker_errors(errors, ours.outcomes, speaker_gold)
    rules = score_by_rule(ours.outcomes) if by_rule else None
    who = (
        None
        if speaker_gold is None
        else [(r.system, score_speakers(r.outcomes, speaker_gold)) for r in results]
    )
    chosen = pick_format(fmt, EvalFormat.TABLE, EvalFormat.JSON)
    if chosen is EvalFormat.JSON:
        record: dict[str, Any] = ours.to_dict()
        if baseline:
            record["baselines"] = [result.to_dict() for result in results[1:]]
        if rules is not None:
            record["by_rule"] = [score.to_dict() for score in rules]
        if who is not None:
            record["speakers"] = {
                system: {subset: scores.to_dict() for subset, scores in by_subset.items()}
                for system, by_subset in who
            }
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    else:
        from quotecli.eval.tables import rule_table, score_table, speaker_table

        width = None if stdout_is_terminal() else 160  # a file or pipe gets the whole table
        console = Console(file=sys.stdout, highlight=False, width=width)
        console.print(score_table(results))
        if who is not None:
            console.print(speaker_table(who))
        if rules is not None:
            console.print(rule_table(rules))
        sys.stdout.write(f"{ours.articles} articles, run {ours.date}\n")
    if errors is not None:
        stderr.print(f"errors written to {errors}")


def run_eval(
    gold_dir: Path, model: str | None, baselines: list[str], parse_cache: Path | None
) -> list[EvalResult]:
    """Evaluate with a progress bar on stderr (the evaluation and spaCy are imported only here,
    so that other commands start fast)."""
    from quotecli.cli.progress import progress
    from quotecli.eval.run import Baseline, run_evaluation

    with progress("loading model") as bar:
        task = bar.add_task("evaluating", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        chosen = [Baseline(name) for name in baselines]
        return run_evaluation(gold_dir, model, chosen, advance, parse_cache)


def register(app: typer.Typer) -> None:
    """Add the `eval` command to the application."""
    app.command("eval")(eval_command)
