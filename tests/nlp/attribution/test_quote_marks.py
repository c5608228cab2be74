"""Quotation marks found by text scanning alone (no model)."""

from __future__ import annotations

import pytest

from quotecli.nlp.attribution.quote_marks import find_quoted_spans, lines

# Each expected piece: (content, closed, continues).
CASES: dict[str, tuple[str, list[tuple[str, bool, bool]]]] = {
    "straight_double": ('"It works," he said.', [("It works", True, False)]),
    "doubled_apostrophes": ("''It works,'' he said.", [("It works", True, False)]),
    "curly_double": ("“It works,” he said.", [("It works", True, False)]),
    "british_single_with_apostrophes": (
        "‘It’s the council’s job, and they’ve known it,’ she says.",
        [("It’s the council’s job, and they’ve known it", True, False)],
    ),
    "plural_possessive_is_not_a_closing_mark": (
        "‘The farmers’ case is strong,’ he said.",
        [("The farmers’ case is strong", True, False)],
    ),
    "straight_single": (
        "He called it 'bamboo diplomacy' today.",
        [("bamboo diplomacy", True, False)],
    ),
    "contraction_is_not_a_quote": ("It's the end, isn't it?", []),
    "nested_single_inside_double": (
        "\"They call it 'bamboo diplomacy' here,\" she said.",
        [("They call it 'bamboo diplomacy' here", True, False)],
    ),
    "split_quote": (
        '"The port is full," she said, "and ships keep coming."',
        [("The port is full", True, False), ("and ships keep coming.", True, False)],
    ),
    "multi_paragraph": (
        'She said: "The river rose.\n\n"The road was gone."',
        [("The river rose.", False, False), ("The road was gone.", True, True)],
    ),
    "unclosed_without_follow_up_is_not_continued": (
        'He said: "The river rose.\n\nThe road was gone.',
        [("The river rose.", False, False)],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_find_quoted_spans(text: str, expected: list[tuple[str, bool, bool]]) -> None:
    spans = find_quoted_spans(text)
    assert [(text[s.content[0] : s.content[1]], s.closed, s.continues) for s in spans] == expected


def test_marks_are_outside_the_content() -> None:
    text = 'A "quoted" word'
    (span,) = find_quoted_spans(text)
    assert (text[span.opening], text[span.closing - 1]) == ('"', '"')


def test_lines_skip_blank_lines() -> None:
    text = "One.\n\n  \nTwo."
    assert [text[s:e] for s, e in lines(text)] == ["One.", "Two."]
