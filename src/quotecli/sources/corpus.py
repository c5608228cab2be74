"""Corpus files, one article per row: JSON Lines (`.jsonl`, `.jsonl.gz`), a JSON array, CSV, TSV.

Every format is streamed: a row is parsed, turned into an Article and let go, so a corpus of
any size reads in flat memory. Fields are found by their common names (`text`, `content`,
`body`, `article`; `title`, `headline`; `date`, `published`, `publish_date`; `url`, `link`;
`id`) in any case, or by the names the user gives. A row that cannot be used is one warning
(the first few of each kind in full, then a count) and the rest are still read.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from quotecli.records import Article
from quotecli.sources.common import (
    CappedWarnings,
    CorpusFields,
    Warn,
    iso_date,
    outlet_from_url,
)
from quotecli.sources.text import normalise_newlines

TEXT_NAMES = ("text", "content", "body", "article", "maintext", "article_text", "full_text")
TITLE_NAMES = ("title", "headline")
DATE_NAMES = ("date", "published", "publish_date", "published_at", "date_publish", "pubdate")
URL_NAMES = ("url", "link", "uri")
ID_NAMES = ("id", "_id", "article_id", "doc_id")
AUTHOR_NAMES = ("author", "authors", "byline")
OUTLET_NAMES = ("outlet", "source", "site_name", "sitename", "publisher", "source_domain")
_CHUNK = 1 << 16
_NOT_AN_ARRAY = "not a JSON array"


def corpus_articles(
    path: Path, name: str, kind: str, fields: CorpusFields, on_warning: Warn, *, max_bytes: int
) -> Iterator[Article]:
    """Yield an Article for each usable row of a corpus file of `kind` jsonl, json, csv or tsv.

    A row's path is `name:N`: N is the line a JSON Lines or CSV row starts on, or the
    position (from 1) of an item in a JSON array.
    """
    problems = CappedWarnings(name, on_warning)
    with ExitStack() as stack:
        stream = stack.enter_context(_open(path))
        rows = _ROW_READERS[kind](stream, name, problems, max_bytes, fields)
        number = 0
        try:
            for number, row in rows:
                article = row_article(f"{name}:{number}", row, fields, problems, max_bytes)
                if article is not None:
                    yield article
        except (EOFError, zlib.error, gzip.BadGzipFile) as error:
            on_warning(
                f"{name}: damaged after row {number} ({error}); the rows before it were read"
            )
    problems.finish()


def row_article(
    name: str,
    row: Mapping[str, Any],
    fields: CorpusFields,
    problems: CappedWarnings,
    max_bytes: int,
) -> Article | None:
    """One corpus row as an Article, or None (reported) when it has no usable text."""
    keys = {str(key).casefold(): key for key in row}
    text_key = _key(keys, fields.text, TEXT_NAMES)
    if text_key is None:
        wanted = f"no field {fields.text!r}" if fields.text else "no text field"
        found = ", ".join(str(key) for key in row) or "none"
        problems("no text", f"{name}: {wanted} (fields: {found})")
        return None
    text = normalise_newlines(_text(row[text_key]) or "").strip()
    if not text:
        problems("empty", f"{name}: empty text in field {text_key!r}")
        return None
    if len(text) > max_bytes:
        problems("huge", f"{name}: field {text_key!r} holds {len(text):,} characters; skipped")
        return None
    url = _value(row, keys, fields.url, URL_NAMES)
    return Article(
        path=name,
        text=text,
        title=_value(row, keys, fields.title, TITLE_NAMES),
        date=iso_date(_raw(row, keys, fields.date, DATE_NAMES)),
        url=url,
        outlet=_value(row, keys, None, OUTLET_NAMES) or outlet_from_url(url),
        author=_value(row, keys, None, AUTHOR_NAMES),
        id=_value(row, keys, fields.id, ID_NAMES),
    )


def text_column_problem(columns: list[str], fields: CorpusFields) -> str | None:
    """Why a CSV header cannot give articles (no text column), or None when it can."""
    keys = {column.casefold(): column for column in columns}
    if _key(keys, fields.text, TEXT_NAMES) is not None:
        return None
    wanted = f"no column {fields.text!r}" if fields.text else "no text column"
    hint = "" if fields.text else "; name it with --text-field"
    return f"{wanted} (columns: {', '.join(columns) or 'none'}){hint}"


def _key(keys: dict[str, Any], wanted: str | None, names: tuple[str, ...]) -> Any:
    if wanted is not None:
        return keys.get(wanted.casefold())
    return next((keys[n] for n in names if n in keys), None)


def _raw(
    row: Mapping[str, Any], keys: dict[str, Any], wanted: str | None, names: tuple[str, ...]
) -> Any:
    key = _key(keys, wanted, names)
    return None if key is None else row[key]


def _value(
    row: Mapping[str, Any], keys: dict[str, Any], wanted: str | None, names: tuple[str, ...]
) -> str | None:
    value = _text(_raw(row, keys, wanted, names), joiner=", ")
    return " ".join(value.split()) or None if value else None


def _text(value: Any, joiner: str = "\n\n") -> str | None:
    """A field as text: lists joined (paragraphs by a blank line, authors by a comma),
    `{"name": ...}` objects by their name."""
    if value is None or value == "":
        return None
    if isinstance(value, Mapping):
        return _text(value.get("name"), joiner)
    if isinstance(value, list):
        parts = [part for part in (_text(v, joiner) for v in value) if part]
        return joiner.join(parts) if parts else None
    return str(value)


# ---------------------------------------------------------------- row readers


Rows = Iterator[tuple[int, Mapping[str, Any]]]


def _open(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _jsonl_rows(
    stream: BinaryIO, name: str, problems: CappedWarnings, max_bytes: int, fields: CorpusFields
) -> Rows:
    for number, line in _lines(stream, max_bytes):
        if line is None:
            problems("huge", f"{name}:{number}: line longer than {max_bytes:,} bytes; skipped")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            problems("invalid", f"{name}:{number}: not valid JSON")
            continue
        if not isinstance(row, dict):
            problems("not object", f"{name}:{number}: not a JSON object")
            continue
        yield number, row


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line longer than `max_bytes`, which is never held whole."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _json_rows(
    stream: BinaryIO, name: str, problems: CappedWarnings, max_bytes: int, fields: CorpusFields
) -> Rows:
    """Items of a top-level JSON array, decoded one at a time from a growing buffer."""
    reader = _JsonArrayReader(stream, max_bytes)
    number = 0
    try:
        for number, item in enumerate(reader, start=1):
            if isinstance(item, dict):
                yield number, item
            else:
                problems("not object", f"{name}:{number}: not a JSON object")
    except ValueError as error:
        if number == 0 and str(error) == _NOT_AN_ARRAY:
            problems("invalid", f"{name}: {_NOT_AN_ARRAY} of articles (one object per article)")
        else:
            problems("invalid", f"{name}: not valid JSON after item {number} ({error}); stopped")


class _JsonArrayReader:
    """Streams the items of `[...]`, never holding more than one item's text."""

    def __init__(self, stream: BinaryIO, max_bytes: int) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self._json = json.JSONDecoder()
        self._buffer = ""
        self._eof = False
        self._max = max_bytes

    def __iter__(self) -> Iterator[Any]:
        if self._next_char() != "[":
            raise ValueError(_NOT_AN_ARRAY)
        self._buffer = self._buffer[1:]
        if self._next_char() == "]":
            return
        while True:
            yield self._item()
            separator = self._next_char()
            self._buffer = self._buffer[1:]
            if separator == "]":
                return
            if separator != ",":
                raise ValueError(f"expected ',' or ']', found {separator or 'the end'!r}")

    def _item(self) -> Any:
        self._next_char()
        while True:
            try:
                item, end = self._json.raw_decode(self._buffer)
            except json.JSONDecodeError:
                if self._eof or len(self._buffer) > self._max:
                    raise ValueError("an item is incomplete or too large") from None
                self._fill()
                continue
            self._buffer = self._buffer[end:]
            return item

    def _next_char(self) -> str:
        """The next non-space character, left at the buffer's start ('' at the end)."""
        while True:
            self._buffer = self._buffer.lstrip()
            if self._buffer or self._eof:
                return self._buffer[:1]
            self._fill()

    def _fill(self) -> None:
        # Read as much again as is buffered: an item of n characters costs O(n), not O(n^2).
        chunk = self._stream.read(max(_CHUNK, len(self._buffer)))
        self._eof = not chunk
        self._buffer += self._decoder.decode(chunk, final=self._eof)


def _csv_rows(delimiter: str) -> Any:
    def rows(
        stream: BinaryIO, name: str, problems: CappedWarnings, max_bytes: int, fields: CorpusFields
    ) -> Rows:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
        reader = csv.DictReader(text, delimiter=delimiter)
        problem = text_column_problem([str(c) for c in reader.fieldnames or []], fields)
        if problem:
            problems("no column", f"{name}: {problem}")
            return
        yield from _csv_records(reader, name, problems)

    return rows


def _csv_records(reader: csv.DictReader[str], name: str, problems: CappedWarnings) -> Rows:
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems("invalid", f"{name}:{start}: not valid CSV ({error}); row skipped")
            continue
        yield start, {k: v for k, v in row.items() if k is not None}


_ROW_READERS = {
    "jsonl": _jsonl_rows,
    "json": _json_rows,
    "csv": _csv_rows(","),
    "tsv": _csv_rows("\t"),
}
