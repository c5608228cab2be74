"""The vectorised attribute rules: the same annotations as the model's attribute ruler."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from quotecli.nlp.attributes import FastAttributes, compile_rules

TEXTS = [
    "The minister said that the plan was reckless, and there were protests.",
    "\"It's the council's job, and they've known it for years,\" she says.\n\nHe did it.",
    "There is something nobody has done: being early.  Those that came had been told.",
    "But  the union's general secretary, Ana Ruiz, does not agree.\n",
]


@pytest.fixture(scope="module")
def parsed() -> Any:
    """The model up to its attribute ruler, and that ruler."""
    import spacy

    from quotecli.nlp.loading import resolve_model_name

    model = spacy.load(resolve_model_name(), exclude=["lemmatizer", "ner"])
    ruler = model.get_pipe("attribute_ruler")
    return model, ruler


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS, ids=["indirect", "british_quote", "determiners", "spaces"])
def test_same_annotations_as_the_attribute_ruler(parsed: Any, text: str) -> None:
    model, ruler = parsed
    with model.select_pipes(disable=["attribute_ruler"]):
        doc = model(text)
    expected = ruler(doc.copy()).to_array([POS, TAG, DEP, MORPH, LEMMA])
    fast = FastAttributes(compile_rules(ruler.patterns, model.vocab))
    got = fast(doc.copy()).to_array([POS, TAG, DEP, MORPH, LEMMA])
    assert np.array_equal(got, expected)
    assert any(token.pos_ for token in fast(doc.copy()))


def test_unknown_pattern_syntax_is_not_compiled() -> None:
    from spacy.vocab import Vocab

    patterns = [{"patterns": [[{"TEXT": {"REGEX": "^x"}}]], "attrs": {"POS": "X"}, "index": 0}]
    assert compile_rules(patterns, Vocab()) is None


def test_negative_index_counts_from_the_end() -> None:
    from spacy.vocab import Vocab

    patterns = [
        {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": -1}
    ]
    rules = compile_rules(patterns, Vocab())
    assert rules is not None
    assert rules[0].index == 1


@pytest.mark.model
def test_later_patterns_win(parsed: Any) -> None:
    model, _ = parsed
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 0},
        {"patterns": [[{"TAG": "NN", "LOWER": "plan"}]], "attrs": {"POS": "PROPN"}, "index": 0},
    ]
    fast = FastAttributes(compile_rules(patterns, model.vocab))
    with model.select_pipes(disable=["attribute_ruler"]):
        doc = fast(model("The plan and the minister."))
    assert [(t.text, t.pos_) for t in doc if t.tag_ == "NN"] == [
        ("plan", "PROPN"),
        ("minister", "NOUN"),
    ]
