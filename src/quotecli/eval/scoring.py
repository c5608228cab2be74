"""Precision, recall and F1 of one article's predictions against its gold attributions.

Conventions (also in the README of the eval command):
- content: gold Content vs predicted quote span, one-to-one.
- source, cue: the article's distinct gold Source (Cue) spans vs its distinct predicted
  speaker-mention (cue) spans, one-to-one, independently of content. A gold
  `Attribution-no-source` adds no source span; a prediction without a mention adds none.
- attribution: a content pair (overlap mode) whose sources also agree (overlap), or where
  both have no source; precision over all predictions, recall over all golds.
- subset "quoted": golds whose content holds (or sits between) quotation marks, and
  predictions of kind direct or mixed; both sides are restricted first, then matched.
- Undefined ratios (nothing predicted, nothing to find) count as 0.0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quotecli.eval.brat import GoldArticle, GoldAttribution
from quotecli.eval.matching import MatchMode, match_spans, spans_agree
from quotecli.eval.prediction import Prediction
from quotecli.eval.spans import Span, is_quoted

METRICS = ("content", "source", "cue", "attribution")
SUBSETS = ("all", "quoted")
#: The rows every result holds, in display order: (metric, match mode).
ROWS: tuple[tuple[str, MatchMode], ...] = (
    ("content", MatchMode.OVERLAP),
    ("content", MatchMode.EXACT),
    ("source", MatchMode.OVERLAP),
    ("source", MatchMode.EXACT),
    ("cue", MatchMode.OVERLAP),
    ("cue", MatchMode.EXACT),
    ("attribution", MatchMode.OVERLAP),
)

ScoreKey = tuple[str, MatchMode, str]


@dataclass(frozen=True, slots=True)
class Counts:
    """Matched pairs, predictions and golds; the ratios derive from them."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.matched + other.matched,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """The ratios (rounded to 4 places) and the counts they derive from, for JSON."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def score_article(article: GoldArticle, preds: Sequence[Prediction]) -> dict[ScoreKey, Counts]:
    """Counts for every (metric, mode, subset) row of one article."""
    quoted_golds = [g for g in article.attributions if is_quoted(g.content, article.text)]
    subsets = {
        "all": (list(article.attributions), list(preds)),
        "quoted": (quoted_golds, [p for p in preds if p.is_quoted]),
    }
    counts: dict[ScoreKey, Counts] = {}
    for subset, (golds, subset_preds) in subsets.items():
        for metric, mode in ROWS:
            counts[(metric, mode, subset)] = score_metric(
                metric, mode, golds, subset_preds, article.text
            )
    return counts


def score_metric(
    metric: str,
    mode: MatchMode,
    golds: Sequence[GoldAttribution],
    preds: Sequence[Prediction],
    text: str,
) -> Counts:
    if metric == "content":
        return span_counts([g.content for g in golds], [p.content for p in preds], text, mode)
    if metric == "source":
        return span_counts(
            distinct(g.source for g in golds), distinct(p.source for p in preds), text, mode
        )
    if metric == "cue":
        return span_counts(
            distinct(g.cue for g in golds), distinct(p.cue for p in preds), text, mode
        )
    pairs = match_spans([g.content for g in golds], [p.content for p in preds], text, mode)
    matched = sum(sources_agree(golds[g].source, preds[p].source, text) for g, p in pairs.items())
    return Counts(matched, len(preds), len(golds))


def span_counts(golds: Sequence[Span], preds: Sequence[Span], text: str, mode: MatchMode) -> Counts:
    return Counts(len(match_spans(golds, preds, text, mode)), len(preds), len(golds))


def distinct(spans: Iterable[Span | None]) -> list[Span]:
    """Each span once, in first-seen order: one mention can speak for several quotes."""
    return list(dict.fromkeys(span for span in spans if span is not None))


def sources_agree(gold: Span | None, pred: Span | None, text: str) -> bool:
    """Sources agree when both are absent or they overlap (overlap mode)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return spans_agree(gold, pred, text, MatchMode.OVERLAP)


def total(per_article: Iterable[dict[ScoreKey, Counts]]) -> dict[ScoreKey, Counts]:
    """Micro-average: sum the counts of all articles."""
    summed: dict[ScoreKey, Counts] = {}
    for counts in per_article:
        for key, value in counts.items():
            summed[key] = summed.get(key, Counts()) + value
    return summed
