"""The library's tables, and the ordered migrations that build them.

`PRAGMA user_version` holds the schema version. `MIGRATIONS[n]` takes a library from version
`n` to `n + 1`, so an empty file (version 0) runs them all and a library from any earlier
release runs only what it lacks. Append new migrations; never edit a released one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from quotecli.store.linking import relink_all
from quotecli.store.writer import resolve_stored_paths

# A migration step: SQL, or a function run on the connection inside the migration's
# transaction (for work SQL cannot do, such as re-linking quotes with Python's word rules).
Step = str | Callable[[sqlite3.Connection], None]

# Version 1: articles, merged speakers (people), per-article speakers and places, quotes with
# their cross-article link group. Cascades are declared, but the writer also deletes
# explicitly so correctness never depends on `PRAGMA foreign_keys`.
_V1 = (
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        title TEXT,
        date TEXT,
        source_key TEXT NOT NULL,
        text TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        added_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_path ON articles(path)",
    """CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL
    )""",
    """CREATE TABLE article_speakers (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id),
        kind TEXT NOT NULL,
        title TEXT,
        affiliation TEXT,
        aliases TEXT NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (article_id, person_id)
    )""",
    "CREATE INDEX article_speakers_person ON article_speakers(person_id)",
    """CREATE TABLE aliases (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id),
        key TEXT NOT NULL
    )""",
    "CREATE INDEX aliases_article ON aliases(article_id)",
    """CREATE TABLE places (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        count INTEGER NOT NULL,
        aliases TEXT NOT NULL
    )""",
    "CREATE INDEX places_article ON places(article_id)",
    """CREATE TABLE place_aliases (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name_key TEXT NOT NULL,
        alias_key TEXT NOT NULL
    )""",
    "CREATE INDEX place_aliases_alias ON place_aliases(alias_key)",
    "CREATE INDEX place_aliases_article ON place_aliases(article_id)",
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        quote_id TEXT NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        cue_text TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        person_id INTEGER REFERENCES people(id),
        speaker_name TEXT,
        speaker_kind TEXT NOT NULL,
        speaker_title TEXT,
        speaker_affiliation TEXT,
        affiliation_key TEXT NOT NULL,
        mention_text TEXT,
        mention_start INTEGER,
        mention_end INTEGER,
        places TEXT NOT NULL,
        norm_text TEXT NOT NULL,
        group_id INTEGER
    )""",
    "CREATE INDEX quotes_article ON quotes(article_id, start)",
    "CREATE INDEX quotes_person ON quotes(person_id)",
    "CREATE INDEX quotes_group ON quotes(group_id)",
    """CREATE TABLE quote_places (
        quote_rowid INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        key TEXT NOT NULL
    )""",
    "CREATE INDEX quote_places_key ON quote_places(key)",
    "CREATE INDEX quote_places_quote ON quote_places(quote_rowid)",
)

# Version 2: `--contains` through FTS5. The trigram tokenizer gives case-insensitive substring
# matching (the same meaning as a plain `in`), indexed. Triggers keep it in step with `quotes`,
# so code that writes quotes never has to know the index exists.
_V2 = (
    """CREATE VIRTUAL TABLE quote_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='trigram'
    )""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
)

# Version 3: covering indexes for the speaker listing, which counts quotes per person and
# folds each person's per-article rows; both are then read off an index, not the wide tables.
_V3 = (
    "CREATE INDEX quotes_person_speaker ON quotes(person_id, speaker_kind, group_id)",
    "CREATE INDEX article_speakers_fields"
    " ON article_speakers(person_id, kind, title, affiliation, aliases)",
)

# Version 4: the gaps of a split quote (`"A," she said, "B."`), the stretches of its text
# between the speaker's words, as a JSON array of [start, end] article offsets; with the text
# and start they give back `Quote.parts`. Quotes stored before held no gaps: '[]', one part.
_V4 = ("""ALTER TABLE quotes ADD COLUMN gaps TEXT NOT NULL DEFAULT '[]'""",)

# Version 5: the name of the rule that found each quote. Quotes stored before hold NULL until
# `quotecli reindex` extracts their articles again (the rules version changed with it).
_V_RULE = ("ALTER TABLE quotes ADD COLUMN rule TEXT",)

# Version 6: whether each quote reports speech or thought. Quotes stored before hold NULL,
# read as speech by the filters, until `quotecli reindex`.
_V_ACT = ("ALTER TABLE quotes ADD COLUMN act TEXT",)

# Version 7: article metadata from web pages, archives and corpora: the URL, the outlet (site
# name, or the URL's host) with its folded form for `--outlet`, the author, and the corpus's id
# (`corpus_id`: `id` is the row key). Older articles have none of them: NULL, nothing lost.
_V_ARTICLE_METADATA = (
    "ALTER TABLE articles ADD COLUMN url TEXT",
    "ALTER TABLE articles ADD COLUMN outlet TEXT",
    "ALTER TABLE articles ADD COLUMN outlet_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE articles ADD COLUMN author TEXT",
    "ALTER TABLE articles ADD COLUMN corpus_id TEXT",
    "CREATE INDEX articles_outlet ON articles(outlet_key)",
)

# Version 8: quotes are linked by their words, through indexes (see `linking`): `quote_groups`
# holds one row per distinct statement of a speaker (`quotes.group_id` now points there), with its
# first word shingle; `group_shingles` every shingle of a linkable statement;
# `group_links` which statement is a trimmed run of which. `--contains` matches words, not
# substrings: the trigram index gives way to a unicode61 word index that folds case and
# diacritics. Articles get `path_key`, the resolved absolute path that identifies a file
# however its path was typed; a row stored before gets it when the file at its path, taken
# from the folder the upgrade runs in, holds the stored text, else keeps the path as typed
# (the folder it was typed in is not known). Every stored quote is then linked afresh.
_V_LINK_INDEX: tuple[Step, ...] = (
    """CREATE TABLE quote_groups (
        id INTEGER PRIMARY KEY,
        person_id INTEGER REFERENCES people(id),
        words TEXT NOT NULL,
        size INTEGER NOT NULL,
        head INTEGER
    )""",
    "CREATE UNIQUE INDEX quote_groups_words ON quote_groups(person_id, words)",
    "CREATE INDEX quote_groups_head ON quote_groups(person_id, head) WHERE head IS NOT NULL",
    """CREATE TABLE group_shingles (
        person_id INTEGER NOT NULL,
        shingle INTEGER NOT NULL,
        group_id INTEGER NOT NULL,
        PRIMARY KEY (person_id, shingle, group_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE group_links (
        short_id INTEGER NOT NULL,
        long_id INTEGER NOT NULL,
        PRIMARY KEY (short_id, long_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX group_links_long ON group_links(long_id, short_id)",
    "DROP TRIGGER quotes_fts_insert",
    "DROP TRIGGER quotes_fts_delete",
    "DROP TRIGGER quotes_fts_update",
    "DROP TABLE quote_fts",
    """CREATE VIRTUAL TABLE quote_words USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER quote_words_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quote_words(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quote_words_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quote_words(quote_words, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER quote_words_update AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quote_words(quote_words, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quote_words(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO quote_words(quote_words) VALUES ('rebuild')",
    "ALTER TABLE articles ADD COLUMN path_key TEXT",
    "UPDATE articles SET path_key = path",
    "CREATE INDEX articles_path_key ON articles(path_key)",
    resolve_stored_paths,
    relink_all,
)

# The link index comes last: its Python steps read and write the tables as they are now.
MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    _V1,
    _V2,
    _V3,
    _V4,
    _V_RULE,
    _V_ACT,
    _V_ARTICLE_METADATA,
    _V_LINK_INDEX,
)
SCHEMA_VERSION = len(MIGRATIONS)

# Tables whose presence marks a file as a quotecli library (checked before any write).
REQUIRED_TABLES = frozenset({"articles", "quotes", "people"})


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the file's header (0 for a new, empty file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the library up to `target` in one transaction; a no-op when already there.

    The version is read again under the write lock, so two processes opening a new
    library at once migrate it exactly once.

    Args:
        conn: an autocommit connection (`isolation_level=None`).
        target: the version to reach; tests use lower values to build old libraries.

    Returns:
        The version the library had before.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = user_version(conn)
        for version in range(before, target):
            for step in MIGRATIONS[version]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
        if target > before:
            # PRAGMA takes no bound parameters; `target` is an int we control.
            conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may already have rolled back
            conn.execute("ROLLBACK")
        raise
    return before
