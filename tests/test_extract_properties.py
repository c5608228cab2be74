"""Property-based: whatever text or bytes come in, extraction does not raise, and every direct
quote and every part sits at its offsets. Few examples: each one is a model parse."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecli.extract import Extractor, split_for_model
from quotecli.records import Article, ArticleExtraction

pytestmark = pytest.mark.model

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text that looks enough like news to reach the rules: words, quote marks, cues, breaks.
PIECES = st.sampled_from(
    ['"', "“", "”", "‘", "’", "'", " said", " Maria Lopez", ", ", ". ", "\n\n", "\n", "he", "\x1b["]
)
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def check(extraction: ArticleExtraction) -> None:
    text = extraction.article.text
    for quote in extraction.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.parts
        for part in quote.parts:
            assert text[part.start : part.end] == part.text
        if quote.speaker.name is not None:
            assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in quote.speaker.name)


@SETTINGS
@given(text=st.one_of(NEWSY, st.text(max_size=300)))
def test_any_text_extracts_with_offsets_that_hold(extractor: Extractor, text: str) -> None:
    check(extractor.extract(Article(path="<random>", text=text)))


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_decoded_extract_with_offsets_that_hold(
    extractor: Extractor, data: bytes
) -> None:
    text = data.decode("utf-8", errors="replace")
    check(extractor.extract(Article(path="<random>", text=text)))


@settings(max_examples=200, deadline=None)
@given(text=NEWSY, limit=st.integers(min_value=1, max_value=80))
def test_chunks_always_join_back_into_the_text(text: str, limit: int) -> None:
    chunks = list(split_for_model(text, limit))
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(len(chunk) <= limit for _, chunk in chunks)
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in chunks)
