"""One article as HTML: its text with every quote marked, labelled and described.

Each quote's words (a split quote's parts, not the cue between them) sit in a `<mark>` outlined
in its speaker's colour, opened by a label with the speaker's name, so nothing is told by
colour alone; the kind of quote is the outline's style and the cue is underlined. Hovering or
focusing a quote shows its record (speaker, kind, cue, rule and any other field, `also_in`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from typing import Any

from quotecli.html.page import asset, json_script, page
from quotecli.paragraphs import paragraph_spans

Row = dict[str, Any]

#: Speaker colours in the style sheet (`.s0` ... `.s9`), assigned in order of first quote.
PALETTE_SIZE = 10
UNKNOWN = "(unknown speaker)"


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    """An article as the pages show it.

    Attributes:
        meta: path, title, date and whatever else the library knows (sha256, url, outlet).
        text: the article text the quote offsets index.
        quotes: its quote records, as `Quote.to_dict()` or the library gives them.
    """

    meta: Row
    text: str
    quotes: Sequence[Row] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Link:
    """A link drawn on the page: where it goes and what it says."""

    href: str
    label: str


def article_page(
    doc: ArticleDoc, *, links: Mapping[str, str] | None = None, back: Link | None = None
) -> str:
    """A complete, self-contained HTML page for one article.

    Args:
        doc: the article, its text and its quote records.
        links: article path -> href, for the `also_in` articles that can be linked to.
        back: a link drawn above the article (to the report it belongs to).
    """
    body = article_section(doc, links=links, back=back) + QUOTE_CARD
    return page(
        title=title_of(doc.meta),
        body=f'<main id="top">{body}</main>',
        styles=[asset("base.css")],
        scripts=[asset("article.js")],
    )


#: The one card every page fills when a quote is hovered or focused (see article.js).
QUOTE_CARD = '<div id="quote-card" class="card" role="tooltip" hidden></div>'


def title_of(meta: Row) -> str:
    return str(meta.get("title") or meta.get("path") or "article")


def article_section(
    doc: ArticleDoc,
    *,
    links: Mapping[str, str] | None = None,
    back: Link | None = None,
    element_id: str | None = None,
) -> str:
    """The article as one `<article>` element carrying its own quote data (see article.js)."""
    colours = speaker_colours(doc.quotes)
    ident = f' id="{escape(element_id)}"' if element_id else ""
    titles: dict[str, str] = {}
    data = {
        "quotes": [card_record(q, titles) for q in doc.quotes],
        "links": dict(links or {}),
        "titles": titles,
    }
    return "".join(
        [
            f'<article class="doc" data-doc{ident}>',
            _back(back),
            _header(doc.meta, len(doc.quotes)),
            _legend(doc.quotes, colours),
            '<div class="text">',
            *_paragraphs_html(doc.text, doc.quotes, colours),
            "</div>",
            json_script(data, css_class="doc-data"),
            "</article>",
        ]
    )


#: Record fields the page shows as text already: left out of its data to keep pages small.
_SHOWN_IN_TEXT = frozenset({"text", "parts", "start", "end", "paragraph", "article"})


#: At most this many `also_in` articles per quote in a page's data (a wire story can be in
#: hundreds of outlets, and every copy of every quote would list all the others).
ALSO_IN_SHOWN = 12


def card_record(quote: Row, titles: dict[str, str]) -> Row:
    """What the hover card reads of a record: every field but those the text itself shows.

    `also_in` becomes a list of paths (their titles collected once in `titles`), cut to
    ALSO_IN_SHOWN, with `also_in_more` counting the rest.
    """
    record = {key: value for key, value in quote.items() if key not in _SHOWN_IN_TEXT}
    others = quote.get("also_in") or []
    record["also_in"] = [str(a.get("path")) for a in others[:ALSO_IN_SHOWN]]
    for other in others[:ALSO_IN_SHOWN]:
        if other.get("title"):
            titles[str(other.get("path"))] = str(other["title"])
    if len(others) > ALSO_IN_SHOWN:
        record["also_in_more"] = len(others) - ALSO_IN_SHOWN
    return record


def speaker_name(quote: Row) -> str:
    speaker = quote.get("speaker") or {}
    return str(speaker.get("name") or UNKNOWN)


def speaker_colours(quotes: Sequence[Row]) -> dict[str, str]:
    """Speaker name -> CSS class, in order of first quote; no name gets the grey class."""
    names = [n for n in dict.fromkeys(speaker_name(q) for q in quotes) if n != UNKNOWN]
    colours = {name: f"s{i % PALETTE_SIZE}" for i, name in enumerate(names)}
    colours[UNKNOWN] = "s-unknown"
    return colours


def _back(back: Link | None) -> str:
    if back is None:
        return ""
    return f'<p class="back no-print"><a href="{escape(back.href)}">{escape(back.label)}</a></p>'


def _header(meta: Row, quotes: int) -> str:
    details = [escape(str(meta.get("path") or "")), escape(str(meta.get("date") or "undated"))]
    outlet = meta.get("outlet")
    if outlet:
        details.append(escape(str(outlet)))
    url = str(meta.get("url") or "")
    if url.startswith(("https://", "http://")):
        details.append(f'<a href="{escape(url)}" rel="noreferrer noopener">original</a>')
    details.append(f"{quotes} quote{'' if quotes == 1 else 's'}")
    return (
        f"<header><h1>{escape(title_of(meta))}</h1>"
        f'<p class="meta">{" · ".join(details)}</p></header>'
    )


def _legend(quotes: Sequence[Row], colours: Mapping[str, str]) -> str:
    people: dict[str, list[Row]] = {}
    for quote in quotes:
        people.setdefault(speaker_name(quote), []).append(quote)
    items = [_legend_item(name, said, colours[name]) for name, said in people.items()]
    key = (
        '<p class="key">Outline: <span class="q-sample direct">solid</span> direct, '
        '<span class="q-sample indirect">dashed</span> indirect, '
        '<span class="q-sample mixed">dotted</span> mixed; '
        '<span class="cue">underlined</span>: the cue.</p>'
    )
    listed = "".join(items) if items else '<li class="none">No quotes found.</li>'
    return (
        '<section class="legend" aria-labelledby="legend-h">'
        '<h2 id="legend-h">Speakers</h2>'
        f"<ul>{listed}</ul>{key}</section>"
    )


def _legend_item(name: str, said: Sequence[Row], colour: str) -> str:
    speaker = said[0].get("speaker") or {}
    role = ", ".join(str(v) for v in (speaker.get("title"), speaker.get("affiliation")) if v)
    count = f"{len(said)} quote{'' if len(said) == 1 else 's'}"
    return (
        f'<li><span class="who {colour}">{escape(name)}</span>'
        f' <span class="role">{escape(role)}</span> <span class="count">{count}</span></li>'
    )


# --- the text, cut into runs of characters covered by the same quotes -----------------------


@dataclass(frozen=True, slots=True)
class _Run:
    start: int
    end: int
    quotes: tuple[int, ...]  # indices of the quotes whose words cover the run, outermost first
    cue: int | None  # index of the quote whose cue covers the run


def _paragraphs_html(text: str, quotes: Sequence[Row], colours: Mapping[str, str]) -> Iterator[str]:
    spans = _Spans.of(quotes)
    labelled: set[int] = set()
    for start, end in paragraph_spans(text):
        runs = _runs(start, end, spans)
        inner = "".join(_run_html(text, run, quotes, colours, labelled) for run in runs)
        yield f"<p>{inner}</p>"


@dataclass(frozen=True, slots=True)
class _Spans:
    """Where each quote's words and cue lie, read once per article."""

    words: dict[int, list[tuple[int, int]]]
    cues: dict[int, tuple[int, int]]
    order: list[int]  # quotes outermost first: by start, the longer first
    reach: dict[int, tuple[int, int]]  # first and last offset a quote's words or cue touch

    @classmethod
    def of(cls, quotes: Sequence[Row]) -> _Spans:
        words = {i: _words(q) for i, q in enumerate(quotes)}
        cues = {i: c for i, q in enumerate(quotes) if (c := _cue(q)) is not None}
        order = sorted(words, key=lambda i: (words[i][0][0], -words[i][-1][1], i))
        reach = {}
        for i, spans in words.items():
            edges = [x for s, e in [*spans, *([cues[i]] if i in cues else [])] for x in (s, e)]
            reach[i] = (min(edges), max(edges))
        return cls(words, cues, order, reach)


def _words(quote: Row) -> list[tuple[int, int]]:
    """(start, end) of each part of a quote; the whole quote for a record without parts."""
    return [(int(p["start"]), int(p["end"])) for p in quote.get("parts") or [quote]]


def _cue(quote: Row) -> tuple[int, int] | None:
    cue = quote.get("cue")
    return (int(cue["start"]), int(cue["end"])) if cue else None


def _runs(start: int, end: int, spans: _Spans) -> list[_Run]:
    """The paragraph [start, end) cut wherever a quote part or a cue begins or ends."""
    near = [i for i in spans.order if spans.reach[i][0] < end and spans.reach[i][1] > start]
    edges = {start, end}
    for i in near:
        for s, e in [*spans.words[i], *([spans.cues[i]] if i in spans.cues else [])]:
            edges.update(x for x in (s, e) if start < x < end)
    runs: list[_Run] = []
    for a, b in pairwise(sorted(edges)):
        covering = tuple(i for i in near if any(s <= a and b <= e for s, e in spans.words[i]))
        cue = next((i for i in near if i in spans.cues and _within(a, b, spans.cues[i])), None)
        if runs and runs[-1].quotes == covering and runs[-1].cue == cue:
            runs[-1] = _Run(runs[-1].start, b, covering, cue)
        else:
            runs.append(_Run(a, b, covering, cue))
    return runs


def _within(a: int, b: int, span: tuple[int, int]) -> bool:
    return span[0] <= a and b <= span[1]


def _run_html(
    text: str, run: _Run, quotes: Sequence[Row], colours: Mapping[str, str], labelled: set[int]
) -> str:
    opened: list[str] = []
    for i in run.quotes:
        opened.append(_mark_open(i, quotes[i], colours, first=i not in labelled))
        labelled.add(i)
    body = escape(text[run.start : run.end], quote=False)
    if run.cue is not None:
        colour = colours[speaker_name(quotes[run.cue])]
        body = f'<span class="cue {colour}" data-cue="{run.cue}">{body}</span>'
    return "".join(opened) + body + "</mark>" * len(opened)


def _mark_open(i: int, quote: Row, colours: Mapping[str, str], *, first: bool) -> str:
    name = speaker_name(quote)
    kind = escape(str(quote.get("kind") or ""))
    classes = f"q {colours[name]} {kind}"
    if not first:
        return f'<mark class="{classes} more" data-q="{i}">'
    ident = escape(f"q-{quote.get('id', i)}")
    label = f'<span class="who {colours[name]}">{escape(name)}<span class="sr">: </span></span>'
    return (
        f'<mark class="{classes}" data-q="{i}" id="{ident}" tabindex="0"'
        f' aria-describedby="quote-card">{label}'
    )
