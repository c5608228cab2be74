"""Reading whole articles back out of the library, as they were saved: for export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from quotecli.query import QuoteFilter
from quotecli.records import Article, PlaceSummary, SpeakerKind, SpeakerSummary
from quotecli.store.reader import iter_quotes


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One stored article: its text and metadata, what was extracted, and its quote records
    (the JSON record of `quotecli quotes`, `also_in` included)."""

    article: Article
    pipeline_version: str
    speakers: tuple[SpeakerSummary, ...]
    places: tuple[PlaceSummary, ...]
    quotes: list[dict[str, Any]]


def iter_stored(conn: sqlite3.Connection) -> Iterator[StoredArticle]:
    """Every stored article, by path, one at a time (memory stays flat)."""
    ids = [
        (int(row[0]), str(row[1]))
        for row in conn.execute("SELECT id, sha256 FROM articles ORDER BY path, id")
    ]
    for article_id, sha in ids:
        path, text, title, date, version = conn.execute(
            "SELECT path, text, title, date, pipeline_version FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        yield StoredArticle(
            article=Article(path=path, text=text, title=title, date=date, sha256=sha),
            pipeline_version=version,
            speakers=_speakers(conn, article_id),
            places=_places(conn, article_id),
            quotes=list(iter_quotes(conn, QuoteFilter(article_shas=(sha,)))),
        )


def _speakers(conn: sqlite3.Connection, article_id: int) -> tuple[SpeakerSummary, ...]:
    rows = conn.execute(
        "SELECT p.name, s.kind, s.title, s.affiliation, s.aliases, s.quotes"
        " FROM article_speakers s JOIN people p ON p.id = s.person_id"
        " WHERE s.article_id = ? ORDER BY s.quotes DESC, p.name",
        (article_id,),
    )
    return tuple(
        SpeakerSummary(name, SpeakerKind(kind), title, affiliation, tuple(json.loads(a)), n)
        for name, kind, title, affiliation, a, n in rows
    )


def _places(conn: sqlite3.Connection, article_id: int) -> tuple[PlaceSummary, ...]:
    rows = conn.execute(
        "SELECT name, count, aliases FROM places WHERE article_id = ? ORDER BY rowid",
        (article_id,),
    )
    return tuple(PlaceSummary(name, count, tuple(json.loads(a))) for name, count, a in rows)
