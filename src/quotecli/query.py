"""Quote filters and the SQL they compile to.

User text only ever travels as a bound parameter: the SQL text is built from fixed
fragments chosen by which filters are set, never from their values. The fragments refer to
the library tables through the aliases `q` (quotes) and `a` (articles).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, fields
from typing import Any

from quotecli.errors import InputError
from quotecli.records import Act, QuoteKind

# An ISO date at year, month or day precision: 2024, 2024-05, 2024-05-20.
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# SQLite integers are 64-bit; a larger --limit cannot be bound.
MAX_LIMIT = 2**63 - 1
# A `--contains` term: a "quoted phrase" (an unclosed one runs to the end) or a bare word.
_TERM = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')
# What the word index (FTS5 unicode61) counts as a word: runs of letters and digits.
_INDEX_WORD = re.compile(r"[^\W_]+")
_QUOTE_LEVEL = ("speakers", "affiliation", "place", "contains", "kind")


def check_date(value: str, option: str = "date") -> str:
    """`value` if it is a real date written YYYY, YYYY-MM or YYYY-MM-DD, else InputError.

    The one check behind `--since`, `--until` and `QuoteFilter`: `2024-13-01` and
    `2024-02-30` are refused, not compared as text and silently matching nothing.
    """
    match = _ISO_DATE.fullmatch(value)
    problem = f"{option} {value!r} is not a date like 2024-06-20 (or 2024-06, 2024)"
    if match is None:
        raise InputError(problem)
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise InputError(f"{problem}: no such day") from None
    return value


def fold(text: str | None) -> str:
    """The form names and paths are compared in: case-folded, whitespace collapsed."""
    return " ".join((text or "").casefold().split())


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """What to select from the library. Unset fields select everything.

    Attributes:
        speakers: ORed; each matches any part of a canonical name or alias, ignoring case.
        affiliation: matches any part of the speaker's affiliation, ignoring case.
        place: a place the quote names, by canonical name or alias ("U.S."), ignoring case.
        contains: each value's words must all be in the quote, in any order, ignoring case
            and accents; a "quoted phrase" must appear as those words in that order. Values
            combine with AND. A bare string is taken as one value.
        kind: direct, indirect or mixed.
        source: any part of the article's path or title, ignoring case.
        outlets: ORed; each matches any part of the article's outlet (site name), any case.
        url: any part of the article's URL, ignoring ASCII case.
        since: articles dated on or after this date ("2024-05-20", "2024-05", "2024").
        until: articles dated on or before this date, inclusive at its precision.
        limit: at most this many results.
        unique: one quote per group of the same quote across articles.
        article_shas: only these articles (by content hash); None means all.
        act: speech or thought; None means both. Quotes stored before acts were recorded
            count as speech.
    """

    speakers: tuple[str, ...] = ()
    affiliation: str | None = None
    place: str | None = None
    contains: tuple[str, ...] = ()
    kind: str | None = None
    source: str | None = None
    outlets: tuple[str, ...] = ()
    url: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    unique: bool = False
    article_shas: tuple[str, ...] | None = None
    act: str | None = "speech"

    def __post_init__(self) -> None:
        if isinstance(self.contains, str):  # one value, as a caller may well pass it
            object.__setattr__(self, "contains", (self.contains,))
        for value in self.contains:
            if not contains_phrases(value):
                raise InputError(f"--contains {value!r} has no word to look for")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                check_date(value, f"--{name}")
        if self.kind is not None and self.kind not in {k.value for k in QuoteKind}:
            raise InputError(f"--kind {self.kind!r} is not one of direct, indirect, mixed")
        if self.act is not None and self.act not in {a.value for a in Act}:
            raise InputError(f"--act {self.act!r} is not one of speech, thought, any")
        if self.limit is not None and not 0 <= self.limit <= MAX_LIMIT:
            raise InputError(f"--limit {self.limit} must be between 0 and {MAX_LIMIT}")

    @property
    def selects_quotes(self) -> bool:
        """True when a quote-level filter is set (not just article-level ones)."""
        return any(getattr(self, name) for name in _QUOTE_LEVEL)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Sql:
    """A WHERE condition and the parameters bound to its `?` placeholders, in order."""

    where: str
    params: tuple[Any, ...]


def article_condition(filt: QuoteFilter) -> Sql:
    """The article-level part of `filt` (source, outlet, URL, dates, article set), over `a`."""
    parts: list[str] = []
    params: list[Any] = []
    if filt.source:
        parts.append("instr(a.source_key, ?) > 0")
        params.append(fold(filt.source))
    outlets = [fold(o) for o in filt.outlets if fold(o)]
    if outlets:
        parts.append(" OR ".join(["instr(a.outlet_key, ?) > 0"] * len(outlets)))
        params.extend(outlets)
    if filt.url:
        parts.append("instr(lower(a.url), lower(?)) > 0")
        params.append(filt.url)
    if filt.since:
        parts.append("a.date >= ?")
        params.append(filt.since)
    if filt.until:
        # Compare at the filter's precision so that --until 2024-05 includes 2024-05-31.
        parts.append("substr(a.date, 1, length(?)) <= ?")
        params.extend((filt.until, filt.until))
    if filt.article_shas is not None:
        # One JSON parameter, however many articles: no limit on bound variables.
        parts.append("a.sha256 IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(filt.article_shas)))
    return _join(parts, params)


def quote_condition(filt: QuoteFilter) -> Sql:
    """The whole of `filt` as a condition over `q` joined to its article `a`."""
    parts: list[str] = []
    params: list[Any] = []
    speakers = [fold(s) for s in filt.speakers if fold(s)]
    if speakers:
        ors = " OR ".join(["instr(key, ?) > 0"] * len(speakers))
        parts.append(
            f"q.person_id IN (SELECT id FROM people WHERE {ors}"
            f" UNION SELECT person_id FROM aliases WHERE {ors})"
        )
        params.extend(speakers * 2)
    if filt.affiliation:
        parts.append("instr(q.affiliation_key, ?) > 0")
        params.append(fold(filt.affiliation))
    if filt.place:
        parts.append(
            "q.id IN (SELECT quote_rowid FROM quote_places WHERE key = ?"
            " OR key IN (SELECT name_key FROM place_aliases WHERE alias_key = ?))"
        )
        params.extend((fold(filt.place), fold(filt.place)))
    if filt.contains:
        parts.append("q.id IN (SELECT rowid FROM quote_words WHERE quote_words MATCH ?)")
        params.append(match_expression(filt.contains))
    if filt.kind:
        parts.append("q.kind = ?")
        params.append(filt.kind)
    if filt.act:
        parts.append("coalesce(q.act, 'speech') = ?")
        params.append(filt.act)
    articles = article_condition(filt)
    if articles.params:
        parts.append(articles.where)
        params.extend(articles.params)
    return _join(parts, params)


def contains_phrases(value: str) -> list[tuple[str, ...]]:
    """The phrases one `--contains` value asks for, each as its words.

    A bare word is a phrase of one word ("U.S." is the phrase "U S"); a "quoted phrase" is
    its words in order. Case and accents are left to the index, which folds both. Words are
    what the index counts as words, so punctuation and FTS5 syntax (`NEAR(`, `*`, `OR`,
    `-`, `:`) in user text are never operators.
    """
    phrases = []
    for match in _TERM.finditer(value):
        phrase, word = match.groups()
        found = tuple(_INDEX_WORD.findall(word if phrase is None else phrase))
        if found:
            phrases.append(found)
    return phrases


def match_expression(values: tuple[str, ...]) -> str:
    """The FTS5 MATCH expression for `--contains` values: every phrase of every value, ANDed.

    Built only from words we quote ourselves: each phrase is `"w1 w2"`, and words hold no
    quote mark, so nothing in user text can change the expression's meaning.
    """
    phrases = dict.fromkeys(p for value in values for p in contains_phrases(value))
    return " AND ".join('"' + " ".join(phrase) + '"' for phrase in phrases)


def _join(parts: list[str], params: list[Any]) -> Sql:
    where = " AND ".join(f"({p})" for p in parts) if parts else "1"
    return Sql(where, tuple(params))
