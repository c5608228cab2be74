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


def quoted_words(text: str) -> list[str]:
    return [text[q.content[0] : q.content[1]] for q in find_quoted_spans(text)]


def test_a_quotation_opened_curly_and_closed_straight_closes_there() -> None:
    text = '“We will win," she said, and the mayor said the count was wrong.'
    assert quoted_words(text) == ["We will win"]


def test_a_quotation_opened_straight_and_closed_curly_closes_there() -> None:
    text = '"We will win,” she said. The mayor said "it is over."'
    assert quoted_words(text) == ["We will win", "it is over."]


def test_a_mark_that_never_closes_ends_its_quotation_with_the_sentence() -> None:
    text = "He said the plan “would fail. The mayor said “it is over.”\n\nNext paragraph."
    assert quoted_words(text) == ["would fail.", "it is over."]


def test_an_inch_mark_opens_no_quotation() -> None:
    text = 'The screen is 12" wide, and the mayor said "it is over."'
    assert quoted_words(text) == ["it is over."]


def test_an_unclosed_quotation_runs_on_only_into_a_line_that_opens_one() -> None:
    running = '"The river rose overnight.\n\n"By morning it had flooded."'
    assert [q.continues for q in find_quoted_spans(running)] == [False, True]
    missing = 'The mayor said "the river rose overnight. By morning it had flooded.'
    assert quoted_words(missing) == ["the river rose overnight."]


def test_single_quotes_nested_in_a_double_quotation_are_not_reported() -> None:
    text = "“He told me ‘never again,’ and I believed him,” she said."
    assert quoted_words(text) == ["He told me ‘never again,’ and I believed him"]
