"""Documents as speakers ("the statement said", "the article said") resolved to their issuer
(named `(text, sources, expected)` cases on short texts written for these tests)."""

from __future__ import annotations

import pytest

from tests.support.speakers import resolve_last

pytestmark = pytest.mark.model


CASES = [
    pytest.param(
        "After a short meeting, the Harbor Trust Council issued a statement condemning the test.",
        ["statement"],
        "Harbor Trust Council",
        id="object_of_issuing_verb_speaks_for_its_subject",
    ),
    pytest.param(
        "In a statement, the Association of Rural Nurses called the bill a triumph.",
        ["statement"],
        "Association of Rural Nurses",
        id="in_a_statement_speaks_for_the_subject",
    ),
    pytest.param(
        'A Daily Courier article praised the mayor in 1990. "He is a hero," the article said.',
        ["the article"],
        "Daily Courier",
        id="bare_document_to_the_author_of_the_same_document_before",
    ),
    pytest.param(
        "A 30-page analysis released by the Harbor Trust Council last week found that costs rose.",
        ["A 30-page analysis released by the Harbor Trust Council last week"],
        "Harbor Trust Council",
        id="document_released_by_its_issuer",
    ),
    pytest.param(
        "Marta Kovacs spoke in Denver on Monday. A speech Marta Kovacs delivered in 2015 "
        "promised lower fees.",
        ["A speech Marta Kovacs delivered in 2015"],
        "Marta Kovacs",
        id="document_made_by_the_subject_of_its_relative_clause",
    ),
    pytest.param(
        "Dr. Helen Marsh served in the clinic for ten years. According to her account, the "
        "clinic was understaffed.",
        ["her account"],
        "Helen Marsh",
        id="possessive_pronoun_of_a_document",
    ),
    pytest.param(
        "Turnout fell in the city, according to a recent Daily Courier survey of voter "
        "lists. The study found that young voters stayed home.",
        ["The study"],
        "Daily Courier",
        id="bare_document_to_the_document_of_the_sentence_before",
    ),
    pytest.param(
        "A short video by the Harbor Alliance names three rivals. The rivals did not answer "
        "on Monday. Critics called it unfair. The clip says the rivals lied about the budget.",
        ["The clip"],
        "Harbor Alliance",
        id="definite_document_to_the_issued_document_a_few_sentences_before",
    ),
    pytest.param(
        "A short video by the Harbor Alliance names three rivals. The rivals did not answer "
        "on Monday. Critics called it unfair. One clip says the rivals lied about the budget.",
        ["One clip"],
        None,
        id="indefinite_document_is_a_new_one",
    ),
    pytest.param(
        "A slide from a presentation that Minister Lena Ortiz gives to investors shows "
        "rising exports. Another slide says that farm sales doubled.",
        [
            "A slide from a presentation that Minister Lena Ortiz gives to investors",
            "Another slide",
        ],
        "Lena Ortiz",
        id="slide_of_a_presentation_to_its_presenter",
    ),
    pytest.param(
        "The report was long. The report said costs rose.",
        ["The report"],
        None,
        id="document_with_no_issuer_anywhere",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), CASES)
def test_document_speaks_for(  # type: ignore[no-untyped-def]
    nlp, text: str, sources: list[str], expected: str | None
) -> None:
    entity = resolve_last(nlp, text, sources)
    assert (None if entity is None or not entity.named else entity.name) == expected
