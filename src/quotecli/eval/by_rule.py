"""Precision per rule: of the quotes each rule found, how many gold attributions agree.

A prediction counts for content when the one-to-one overlap matching of the article (the
same matching as the scores) pairs it with a gold content, and for attribution when that
gold's source also agrees with its speaker mention. Rules are listed by the number of wrong
predictions, largest first: the next fix goes to the rule that costs most.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from quotecli.eval.core import ArticleOutcome
from quotecli.eval.matching import MatchMode, match_spans
from quotecli.eval.scoring import sources_agree

NO_RULE = "(no rule)"


@dataclass(frozen=True, slots=True)
class RuleScore:
    """How one rule's predictions fared."""

    rule: str
    predicted: int
    content: int
    attribution: int

    @property
    def wrong(self) -> int:
        return self.predicted - self.content

    @property
    def content_precision(self) -> float:
        return self.content / self.predicted if self.predicted else 0.0

    @property
    def attribution_precision(self) -> float:
        return self.attribution / self.predicted if self.predicted else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "predicted": self.predicted,
            "content_matched": self.content,
            "content_precision": round(self.content_precision, 4),
            "attribution_matched": self.attribution,
            "attribution_precision": round(self.attribution_precision, 4),
        }


def score_by_rule(outcomes: Iterable[ArticleOutcome]) -> list[RuleScore]:
    """One score per rule seen in the predictions, the rule with most wrong ones first."""
    counts: dict[str, list[int]] = {}
    for outcome in outcomes:
        golds, preds, text = outcome.article.attributions, outcome.predictions, outcome.article.text
        pairs = match_spans(
            [g.content for g in golds], [p.content for p in preds], text, MatchMode.OVERLAP
        )
        gold_of = {p: g for g, p in pairs.items()}
        for index, pred in enumerate(preds):
            tally = counts.setdefault(pred.rule or NO_RULE, [0, 0, 0])
            tally[0] += 1
            if index in gold_of:
                tally[1] += 1
                tally[2] += sources_agree(golds[gold_of[index]].source, pred.source, text)
    scores = [RuleScore(rule, *tally) for rule, tally in counts.items()]
    return sorted(scores, key=lambda s: (-s.wrong, s.rule))
