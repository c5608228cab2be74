"""Which quotes are the same quote: one speaker's words reported by several articles.

Two quotes of one speaker are the same quote only when

- their words are the same once case, quote marks, apostrophes, dashes, punctuation and
  whitespace are set aside ("Putin’s visit." and "putin's visit"), or
- the shorter is a contiguous run of at least `MIN_RUN_WORDS` of the longer's words: an
  outlet trimmed the statement.

Nothing else: a changed word, number or negation ("will raise" / "will not raise", "5
percent" / "9 percent") is another statement, so the test is on the words themselves, never
a similarity score.

Quotes with the same words by the same speaker share a row of `quote_groups` (their
`group_id`); a trimmed version is linked to its fuller version in `group_links`. Both are
found through indexes, never by comparing a quote with every stored quote of its speaker:
the equal words through the unique `(person_id, words)` key, and containment through word
shingles (`SHINGLE_WORDS` consecutive words, hashed), kept in `group_shingles`, with each
group's first shingle as its `head`. A shingle match only proposes a candidate; the words
decide.

Linking is not transitive: "A and C" trimmed from two different statements "A and C and B1"
and "A and C and B2" is the same quote as each, but they are not the same as each other.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence

# A trimmed quote must keep at least this many words to count as the same quote.
MIN_RUN_WORDS = 6
# Words per shingle; at most MIN_RUN_WORDS, so every linkable run holds a whole shingle.
SHINGLE_WORDS = 5
# Postings read per shingle while looking for a quote's rarest shingle (see _groups_holding).
PROBE = 64

# Apostrophes and quote marks inside or around words vanish ("Putin’s" -> "putins").
_MARKS = re.compile(r"[\"'‘’‚‛“”„‟«»‹›`´ʼ′″]")
# A number keeps its decimal or thousands separator ("5.5" is not "55"), then runs of
# letters and digits, and currency and percent signs. Dashes, slashes and other punctuation
# only separate words.
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+|[%$€£¥]")


def words(text: str) -> tuple[str, ...]:
    """The words of `text`, case-folded, without quote marks, apostrophes or punctuation.

    Currency and percent signs count as words, so "5%" is not "5".
    """
    folded = _MARKS.sub("", unicodedata.normalize("NFKC", text).casefold())
    return tuple(_WORD.findall(folded))


def word_key(seq: Sequence[str]) -> str:
    """The equality key of a word sequence: words never hold a space, so this is exact."""
    return " ".join(seq)


def is_run(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether `short` is a contiguous run of `long`'s words (equal sequences included)."""
    return len(short) <= len(long) and f" {word_key(short)} " in f" {word_key(long)} "


def same_quote(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two word sequences are the same quote (see the module docstring)."""
    if not a or not b:
        return False
    if len(a) == len(b):
        return tuple(a) == tuple(b)
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= MIN_RUN_WORDS and is_run(short, long)


def shingles(seq: Sequence[str]) -> list[int]:
    """Stable 63-bit hashes of each run of SHINGLE_WORDS words, in order (none if shorter)."""
    return [
        _hash(word_key(seq[i : i + SHINGLE_WORDS])) for i in range(len(seq) - SHINGLE_WORDS + 1)
    ]


def _hash(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1  # fits SQLite's signed 64-bit integers


def link_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Give each quote of a newly written article its group, linking groups as it goes.

    Runs inside the caller's transaction. Unattributed quotes (and unknown speakers) are
    never linked: each gets a group of its own.
    """
    rows = conn.execute(
        "SELECT id, person_id, speaker_kind, text FROM quotes WHERE article_id = ?",
        (article_id,),
    ).fetchall()
    for quote_rowid, person_id, speaker_kind, text in rows:
        seq = words(text)
        if person_id is None or speaker_kind == "unknown":
            group = _new_group(conn, None, seq, [])
        else:
            group = _group_for(conn, int(person_id), seq)
        conn.execute("UPDATE quotes SET group_id = ? WHERE id = ?", (group, quote_rowid))


def _group_for(conn: sqlite3.Connection, person_id: int, seq: tuple[str, ...]) -> int:
    row = conn.execute(
        "SELECT id FROM quote_groups WHERE person_id = ? AND words = ?", (person_id, word_key(seq))
    ).fetchone()
    if row is not None:
        return int(row[0])
    hashes = shingles(seq) if len(seq) >= MIN_RUN_WORDS else []
    group = _new_group(conn, person_id, seq, hashes)
    if hashes:
        conn.executemany(
            "INSERT OR IGNORE INTO group_shingles (person_id, shingle, group_id) VALUES (?, ?, ?)",
            [(person_id, h, group) for h in set(hashes)],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO group_links (short_id, long_id) VALUES (?, ?)",
            _containment_links(conn, person_id, group, seq, hashes),
        )
    return group


def _new_group(
    conn: sqlite3.Connection, person_id: int | None, seq: tuple[str, ...], hashes: list[int]
) -> int:
    """A group row; `head`, its first shingle, is kept for linkable (long enough) texts."""
    cursor = conn.execute(
        "INSERT INTO quote_groups (person_id, words, size, head) VALUES (?, ?, ?, ?)",
        (person_id, word_key(seq), len(seq), hashes[0] if hashes else None),
    )
    return int(cursor.lastrowid or 0)


def _containment_links(
    conn: sqlite3.Connection, person_id: int, group: int, seq: tuple[str, ...], hashes: list[int]
) -> list[tuple[int, int]]:
    """(short, long) pairs between `group` and the speaker's groups it contains or is in."""
    wanted = sorted(set(hashes))
    # One JSON parameter, however long the quote: no limit on bound variables.
    listed = json.dumps(wanted)
    longer = [
        (g, text)
        for g, text in _groups_holding(conn, person_id, wanted, exclude=group)
        if len(text.split(" ")) > len(seq)
    ]
    # Shorter groups whose first shingle this one holds: each may be a run of it.
    shorter = conn.execute(
        "SELECT id, words FROM quote_groups WHERE person_id = ?"
        " AND head IN (SELECT value FROM json_each(?)) AND size < ?",
        (person_id, listed, len(seq)),
    ).fetchall()
    found = [(group, int(g)) for g, text in longer if is_run(seq, text.split(" "))]
    found += [(int(g), group) for g, text in shorter if is_run(text.split(" "), seq)]
    return found


def _groups_holding(
    conn: sqlite3.Connection, person_id: int, wanted: list[int], exclude: int
) -> list[tuple[int, str]]:
    """The speaker's groups (id, words) holding every shingle in `wanted`: those that may
    hold this text as a run.

    Candidates come from this text's rarest shingle, so a phrase the speaker says in many
    statements ("we will build N bridges across the river") costs nothing: the shingle with
    the number in it has one posting. Each shingle is probed up to PROBE postings; only when
    every shingle is that common are all their postings intersected.
    """
    rarest: list[int] | None = None
    for shingle in wanted:
        postings = [
            int(row[0])
            for row in conn.execute(
                "SELECT group_id FROM group_shingles WHERE person_id = ? AND shingle = ?"
                " AND group_id != ? LIMIT ?",
                (person_id, shingle, exclude, PROBE + 1),
            )
        ]
        if rarest is None or len(postings) < len(rarest):
            rarest = postings
        if not rarest:
            return []
    if rarest is not None and len(rarest) <= PROBE:
        ids = json.dumps(rarest)
        return conn.execute(
            "SELECT id, words FROM quote_groups WHERE id IN (SELECT value FROM json_each(?))",
            (ids,),
        ).fetchall()
    return conn.execute(
        "SELECT g.id, g.words FROM quote_groups g WHERE g.id IN ("
        " SELECT group_id FROM group_shingles WHERE person_id = ?"
        " AND shingle IN (SELECT value FROM json_each(?)) AND group_id != ?"
        " GROUP BY group_id HAVING count(*) = ?)",
        (person_id, json.dumps(wanted), exclude, len(wanted)),
    ).fetchall()


def forget_groups(conn: sqlite3.Connection, groups: Iterable[int]) -> None:
    """Drop the groups no quote refers to any more, with their shingles and links."""
    for group in groups:
        if conn.execute("SELECT 1 FROM quotes WHERE group_id = ? LIMIT 1", (group,)).fetchone():
            continue
        row = conn.execute(
            "SELECT person_id, words FROM quote_groups WHERE id = ?", (group,)
        ).fetchone()
        if row is None:
            continue
        person_id, text = row
        conn.executemany(
            "DELETE FROM group_shingles WHERE person_id = ? AND shingle = ? AND group_id = ?",
            [(person_id, h, group) for h in set(shingles(text.split(" ")))],
        )
        conn.execute("DELETE FROM group_links WHERE short_id = ?1 OR long_id = ?1", (group,))
        conn.execute("DELETE FROM quote_groups WHERE id = ?", (group,))


def relink_all(conn: sqlite3.Connection) -> None:
    """Link every stored quote afresh (a migration step; runs in its transaction)."""
    conn.execute("DELETE FROM group_links")
    conn.execute("DELETE FROM group_shingles")
    conn.execute("DELETE FROM quote_groups")
    conn.execute("UPDATE quotes SET group_id = NULL")
    articles = [int(row[0]) for row in conn.execute("SELECT id FROM articles ORDER BY id")]
    for article_id in articles:
        link_article(conn, article_id)


def related_groups(conn: sqlite3.Connection, group: int) -> list[int]:
    """`group` and every group linked to it: the same quote, trimmed or in full."""
    rows = conn.execute(
        "SELECT long_id FROM group_links WHERE short_id = ?1"
        " UNION SELECT short_id FROM group_links WHERE long_id = ?1",
        (group,),
    )
    return [group, *(int(row[0]) for row in rows)]
