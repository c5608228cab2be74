"""Places found in short texts: merged, counted, and the model's errors filtered out."""

from __future__ import annotations

import pytest

from quotecli.nlp.places import find_places

pytestmark = pytest.mark.model


def places_of(nlp, text: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {place.name: len(place.mentions) for place in find_places(nlp(text))}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "Officials in the U.S. met officials from the United States and the US.",
            {"United States": 3},
            {"U.S.", "US", "the United States"},
            id="place_alias_us",
        ),
        pytest.param(
            "The deal was signed, said Ruth Camden. Camden said the terms were fair in Nairobi.",
            {"Nairobi": 1},
            {"Camden"},
            id="surname_not_a_place",
        ),
        pytest.param(
            "Jill Moss spoke in Hempstead, N.Y., and later in New York.",
            {"New York": 2},
            {"N.Y."},
            id="state_abbreviation_alias",
        ),
        pytest.param(
            "Hanoi welcomed the visit. Leaders met in Hanoi and later flew to Moscow.",
            {"Hanoi": 2, "Moscow": 1},
            set(),
            id="places_counted",
        ),
    ],
)
def test_places(nlp, text: str, present: dict[str, int], absent: set[str]) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, text)
    assert {name: found.get(name) for name in present} == present
    assert not absent & set(found)


def test_mentions_point_at_the_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Talks in the U.S. ended. Britain and the UK are one place."
    places = {p.name: p for p in find_places(nlp(text))}
    assert [text[s:e] for s, e in places["United States"].mentions] == ["U.S."]
    assert [text[s:e] for s, e in places["United Kingdom"].mentions] == ["Britain", "UK"]
    assert places["United Kingdom"].aliases == ["Britain", "UK"]


def test_demonyms_and_garbage_are_not_places(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    doc = nlp("The Vietnamese delegation met 2024 delegates in hanoi and the Green Party.")
    doc.ents = [
        Span(doc, 1, 2, label="GPE"),  # "Vietnamese"
        Span(doc, 4, 5, label="GPE"),  # "2024"
        Span(doc, 7, 8, label="GPE"),  # "hanoi"
        Span(doc, 10, 12, label="GPE"),  # "Green Party": an organisation noun
    ]
    doc.user_data.clear()
    assert find_places(doc) == []
