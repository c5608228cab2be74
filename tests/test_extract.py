from __future__ import annotations

from collections.abc import Iterator

import pytest

from quotecli.extract import (
    Chunk,
    Extractor,
    _batched,
    split_for_model,
    to_speaker,
)
from quotecli.nlp.types import Entity
from quotecli.records import Article, SpeakerKind, TextSpan
from quotecli.safetext import clean_name


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


def test_a_one_paragraph_text_is_cut_at_sentence_ends() -> None:
    text = " ".join(f"Sentence number {i} ends here." for i in range(40))
    chunks = list(split_for_model(text, 120))
    assert len(chunks) > 1
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(len(chunk) <= 120 for _, chunk in chunks)
    assert all(chunk.startswith("Sentence") for _, chunk in chunks)
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)


def test_a_sentence_cut_avoids_an_open_quotation() -> None:
    text = 'Intro sentence here. "First quoted. Second quoted," she said. Then more text follows.'
    [(_, first), *_] = split_for_model(text, 70)
    assert first.count('"') % 2 == 0
    assert first == 'Intro sentence here. "First quoted. Second quoted," she said. '


def test_clean_name_takes_escape_sequences_out() -> None:
    assert clean_name("Maria Lopez\x1b[31") == "Maria Lopez"
    assert clean_name("Eve\x1b]0;title\x07 Smith") == "Eve Smith"
    assert clean_name("Ann\x00 Lee\u202e") == "Ann Lee"
    assert clean_name("Plain Name") == "Plain Name"


def test_a_speaker_name_never_holds_control_characters() -> None:
    text = "Eve\x1b[31 said it."
    entity = Entity("Eve\x1b[31", SpeakerKind.PERSON, affiliation="the \x1b]0;x\x07 union")
    speaker = to_speaker(text, (0, 8), entity)
    assert speaker.name == "Eve"
    assert speaker.affiliation == "the union"
    assert speaker.mention is not None and speaker.mention.text == text[0:8]  # exact, as data


@pytest.mark.model
def test_a_long_one_paragraph_text_keeps_every_quote_of_every_chunk(extractor: Extractor) -> None:
    sentences = [f'"Bridge {i} will open in spring," said Maria Lopez.' for i in range(30)]
    text = " ".join(sentences)
    chunked = Extractor(nlp=extractor.nlp, chunk_chars=400)
    assert len(list(split_for_model(text, 400))) > 3
    quotes = chunked.extract(Article(path="long.txt", text=text)).quotes
    assert [q.text for q in quotes] == [f"Bridge {i} will open in spring" for i in range(30)]
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert {q.speaker.name for q in quotes} == {"Maria Lopez"}


@pytest.mark.model
def test_a_surname_in_a_later_chunk_is_the_full_name_of_an_earlier_one(
    extractor: Extractor,
) -> None:
    first = '"The bridge will open in spring," said Maria Lopez, the mayor.'
    filler = " ".join(f"The council met for the {i}th time." for i in range(12))
    later = '"We will not raise taxes," Lopez said.'
    text = f"{first} {filler} {later}"
    chunked = Extractor(nlp=extractor.nlp, chunk_chars=250)
    assert len(list(split_for_model(text, 250))) > 2
    extraction = chunked.extract(Article(path="long.txt", text=text))
    assert [q.speaker.name for q in extraction.quotes] == ["Maria Lopez", "Maria Lopez"]
    assert [s.name for s in extraction.speakers] == ["Maria Lopez"]


def test_batches_are_bounded_in_texts_and_characters() -> None:
    article = Article(path="a.txt", text="x")
    tagged = [("y" * n, Chunk(article, 0, last=True)) for n in (40, 40, 40, 5, 5, 5, 5, 91)]
    batches = list(_batched(tagged, 3, 100))
    assert [[len(text) for text, _ in batch] for batch in batches] == [
        [40, 40],
        [40, 5, 5],
        [5, 5],
        [91],
    ]
