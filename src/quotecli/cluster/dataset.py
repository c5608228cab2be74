"""Reading and writing a dataset directory: the marker, and one Parquet part per task.

Parts are written under a hidden temporary name and renamed into place, so a reader (or a
second run deciding what is left to do) only ever sees whole parts: a part is done when its
`quotes/` file exists, and the `articles/` file of the same name is written before it.
Paths are fsspec URLs or local paths.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem
from fsspec.core import url_to_fs

from quotecli.cluster import ARTICLES_DIR, MARKER, QUOTES_DIR
from quotecli.cluster.schema import (
    ARTICLE_SHA,
    FORMAT,
    FORMAT_VERSION,
    article_row,
    articles_schema,
    extraction_from_rows,
    from_row,
    quote_row,
    quotes_schema,
)
from quotecli.errors import InputError
from quotecli.records import Article, ArticleExtraction

PART_SUFFIX = ".parquet"
TEMP_PREFIX = "."


@dataclass(frozen=True, slots=True)
class Failure:
    """An article whose extraction raised: kept in `articles/` with the error, no quotes."""

    article: Article
    error: str


@dataclass(frozen=True)
class Dataset:
    """A dataset directory on some filesystem."""

    fs: AbstractFileSystem
    root: str

    @classmethod
    def at(cls, url: str) -> Dataset:
        fs, root = url_to_fs(url)
        return cls(fs, root.rstrip("/") or "/")

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def read_marker(self) -> dict[str, Any] | None:
        """The marker's contents, or None when the directory holds no dataset."""
        marker = self.path(MARKER)
        if not self.fs.isfile(marker):
            return None
        with self.fs.open(marker, "rb") as file:
            content: dict[str, Any] = json.loads(file.read().decode("utf-8"))
        if content.get("format") != FORMAT:
            raise InputError(f"{marker}: not a quotecli dataset marker")
        if int(content.get("format_version", 0)) > FORMAT_VERSION:
            raise InputError(f"{self.root}: dataset format newer than this quotecli reads")
        return content

    def write_marker(self, **fields: Any) -> None:
        content = {"format": FORMAT, "format_version": FORMAT_VERSION, **fields}
        data = (json.dumps(content, indent=2, sort_keys=True) + "\n").encode("utf-8")
        self.fs.makedirs(self.root, exist_ok=True)
        self._atomic(self.path(MARKER), lambda file: file.write(data))

    def done(self, name: str) -> bool:
        """Whether part `name` is complete."""
        return bool(self.fs.exists(self.path(QUOTES_DIR, name + PART_SUFFIX)))

    def part_names(self) -> list[str]:
        """The complete parts, sorted."""
        folder = self.path(QUOTES_DIR)
        if not self.fs.isdir(folder):
            return []
        names = (p.rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(folder, detail=False))
        return sorted(
            n.removesuffix(PART_SUFFIX)
            for n in names
            if n.endswith(PART_SUFFIX) and not n.startswith((TEMP_PREFIX, "_"))
        )

    def write_part(
        self,
        name: str,
        extractions: Iterable[ArticleExtraction],
        failures: Iterable[Failure] = (),
        version: str = "",
    ) -> int:
        """Write part `name` (articles, then quotes); return its number of quote rows.

        Failed articles get an `articles/` row with their error, stamped with `version`.
        """
        articles: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
        for extraction in extractions:
            articles.append(article_row(extraction))
            sha = extraction.article.sha256
            quotes.extend(quote_row(quote, sha) for quote in extraction.quotes)
        articles.extend(_failure_row(failure, version) for failure in failures)
        self._write_table(ARTICLES_DIR, name, pa.Table.from_pylist(articles, articles_schema()))
        self._write_table(QUOTES_DIR, name, pa.Table.from_pylist(quotes, quotes_schema()))
        return len(quotes)

    def read_part(self, name: str) -> tuple[list[ArticleExtraction], list[Failure]]:
        """Part `name` back as the extractions (and failures) it was written from, in order."""
        articles = self._read_table(ARTICLES_DIR, name)
        quotes: dict[str, list[dict[str, Any]]] = {}
        for row in self._read_table(QUOTES_DIR, name):
            quotes.setdefault(row[ARTICLE_SHA], []).append(row)
        extractions, failures = [], []
        for row in articles:
            if row.get("error") is not None:
                failures.append(Failure(_article(row), str(row["error"])))
                continue
            mine = [q for q in quotes.get(row["sha256"], []) if q["article"]["path"] == row["path"]]
            extractions.append(extraction_from_rows(row, mine))
        return extractions, failures

    def remove_temporaries(self) -> int:
        """Delete parts left half-written by a run that was killed; return how many."""
        removed = 0
        for folder in (QUOTES_DIR, ARTICLES_DIR):
            path = self.path(folder)
            if not self.fs.isdir(path):
                continue
            for entry in self.fs.ls(path, detail=False):
                if entry.rstrip("/").rsplit("/", 1)[-1].startswith(TEMP_PREFIX):
                    self.fs.rm(entry)
                    removed += 1
        return removed

    def _write_table(self, folder: str, name: str, table: pa.Table) -> None:
        self.fs.makedirs(self.path(folder), exist_ok=True)
        self._atomic(
            self.path(folder, name + PART_SUFFIX),
            lambda file: pq.write_table(table, file, compression="zstd"),
        )

    def _read_table(self, folder: str, name: str) -> list[dict[str, Any]]:
        with self.fs.open(self.path(folder, name + PART_SUFFIX), "rb") as file:
            rows: list[dict[str, Any]] = pq.read_table(file).to_pylist()
        return rows

    def _atomic(self, target: str, write: Any) -> None:
        folder, _, base = target.rpartition("/")
        temporary = f"{folder}/{TEMP_PREFIX}{base}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            with self.fs.open(temporary, "wb") as file:
                write(file)
            self.fs.mv(temporary, target)
        except BaseException:
            if self.fs.exists(temporary):
                self.fs.rm(temporary)
            raise


def iter_dataset(url: str) -> Iterator[tuple[list[ArticleExtraction], list[Failure]]]:
    """Every complete part of the dataset at `url`, in part order.

    Raises:
        InputError: `url` holds no dataset marker.
    """
    dataset = Dataset.at(url)
    if dataset.read_marker() is None:
        raise InputError(f"{url}: no quotecli dataset here (no {MARKER})")
    for name in dataset.part_names():
        yield dataset.read_part(name)


def _failure_row(failure: Failure, version: str) -> dict[str, Any]:
    empty = ArticleExtraction(failure.article, (), (), (), pipeline_version=version)
    return article_row(empty, error=failure.error)


def _article(row: dict[str, Any]) -> Article:
    return from_row(Article, row)
