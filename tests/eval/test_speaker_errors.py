"""Who-said-what error groups on hand-built gold and predictions."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecli.eval.brat import GoldArticle, GoldAttribution
from quotecli.eval.core import ArticleOutcome
from quotecli.eval.prediction import Prediction
from quotecli.eval.speaker_errors import (
    NAME_FORM,
    NAME_MISSING,
    NAME_OTHER,
    NAME_UNWANTED,
    NAME_VIA_PRONOUN,
    ROLE_MISNAMED,
    ROLE_NAMED,
    append_speaker_errors,
    speaker_errors,
)
from quotecli.eval.speakers import SpeakerGold

TEXT = "Ann Lee said the plan works. She said it fails."
FIRST = (TEXT.index("the plan"), TEXT.index(" works") + 6)
SHE = (TEXT.index("She"), TEXT.index("She") + 3)
SECOND = (TEXT.index("it fails"), TEXT.index("fails") + 5)


def outcome(*preds: Prediction) -> ArticleOutcome:
    golds = tuple(
        GoldAttribution(content=(span,), source=None, cue=None, line=n, event=f"E{n}")
        for n, span in enumerate((FIRST, SECOND), start=1)
    )
    return ArticleOutcome(GoldArticle("a", Path("a.txt"), Path("a.ann"), TEXT, golds), preds)


def pred(span: tuple[int, int], name: str | None, role: str | None = None) -> Prediction:
    return Prediction(
        content=(span,), source=None, cue=None, kind="indirect", speaker=name, role=role
    )


LEE = SpeakerGold(True, ("Ann Lee",), "person", "mayor of Springfield")
UNNAMED = SpeakerGold(True, None, "group", None)


@pytest.mark.parametrize(
    ("label", "prediction", "groups"),
    [
        pytest.param(LEE, pred(FIRST, "Ann Lee", "mayor of Springfield"), [], id="all_right"),
        pytest.param(LEE, pred(FIRST, "Ann Lee"), [ROLE_NAMED], id="role_missing"),
        pytest.param(LEE, pred(FIRST, None), [NAME_MISSING, ROLE_MISNAMED], id="no_name"),
        pytest.param(LEE, pred(FIRST, "Lee", "mayor"), [NAME_FORM], id="short_form"),
        pytest.param(LEE, pred(FIRST, "Bo Tan", "mayor"), [NAME_OTHER], id="other_name"),
        pytest.param(UNNAMED, pred(FIRST, "Bo Tan"), [NAME_UNWANTED], id="named_unnamed"),
    ],
)
def test_each_wrong_pair_falls_in_its_group(
    label: SpeakerGold, prediction: Prediction, groups: list[str]
) -> None:
    found = speaker_errors([outcome(prediction)], {"a": {"E1": label, "E2": label}})
    assert [error.group for error in found] == groups


def test_a_pronoun_mention_names_the_group() -> None:
    said = Prediction(
        content=(SECOND,), source=(SHE,), cue=None, kind="indirect", speaker="Bo Tan", role="mayor"
    )
    found = speaker_errors([outcome(said)], {"a": {"E1": LEE, "E2": LEE}})
    assert [(e.group, e.mention) for e in found] == [(NAME_VIA_PRONOUN, "She")]


def test_the_section_is_appended_to_the_report(tmp_path: Path) -> None:
    report = tmp_path / "errors.md"
    report.write_text("# errors\n", encoding="utf-8")
    append_speaker_errors(report, [outcome(pred(FIRST, None))], {"a": {"E1": LEE, "E2": LEE}})
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# errors\n")
    assert f"| 1 | {NAME_MISSING} |" in text
