from __future__ import annotations

import pytest

from quotecli.eval.spans import exact_match, is_quoted, make_span, overlap_ratio

TEXT = 'He said: "Taxes will rise." Then he left.'


def test_make_span_sorts_merges_and_drops_empty() -> None:
    assert make_span([(10, 12), (0, 4), (3, 6), (7, 7)]) == ((0, 6), (10, 12))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (((0, 10),), ((0, 10),), 1.0),
        (((0, 10),), ((5, 10),), 0.5),  # half of the longer one
        (((0, 10),), ((5, 20),), 5 / 15),
        (((0, 4), (10, 14)), ((0, 14),), 8 / 14),  # discontinuous: the union of its pieces
        (((0, 4),), ((4, 8),), 0.0),
    ],
    ids=["same", "half", "partial", "discontinuous", "adjacent"],
)
def test_overlap_ratio(
    a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...], expected: float
) -> None:
    assert overlap_ratio(a, b) == pytest.approx(expected)


def test_exact_match_ignores_edge_marks_and_punctuation() -> None:
    quoted = TEXT.index('"Taxes')
    inner = TEXT.index("Taxes")
    gold = ((quoted, TEXT.index(" Then")),)  # "Taxes will rise."
    pred = ((inner, TEXT.index("rise") + 4),)  # Taxes will rise
    assert exact_match(gold, pred, TEXT)
    assert not exact_match(gold, ((inner, inner + 5),), TEXT)


def test_exact_match_of_discontinuous_gold_needs_only_marks_in_its_gaps() -> None:
    text = '"We won," he said, "and we know it."'
    first, second = (1, text.index(",")), (text.index("and"), text.rindex("."))
    assert not exact_match((first, second), ((1, second[1]),), text)  # "he said" is in between
    assert exact_match((first, second), (first, second), text)


def test_is_quoted_by_inner_marks_or_enclosing_marks() -> None:
    assert is_quoted(((TEXT.index('"T'), TEXT.index(" Then")),), TEXT)
    assert is_quoted(((TEXT.index("Taxes"), TEXT.index('."')),), TEXT)  # marks just outside
    assert not is_quoted(((TEXT.index("Then"), len(TEXT)),), TEXT)


def test_is_quoted_by_doubled_apostrophes() -> None:
    text = "He said, ''It is over.'' Then he said it was ''a close look'' at most. It's his."
    assert is_quoted(((text.index("It is"), text.index(".''")),), text)  # marks just outside
    assert is_quoted(((text.index("it was"), text.index(" at most")),), text)  # marks inside
    assert not is_quoted(((text.index("It's"), len(text)),), text)  # one apostrophe is no mark
