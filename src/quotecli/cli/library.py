"""`quotecli add`, `articles`, `show`, `stats`, `reindex` and `remove`: filling, inspecting and
pruning the library."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotecli.cli.common import (
    DbOption,
    FormatOption,
    JobsOption,
    ModelOption,
    choose_format,
    data_console,
    emit,
    escape,
    open_library,
    stderr,
    stdout_is_terminal,
    translate_errors,
    warn,
    writing_data,
)
from quotecli.cli.ingesting import DEFAULT_MAX_CHARS, MaxCharsOption
from quotecli.cli.reading import (
    PATHS_HELP,
    DateFieldOption,
    GlobOption,
    IdFieldOption,
    OutletOption,
    TextFieldOption,
    TitleFieldOption,
    UrlFieldOption,
    UrlOption,
    read_options,
)
from quotecli.cli.report import ShowFormat, ShowFormatOption, article_html
from quotecli.paragraphs import paragraph_spans
from quotecli.query import QuoteFilter
from quotecli.render import Column, OutputFormat, Row, View, cell
from quotecli.safetext import visible
from quotecli.status import ExitStatus

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from quotecli.ingest import IngestEvent

# Distinct, readable on dark and light terminals; assigned in order of first quote.
SPEAKER_COLOURS = (
    "cyan",
    "magenta",
    "green",
    "yellow",
    "blue",
    "red",
    "bright_cyan",
    "bright_magenta",
)


ARTICLE_COLUMNS = (
    Column("path", cell("path"), "bold", 4),
    Column("title", cell("title"), None, 1, one_line=True),
    Column("date", cell("date")),
    Column("outlet", cell("outlet"), None, 2),
    Column("url", cell("url"), "dim", 3),
    Column("quotes", cell("quotes")),
    Column("stale", cell("stale")),
    Column("sha256", lambda row: str(row["sha256"])[:8], "dim"),
)
# At 80 columns the table keeps what tells articles apart; the URL and hash are in CSV/JSON.
ARTICLE_TABLE = (
    *(c for c in ARTICLE_COLUMNS if c.header in {"path", "title", "date", "quotes"}),
    Column("outlet", cell("outlet"), None, one_line=True),
    Column("stale", lambda row: "stale" if row["stale"] else ""),
)
# CSV keeps its earlier columns in place and adds the metadata after them.
ARTICLE_CSV = (
    *(c for c in ARTICLE_COLUMNS[:-1] if c.header not in {"outlet", "url"}),
    Column("sha256", cell("sha256")),
    *(Column(name, cell(name)) for name in ("outlet", "url", "author", "id")),
)
ARTICLES = View(ARTICLE_TABLE, ARTICLE_CSV)

PathsArgument = Annotated[
    list[str],
    typer.Argument(help=PATHS_HELP, show_default=False),
]


def add(
    paths: PathsArgument,
    model: ModelOption = None,
    db: DbOption = None,
    jobs: JobsOption = None,
    glob: GlobOption = None,
    text_field: TextFieldOption = None,
    title_field: TitleFieldOption = None,
    date_field: DateFieldOption = None,
    url_field: UrlFieldOption = None,
    id_field: IdFieldOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Extract articles into the library; texts already stored cost only their hashing.

    A changed file replaces its old version. Ctrl-C keeps every article finished so far;
    running the command again finishes the rest. Ends with one line on stderr: how many
    articles were new, unchanged, replaced, and could not be read.

    Examples:

      quotecli add corpus/

      find feeds -name '*.txt' -newer last-run | xargs quotecli add
    """
    from quotecli.cli.ingesting import ingest_paths

    with open_library(db, create=True) as library:
        read = read_options(glob, text_field, title_field, date_field, url_field, id_field)
        done = ingest_paths(
            paths, library, model=model, jobs=jobs, max_chars=max_chars, options=read
        )
        stored = library.articles(QuoteFilter(article_shas=done.sha256s, act=None))
        total = library.stats()["articles"]
    quotes = sum(a["quotes"] for a in stored)
    stderr.print(
        f"{done.new} new, {done.report.skipped} unchanged, {done.report.replaced} replaced,"
        f" {done.failed} failed; {quotes} quote(s) in these articles; the library holds"
        f" {total} article(s) at {escape(str(library.path))}"
    )


def articles(
    source: Annotated[str | None, typer.Option(help="Part of the article's path or title.")] = None,
    outlet: OutletOption = None,
    url: UrlOption = None,
    since: Annotated[str | None, typer.Option(help="Dated on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Dated on or before (YYYY-MM-DD).")] = None,
    speaker: Annotated[
        list[str] | None, typer.Option("--speaker", "-s", help="Only articles quoting them.")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    fmt: FormatOption = None,
    model: ModelOption = None,
    db: DbOption = None,
) -> None:
    """List the library's articles: path, title, date, outlet, URL, quotes, and staleness.

    Examples:

      quotecli articles --since 2024-06

      quotecli articles --format csv > articles.csv
    """
    # Every quote counts here, speech and thought: an article is listed with all it holds.
    filt = QuoteFilter(
        speakers=tuple(speaker or ()),
        source=source,
        outlets=tuple(outlet or ()),
        url=url,
        since=since,
        until=until,
        limit=limit,
        act=None,
    )
    with open_library(db, readonly=True) as library:
        rows = library.articles(filt, version=_current_version(model))
        status = emit(rows, fmt, ARTICLES)
    raise typer.Exit(status)


def show(
    article: Annotated[str, typer.Argument(help="Path, title or sha256 prefix of an article.")],
    fmt: ShowFormatOption = ShowFormat.TEXT,
    db: DbOption = None,
) -> None:
    """Print an article with each quote highlighted in its speaker's colour, speaker beside it.

    With --format html, a self-contained web page: quote records on hover, a legend of speakers.

    Examples:

      quotecli show 000_0deaf8d47228b67d

      quotecli show "Putin seeks" --format html > putin.html
    """
    with open_library(db, readonly=True) as library:
        meta, text, quotes = library.article_text(article)
    with writing_data() as out:
        if fmt is ShowFormat.HTML:
            out.write(article_html(meta, text, quotes))
            raise typer.Exit(ExitStatus.OK)
        view = article_view(meta, text, quotes)
        console = data_console(out)
        if stdout_is_terminal():
            console.print(view)
        else:  # a file or a pipe: no padding at the ends of lines
            with console.capture() as captured:
                console.print(view)
            out.writelines(line.rstrip() + "\n" for line in captured.get().splitlines())
    raise typer.Exit(ExitStatus.OK)


def stats(fmt: FormatOption = None, model: ModelOption = None, db: DbOption = None) -> None:
    """Totals: articles, quotes by kind, speakers, places, linked quotes, top speakers.

    Examples:

      quotecli stats

      quotecli stats --format json | jq .quotes
    """
    with open_library(db, readonly=True) as library:
        numbers = library.stats(version=_current_version(model))
    chosen = choose_format(fmt)
    if chosen in (OutputFormat.JSON, OutputFormat.JSONL):
        with writing_data() as out:
            out.write(json.dumps(numbers, ensure_ascii=False) + "\n")
        raise typer.Exit(ExitStatus.OK)
    rows = [{"name": name, "value": value} for name, value in _flatten(numbers)]
    raise typer.Exit(emit(rows, chosen, View(STAT_COLUMNS, STAT_COLUMNS)))


STAT_COLUMNS = (Column("what", cell("name"), "bold"), Column("count", cell("value")))
STAT_LABELS = {
    "articles": "articles",
    "quotes": "quotes",
    "quotes_by_kind": "quotes, {}",
    "speakers": "speakers",
    "places": "places",
    "linked_quotes": "quotes also in other articles",
    "stale_articles": "articles from an older pipeline",
    "top_speakers": "most quoted, #{}",
}


def reindex(model: ModelOption = None, db: DbOption = None, jobs: JobsOption = None) -> None:
    """Extract again the articles stored by an older pipeline version (rules or model).

    Examples:

      quotecli reindex

      quotecli reindex --model en_core_web_md -j 2
    """
    from quotecli.cli.ingesting import extractor_factory
    from quotecli.cli.progress import progress
    from quotecli.ingest import reindex as reindex_library
    from quotecli.nlp.loading import resolve_model_name
    from quotecli.version import pipeline_version

    model_name = resolve_model_name(model)
    make_extractor = extractor_factory(model_name, jobs)
    with open_library(db) as library, progress("re-extracting") as bar:
        task = bar.add_task("re-extracting", total=len(library.stale(pipeline_version(model_name))))

        def on_progress(event: IngestEvent) -> None:
            bar.advance(task)

        report = reindex_library(
            library, make_extractor, version=pipeline_version(model_name), on_progress=on_progress
        )
    stderr.print(f"re-extracted {report.extracted} stale article(s)")


def remove(
    articles: Annotated[
        list[str],
        typer.Argument(
            metavar="ARTICLE",
            help="Path of an article (any spelling), a folder (every article under it), or a"
            " sha256 prefix.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
) -> None:
    """Remove articles from the library, with their quotes and their links to other articles.

    Exit 1 when no ARTICLE matched a stored article.

    Examples:

      quotecli remove seeds/000_0deaf8d47228b67d.txt

      quotecli remove ./old-corpus/ 9cac5bcc
    """
    with open_library(db) as library:
        removed, unmatched = library.remove(list(articles))
        total = library.stats()["articles"]
    for key in unmatched:
        warn(f"{key}: no article in the library matches")
    quotes = sum(a["quotes"] for a in removed)
    stderr.print(
        f"{len(removed)} article(s) with {quotes} quote(s) removed; the library holds {total}"
        f" article(s) at {library.path}"
    )
    raise typer.Exit(ExitStatus.OK if removed else ExitStatus.NO_MATCH)


def article_view(meta: Row, text: str, quotes: list[Row]) -> RenderableType:
    """The article as Rich renderables: a header, then each paragraph beside its speakers.

    Each quote's words are styled in its speaker's colour (a split quote's parts, not the cue
    between them); the speakers quoted in a paragraph are named, in the same colours, in a
    column beside it.
    """
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    colours = _speaker_colours(quotes)
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(ratio=4)
    grid.add_column(ratio=1)
    for start, end in paragraph_spans(text):
        body = Text(visible(text[start:end]), end="")
        names: dict[str, str] = {}
        for quote in quotes:
            pieces = [(s, e) for s, e in _speakers_words(quote) if s < end and e > start]
            if not pieces:
                continue
            name = _speaker_name(quote)
            style = f"bold {colours[name]}"
            for piece_start, piece_end in pieces:
                body.stylize(style, max(piece_start, start) - start, min(piece_end, end) - start)
            names.setdefault(name, style)
        beside = Text("\n").join(Text(f"◀ {visible(name)}", style=s) for name, s in names.items())
        grid.add_row(body, beside)
        grid.add_row("", "")
    return Group(_header(meta, len(quotes)), grid)


def _header(meta: Row, quotes: int) -> Text:
    """The title (the path when there is none) over the path, date and count, path once."""
    from rich.text import Text

    title = meta.get("title")
    header = Text(visible(str(title or meta["path"])), style="bold underline")
    details = [str(meta.get("date") or "undated"), f"{quotes} quote(s)"]
    details[1:1] = [str(meta[key]) for key in ("outlet", "url") if meta.get(key)]
    if title:
        details.insert(0, str(meta["path"]))
    header.append("\n" + visible(" · ".join(details)) + "\n", style="dim")
    return header


def _speakers_words(quote: Row) -> list[tuple[int, int]]:
    """(start, end) of each part of a quote; the whole quote for a record without parts."""
    return [(int(part["start"]), int(part["end"])) for part in quote.get("parts") or [quote]]


def _speaker_name(quote: Row) -> str:
    return str(quote["speaker"].get("name") or "(unknown)")


def _speaker_colours(quotes: list[Row]) -> dict[str, str]:
    names = list(dict.fromkeys(_speaker_name(q) for q in quotes))
    return {name: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, name in enumerate(names)}


def _flatten(numbers: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(label, value) rows for people: `quotes_by_kind.direct` reads "quotes, direct"."""
    for name, value in numbers.items():
        label = STAT_LABELS.get(name, name.replace("_", " "))
        if "{}" not in label:
            label += ", {}"
        if isinstance(value, dict):
            yield from ((label.format(k), v) for k, v in value.items())
        elif isinstance(value, list):
            yield from ((label.format(i + 1), _describe(v)) for i, v in enumerate(value))
        else:
            yield label.replace(", {}", ""), value


def _describe(value: Any) -> Any:
    if isinstance(value, dict) and {"name", "quotes"} <= value.keys():
        return f"{value['name']} ({value['quotes']})"
    return value


def _current_version(model: str | None) -> str | None:
    """The version fresh results would carry; None (staleness unknown) without a model."""
    from quotecli.errors import ModelError
    from quotecli.nlp.loading import resolve_model_name
    from quotecli.version import pipeline_version

    try:
        return pipeline_version(resolve_model_name(model))
    except ModelError:
        return None


def register(app: typer.Typer) -> None:
    for command in (add, articles, show, stats, reindex, remove):
        app.command()(translate_errors(command))
