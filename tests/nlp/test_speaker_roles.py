"""Who speaks and in what role: names behind descriptors, and roles from every construction
that gives one (named `(text, source, expected)` cases on short texts)."""

from __future__ import annotations

import re

import pytest

from quotecli.nlp.speakers import resolve_speakers
from quotecli.nlp.types import Attribution, Entity
from quotecli.records import QuoteKind

pytestmark = pytest.mark.model


def resolve_last(nlp, text: str, sources: list[str]) -> Entity | None:  # type: ignore[no-untyped-def]
    """The entity of the last of `sources` (found in order in `text`), all resolved together."""
    doc = nlp(text)
    attributions, position = [], 0
    for phrase in sources:
        match = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)").search(text, position)
        assert match is not None, phrase
        position = match.end()
        content = (match.end(), min(match.end() + 5, len(text)))
        attributions.append(Attribution(content, QuoteKind.INDIRECT, source=match.span()))
    entities = resolve_speakers(doc, attributions)
    last = attributions[-1].entity
    return None if last is None else entities[last]


ROLE_CASES = [
    pytest.param(
        "The bridge is safe, city engineer Tom Ochoa said on Monday.",
        ["city engineer Tom Ochoa"],
        ("Tom Ochoa", "city engineer"),
        id="prenominal_role",
    ),
    pytest.param(
        "Republican presidential nominee Dana Whitlock spoke in Ohio. "
        "Taxes are too high, Whitlock said.",
        ["Whitlock"],
        ("Dana Whitlock", "Republican presidential nominee"),
        id="prenominal_role_carried_to_surname",
    ),
    pytest.param(
        "Rates will fall, Holt's colleague Mara Lind said.",
        ["Mara Lind"],
        ("Mara Lind", "Holt's colleague"),
        id="prenominal_role_with_owner",
    ),
    pytest.param(
        "The deal is done, said the event organizer Alliance for Better Schools.",
        ["Alliance for Better Schools"],
        ("Alliance for Better Schools", None),
        id="prenominal_role_before_organisation_is_no_title",
    ),
    pytest.param(
        "A lawyer for the news outlets, Ruth Adebayo, said the files should be public.",
        ["A lawyer for the news outlets, Ruth Adebayo,"],
        ("Ruth Adebayo", "lawyer for the news outlets"),
        id="descriptor_then_appositive_name",
    ),
    pytest.param(
        "One of the family's attorneys, Owen Pratt, said the video was clear.",
        ["One of the family's attorneys, Owen Pratt,"],
        ("Owen Pratt", "One of the family's attorneys"),
        id="one_of_descriptor_then_appositive_name",
    ),
    pytest.param(
        "His lawyer, Zhang Wei, said the charges were false.",
        ["His lawyer, Zhang Wei,"],
        ("Zhang Wei", None),
        id="relational_descriptor_then_name",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), ROLE_CASES)
def test_speaker_name_and_role(  # type: ignore[no-untyped-def]
    nlp, text: str, sources: list[str], expected: tuple[str, str | None]
) -> None:
    entity = resolve_last(nlp, text, sources)
    assert entity is not None
    role = " ".join(part for part in (entity.title, entity.affiliation) if part) or None
    assert (entity.name, role) == expected
