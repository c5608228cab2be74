"""The evaluation loop: read gold, run each system on every article, score, keep the outcomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotecli.eval.brat import GoldArticle, read_gold
from quotecli.eval.prediction import Prediction
from quotecli.eval.scoring import ROWS, SUBSETS, Counts, ScoreKey, score_article, total

Predict = Callable[[GoldArticle], Sequence[Prediction]]
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """One article's gold and what a system predicted for it (the raw material of reports)."""

    article: GoldArticle
    predictions: tuple[Prediction, ...]


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Scores of one system over a gold directory."""

    system: str
    gold_dir: str
    date: str
    scores: Mapping[ScoreKey, Counts]
    outcomes: tuple[ArticleOutcome, ...]

    @property
    def articles(self) -> int:
        return len(self.outcomes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: one entry per (metric, match, subset) with counts and ratios."""
        return {
            "system": self.system,
            "gold_dir": self.gold_dir,
            "date": self.date,
            "articles": self.articles,
            "scores": [
                {
                    "metric": metric,
                    "match": str(mode),
                    "subset": subset,
                    **counts.to_dict(),
                }
                for subset in SUBSETS
                for metric, mode in ROWS
                for counts in [self.scores[(metric, mode, subset)]]
            ],
        }


def evaluate(
    gold_dir: Path, predict: Predict, system: str = "quotecli", on_progress: Progress | None = None
) -> EvalResult:
    """Score one system against the gold attributions of `gold_dir`.

    Args:
        gold_dir: a directory with `text/` and `attributions/` (brat standoff).
        predict: the system, called once per gold article.
        system: the name reported with the scores.
        on_progress: called with (articles done, articles in total) as the run advances.

    Raises:
        GoldDataError: the gold directory is missing, empty or malformed.
    """
    return evaluate_systems(gold_dir, {system: predict}, on_progress)[system]


def evaluate_systems(
    gold_dir: Path, systems: Mapping[str, Predict], on_progress: Progress | None = None
) -> dict[str, EvalResult]:
    """Score several systems on the same articles in one pass (article by article, so
    systems that share a parse can reuse it)."""
    articles = read_gold(gold_dir)
    outcomes: dict[str, list[ArticleOutcome]] = {name: [] for name in systems}
    if on_progress:
        on_progress(0, len(articles))
    for done, article in enumerate(articles, start=1):
        for name, predict in systems.items():
            outcomes[name].append(ArticleOutcome(article, tuple(predict(article))))
        if on_progress:
            on_progress(done, len(articles))
    date = dt.date.today().isoformat()
    return {
        name: EvalResult(
            system=name,
            gold_dir=str(gold_dir),
            date=date,
            scores=total(score_article(o.article, o.predictions) for o in runs),
            outcomes=tuple(runs),
        )
        for name, runs in outcomes.items()
    }
