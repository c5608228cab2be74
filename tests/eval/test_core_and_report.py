from __future__ import annotations

import dataclasses
from pathlib import Path

from quotecli.eval.brat import GoldArticle
from quotecli.eval.core import evaluate
from quotecli.eval.matching import MatchMode
from quotecli.eval.prediction import Prediction
from quotecli.eval.report import (
    FALSE_POSITIVE,
    MISSED_UNQUOTED,
    SPEAKER_MISSING,
    TOO_SHORT,
    WRONG_SPEAKER,
    group_errors,
    render_errors,
    write_errors,
)

from .conftest import CUE, QUOTE, REPORTED, REPORTED_CUE, SOURCE, MakeGold

DIRECT = Prediction(content=(QUOTE,), source=(SOURCE,), cue=(CUE,), kind="direct")
INDIRECT = Prediction(content=(REPORTED,), source=None, cue=(REPORTED_CUE,), kind="indirect")


def test_evaluate_scores_a_perfect_system_and_reports_progress(make_gold: MakeGold) -> None:
    seen: list[tuple[int, int]] = []

    def predict(article: GoldArticle) -> list[Prediction]:
        return [DIRECT, INDIRECT]

    result = evaluate(
        make_gold(), predict, on_progress=lambda done, total: seen.append((done, total))
    )
    assert result.articles == 1
    assert result.scores[("attribution", MatchMode.OVERLAP, "all")].f1 == 1.0
    assert seen == [(0, 1), (1, 1)]
    summary = result.to_dict()
    assert summary["articles"] == 1 and len(summary["scores"]) == 14
    assert summary["scores"][0] == {
        "metric": "content",
        "match": "overlap",
        "subset": "all",
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "matched": 2,
        "predicted": 2,
        "gold": 2,
    }


def run(make_gold: MakeGold, preds: list[Prediction]) -> dict[str, int]:
    result = evaluate(make_gold(), lambda article: preds)
    return {group: len(cases) for group, cases in group_errors(result.outcomes)}


def test_error_groups_name_misses_and_false_positives(make_gold: MakeGold) -> None:
    stray = Prediction(content=((0, 1),), source=None, cue=None, kind="indirect")
    other = dataclasses.replace(stray, content=((82, 83),))
    groups = run(make_gold, [dataclasses.replace(DIRECT, source=None), stray, other])
    assert groups == {SPEAKER_MISSING: 1, MISSED_UNQUOTED: 1, FALSE_POSITIVE: 2}
    assert next(iter(groups)) == FALSE_POSITIVE  # the largest group comes first


def test_short_span_and_wrong_speaker(make_gold: MakeGold) -> None:
    short = dataclasses.replace(INDIRECT, content=((REPORTED[0], REPORTED[0] + 6),))
    wrong = dataclasses.replace(DIRECT, source=(REPORTED_CUE,))
    assert run(make_gold, [wrong, short]) == {WRONG_SPEAKER: 1, TOO_SHORT: 1}


def test_report_sorts_groups_by_size_and_shows_the_sentence(
    make_gold: MakeGold, tmp_path: Path
) -> None:
    result = evaluate(make_gold(), lambda article: [])
    report = render_errors(result)
    assert "| 1 | " + MISSED_UNQUOTED in report
    assert "context: Prices rose last week, it was reported." in report
    assert "source `Ana Ruiz` · cue `said`" in report
    assert "Most frequent cues: said (1)." in report
    path = tmp_path / "errors.md"
    write_errors(path, result)
    assert path.read_text(encoding="utf-8") == report
