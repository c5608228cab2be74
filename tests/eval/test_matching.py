from __future__ import annotations

from quotecli.eval.matching import MatchMode, match_spans

TEXT = "x" * 100


def test_half_of_the_longer_span_is_enough_and_less_is_not() -> None:
    gold = [((0, 10),)]
    assert match_spans(gold, [((5, 10),)], TEXT, MatchMode.OVERLAP) == {0: 0}
    assert match_spans(gold, [((5, 16),)], TEXT, MatchMode.OVERLAP) == {}  # 5/11 < 1/2
    assert match_spans(gold, [((6, 10),)], TEXT, MatchMode.OVERLAP) == {}  # 4/10 < 1/2


def test_one_prediction_never_matches_two_golds() -> None:
    golds = [((0, 10),), ((0, 10),)]
    assert match_spans(golds, [((0, 10),)], TEXT, MatchMode.OVERLAP) == {0: 0}


def test_greedy_takes_the_best_overlap_first() -> None:
    golds = [((0, 10),), ((2, 12),)]
    preds = [((2, 12),), ((0, 9),)]
    # gold 1 takes its identical prediction; gold 0 is left with the other one.
    assert match_spans(golds, preds, TEXT, MatchMode.OVERLAP) == {1: 0, 0: 1}


def test_exact_mode_needs_the_same_trimmed_span() -> None:
    text = '"Yes, we can." And more.'
    assert match_spans([((0, 14),)], [((1, 12),)], text, MatchMode.EXACT) == {0: 0}
    assert match_spans([((0, 14),)], [((1, 9),)], text, MatchMode.EXACT) == {}
