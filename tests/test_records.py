"""Plain records: a quote's parts and the JSON shape `to_dict` promises scripts."""

from __future__ import annotations

import json

import pytest

from quotecli.records import (
    Act,
    ArticleRef,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    TextSpan,
    quote_parts,
)

ARTICLE = 'Ana Ruiz spoke. "The port is full," she said, "and the ships keep coming."'
START = ARTICLE.index("The port")
END = ARTICLE.index('."') + 1
GAP = (ARTICLE.index('," she'), ARTICLE.index("and the"))


def split_quote() -> Quote:
    text = ARTICLE[START:END]
    return Quote(
        id="q1",
        text=text,
        kind=QuoteKind.DIRECT,
        rule="cue_after",
        act=Act.SPEECH,
        start=START,
        end=END,
        parts=quote_parts(text, START, [GAP]),
        paragraph=0,
        cue=TextSpan("said", ARTICLE.index("said"), ARTICLE.index("said") + 4),
        speaker=Speaker("Ana Ruiz", SpeakerKind.PERSON),
        places=(),
        article=ArticleRef("a.txt", None, None),
    )


def test_split_quote_parts_are_the_speakers_words_in_article_coordinates() -> None:
    parts = split_quote().parts
    assert [p.text for p in parts] == ["The port is full", "and the ships keep coming."]
    assert all(ARTICLE[p.start : p.end] == p.text for p in parts)


def test_quote_without_gaps_is_one_part_equal_to_the_whole() -> None:
    text = ARTICLE[START:END]
    assert quote_parts(text, START) == (TextSpan(text, START, END),)


@pytest.mark.parametrize(
    ("gaps", "expected"),
    [
        pytest.param([(2, 4)], [(0, 2), (4, 10)], id="one_gap"),
        pytest.param([(6, 8), (2, 4)], [(0, 2), (4, 6), (8, 10)], id="gaps_out_of_order"),
        pytest.param([(0, 3)], [(3, 10)], id="gap_at_the_start"),
        pytest.param([(8, 12)], [(0, 8)], id="gap_past_the_end_is_clipped"),
        pytest.param([(0, 10)], [(0, 10)], id="nothing_left_keeps_the_whole"),
    ],
)
def test_quote_parts_take_the_gaps_out(
    gaps: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    text = "abcdefghij"
    parts = quote_parts(text, 100, [(100 + s, 100 + e) for s, e in gaps])
    assert [(p.start - 100, p.end - 100) for p in parts] == expected
    assert all(p.text == text[p.start - 100 : p.end - 100] for p in parts)


def test_gaps_are_what_lies_between_the_parts() -> None:
    quote = split_quote()
    assert quote.gaps == (GAP,)
    assert quote_parts(quote.text, quote.start, quote.gaps) == quote.parts


def test_to_dict_puts_parts_right_after_end_as_plain_objects() -> None:
    record = split_quote().to_dict()
    keys = list(record)
    assert keys[keys.index("end") + 1] == "parts"
    assert record["parts"] == [
        {"text": "The port is full", "start": START, "end": GAP[0]},
        {"text": "and the ships keep coming.", "start": GAP[1], "end": END},
    ]
    assert json.loads(json.dumps(record)) == record  # lists, not tuples: JSON round-trips
    assert record["text"] == 'The port is full," she said, "and the ships keep coming.'
