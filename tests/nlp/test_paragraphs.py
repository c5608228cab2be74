"""The paragraph component: sentence starts preset at blank lines (texts written here)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Any:
    import spacy

    import quotecli.nlp.paragraphs  # noqa: F401  registers the factory
    from quotecli.nlp.loading import resolve_model_name

    pipeline = spacy.load(resolve_model_name())
    pipeline.add_pipe("quotecli_paragraphs", before="parser")
    return pipeline


CASES: dict[str, tuple[str, list[str]]] = {
    "headline_without_stop": (
        "Council Votes to Close Library\n\nThe council voted on Monday to close it.",
        ["Council Votes to Close Library", "The council voted on Monday to close it."],
    ),
    "blank_line_with_spaces": (
        "The road is shut\n \nDrivers should use the bypass.",
        ["The road is shut", "Drivers should use the bypass."],
    ),
    "single_line_break_left_to_parser": (
        "The road is shut today.\nDrivers should use the bypass.",
        ["The road is shut today.", "Drivers should use the bypass."],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_sentences_start_at_paragraphs(nlp: Any, text: str, expected: list[str]) -> None:
    assert [sentence.text.strip() for sentence in nlp(text).sents] == expected


def test_only_words_after_blank_lines_are_marked() -> None:
    import spacy

    from quotecli.nlp.paragraphs import mark_paragraph_starts

    doc = mark_paragraph_starts(spacy.blank("en")("One two\n\nthree four"))
    assert [token.text for token in doc[1:] if token.is_sent_start] == ["three"]
