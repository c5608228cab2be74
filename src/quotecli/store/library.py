"""`Library`: the quote library, one SQLite file of extracted articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from quotecli.errors import InputError, LibraryError
from quotecli.query import QuoteFilter
from quotecli.records import Article, ArticleExtraction, PlaceSummary, SpeakerSummary
from quotecli.store import reader
from quotecli.store.opening import connect
from quotecli.store.writer import write_extraction

if TYPE_CHECKING:
    from quotecli.store.dumping import StoredArticle

T = TypeVar("T")
_ARTICLE_COLUMNS = "path, title, date, sha256, pipeline_version"
_MIN_SHA_PREFIX = 4


class Library:
    """Extracted articles kept in SQLite, queried with `QuoteFilter`s.

    Open with `Library.open(path)`; use as a context manager to close it.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Library:
        """Open (and create, or migrate, if needed) the library at `path`.

        Raises:
            LibraryError: corrupt, not SQLite, not a library, or a newer schema; such a
                file is never modified.
        """
        return cls(connect(Path(path), create=create), Path(path))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def current(self, sha256: str, version: str) -> bool:
        """Whether this text is stored, extracted by pipeline `version`."""
        row = self._read(
            lambda c: c.execute(
                "SELECT 1 FROM articles WHERE sha256 = ? AND pipeline_version = ?",
                (sha256, version),
            ).fetchone()
        )
        return row is not None

    def save(self, extraction: ArticleExtraction) -> int:
        """Store one extraction in one transaction, replacing the article's older versions.

        An older version is a stored article with the same path or the same text.

        Returns:
            How many stored articles it replaced (0 or more); callers may ignore it.
        """
        with self._transaction() as conn:
            return write_extraction(conn, extraction)

    def quotes(self, filt: QuoteFilter) -> Iterator[dict[str, Any]]:
        """Stream quote records (the issue-2 record plus `also_in`) matching `filt`."""
        with self._errors():
            yield from reader.iter_quotes(self._conn, filt)

    def speakers(self, filt: QuoteFilter) -> list[SpeakerSummary]:
        """Speakers merged by canonical name; `quotes` counts the quotes matching `filt`."""
        return self._read(lambda c: reader.speakers(c, filt))

    def places(self, filt: QuoteFilter) -> list[PlaceSummary]:
        """Places of the articles `filt` selects, merged by name with counts summed."""
        return self._read(lambda c: reader.places(c, filt))

    def articles(self, filt: QuoteFilter, *, version: str | None = None) -> list[dict[str, Any]]:
        """Stored articles selected by `filt`, by path.

        Args:
            filt: article filters; with quote filters, only articles with a matching quote.
            version: the current pipeline version; `stale` is None when not given.

        Returns:
            Dicts with path, title, date, sha256, quotes (matching), pipeline_version, stale.
        """

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            counts = reader.article_ids(conn, filt)
            rows = conn.execute(
                f"SELECT id, {_ARTICLE_COLUMNS} FROM articles"
                " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY path, id",
                (_json_list(counts),),
            ).fetchall()
            return [_article_dict(row[1:], counts[row[0]], version) for row in rows]

        found = self._read(run)
        return found[: filt.limit] if filt.limit is not None else found

    def article_text(self, key: str) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
        """One article for `show`: its metadata, text and quote records.

        `key` is tried as an exact path, an exact title (any case), a sha256 prefix of at
        least four characters, then as part of a path or title.

        Raises:
            InputError: no article, or more than one, matches `key`.
        """
        sha = self._read(lambda c: _resolve(c, key))
        row = self._read(
            lambda c: c.execute(
                f"SELECT {_ARTICLE_COLUMNS}, text FROM articles WHERE sha256 = ?", (sha,)
            ).fetchone()
        )
        quotes = list(self.quotes(QuoteFilter(article_shas=(sha,))))
        return _article_dict(row[:5], len(quotes), None), row[5], quotes

    def load_article(self, sha256: str) -> Article:
        """The stored article with this content hash, text included (for re-extraction)."""
        row = self._read(
            lambda c: c.execute(
                "SELECT path, text, title, date, sha256 FROM articles WHERE sha256 = ?", (sha256,)
            ).fetchone()
        )
        if row is None:
            raise InputError(f"no stored article has sha256 {sha256}")
        return Article(path=row[0], text=row[1], title=row[2], date=row[3], sha256=row[4])

    def stale(self, version: str) -> list[dict[str, Any]]:
        """Articles extracted by a pipeline version other than `version`, by path."""
        rows = self._read(
            lambda c: c.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE pipeline_version != ?"
                " ORDER BY path",
                (version,),
            ).fetchall()
        )
        return [_article_dict(row, None, version) for row in rows]

    def dump(self) -> Iterator[StoredArticle]:
        """Every stored article with its text, speakers, places and quote records, by path."""
        from quotecli.store.dumping import iter_stored

        with self._errors():
            yield from iter_stored(self._conn)

    def stats(self, *, version: str | None = None) -> dict[str, Any]:
        """Totals: articles, quotes by kind, speakers, places, linked groups, top speakers."""
        from quotecli.store.stats import library_stats

        return self._read(lambda c: library_stats(c, version))

    def _read(self, run: Callable[[sqlite3.Connection], T]) -> T:
        with self._errors():
            return run(self._conn)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue on the
        # busy timeout instead of failing half-way. Any exception, KeyboardInterrupt
        # included, rolls the whole article back.
        with self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:  # SQLite may already have rolled back
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise LibraryError(f"library {self.path} is busy: {error}") from None
            raise LibraryError(f"library {self.path}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"library {self.path} is corrupt ({error})") from None


def _json_list(values: Any) -> str:
    import json

    return json.dumps(list(values))


def _article_dict(row: Any, quotes: int | None, version: str | None) -> dict[str, Any]:
    path, title, date, sha256, pipeline_version = row
    record: dict[str, Any] = {"path": path, "title": title, "date": date, "sha256": sha256}
    if quotes is not None:
        record["quotes"] = quotes
    record["pipeline_version"] = pipeline_version
    record["stale"] = None if version is None else pipeline_version != version
    return record


def _resolve(conn: sqlite3.Connection, key: str) -> str:
    """The sha256 of the one article `key` names (see `Library.article_text`)."""
    from quotecli.query import fold

    attempts: list[tuple[str, tuple[Any, ...]]] = [
        ("path = ?", (key,)),
        ("title IS NOT NULL AND lower(title) = lower(?)", (key,)),
    ]
    if len(key) >= _MIN_SHA_PREFIX and all(c in "0123456789abcdef" for c in key.lower()):
        attempts.append(("substr(sha256, 1, length(?)) = ?", (key.lower(), key.lower())))
    attempts.append(("instr(source_key, ?) > 0", (fold(key),)))
    for where, params in attempts:
        rows = conn.execute(
            f"SELECT sha256, path FROM articles WHERE {where} ORDER BY path LIMIT 6", params
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if rows:
            shown = ", ".join(str(r[1]) for r in rows[:5])
            raise InputError(f"{key!r} matches several articles ({shown}); be more specific")
    raise InputError(f"no article in the library matches {key!r}")
