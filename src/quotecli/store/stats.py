"""`quotecli stats`: what the library holds, in a few numbers."""

from __future__ import annotations

import sqlite3
from typing import Any

TOP_SPEAKERS = 10


def library_stats(conn: sqlite3.Connection, version: str | None) -> dict[str, Any]:
    """Articles, quotes (by kind), speakers, places, linked groups and the top speakers.

    Args:
        conn: the library connection.
        version: the current pipeline version; `stale` is None when not given.
    """

    def scalar(sql: str, params: tuple[Any, ...] = ()) -> int:
        return int(conn.execute(sql, params).fetchone()[0] or 0)

    by_kind = dict(conn.execute("SELECT kind, count(*) FROM quotes GROUP BY kind ORDER BY kind"))
    top = conn.execute(
        "SELECT p.name, count(*) AS n FROM quotes q JOIN people p ON p.id = q.person_id"
        " WHERE q.speaker_kind != 'unknown' GROUP BY p.id ORDER BY n DESC, p.name LIMIT ?",
        (TOP_SPEAKERS,),
    )
    return {
        "articles": scalar("SELECT count(*) FROM articles"),
        "quotes": scalar("SELECT count(*) FROM quotes"),
        "quotes_by_kind": by_kind,
        "speakers": scalar("SELECT count(DISTINCT person_id) FROM article_speakers"),
        "places": scalar("SELECT count(DISTINCT key) FROM places"),
        # Groups of the same quote found in more than one article.
        "linked_quotes": scalar(
            "SELECT count(*) FROM (SELECT group_id FROM quotes GROUP BY group_id"
            " HAVING count(DISTINCT article_id) > 1)"
        ),
        "stale_articles": None
        if version is None
        else scalar("SELECT count(*) FROM articles WHERE pipeline_version != ?", (version,)),
        "top_speakers": [{"name": name, "quotes": n} for name, n in top],
    }
