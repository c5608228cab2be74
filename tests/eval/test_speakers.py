"""Speaker scoring on hand-built gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecli.errors import GoldDataError
from quotecli.eval.brat import GoldArticle, GoldAttribution
from quotecli.eval.core import ArticleOutcome
from quotecli.eval.prediction import Prediction
from quotecli.eval.speakers import (
    SpeakerGold,
    names_agree,
    normalise_name,
    read_speakers,
    role_agrees,
    score_speakers,
)

TEXT = 'Ann Lee said the plan works. Critics believe it fails. "It is done," Lee added.'
SAID = (TEXT.index("the plan"), TEXT.index(" works") + 6)
BELIEF = (TEXT.index("it fails"), TEXT.index("fails") + 5)
DONE = (TEXT.index("It is"), TEXT.index("done") + 4)


def gold_article() -> GoldArticle:
    attributions = tuple(
        GoldAttribution(content=(span,), source=None, cue=None, line=n, event=f"E{n}")
        for n, span in enumerate((SAID, BELIEF, DONE), start=1)
    )
    return GoldArticle("a", Path("a.txt"), Path("a.ann"), TEXT, attributions)


LABELS = {
    "E1": SpeakerGold(True, ("Ann Lee",), "person", "mayor of Springfield"),
    "E2": SpeakerGold(False, None, "group", None),
    "E3": SpeakerGold(True, ("Ann Lee",), "person", "mayor of Springfield"),
}


def pred(
    span: tuple[int, int], name: str | None, kind: str = "indirect", **more: str
) -> Prediction:
    return Prediction(content=(span,), source=None, cue=None, kind=kind, speaker=name, **more)  # type: ignore[arg-type]


def test_speech_counts_only_speech_golds_and_a_belief_match_is_wrong() -> None:
    preds = (pred(SAID, "Ann Lee", role="Springfield mayor"), pred(BELIEF, None))
    scores = score_speakers([ArticleOutcome(gold_article(), preds)], {"a": LABELS})["all"]
    assert (scores.speech.matched, scores.speech.predicted, scores.speech.gold) == (1, 2, 2)
    assert scores.who_said_what.matched == 1
    assert scores.name_accuracy == 1.0
    assert (scores.with_role, scores.role_found) == (1, 1)


def test_quoted_subset_keeps_quoted_golds_and_direct_predictions() -> None:
    preds = (pred(SAID, "Ann Lee"), pred(DONE, "Lee", kind="direct"))
    scores = score_speakers([ArticleOutcome(gold_article(), preds)], {"a": LABELS})["quoted"]
    assert (scores.speech.matched, scores.speech.predicted, scores.speech.gold) == (1, 1, 1)
    assert scores.who_said_what.matched == 0  # "Lee" is not the fullest name


def test_thought_predictions_are_not_counted_as_speech() -> None:
    preds = (pred(BELIEF, None, act="thought"),)
    scores = score_speakers([ArticleOutcome(gold_article(), preds)], {"a": LABELS})["all"]
    assert scores.speech.predicted == 0


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mrs. Clinton", "clinton"),
        ("The New York Post", "new york post"),
        ("Trump's", "trump"),
        ("George W. Bush", "george bush"),
        ("Dr. Ann Lee", "ann lee"),
    ],
)
def test_names_are_compared_without_case_honorifics_the_possessive_or_initials(
    written: str, canonical: str
) -> None:
    assert normalise_name(written) == canonical


def test_a_null_gold_name_is_matched_by_no_name_or_an_unnamed_group() -> None:
    unnamed = SpeakerGold(True, None, "group", None)
    assert names_agree(unnamed, pred(SAID, None))
    assert names_agree(unnamed, pred(SAID, "critics", speaker_kind="group"))
    assert not names_agree(unnamed, pred(SAID, "Ann Lee", speaker_kind="person"))


def test_a_list_of_gold_names_is_matched_by_any_of_them() -> None:
    both = SpeakerGold(True, ("Hillary Clinton", "Tim Kaine"), "person", None)
    assert names_agree(both, pred(SAID, "Tim Kaine"))


def test_role_needs_half_of_its_content_words() -> None:
    role = "emeritus professor at the Australian Defence Force Academy"
    assert role_agrees(role, "professor at the Australian Defence Force Academy")
    assert not role_agrees(role, "professor")
    assert not role_agrees(role, None)


def test_speaker_files_are_read_and_a_broken_one_is_named(tmp_path: Path) -> None:
    item = {"id": "E1", "speech": True, "name": ["A", "B"], "kind": "person", "role": None}
    (tmp_path / "a.json").write_text(json.dumps({"article": "a", "items": [item]}))
    assert read_speakers(tmp_path)["a"]["E1"].names == ("A", "B")
    (tmp_path / "b.json").write_text("{not json")
    with pytest.raises(GoldDataError, match=r"b\.json"):
        read_speakers(tmp_path)
