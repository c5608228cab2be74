"""`quotecli stats`: what the library holds, in a few numbers."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from quotecli.store.merging import merged_people

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
    top = _top_speakers(conn)
    return {
        "articles": scalar("SELECT count(*) FROM articles"),
        "quotes": scalar("SELECT count(*) FROM quotes"),
        "quotes_by_kind": by_kind,
        "speakers": scalar("SELECT count(DISTINCT person_id) FROM article_speakers"),
        "places": scalar("SELECT count(DISTINCT key) FROM places"),
        "linked_quotes": _linked_quotes(conn),
        "stale_articles": None
        if version is None
        else scalar("SELECT count(*) FROM articles WHERE pipeline_version != ?", (version,)),
        "top_speakers": [{"name": name, "quotes": n} for name, n in top],
    }


def _linked_quotes(conn: sqlite3.Connection) -> int:
    """Statements (quote groups) found in more than one article, trimmed versions included.

    Only groups with a second quote or a link can qualify, so only those are counted through.
    """
    return int(
        conn.execute(
            "SELECT count(*) FROM quote_groups g WHERE g.id IN ("
            " SELECT group_id FROM quotes GROUP BY group_id HAVING count(*) > 1"
            " UNION SELECT short_id FROM group_links UNION SELECT long_id FROM group_links)"
            " AND (SELECT count(DISTINCT q.article_id) FROM quotes q WHERE q.group_id IN ("
            " SELECT g.id UNION SELECT long_id FROM group_links WHERE short_id = g.id"
            " UNION SELECT short_id FROM group_links WHERE long_id = g.id)) > 1"
        ).fetchone()[0]
    )


def _top_speakers(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """The most quoted people, each counted under all their names (see `merging`)."""
    targets = merged_people(conn)
    counts: Counter[int] = Counter()
    for person_id, n in conn.execute(
        "SELECT person_id, count(*) FROM quotes WHERE person_id IS NOT NULL"
        " AND speaker_kind != 'unknown' GROUP BY person_id"
    ):
        counts[targets.get(person_id, person_id)] += n
    names = dict(conn.execute("SELECT id, name FROM people"))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], names[item[0]]))
    return [(names[person_id], n) for person_id, n in ranked[:TOP_SPEAKERS]]
