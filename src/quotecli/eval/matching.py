"""One-to-one matching of predicted spans to gold spans, greedy by overlap."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from quotecli.eval.spans import Span, exact_match, overlap_ratio

#: Overlap mode: shared characters must be at least this share of the longer span.
MIN_OVERLAP = 0.5


class MatchMode(StrEnum):
    """How two spans must agree to count as a match."""

    OVERLAP = "overlap"
    EXACT = "exact"


def spans_agree(gold: Span, pred: Span, text: str, mode: MatchMode) -> bool:
    """Whether two spans match under `mode` (the threshold of the overlap mode is inclusive)."""
    if mode is MatchMode.EXACT:
        return exact_match(gold, pred, text)
    return overlap_ratio(gold, pred) >= MIN_OVERLAP


def match_spans(
    golds: Sequence[Span], preds: Sequence[Span], text: str, mode: MatchMode
) -> dict[int, int]:
    """Pair gold and predicted spans one to one; returns {gold index: prediction index}.

    Every agreeing pair is a candidate; candidates are taken best overlap first (ties by
    position), and a gold or a prediction already used is skipped, so one prediction can
    never match two golds.
    """
    candidates = [
        (overlap_ratio(gold, pred), g, p)
        for g, gold in enumerate(golds)
        for p, pred in enumerate(preds)
        if spans_agree(gold, pred, text, mode)
    ]
    candidates.sort(key=lambda item: (-item[0], item[1], item[2]))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in candidates:
        if g not in pairs and p not in used:
            pairs[g] = p
            used.add(p)
    return pairs
