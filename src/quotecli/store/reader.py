"""Reading the library back: quote records, and summaries merged across articles."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from quotecli.query import QuoteFilter, Sql, article_condition, quote_condition
from quotecli.records import PlaceSummary, SpeakerKind, SpeakerSummary, quote_parts
from quotecli.store.merging import merged_people

_QUOTE_COLUMNS = (
    'q.quote_id, q.text, q.kind, q.start, q."end", q.paragraph, q.cue_text, q.cue_start,'
    " q.cue_end, q.speaker_name, q.speaker_kind, q.speaker_title, q.speaker_affiliation,"
    " q.mention_text, q.mention_start, q.mention_end, q.places, a.path, a.title, a.date,"
    " q.gaps, q.group_id"
)
# Every article holding a quote of one group; asked once per group in a result, so a quote
# repeated by a hundred outlets costs one query, not a hundred.
_GROUP_ARTICLES = (
    "SELECT DISTINCT a.id, a.path, a.title FROM quotes q JOIN articles a ON a.id = q.article_id"
    " WHERE q.group_id = ? ORDER BY a.path, a.id"
)


def iter_quotes(conn: sqlite3.Connection, filt: QuoteFilter) -> Iterator[dict[str, Any]]:
    """Quote records (issue-2 shape plus `also_in`), ordered by article path and offset."""
    cond = quote_condition(filt)
    sql = (
        f"SELECT {_QUOTE_COLUMNS}, q.article_id, q.rule FROM quotes q"
        f" JOIN articles a ON a.id = q.article_id WHERE {cond.where} ORDER BY a.path, q.start, q.id"
    )
    params: tuple[Any, ...] = cond.params
    if filt.limit is not None and not filt.unique:
        sql += " LIMIT ?"
        params += (filt.limit,)
    groups: dict[int, list[tuple[int, str, str | None]]] = {}
    emitted = 0
    for row in conn.execute(sql, params):
        group, article_id = row[21], row[22]
        if filt.unique and group in groups:
            continue
        if filt.unique and filt.limit is not None and emitted >= filt.limit:
            return
        if group not in groups:
            groups[group] = conn.execute(_GROUP_ARTICLES, (group,)).fetchall()
        also_in = [(path, title) for other, path, title in groups[group] if other != article_id]
        emitted += 1
        yield _record(row, also_in)


def _record(row: tuple[Any, ...], also_in: list[tuple[str, str | None]]) -> dict[str, Any]:
    return {
        "id": row[0],
        "text": row[1],
        "kind": row[2],
        "rule": row[23],
        "start": row[3],
        "end": row[4],
        "parts": [asdict(part) for part in quote_parts(row[1], row[3], json.loads(row[20]))],
        "paragraph": row[5],
        "cue": None if row[6] is None else {"text": row[6], "start": row[7], "end": row[8]},
        "speaker": {
            "name": row[9],
            "kind": row[10],
            "title": row[11],
            "affiliation": row[12],
            "mention": (
                None if row[13] is None else {"text": row[13], "start": row[14], "end": row[15]}
            ),
        },
        "places": json.loads(row[16]),
        "article": {"path": row[17], "title": row[18], "date": row[19]},
        "also_in": [{"path": path, "title": title} for path, title in also_in],
    }


def speakers(conn: sqlite3.Connection, filt: QuoteFilter) -> list[SpeakerSummary]:
    """Speakers merged by canonical name, with the number of quotes matching `filt`.

    People the library holds under several names ("Obama", "Barack Obama") are listed once,
    under the fullest name (see `merging`). Speakers with no matching quote are listed only
    when `filt` has no quote-level filter (so `speakers` alone lists everyone an article quotes
    or names as a source).
    """
    targets = merged_people(conn)
    counts: Counter[int] = Counter()
    for person_id, n in _speaker_counts(conn, filt).items():
        counts[targets.get(person_id, person_id)] += n
    if not filt.selects_quotes:
        for person_id in _people_in_articles(conn, article_condition(filt)):
            counts[targets.get(person_id, person_id)] += 0
    summaries = _merged_speakers(conn, counts, targets)
    ordered = sorted(summaries, key=lambda s: (-s.quotes, s.name.casefold()))
    return ordered[: filt.limit] if filt.limit is not None else ordered


def _speaker_counts(conn: sqlite3.Connection, filt: QuoteFilter) -> dict[int, int]:
    cond = quote_condition(filt)
    counted = "count(DISTINCT q.group_id)" if filt.unique else "count(*)"
    # Without an article-level condition the join only costs: the count is read off an index.
    join = "" if cond.where == "1" else " JOIN articles a ON a.id = q.article_id"
    rows = conn.execute(
        f"SELECT q.person_id, {counted} FROM quotes q{join}"
        f" WHERE {cond.where} AND q.person_id IS NOT NULL AND q.speaker_kind != 'unknown'"
        " GROUP BY q.person_id",
        cond.params,
    )
    return {int(person_id): int(n) for person_id, n in rows}


def _people_in_articles(conn: sqlite3.Connection, cond: Sql) -> list[int]:
    join = "" if cond.where == "1" else " JOIN articles a ON a.id = s.article_id"
    rows = conn.execute(
        f"SELECT DISTINCT s.person_id FROM article_speakers s{join} WHERE {cond.where}",
        cond.params,
    )
    return [int(row[0]) for row in rows]


def _merged_speakers(
    conn: sqlite3.Connection, counts: Counter[int], targets: dict[int, int]
) -> list[SpeakerSummary]:
    """Each listed person's per-article rows, under all their names, folded together: the most
    frequent kind, title and affiliation (the first seen among equals), every alias. A person
    with only unattributed mentions (no speaker row) is no speaker entity and is left out."""
    wanted = set(counts) | {pid for pid, target in targets.items() if target in counts}
    ids = json.dumps(sorted(wanted))
    kinds = _field_tops(conn, "kind", ids, targets)
    titles = _field_tops(conn, "title", ids, targets)
    affiliations = _field_tops(conn, "affiliation", ids, targets)
    aliases: dict[int, set[str]] = {}
    for person_id, encoded in conn.execute(
        "SELECT DISTINCT person_id, aliases FROM article_speakers"
        " WHERE person_id IN (SELECT value FROM json_each(?))",
        (ids,),
    ):
        aliases.setdefault(targets.get(person_id, person_id), set()).update(json.loads(encoded))
    names = conn.execute(
        "SELECT id, name FROM people WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(kinds)),),
    )
    return [
        SpeakerSummary(
            name=name,
            kind=SpeakerKind(kinds[person_id]),
            title=titles.get(person_id),
            affiliation=affiliations.get(person_id),
            aliases=tuple(sorted(aliases.get(person_id, ()), key=str.casefold)),
            quotes=counts[person_id],
        )
        for person_id, name in names
    ]


def _field_tops(
    conn: sqlite3.Connection, column: str, ids: str, targets: dict[int, int]
) -> dict[int, str]:
    """Person -> the most frequent non-empty value of one article_speakers column, counted
    in SQL; ties go to the value stored first. `column` is one of our own column names."""
    found: dict[int, dict[str, tuple[int, int]]] = {}
    for person_id, value, n, first in conn.execute(
        f"SELECT person_id, {column}, count(*), min(rowid) FROM article_speakers"
        f" WHERE person_id IN (SELECT value FROM json_each(?)) AND {column} != ''"
        f" GROUP BY person_id, {column}",
        (ids,),
    ):
        values = found.setdefault(targets.get(person_id, person_id), {})
        count, seen = values.get(value, (0, first))
        values[value] = (count + n, min(seen, first))
    return {
        person_id: min(values, key=lambda v: (-values[v][0], values[v][1]))
        for person_id, values in found.items()
    }


def article_ids(conn: sqlite3.Connection, filt: QuoteFilter) -> dict[int, int]:
    """Articles selected by `filt`, with their number of matching quotes.

    With a quote-level filter, only articles holding a matching quote are selected.
    """
    cond = quote_condition(filt)
    counted = "count(DISTINCT q.group_id)" if filt.unique else "count(q.id)"
    join = "JOIN" if filt.selects_quotes else "LEFT JOIN"
    rows = conn.execute(_article_count_sql(join, counted, cond.where), cond.params)
    return {int(article_id): int(n) for article_id, n in rows}


def _article_count_sql(join: str, counted: str, where: str) -> str:
    # With a LEFT JOIN the quote conditions are article-level only (no quote filter is set),
    # so articles without quotes still appear with a count of zero.
    return (
        f"SELECT a.id, {counted} FROM articles a {join} quotes q ON q.article_id = a.id"
        f" WHERE {where} GROUP BY a.id"
    )


def places(conn: sqlite3.Connection, filt: QuoteFilter) -> list[PlaceSummary]:
    """Places of the selected articles merged by name; counts summed, aliases united."""
    selected = list(article_ids(conn, filt))
    rows = conn.execute(
        "SELECT key, name, count, aliases FROM places"
        " WHERE article_id IN (SELECT value FROM json_each(?))",
        (json.dumps(selected),),
    )
    merged: dict[str, tuple[Counter[str], int, set[str]]] = {}
    for key, name, count, aliases in rows:
        names, total, alias_set = merged.get(key, (Counter(), 0, set()))
        names[name] += count
        alias_set.update(json.loads(aliases))
        merged[key] = (names, total + count, alias_set)
    summaries = [
        PlaceSummary(
            name=names.most_common(1)[0][0],
            count=total,
            aliases=tuple(sorted(alias_set, key=str.casefold)),
        )
        for names, total, alias_set in merged.values()
    ]
    summaries.sort(key=lambda p: (-p.count, p.name.casefold()))
    return summaries[: filt.limit] if filt.limit is not None else summaries
