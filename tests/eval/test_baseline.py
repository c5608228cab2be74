from __future__ import annotations

import pytest

from quotecli.eval.baseline import model_lemmatizer, textacy_predictions
from quotecli.nlp.loading import resolve_model_name

pytestmark = pytest.mark.model

TEXT = 'The mayor said: "We will rebuild the bridge before the winter comes."'


def test_textacy_quote_maps_to_content_without_marks_speaker_and_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    lemmatize = model_lemmatizer(resolve_model_name())
    assert lemmatize is not None
    preds = textacy_predictions(lemmatize(nlp(TEXT)), offset=100)
    assert len(preds) == 1
    [pred] = preds
    start = TEXT.index("We will")
    assert pred.content == ((start + 100, TEXT.index('."') + 1 + 100),)
    assert pred.source == ((104, 109),)  # textacy's speaker leaves out the determiner: "mayor"
    assert pred.cue == ((110, 114),)
    assert pred.kind == "direct"


def test_unbalanced_quotation_marks_give_no_prediction(nlp) -> None:  # type: ignore[no-untyped-def]
    assert textacy_predictions(nlp('He said: "We will rebuild the bridge soon.')) == []
