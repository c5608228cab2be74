"""`Library`: the quote library, one SQLite file of extracted articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from quotecli.errors import InputError, LibraryError
from quotecli.query import QuoteFilter, fold
from quotecli.records import Article, ArticleExtraction, PlaceSummary, SpeakerSummary
from quotecli.store import reader
from quotecli.store.opening import connect, connect_readonly
from quotecli.store.writer import delete_article, path_key, write_extraction

if TYPE_CHECKING:
    from quotecli.store.dumping import StoredArticle

T = TypeVar("T")
_ARTICLE_COLUMNS = "path, title, date, outlet, url, author, corpus_id, sha256, pipeline_version"
_ARTICLE_FIELDS = ("path", "title", "date", "outlet", "url", "author", "id", "sha256")
_MIN_SHA_PREFIX = 4


class Library:
    """Extracted articles kept in SQLite, queried with `QuoteFilter`s.

    Open with `Library.open(path)`; use as a context manager to close it.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, *, create: bool = True, readonly: bool = False) -> Library:
        """Open (and create, or migrate, if needed) the library at `path`.

        Args:
            path: the library file.
            create: make a new library when there is none (else LibraryError).
            readonly: open for queries only, through a connection that cannot write, so a
                library in a read-only file or folder still answers; never creates one.

        Raises:
            LibraryError: missing (unless created), corrupt, not SQLite, not a library, or a
                newer schema; such a file is never modified.
        """
        path = Path(path)
        if readonly:
            return cls(connect_readonly(path), path)
        return cls(connect(path, create=create), path)

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

    def remove(self, keys: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
        """Remove the articles `keys` name, with their quotes and links, in one transaction.

        A key is an article's path however it is written (`./seeds/x.txt` is `seeds/x.txt`),
        a folder (every article stored from under it), or a sha256 prefix of at least four
        characters. Nothing looser: removal never guesses.

        Returns:
            The articles removed (path, title, date, sha256, quotes) and the keys that
            matched none.

        Raises:
            InputError: a sha256 prefix matches more than one article.
        """
        removed: dict[int, dict[str, Any]] = {}
        unmatched: list[str] = []
        with self._transaction() as conn:
            for key in keys:
                ids = _matching_ids(conn, key)
                if not ids:
                    unmatched.append(key)
                for article_id in ids:
                    if article_id not in removed:
                        removed[article_id] = _removed_article(conn, article_id)
                        delete_article(conn, article_id)
        return sorted(removed.values(), key=lambda a: str(a["path"])), unmatched

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
            Dicts with path, title, date, outlet, url, author, id (the corpus's), sha256,
            quotes (matching), pipeline_version, stale.
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
        quotes = list(self.quotes(QuoteFilter(article_shas=(sha,), act=None)))
        return _article_dict(row[:-1], len(quotes), None), row[-1], quotes

    def load_article(self, sha256: str) -> Article:
        """The stored article with this content hash, text included (for re-extraction)."""
        row = self._read(
            lambda c: c.execute(
                "SELECT path, text, title, date, sha256, url, outlet, author, corpus_id"
                " FROM articles WHERE sha256 = ?",
                (sha256,),
            ).fetchone()
        )
        if row is None:
            raise InputError(f"no stored article has sha256 {sha256}")
        path, text, title, date, sha, url, outlet, author, corpus_id = row
        return Article(
            path=path,
            text=text,
            title=title,
            date=date,
            sha256=sha,
            url=url,
            outlet=outlet,
            author=author,
            id=corpus_id,
        )

    def complete_metadata(self, article: Article) -> None:
        """Fill the stored copy's missing title, date, URL, outlet, author and id from
        `article` (the same text read again from a richer source); nothing is overwritten."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE articles SET title = coalesce(title, ?), date = coalesce(date, ?),"
                " url = coalesce(url, ?), outlet = coalesce(outlet, ?),"
                " outlet_key = CASE WHEN outlet IS NULL THEN ? ELSE outlet_key END,"
                " author = coalesce(author, ?), corpus_id = coalesce(corpus_id, ?)"
                " WHERE sha256 = ?",
                (
                    article.title,
                    article.date,
                    article.url,
                    article.outlet,
                    fold(article.outlet),
                    article.author,
                    article.id,
                    article.sha256,
                ),
            )

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
            yield from iter_stored(self._conn, self.load_article)

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
    *values, pipeline_version = row
    record: dict[str, Any] = dict(zip(_ARTICLE_FIELDS, values, strict=True))
    if quotes is not None:
        record["quotes"] = quotes
    record["pipeline_version"] = pipeline_version
    record["stale"] = None if version is None else pipeline_version != version
    return record


def _resolve(conn: sqlite3.Connection, key: str) -> str:
    """The sha256 of the one article `key` names (see `Library.article_text`)."""
    from quotecli.query import fold

    attempts: list[tuple[str, tuple[Any, ...]]] = [
        ("path_key = ? OR path_key = ?", (path_key(key), key)),
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


def _matching_ids(conn: sqlite3.Connection, key: str) -> list[int]:
    """Ids of the articles `key` names exactly (see `Library.remove`)."""
    resolved = path_key(key)
    rows = conn.execute(
        # A folder: every article stored from under it. substr, not LIKE: no wildcards.
        "SELECT id FROM articles WHERE path_key = ?1 OR path_key = ?2"
        " OR (?3 AND substr(path_key, 1, length(?1) + 1) = ?1 || '/')",
        (resolved, key, Path(key).is_dir()),
    ).fetchall()
    if not rows:  # the path as the library shows it, typed in another directory
        rows = conn.execute("SELECT id FROM articles WHERE path = ?", (key,)).fetchall()
    if not rows and len(key) >= _MIN_SHA_PREFIX and all(c in "0123456789abcdef" for c in key):
        rows = conn.execute(
            "SELECT id FROM articles WHERE substr(sha256, 1, length(?1)) = ?1", (key,)
        ).fetchall()
        if len(rows) > 1:
            raise InputError(f"{key!r} is the start of several articles' sha256; give more of it")
    return [int(row[0]) for row in rows]


def _removed_article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any]:
    row = conn.execute(
        "SELECT path, title, date, sha256, (SELECT count(*) FROM quotes WHERE article_id = ?1)"
        " FROM articles WHERE id = ?1",
        (article_id,),
    ).fetchone()
    return dict(zip(("path", "title", "date", "sha256", "quotes"), row, strict=True))
