"""Writing one article's extraction: rows for the article, its speakers, places and quotes.

Every function here runs inside the caller's transaction; `Library.save` owns it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from quotecli.query import fold
from quotecli.records import ArticleExtraction, PlaceSummary, Quote, SpeakerSummary
from quotecli.store.linking import link_article, normalise

_ARTICLE_TABLES = ("article_speakers", "aliases", "places", "place_aliases")


def write_extraction(conn: sqlite3.Connection, extraction: ArticleExtraction) -> int:
    """Store `extraction`, replacing any stored article with the same path or text.

    Returns:
        How many stored articles it replaced.
    """
    article = extraction.article
    old = [
        int(row[0])
        for row in conn.execute(
            "SELECT id FROM articles WHERE path = ? OR sha256 = ?", (article.path, article.sha256)
        )
    ]
    for article_id in old:
        delete_article(conn, article_id)
    article_id = _insert_article(conn, extraction)
    people = _people(conn, _speaker_names(extraction))
    _insert_speakers(conn, article_id, extraction.speakers, people)
    _insert_places(conn, article_id, extraction.places)
    for quote in extraction.quotes:
        _insert_quote(conn, article_id, quote, people)
    link_article(conn, article_id)
    return len(old)


def delete_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article and everything that hangs off it, and people no one refers to."""
    people = {
        int(row[0])
        for row in conn.execute(
            "SELECT person_id FROM article_speakers WHERE article_id = ?"
            " UNION SELECT person_id FROM quotes WHERE article_id = ? AND person_id IS NOT NULL",
            (article_id, article_id),
        )
    }
    conn.execute(
        "DELETE FROM quote_places"
        " WHERE quote_rowid IN (SELECT id FROM quotes WHERE article_id = ?)",
        (article_id,),
    )
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    for table in _ARTICLE_TABLES:  # fixed table names, not user input
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    for person_id in people:
        conn.execute(
            "DELETE FROM people WHERE id = ?1"
            " AND NOT EXISTS (SELECT 1 FROM quotes WHERE person_id = ?1)"
            " AND NOT EXISTS (SELECT 1 FROM article_speakers WHERE person_id = ?1)",
            (person_id,),
        )


def _insert_article(conn: sqlite3.Connection, extraction: ArticleExtraction) -> int:
    article = extraction.article
    cursor = conn.execute(
        "INSERT INTO articles (path, sha256, title, date, source_key, text, pipeline_version,"
        " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.path,
            article.sha256,
            article.title,
            article.date,
            fold(article.path) + "\n" + fold(article.title),
            article.text,
            extraction.pipeline_version,
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )
    return int(cursor.lastrowid or 0)


def _speaker_names(extraction: ArticleExtraction) -> set[str]:
    names = {s.name for s in extraction.speakers}
    names.update(q.speaker.name for q in extraction.quotes if q.speaker.name)
    return {n for n in names if fold(n)}


def _people(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """Person ids by folded name, creating people not seen before (merge by canonical name)."""
    ids: dict[str, int] = {}
    for name in names:
        key = fold(name)
        conn.execute("INSERT OR IGNORE INTO people (key, name) VALUES (?, ?)", (key, name))
        row = conn.execute("SELECT id FROM people WHERE key = ?", (key,)).fetchone()
        ids[key] = int(row[0])
    return ids


def _insert_speakers(
    conn: sqlite3.Connection,
    article_id: int,
    speakers: Iterable[SpeakerSummary],
    people: dict[str, int],
) -> None:
    for speaker in speakers:
        person_id = people.get(fold(speaker.name))
        if person_id is None:
            continue
        conn.execute(
            "INSERT OR REPLACE INTO article_speakers (article_id, person_id, kind, title,"
            " affiliation, aliases, quotes) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                person_id,
                str(speaker.kind),
                speaker.title,
                speaker.affiliation,
                json.dumps(list(speaker.aliases), ensure_ascii=False),
                speaker.quotes,
            ),
        )
        conn.executemany(
            "INSERT INTO aliases (article_id, person_id, key) VALUES (?, ?, ?)",
            [(article_id, person_id, fold(a)) for a in speaker.aliases if fold(a)],
        )


def _insert_places(
    conn: sqlite3.Connection, article_id: int, places: Iterable[PlaceSummary]
) -> None:
    for place in places:
        key = fold(place.name)
        conn.execute(
            "INSERT INTO places (article_id, key, name, count, aliases) VALUES (?, ?, ?, ?, ?)",
            (article_id, key, place.name, place.count, json.dumps(list(place.aliases))),
        )
        conn.executemany(
            "INSERT INTO place_aliases (article_id, name_key, alias_key) VALUES (?, ?, ?)",
            [(article_id, key, fold(a)) for a in place.aliases if fold(a)],
        )


def _insert_quote(
    conn: sqlite3.Connection, article_id: int, quote: Quote, people: dict[str, int]
) -> None:
    speaker, cue, mention = quote.speaker, quote.cue, quote.speaker.mention
    cursor = conn.execute(
        'INSERT INTO quotes (article_id, quote_id, text, kind, start, "end", paragraph,'
        " cue_text, cue_start, cue_end, person_id, speaker_name, speaker_kind, speaker_title,"
        " speaker_affiliation, affiliation_key, mention_text, mention_start, mention_end,"
        " places, norm_text, gaps, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            quote.id,
            quote.text,
            str(quote.kind),
            quote.start,
            quote.end,
            quote.paragraph,
            cue.text if cue else None,
            cue.start if cue else None,
            cue.end if cue else None,
            people.get(fold(speaker.name)) if speaker.name else None,
            speaker.name,
            str(speaker.kind),
            speaker.title,
            speaker.affiliation,
            fold(speaker.affiliation),
            mention.text if mention else None,
            mention.start if mention else None,
            mention.end if mention else None,
            json.dumps(list(quote.places), ensure_ascii=False),
            normalise(quote.text),
            json.dumps([list(gap) for gap in quote.gaps]),
            quote.rule,
        ),
    )
    conn.executemany(
        "INSERT INTO quote_places (quote_rowid, key) VALUES (?, ?)",
        [(cursor.lastrowid, fold(p)) for p in dict.fromkeys(quote.places)],
    )
