"""Score tables: several systems side by side, one row per (subset, metric, match)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.table import Table

from quotecli.eval.by_rule import RuleScore
from quotecli.eval.core import EvalResult
from quotecli.eval.scoring import ROWS, SUBSETS
from quotecli.eval.speakers import SpeakerScores


def score_table(results: Sequence[EvalResult]) -> Table:
    """A Rich table with P/R/F1 columns per system; the caption gives articles and date."""
    first = results[0]
    table = Table(
        title=f"Attribution accuracy on {first.articles} articles ({first.gold_dir})",
        caption=f"run {first.date}; overlap = shared chars >= 1/2 of the longer span",
    )
    for header in ("subset", "metric", "match", "gold"):
        table.add_column(header, justify="right" if header == "gold" else "left")
    for result in results:
        for ratio in ("P", "R", "F1"):
            table.add_column(f"{result.system} {ratio}", justify="right")
    for subset in SUBSETS:
        for metric, mode in ROWS:
            key = (metric, mode, subset)
            cells = [subset, metric, str(mode), str(first.scores[key].gold)]
            for result in results:
                counts = result.scores[key]
                cells += [f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}"]
            table.add_row(*cells, end_section=(metric, mode) == ROWS[-1])
    return table


def rule_table(scores: Sequence[RuleScore]) -> Table:
    """Precision per rule, the rule with most wrong predictions first."""
    table = Table(
        title="Precision per rule (content: overlap match; attribution: content and source)",
        caption="sorted by wrong predictions, most first",
    )
    for header in ("rule", "predicted", "wrong", "content P", "attribution P"):
        table.add_column(header, justify="left" if header == "rule" else "right")
    for score in scores:
        table.add_row(
            score.rule,
            str(score.predicted),
            str(score.wrong),
            f"{score.content_precision:.3f}",
            f"{score.attribution_precision:.3f}",
        )
    return table


def speaker_table(results: Sequence[tuple[str, Mapping[str, SpeakerScores]]]) -> Table:
    """Speech, who-said-what, name accuracy and role recall, one column per system."""
    table = Table(
        title="Who said what (speaker annotations; see quotecli.eval.speakers)",
        caption="speech and who said what: pairs by overlap with every gold content",
    )
    for header in ("subset", "figure"):
        table.add_column(header)
    for system, _ in results:
        table.add_column(system, justify="right")
    for subset in SUBSETS:
        for label, figure in SPEAKER_FIGURES:
            cells = [f"{figure(scores[subset]):.3f}" for _, scores in results]
            table.add_row(subset, label, *cells, end_section=label == SPEAKER_FIGURES[-1][0])
    return table


SPEAKER_FIGURES: tuple[tuple[str, Callable[[SpeakerScores], float]], ...] = (
    ("speech P", lambda s: s.speech.precision),
    ("speech R", lambda s: s.speech.recall),
    ("speech F1", lambda s: s.speech.f1),
    ("who said what P", lambda s: s.who_said_what.precision),
    ("who said what R", lambda s: s.who_said_what.recall),
    ("who said what F1", lambda s: s.who_said_what.f1),
    ("name accuracy", lambda s: s.name_accuracy),
    ("role recall", lambda s: s.role_recall),
)
