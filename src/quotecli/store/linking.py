"""Which quotes are the same quote: one speaker's words reported by several articles.

Outlets change quote marks, spacing, case and the odd word, and often quote a longer or
shorter stretch of the same statement. Two texts match when, normalised, one contains the
other or they are near-identical (difflib ratio >= 0.9).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from difflib import SequenceMatcher

SIMILARITY = 0.9
# Containment only links texts at least this long: "No." inside a long quote is no evidence.
MIN_CONTAINED_CHARS = 20

_MARKS = re.compile(r"[\"'‘’‚‛“”„‟«»‹›`´]")
_EDGE_PUNCTUATION = " .,;:!?-–—…"


def normalise(text: str) -> str:
    """Quote marks removed, whitespace collapsed, case folded, edge punctuation stripped."""
    folded = " ".join(_MARKS.sub("", text).casefold().split())
    return folded.strip(_EDGE_PUNCTUATION)


def texts_match(a: str, b: str) -> bool:
    """Whether two normalised texts report the same words."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    if short == long or (len(short) >= MIN_CONTAINED_CHARS and short in long):
        return True
    # 2 * len(short) / total bounds the ratio from above: skip difflib when it cannot pass.
    if 2 * len(short) / (len(short) + len(long)) < SIMILARITY:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY


def link_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Give each quote of a newly written article its group, merging groups it bridges.

    A quote's group is the smallest group id among the quotes it matches in other articles
    (same speaker, by merged canonical name), or its own row id when it matches none.
    Runs inside the caller's transaction.
    """
    rows = conn.execute(
        "SELECT id, person_id, norm_text FROM quotes WHERE article_id = ?"
        " AND person_id IS NOT NULL AND speaker_kind != 'unknown'",
        (article_id,),
    ).fetchall()
    for quote_rowid, person_id, norm in rows:
        # Read afresh for every quote: an earlier quote may have merged groups.
        groups: set[int] = set()
        for group, other in _others(conn, person_id, article_id):
            if group not in groups and texts_match(norm, other):
                groups.add(group)
        _assign(conn, quote_rowid, groups)
    # Unattributed quotes (and unknown speakers) are never linked: each is its own group.
    conn.execute(
        "UPDATE quotes SET group_id = id WHERE article_id = ? AND group_id IS NULL",
        (article_id,),
    )


def _others(conn: sqlite3.Connection, person_id: int, article_id: int) -> list[tuple[int, str]]:
    # DISTINCT: a quote repeated by many outlets is compared once per group, not per copy.
    cursor = conn.execute(
        "SELECT DISTINCT group_id, norm_text FROM quotes WHERE person_id = ? AND article_id != ?"
        " AND speaker_kind != 'unknown'",
        (person_id, article_id),
    )
    return [(int(group), str(norm)) for group, norm in cursor]


def _assign(conn: sqlite3.Connection, quote_rowid: int, groups: Iterable[int]) -> None:
    ordered = sorted(groups)
    if not ordered:
        conn.execute("UPDATE quotes SET group_id = id WHERE id = ?", (quote_rowid,))
        return
    target, merged = ordered[0], ordered[1:]
    conn.execute("UPDATE quotes SET group_id = ? WHERE id = ?", (target, quote_rowid))
    for group in merged:
        conn.execute("UPDATE quotes SET group_id = ? WHERE group_id = ?", (target, group))
