"""Reading whole articles back out of the library, as they were saved: for export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
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


def iter_stored(
    conn: sqlite3.Connection, load_article: Callable[[str], Article]
) -> Iterator[StoredArticle]:
    """Every stored article, by path, one at a time (memory stays flat).

    Args:
        conn: the library's connection.
        load_article: the stored article (text and every metadata field) by content hash.
    """
    rows = conn.execute("SELECT id, sha256, pipeline_version FROM articles ORDER BY path, id")
    for article_id, sha, version in rows.fetchall():
        yield StoredArticle(
            article=load_article(sha),
            pipeline_version=version,
            speakers=_speakers(conn, article_id),
            places=_places(conn, article_id),
            quotes=list(iter_quotes(conn, QuoteFilter(article_shas=(sha,), act=None))),
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
