"""The Parquet dataset's schema, derived from the record dataclasses.

The columns of `quotes/` are the fields of `Quote` (exactly the keys of `Quote.to_dict()`,
nested records as structs, tuples as lists), plus `quote_key` and `article_sha256`; the
columns of `articles/` are the fields of `Article` plus what the library keeps per article
(speakers, places, pipeline version) and `error`. A field added to a record becomes a column
here with no change to this module; a type it cannot map is an error at import time, caught
by the tests.

Records go to rows through `to_row` and come back through `from_row`, both generic over the
dataclasses, so a dataset row reads back as the record it was made from.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar

import pyarrow as pa

from quotecli.records import Article, ArticleExtraction, PlaceSummary, Quote, SpeakerSummary
from quotecli.store.linking import word_key, words

T = TypeVar("T")

# Format of the dataset directory: bump when a reader of the old layout could misread the new.
FORMAT = "quotecli-dataset"
FORMAT_VERSION = 1

QUOTE_KEY = "quote_key"
ARTICLE_SHA = "article_sha256"

_SCALARS: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type for a record field's type hint (nullability is left to the field)."""
    hint = _strip_optional(hint)
    origin = typing.get_origin(hint)
    if origin in (tuple, list):
        return pa.list_(arrow_type(typing.get_args(hint)[0]))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return pa.string()
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return pa.struct(record_fields(hint))
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"no Parquet type for a record field of type {hint!r}")


def record_fields(cls: type) -> list[pa.Field]:
    """One Arrow field per dataclass field, in declaration order."""
    hints = _hints(cls)
    return [
        pa.field(f.name, arrow_type(hints[f.name]), nullable=_optional(hints[f.name]))
        for f in dataclasses.fields(cls)
    ]


@cache
def quotes_schema() -> pa.Schema:
    """`quotes/`: the quote record's fields, its `quote_key` and its article's sha256."""
    return pa.schema(
        [
            *record_fields(Quote),
            pa.field(QUOTE_KEY, pa.string(), nullable=False),
            pa.field(ARTICLE_SHA, pa.string(), nullable=False),
        ]
    )


@cache
def articles_schema() -> pa.Schema:
    """`articles/`: the article's fields (text included), speakers, places and extraction."""
    hints = _hints(ArticleExtraction)
    return pa.schema(
        [
            *record_fields(Article),
            pa.field("pipeline_version", pa.string(), nullable=False),
            pa.field("speakers", arrow_type(hints["speakers"]), nullable=False),
            pa.field("places", arrow_type(hints["places"]), nullable=False),
            pa.field("quotes", pa.int64(), nullable=False),
            pa.field("error", pa.string(), nullable=True),
        ]
    )


def quote_row(quote: Quote, article_sha256: str) -> dict[str, Any]:
    """The dataset row of one quote: its JSON record plus the two join keys."""
    return {**quote.to_dict(), QUOTE_KEY: quote_key(quote), ARTICLE_SHA: article_sha256}


def article_row(extraction: ArticleExtraction, error: str | None = None) -> dict[str, Any]:
    return {
        **to_row(extraction.article),
        "pipeline_version": extraction.pipeline_version,
        "speakers": [to_row(s) for s in extraction.speakers],
        "places": [to_row(p) for p in extraction.places],
        "quotes": len(extraction.quotes),
        "error": error,
    }


def extraction_from_rows(
    article: dict[str, Any], quotes: list[dict[str, Any]]
) -> ArticleExtraction:
    """The `ArticleExtraction` an `articles/` row and its `quotes/` rows were written from."""
    return ArticleExtraction(
        article=from_row(Article, article),
        quotes=tuple(from_row(Quote, q) for q in quotes),
        speakers=tuple(from_row(SpeakerSummary, s) for s in article["speakers"]),
        places=tuple(from_row(PlaceSummary, p) for p in article["places"]),
        pipeline_version=str(article["pipeline_version"]),
    )


# ---------------------------------------------------------------- quote_key


def normalise_quote(text: str) -> str:
    """The text `quote_key` fingerprints: the quote's words as the library links them
    (`quotecli.store.linking.words`: NFKC, case folded, quote marks and apostrophes removed,
    punctuation and dashes only separating words), joined by one space."""
    return word_key(words(text))


def quote_key(quote: Quote) -> str:
    """Fingerprint of the speaker's words (the parts joined by a space), normalised: the
    first 16 hex digits of SHA-1. Equal for the same words however an outlet typeset them."""
    words = " ".join(part.text for part in quote.parts)
    digest = hashlib.sha1(normalise_quote(words).encode(), usedforsecurity=False)
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- generic conversion


def to_row(record: Any) -> dict[str, Any]:
    """A record dataclass as a row: nested records as dicts, enums as strings, tuples as lists."""
    return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_row(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """The record of type `cls` a row was made from (columns it does not declare are ignored,
    fields the row lacks take their defaults)."""
    hints = _hints(cls)  # type: ignore[arg-type]
    values = {
        f.name: _typed(hints[f.name], row[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in row
    }
    return cls(**values)


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    hint = _strip_optional(hint)
    origin = typing.get_origin(hint)
    if origin in (tuple, list):
        item = typing.get_args(hint)[0]
        items = [_typed(item, v) for v in value]
        return tuple(items) if origin is tuple else items
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_row(hint, value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional(hint: Any) -> bool:
    return _is_union(hint) and type(None) in typing.get_args(hint)


def _strip_optional(hint: Any) -> Any:
    if not _is_union(hint):
        return hint
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if len(args) != 1:
        raise TypeError(f"no Parquet type for a union {hint!r}")
    return args[0]


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)
