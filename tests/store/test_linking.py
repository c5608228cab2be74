"""Which texts count as the same quote across articles."""

from __future__ import annotations

import pytest

from quotecli.store.linking import normalise, texts_match


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("“Putin’s  visit”", "putins visit", id="curly_marks_and_spaces"),
        pytest.param("'Putin's visit.'", "putins visit", id="straight_marks_edge_punctuation"),
        pytest.param("A\nB\tC", "a b c", id="newlines_tabs"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "Putin’s triumphal reception in Hanoi",
            "putin's triumphal reception in hanoi.",
            True,
            id="marks_and_case",
        ),
        pytest.param(
            "the visit shows Vietnam can stay neutral",
            "Analysts said the visit shows Vietnam can stay neutral between powers",
            True,
            id="one_contains_other",
        ),
        pytest.param(
            "we will defend our sovereignty at all costs",
            "we shall defend our sovereignty at all costs",
            True,
            id="near_identical",
        ),
        pytest.param("No", "No, we will not comment on that today", False, id="short_containment"),
        pytest.param(
            "the economy will grow this year", "the war will end this year", False, id="different"
        ),
        pytest.param("", "", False, id="empty"),
    ],
)
def test_texts_match(a: str, b: str, expected: bool) -> None:
    assert texts_match(normalise(a), normalise(b)) is expected
