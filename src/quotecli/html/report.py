"""A report on a selection of the library: charts, and a table of its quotes linked to articles.

`report_page` gives one file with the articles embedded (each shown when a link targets it);
`report_site` gives an index page and one page per article, to be written side by side.
The table is drawn by report.js from the page's JSON data, one page of rows at a time, so a
selection of tens of thousands of quotes filters and sorts without freezing the browser.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from quotecli.html.article import (
    QUOTE_CARD,
    UNKNOWN,
    ArticleDoc,
    Link,
    Row,
    article_page,
    article_section,
    speaker_name,
    title_of,
)
from quotecli.html.charts import Item, bar_chart, column_chart
from quotecli.html.page import asset, json_script, page

TOP = 15
PAGE_SIZE = 50
PARTS_JOINER = " … "
_DAYS_SHOWN = 62
_MONTHS_SHOWN = 48


@dataclass(frozen=True, slots=True)
class Selection:
    """What a report shows.

    Attributes:
        quotes: the selected quote records.
        articles: the articles the quotes come from, each with its text and all its quotes.
        places: place summaries (name, count) of the selected articles, most mentioned first;
            when empty, places are counted from the quotes.
        description: the filters that made the selection, in words.
    """

    quotes: Sequence[Row]
    articles: Sequence[ArticleDoc] = field(default_factory=tuple)
    places: Sequence[Row] = field(default_factory=tuple)
    description: str = "the whole library"


def report_page(selection: Selection, *, title: str = "quotecli report") -> str:
    """One self-contained page: the report, with every article embedded in it."""
    keys = _article_keys(selection.articles)
    bases = {path: "" for path in keys}
    links = {path: f"#a-{key}" for path, key in keys.items()}
    back = Link("#top", "← Back to the report")
    embedded = "".join(
        article_section(doc, links=links, back=back, element_id=f"a-{keys[_path(doc)]}")
        for doc in selection.articles
    )
    body = _report_body(selection, title, bases, links) + embedded + QUOTE_CARD
    return _page(title, body)


def report_site(selection: Selection, *, title: str = "quotecli report") -> dict[str, str]:
    """The report as files: `index.html` and `articles/<key>.html`, by relative path."""
    keys = _article_keys(selection.articles)
    bases = {path: f"articles/{key}.html" for path, key in keys.items()}
    files = {"index.html": _page(title, _report_body(selection, title, bases, bases))}
    siblings = {path: f"{key}.html" for path, key in keys.items()}
    back = Link("../index.html", "← Back to the report")
    for doc in selection.articles:
        files[bases[_path(doc)]] = article_page(doc, links=siblings, back=back)
    return files


def _page(title: str, body: str) -> str:
    return page(
        title=title,
        body=f'<main id="top" class="wide report">{body}</main>',
        styles=[asset("base.css")],
        scripts=[asset("article.js"), asset("report.js")],
    )


def _path(doc: ArticleDoc) -> str:
    return str(doc.meta.get("path") or "")


def _article_keys(articles: Sequence[ArticleDoc]) -> dict[str, str]:
    """Article path -> a short key safe in ids and file names (its text's hash prefix)."""
    keys: dict[str, str] = {}
    for n, doc in enumerate(articles):
        sha = str(doc.meta.get("sha256") or "")
        key = sha[:12] if sha and all(c in "0123456789abcdef" for c in sha) else f"{n:05d}"
        keys[_path(doc)] = key if key not in keys.values() else f"{key}-{n}"
    return keys


def _report_body(
    selection: Selection, title: str, bases: Mapping[str, str], links: Mapping[str, str]
) -> str:
    quotes = selection.quotes
    return "".join(
        [
            '<div id="report">',
            f"<header><h1>{escape(title)}</h1>",
            f'<p class="filters-desc">Selection: {escape(selection.description)}</p></header>',
            _summary(selection),
            '<div class="charts">',
            _chart(
                "speakers",
                "Top speakers",
                _top_speakers(quotes),
                "quotes",
                "#quote-table",
                _more(len({speaker_name(q) for q in quotes} - {UNKNOWN}), "speakers"),
            ),
            _places_chart(selection),
            _chart("kinds", "Quotes by kind", _count(q.get("kind") or "?" for q in quotes)),
            _outlets(selection),
            _timeline_chart(quotes),
            "</div>",
            _table(selection, bases),
            "</div>",
        ]
    )


def _summary(selection: Selection) -> str:
    quotes = selection.quotes
    speakers = {speaker_name(q) for q in quotes} - {UNKNOWN}
    articles = {str((q.get("article") or {}).get("path")) for q in quotes}
    dates = sorted(d for q in quotes if (d := _date(q)))
    figures = [
        (len(quotes), "quotes"),
        (len(speakers), "speakers"),
        (len(articles), "articles"),
    ]
    items = "".join(f"<li><b>{n:,}</b> {label}</li>" for n, label in figures)
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"
        items += f"<li><b>{escape(span)}</b> {'date' if span == dates[0] else 'dates'}</li>"
    return f'<ul class="summary" aria-label="In numbers">{items}</ul>'


def _more(total: int, what: str) -> str:
    return f"The top {TOP} of {total:,} {what}." if total > TOP else ""


def _chart(
    ident: str,
    title: str,
    items: Sequence[Item],
    unit: str = "quotes",
    link: str | None = None,
    note: str = "",
) -> str:
    heading = f'<h2 id="h-{ident}">{escape(title)}</h2>'
    drawn = bar_chart(f"chart-{ident}", title, items, unit=unit, link=link) if items else ""
    if note:
        drawn += f'<p class="note">{escape(note)}</p>'
    empty = "" if items else '<p class="note">Nothing to show for this selection.</p>'
    return f'<section class="chart" aria-labelledby="h-{ident}">{heading}{drawn}{empty}</section>'


def _count(values: Iterable[str], top: int = TOP) -> list[Item]:
    counts = Counter(values)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))[:top]


def _top_speakers(quotes: Sequence[Row]) -> list[Item]:
    return _count(n for q in quotes if (n := speaker_name(q)) != UNKNOWN)


def _outlet(quote: Row, meta: Mapping[str, Row]) -> str | None:
    """The article's outlet, else its URL's host; None when the library knows neither."""
    article = {**meta.get(str((quote.get("article") or {}).get("path")), {})}
    article.update({k: v for k, v in (quote.get("article") or {}).items() if v})
    if article.get("outlet"):
        return str(article["outlet"])
    host = urlsplit(str(article.get("url") or "")).hostname
    return host.removeprefix("www.") if host else None


def _outlets(selection: Selection) -> str:
    meta = {_path(doc): doc.meta for doc in selection.articles}
    outlets = [o for q in selection.quotes if (o := _outlet(q, meta))]
    if not outlets:
        return (
            '<section class="chart" aria-labelledby="h-outlets"><h2 id="h-outlets">Quotes by'
            ' outlet</h2><p class="note">The library records no outlet or URL for these'
            " articles.</p></section>"
        )
    return _chart("outlets", "Quotes by outlet", _count(outlets))


def _date(quote: Row) -> str | None:
    date = (quote.get("article") or {}).get("date")
    return str(date)[:10] if date else None


def _timeline_chart(quotes: Sequence[Row]) -> str:
    items = timeline([d for q in quotes if (d := _date(q))])
    heading = '<h2 id="h-time">Quotes over time</h2>'
    if not items:
        note = '<p class="note">No article in this selection has a date.</p>'
        return f'<section class="chart" aria-labelledby="h-time">{heading}{note}</section>'
    drawn = column_chart("chart-time", "Quotes over time", items)
    undated = sum(1 for q in quotes if not _date(q))
    if undated:
        drawn += f'<p class="note">Not shown: {undated:,} quote(s) from undated articles.</p>'
    return f'<section class="chart" aria-labelledby="h-time">{heading}{drawn}</section>'


def timeline(dates: Sequence[str]) -> list[Item]:
    """Counts per day, month or year (the finest that keeps the chart readable), gaps as 0."""
    if not dates:
        return []
    finest = min(len(d) for d in dates)  # a date known only to its year is counted by year
    for width, fill in ((10, _days), (7, _months), (4, _years)):
        if width > finest:
            continue
        counts = Counter(d[:width] for d in dates)
        every = fill(min(counts), max(counts))
        if every is not None:
            return [(period, counts.get(period, 0)) for period in every]
    return []


def _days(first: str, last: str) -> list[str] | None:
    from datetime import date, timedelta

    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None
    if (end - start).days > _DAYS_SHOWN:
        return None
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def _months(first: str, last: str) -> list[str] | None:
    try:
        y, m, end = int(first[:4]), int(first[5:7]), (int(last[:4]), int(last[5:7]))
    except ValueError:
        return None
    months = []
    while (y, m) <= end:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months if len(months) <= _MONTHS_SHOWN else None


def _years(first: str, last: str) -> list[str] | None:
    try:
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    except ValueError:
        return None


def _places_chart(selection: Selection) -> str:
    if selection.places:
        items = [(str(p.get("name")), int(p.get("count") or 0)) for p in selection.places][:TOP]
        more = _more(len(selection.places), "places")
        return _chart("places", "Most mentioned places", items, "mentions", note=more)
    named = (place for q in selection.quotes for place in q.get("places") or [])
    return _chart("places", "Places named in quotes", _count(named), "quotes")


# --- the table -------------------------------------------------------------------------------


def _words(quote: Row) -> str:
    parts = quote.get("parts") or []
    if not parts:
        return str(quote.get("text") or "")
    return PARTS_JOINER.join(str(p.get("text", "")) for p in parts)


def _table_data(selection: Selection, bases: Mapping[str, str]) -> dict[str, object]:
    titles = {_path(doc): title_of(doc.meta) for doc in selection.articles}
    order = {path: n for n, path in enumerate(bases)}
    articles: list[dict[str, str | None]] = [
        {"label": titles.get(path, path), "base": base} for path, base in bases.items()
    ]
    rows = []
    for quote in selection.quotes:
        path = str((quote.get("article") or {}).get("path"))
        if path not in order:  # an article the selection does not carry: no link
            order[path] = len(articles)
            articles.append({"label": path, "base": None})
        rows.append(
            [
                speaker_name(quote),
                quote.get("kind") or "",
                _words(quote),
                _date(quote) or "",
                order[path],
                str(quote.get("id") or ""),
                quote.get("rule") or "",
            ]
        )
    return {"rows": rows, "articles": articles, "pageSize": PAGE_SIZE}


def _options(values: Iterable[str], everyone: str) -> str:
    counts = Counter(values)
    ordered = sorted(counts, key=lambda v: (-counts[v], v.casefold()))
    options = "".join(
        f'<option value="{escape(v)}">{escape(v)} ({counts[v]})</option>' for v in ordered
    )
    return f'<option value="">{escape(everyone)}</option>{options}'


def _table(selection: Selection, bases: Mapping[str, str]) -> str:
    quotes = selection.quotes
    speakers = _options((speaker_name(q) for q in quotes), "all speakers")
    kinds = _options((str(q.get("kind") or "") for q in quotes), "all kinds")
    columns = "".join(
        f'<th scope="col" data-sort="{key}"><button type="button">{label}</button></th>'
        for key, label in (
            ("speaker", "Speaker"),
            ("kind", "Kind"),
            ("text", "Quote"),
            ("article", "Article"),
            ("date", "Date"),
        )
    )
    return (
        '<section id="quote-table" aria-labelledby="h-table">'
        '<h2 id="h-table">Quotes</h2>'
        '<div class="controls no-print">'
        f'<label>Speaker<select id="f-speaker">{speakers}</select></label>'
        f'<label>Kind<select id="f-kind">{kinds}</select></label>'
        "<label>Words in the quote, speaker or article"
        '<input id="f-text" type="search" autocomplete="off"></label>'
        "</div>"
        '<p id="table-status" class="status" role="status" aria-live="polite"></p>'
        f'<div class="table-wrap"><table class="quotes"><thead><tr>{columns}</tr></thead>'
        "<tbody></tbody></table></div>"
        "<noscript><p>The table needs JavaScript; the charts above do not.</p></noscript>"
        '<div class="pager no-print"><button type="button" id="page-prev">← Previous</button>'
        '<span id="page-at"></span>'
        '<button type="button" id="page-next">Next →</button></div>'
        + json_script(_table_data(selection, bases), element_id="report-data")
        + "</section>"
    )
