from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quotecli.eval.brat import GoldArticle, GoldAttribution
from quotecli.eval.matching import MatchMode
from quotecli.eval.prediction import Prediction
from quotecli.eval.scoring import ROWS, Counts, score_article

from .conftest import CUE, QUOTE, REPORTED, REPORTED_CUE, SOURCE, TEXT

GOLD = GoldArticle(
    name="a",
    text_path=Path("a.txt"),
    ann_path=Path("a.ann"),
    text=TEXT,
    attributions=(
        GoldAttribution(content=(QUOTE,), source=(SOURCE,), cue=(CUE,), line=5),
        GoldAttribution(content=(REPORTED,), source=None, cue=(REPORTED_CUE,), line=9),
    ),
)
DIRECT = Prediction(content=(QUOTE,), source=(SOURCE,), cue=(CUE,), kind="direct")
INDIRECT = Prediction(content=(REPORTED,), source=None, cue=(REPORTED_CUE,), kind="indirect")


def test_counts_ratios_and_the_zero_convention() -> None:
    assert Counts(3, 4, 6).precision == 0.75
    assert Counts(3, 4, 6).recall == 0.5
    assert Counts(3, 4, 6).f1 == pytest.approx(0.6)
    assert (Counts(0, 0, 5).precision, Counts(0, 0, 5).recall, Counts(0, 0, 5).f1) == (0, 0, 0)


def test_perfect_prediction_scores_one_everywhere() -> None:
    scores = score_article(GOLD, [DIRECT, INDIRECT])
    for (metric, mode, subset), counts in scores.items():
        assert (counts.precision, counts.recall) == (1.0, 1.0), (metric, mode, subset)
    assert len(scores) == 2 * len(ROWS)


def test_no_prediction_scores_zero_with_counts_kept() -> None:
    content = score_article(GOLD, [])[("content", MatchMode.OVERLAP, "all")]
    assert content == Counts(matched=0, predicted=0, gold=2)
    assert content.f1 == 0.0


def test_duplicate_prediction_is_a_false_positive() -> None:
    content = score_article(GOLD, [DIRECT, DIRECT, INDIRECT])[("content", MatchMode.OVERLAP, "all")]
    assert content == Counts(matched=2, predicted=3, gold=2)


def test_source_less_gold_adds_no_source_and_joint_needs_both_absent() -> None:
    scores = score_article(GOLD, [DIRECT, dataclasses.replace(INDIRECT, source=(SOURCE,))])
    assert scores[("source", MatchMode.OVERLAP, "all")] == Counts(1, 1, 1)  # same mention once
    assert scores[("attribution", MatchMode.OVERLAP, "all")] == Counts(1, 2, 2)


def test_speaker_missing_fails_source_and_attribution_but_not_content() -> None:
    scores = score_article(GOLD, [dataclasses.replace(DIRECT, source=None), INDIRECT])
    assert scores[("content", MatchMode.OVERLAP, "all")].matched == 2
    assert scores[("source", MatchMode.OVERLAP, "all")] == Counts(0, 0, 1)
    assert scores[("attribution", MatchMode.OVERLAP, "all")] == Counts(1, 2, 2)


def test_quoted_subset_keeps_quoted_gold_and_direct_or_mixed_predictions() -> None:
    scores = score_article(GOLD, [DIRECT, INDIRECT, dataclasses.replace(INDIRECT, kind="mixed")])
    assert scores[("content", MatchMode.OVERLAP, "quoted")] == Counts(1, 2, 1)
    assert scores[("content", MatchMode.OVERLAP, "all")] == Counts(2, 3, 2)


def test_exact_and_overlap_differ_on_a_short_span() -> None:
    shorter = dataclasses.replace(DIRECT, content=((QUOTE[0], QUOTE[1] - 7),))  # drops "Monday,"
    scores = score_article(GOLD, [shorter])
    assert scores[("content", MatchMode.OVERLAP, "all")].matched == 1
    assert scores[("content", MatchMode.EXACT, "all")].matched == 0
