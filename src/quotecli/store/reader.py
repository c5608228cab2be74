"""Reading the library back: quote records, and summaries merged across articles."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from quotecli.query import QuoteFilter, Sql, article_condition, quote_condition
from quotecli.records import (
    Act,
    ArticleRef,
    PlaceSummary,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    SpeakerSummary,
    TextSpan,
    quote_parts,
)
from quotecli.store.linking import related_groups
from quotecli.store.merging import merged_people

# Named columns, read by name through sqlite3.Row; `quote_from_row` is the one place a stored
# row becomes the public record.
_QUOTE_COLUMNS = (
    'q.quote_id, q.text, q.kind, q.start, q."end", q.paragraph, q.cue_text, q.cue_start,'
    " q.cue_end, q.speaker_name, q.speaker_kind, q.speaker_title, q.speaker_affiliation,"
    " q.mention_text, q.mention_start, q.mention_end, q.places, q.gaps, q.group_id, q.rule, q.act,"
    " q.article_id, a.path AS article_path, a.title AS article_title, a.date AS article_date,"
    " a.url AS article_url, a.outlet AS article_outlet, a.author AS article_author,"
    " a.corpus_id AS article_id_in_corpus"
)
_QUOTE_TABLES = "quotes q JOIN articles a ON a.id = q.article_id"
# Every article holding a quote of these groups (one group and those linked to it); asked
# once per group in a result, so a quote repeated by a hundred outlets costs one query.
_GROUP_ARTICLES = (
    "SELECT DISTINCT a.id, a.path, a.title, a.outlet FROM quotes q"
    " JOIN articles a ON a.id = q.article_id"
    " WHERE q.group_id IN (SELECT value FROM json_each(?)) ORDER BY a.path, a.id"
)


# Whether a quote's group reaches beyond the quote itself: another quote in it, or a link.
# Asked in the listing's own query, so a quote repeated nowhere costs no query of its own.
_REACHES_FURTHER = (
    "EXISTS (SELECT 1 FROM quotes o WHERE o.group_id = q.group_id AND o.id != q.id)"
    " OR EXISTS (SELECT 1 FROM group_links WHERE short_id = q.group_id)"
    " OR EXISTS (SELECT 1 FROM group_links WHERE long_id = q.group_id)"
)


def iter_quotes(conn: sqlite3.Connection, filt: QuoteFilter) -> Iterator[dict[str, Any]]:
    """Quote records (`Quote.to_dict()` plus `also_in`), ordered by article path and offset.

    `also_in` lists the other articles quoting the same quote (see `linking`). With
    `filt.unique`, a quote is left out when it is the same quote as one already given.
    """
    cond = quote_condition(filt)
    sql = (
        f"SELECT {_QUOTE_COLUMNS}, ({_REACHES_FURTHER}) AS further FROM {_QUOTE_TABLES}"
        f" WHERE {cond.where} ORDER BY a.path, q.start, q.id"
    )
    params: tuple[Any, ...] = cond.params
    if filt.limit is not None and not filt.unique:
        sql += " LIMIT ?"
        params += (filt.limit,)
    articles: dict[int, list[tuple[int, str, str | None, str | None]]] = {}
    related: dict[int, list[int]] = {}
    given: set[int] = set()  # groups of the quotes given so far (for --unique)
    emitted = 0
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    for row in cursor.execute(sql, params):
        group, article_id = row["group_id"], row["article_id"]
        if row["further"] and group not in related:
            related[group] = related_groups(conn, group)
            articles[group] = conn.execute(
                _GROUP_ARTICLES, (json.dumps(related[group]),)
            ).fetchall()
        if filt.unique and given.intersection(related.get(group, (group,))):
            continue
        if filt.unique and filt.limit is not None and emitted >= filt.limit:
            return
        record = quote_from_row(row).to_dict()
        record["also_in"] = [
            {"path": path, "title": title, "outlet": outlet}
            for other, path, title, outlet in articles.get(group, ())
            if other != article_id
        ]
        given.add(group)
        emitted += 1
        yield record


def quote_from_row(row: sqlite3.Row) -> Quote:
    """The public Quote record from a row holding `_QUOTE_COLUMNS` (read by name)."""
    return Quote(
        id=row["quote_id"],
        text=row["text"],
        kind=QuoteKind(row["kind"]),
        rule=row["rule"],  # NULL for quotes stored before rules were named, until reindex
        act=None if row["act"] is None else Act(row["act"]),
        start=row["start"],
        end=row["end"],
        parts=quote_parts(row["text"], row["start"], _json_list(row["gaps"])),
        paragraph=row["paragraph"],
        cue=_span(row, "cue"),
        speaker=Speaker(
            name=row["speaker_name"],
            kind=SpeakerKind(row["speaker_kind"]),
            title=row["speaker_title"],
            affiliation=row["speaker_affiliation"],
            mention=_span(row, "mention"),
        ),
        places=tuple(_json_list(row["places"])),
        article=ArticleRef(
            path=row["article_path"],
            title=row["article_title"],
            date=row["article_date"],
            url=row["article_url"],
            outlet=row["article_outlet"],
            author=row["article_author"],
            id=row["article_id_in_corpus"],
        ),
    )


def _span(row: sqlite3.Row, prefix: str) -> TextSpan | None:
    text = row[f"{prefix}_text"]
    return None if text is None else TextSpan(text, row[f"{prefix}_start"], row[f"{prefix}_end"])


def _json_list(encoded: str) -> list[Any]:
    # Most quotes name no place and have no gaps: skip the decoder for the empty list.
    return [] if encoded == "[]" else list(json.loads(encoded))


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
    # Places are counted per article: the act of its quotes selects no article by itself.
    selected = list(article_ids(conn, filt if filt.selects_quotes else replace(filt, act=None)))
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
