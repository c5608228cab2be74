from __future__ import annotations

from collections.abc import Iterator

import pytest

from quotecli.extract import Extractor, paragraph_index, paragraph_offsets, split_for_model
from quotecli.records import Article, TextSpan


@pytest.mark.parametrize(
    ("text", "max_length", "expected"),
    [
        pytest.param("short", 100, [(0, "short")], id="fits_whole"),
        pytest.param(
            "aaaa\n\nbbbb\n\ncccc",
            12,
            [(0, "aaaa\n\nbbbb"), (10, "\n\ncccc")],
            id="cut_at_paragraph",
        ),
        pytest.param("aaaa\nbbbb\ncccc", 10, [(0, "aaaa\nbbbb"), (9, "\ncccc")], id="cut_at_line"),
        pytest.param("abcdefghij", 4, [(0, "abcd"), (4, "efgh"), (8, "ij")], id="cut_anywhere"),
    ],
)
def test_split_for_model(text: str, max_length: int, expected: list[tuple[int, str]]) -> None:
    chunks = list(split_for_model(text, max_length))
    assert chunks == expected
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(len(chunk) <= max_length for _, chunk in chunks)


def test_paragraph_index() -> None:
    text = "one\n\ntwo\n\n\nthree"
    starts = paragraph_offsets(text)
    assert [paragraph_index(starts, text.index(word)) for word in ("one", "two", "three")] == [
        0,
        1,
        2,
    ]


@pytest.fixture
def small_model(extractor: Extractor) -> Iterator[Extractor]:
    """The session extractor with a tiny max_length, restored afterwards."""
    original = extractor.nlp.max_length
    extractor.nlp.max_length = 200
    yield extractor
    extractor.nlp.max_length = original


@pytest.mark.model
def test_a_text_longer_than_the_model_takes_is_split_with_offsets_kept(
    small_model: Extractor,
) -> None:
    filler = "The council met on Monday and approved the budget for the coming year.\n\n"
    text = filler * 4 + '"We will not raise taxes," said Maria Lopez, the mayor.\n\n' + filler * 4
    extraction = small_model.extract(Article(path="long.txt", text=text))
    [quote] = extraction.quotes
    assert text[quote.start : quote.end] == quote.text == "We will not raise taxes"
    assert quote.parts == (TextSpan(quote.text, quote.start, quote.end),)
    assert quote.speaker.name == "Maria Lopez"
    assert quote.paragraph == 4
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == quote.cue.text


@pytest.mark.model
def test_a_split_quote_in_a_later_chunk_keeps_its_parts_in_article_coordinates(
    small_model: Extractor,
) -> None:
    filler = "The council met on Monday and approved the budget for the coming year.\n\n"
    split = '"We will not raise taxes," said Maria Lopez, "and we will not cut services."'
    text = filler * 4 + split + "\n\n" + filler * 4
    extraction = small_model.extract(Article(path="long.txt", text=text))
    [quote] = extraction.quotes
    chunk_offset = max(o for o, _ in split_for_model(text, 200) if o <= quote.start)
    assert chunk_offset > 0  # the gaps had to be moved by the chunk's offset
    assert [p.text for p in quote.parts] == [
        "We will not raise taxes",
        "and we will not cut services.",
    ]
    assert all(text[p.start : p.end] == p.text for p in quote.parts)
    assert text[quote.start : quote.end] == quote.text  # the whole span, cue included, as before
    assert "said Maria Lopez" in quote.text


@pytest.mark.model
def test_batched_articles_come_back_in_order_each_with_its_own_quotes(
    small_model: Extractor,
) -> None:
    filler = "The council met on Monday and approved the budget for the coming year.\n\n"
    texts = {
        "a.txt": '"Rents are too high," said Ana Ruiz.',
        "long.txt": filler * 4 + '"We will not raise taxes," said Maria Lopez.\n\n' + filler * 4,
        "c.txt": "The weather was mild.",
    }
    articles = [Article(path=path, text=text) for path, text in texts.items()]
    extractions = list(small_model.extract_many(articles, batch_size=3))
    assert [e.article.path for e in extractions] == list(texts)
    speakers = [[q.speaker.name for q in e.quotes] for e in extractions]
    assert speakers == [["Ana Ruiz"], ["Maria Lopez"], []]
