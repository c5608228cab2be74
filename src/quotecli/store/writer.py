"""Writing one article's extraction: rows for the article, its speakers, places and quotes.

Every function here runs inside the caller's transaction; `Library.save` owns it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from quotecli.query import fold
from quotecli.records import ArticleExtraction, PlaceSummary, Quote, SpeakerSummary
from quotecli.store.linking import forget_groups, link_article, word_key, words

_ARTICLE_TABLES = ("article_speakers", "aliases", "places", "place_aliases")


def path_key(path: str) -> str:
    """What identifies an article's file: its resolved absolute path, however it was typed.

    A name that is no file path (`<stdin>`) is its own key.
    """
    if path.startswith("<") and path.endswith(">"):
        return path
    return str(Path(path).expanduser().resolve())


def resolve_stored_paths(conn: sqlite3.Connection) -> None:
    """Give articles stored before paths were resolved their resolved path, where it is sure.

    The folder a relative path was typed in is not stored, so a path is resolved against the
    current one only when the file there holds exactly the stored text; otherwise the path as
    typed stays the key. A migration step: runs inside its transaction.
    """
    from quotecli.errors import InputError
    from quotecli.sources import decode_article

    rows = conn.execute("SELECT id, path, sha256 FROM articles WHERE path_key = path").fetchall()
    for article_id, path, sha256 in rows:
        key = path_key(path)
        if key == path or not Path(key).is_file():
            continue
        try:
            same = decode_article(path, Path(key).read_bytes(), lambda _: None).sha256 == sha256
        except (OSError, InputError):
            continue
        if same:
            conn.execute("UPDATE articles SET path_key = ? WHERE id = ?", (key, article_id))


def write_extraction(conn: sqlite3.Connection, extraction: ArticleExtraction) -> int:
    """Store `extraction`, replacing any stored article from the same file or with the same text.

    Returns:
        How many stored articles it replaced.
    """
    article = extraction.article
    key = path_key(article.path)
    old = conn.execute(
        # Rows stored before paths were resolved carry the path as typed as their key.
        "SELECT id, path, path_key, sha256 FROM articles WHERE path_key IN (?, ?) OR sha256 = ?",
        (key, article.path, article.sha256),
    ).fetchall()
    for row in old:
        if row[1] == article.path and row[3] == article.sha256:
            # The same text under the same name: a re-extraction (reindex), possibly run from
            # another directory, so the stored key is the right one.
            key = row[2]
        delete_article(conn, int(row[0]))
    article_id = _insert_article(conn, extraction, key)
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
    groups = [
        int(row[0])
        for row in conn.execute(
            "SELECT DISTINCT group_id FROM quotes WHERE article_id = ? AND group_id IS NOT NULL",
            (article_id,),
        )
    ]
    conn.execute(
        "DELETE FROM quote_places"
        " WHERE quote_rowid IN (SELECT id FROM quotes WHERE article_id = ?)",
        (article_id,),
    )
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    forget_groups(conn, groups)
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


def _insert_article(conn: sqlite3.Connection, extraction: ArticleExtraction, key: str) -> int:
    article = extraction.article
    cursor = conn.execute(
        "INSERT INTO articles (path, path_key, sha256, title, date, source_key, text,"
        " pipeline_version, added_at, url, outlet, outlet_key, author, corpus_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.path,
            key,
            article.sha256,
            article.title,
            article.date,
            fold(article.path) + "\n" + fold(article.title),
            article.text,
            extraction.pipeline_version,
            datetime.now(UTC).isoformat(timespec="seconds"),
            article.url,
            article.outlet,
            fold(article.outlet),
            article.author,
            article.id,
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
        " places, norm_text, gaps, rule, act) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            word_key(words(quote.text)),
            json.dumps([list(gap) for gap in quote.gaps]),
            quote.rule,
            str(quote.act),
        ),
    )
    conn.executemany(
        "INSERT INTO quote_places (quote_rowid, key) VALUES (?, ?)",
        [(cursor.lastrowid, fold(p)) for p in dict.fromkeys(quote.places)],
    )
