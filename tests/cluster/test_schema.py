"""The dataset schema follows the records, and `quote_key` groups the same words."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pyarrow as pa
import pytest

from quotecli.cluster.schema import (
    ARTICLE_SHA,
    QUOTE_KEY,
    articles_schema,
    from_row,
    normalise_quote,
    quote_key,
    quote_row,
    quotes_schema,
)
from quotecli.records import Article, Quote, TextSpan

from .conftest import sample_extractions


def keys(record: dict[str, Any], prefix: str = "") -> set[str]:
    """Every key of a record, nested ones as `outer.inner` (list items as `outer[]`)."""
    found = set()
    for key, value in record.items():
        name = prefix + key
        found.add(name)
        if isinstance(value, dict):
            found |= keys(value, name + ".")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            found |= keys(value[0], name + "[].")
    return found


def columns(schema: pa.Schema | pa.StructType, prefix: str = "") -> set[str]:
    found = set()
    for field in schema:
        name = prefix + field.name
        found.add(name)
        kind = field.type
        if pa.types.is_struct(kind):
            found |= columns(kind, name + ".")
        elif pa.types.is_list(kind) and pa.types.is_struct(kind.value_type):
            found |= columns(kind.value_type, name + "[].")
    return found


def every_quote() -> list[Quote]:
    return [q for e in sample_extractions() for q in e.quotes]


def test_every_key_of_the_quote_record_has_a_column() -> None:
    record_keys = set().union(*(keys(q.to_dict()) for q in every_quote()))
    assert "speaker.mention.start" in record_keys and "parts[].text" in record_keys
    assert record_keys <= columns(quotes_schema())
    assert columns(quotes_schema()) - record_keys >= {QUOTE_KEY, ARTICLE_SHA}


def test_the_top_level_columns_are_the_record_and_the_two_keys() -> None:
    record = every_quote()[0].to_dict()
    assert quotes_schema().names == [*record, QUOTE_KEY, ARTICLE_SHA]


def test_every_article_field_has_a_column() -> None:
    assert {f.name for f in fields(Article)} <= set(articles_schema().names)
    assert {"text", "speakers", "places", "pipeline_version", "error"} <= set(
        articles_schema().names
    )


def test_a_quote_row_fits_the_schema_and_reads_back_as_the_quote() -> None:
    for extraction in sample_extractions():
        rows = [quote_row(q, extraction.article.sha256) for q in extraction.quotes]
        table = pa.Table.from_pylist(rows, quotes_schema())
        back = [from_row(Quote, row) for row in table.to_pylist()]
        assert back == list(extraction.quotes)


def test_a_nullable_field_is_nullable_and_a_required_one_is_not() -> None:
    schema = quotes_schema()
    assert schema.field("cue").nullable
    assert not schema.field("text").nullable
    assert schema.field("speaker").type.field("name").nullable


def quote(words: str, parts: tuple[str, ...] | None = None) -> Quote:
    quoted = tuple(TextSpan(p, 0, len(p)) for p in (parts or (words,)))
    base = every_quote()[0]
    return Quote(**{**{f.name: getattr(base, f.name) for f in fields(Quote)}, "parts": quoted})


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“We will win,” she", '"we will win," SHE'),
        ("It is over — for now", "it is over -- for  now"),
        ("Don’t stop", "Don't stop."),
        ("Wait…", "wait..."),
        ("a\nb", "a b"),
    ],
    ids=[
        "marks_and_case",
        "dashes_and_spaces",
        "apostrophes_and_edge_punct",
        "ellipsis",
        "newline",
    ],
)
def test_quote_key_is_the_same_for_the_same_words(a: str, b: str) -> None:
    assert quote_key(quote(a)) == quote_key(quote(b))


def test_quote_key_differs_for_other_words_and_reads_parts_not_the_cue() -> None:
    assert quote_key(quote("We will win")) != quote_key(quote("We will lose"))
    split = quote("x", parts=("We will win,", "and soon"))
    assert quote_key(split) == quote_key(quote("we will win, and soon"))
    assert normalise_quote("  “Yes — no”  ") == "yes no"
    assert quote_key(quote("Unemployment rose to 5 percent")) != quote_key(
        quote("Unemployment rose to 9 percent")
    )
