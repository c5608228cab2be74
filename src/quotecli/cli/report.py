"""`quotecli report` and `show --format html`: the library's quotes as self-contained web pages.

The pages are built by `quotecli.html` (imported only here, only when asked for); this module
gathers the records, chooses where the page goes and writes it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotecli.cli.common import (
    DbOption,
    JobsOption,
    ModelOption,
    open_library,
    stderr,
    translate_errors,
)
from quotecli.cli.ingesting import ingest_paths
from quotecli.cli.quotes import (
    ActChoice,
    ActOption,
    AffiliationOption,
    ContainsOption,
    KindOption,
    LimitOption,
    PathsArgument,
    PlaceOption,
    SinceOption,
    SourceOption,
    SpeakerOption,
    UniqueOption,
    UntilOption,
    quote_filter,
)
from quotecli.cli.reading import OutletOption, UrlOption
from quotecli.errors import InputError
from quotecli.query import QuoteFilter
from quotecli.status import ExitStatus

if TYPE_CHECKING:
    from quotecli.html import ArticleDoc, Selection
    from quotecli.store import Library

Row = dict[str, Any]
_PAGE_SUFFIXES = (".html", ".htm")


class ShowFormat(StrEnum):
    TEXT = "text"
    HTML = "html"


ShowFormatOption = Annotated[
    ShowFormat,
    typer.Option(
        "--format", "-f", help="text (highlighted in the terminal) or html (a page on stdout)."
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="FILE.html: one page, articles embedded. DIR: index.html and articles/*.html."
        " Default: one page on stdout.",
    ),
]
TitleOption = Annotated[str, typer.Option(help="The report's heading.")]


def article_html(meta: Row, text: str, quotes: list[Row]) -> str:
    """The page `show --format html` prints; `also_in` links to article files that exist."""
    from quotecli.html import ArticleDoc, article_page

    others = {str(a.get("path")) for q in quotes for a in q.get("also_in") or []}
    links = {path: Path(path).resolve().as_uri() for path in others if Path(path).is_file()}
    return article_page(ArticleDoc(meta, text, quotes), links=links)


def report(
    paths: PathsArgument = None,
    speaker: SpeakerOption = None,
    affiliation: AffiliationOption = None,
    place: PlaceOption = None,
    contains: ContainsOption = None,
    kind: KindOption = None,
    act: ActOption = ActChoice.SPEECH,
    source: SourceOption = None,
    outlet: OutletOption = None,
    url: UrlOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    unique: UniqueOption = False,
    out: OutOption = None,
    title: TitleOption = "quotecli report",
    model: ModelOption = None,
    db: DbOption = None,
    jobs: JobsOption = None,
) -> None:
    """Write a web page on the selected quotes: charts, and a table linked to each article.

    The page is one self-contained file that loads nothing from the network. Takes the
    same filters as `quotes`.

    Examples:

      quotecli report --since 2024-06-01 --out june.html

      quotecli report seeds/ --out report/    # index.html and one page per article
    """
    filt = quote_filter(
        speaker, affiliation, place, contains, kind, act, source, outlet, url, since, until
    )
    filt = replace(filt, limit=limit, unique=unique)
    with open_library(db, create=bool(paths), readonly=not paths) as library:
        if paths:
            ingested = ingest_paths(paths, library, model=model, jobs=jobs)
            filt = replace(filt, article_shas=ingested.sha256s)
        selection = gather(library, filt)
    if not selection.quotes:
        stderr.print("no matches")
        raise typer.Exit(ExitStatus.NO_MATCH)
    written = write_report(selection, out, title)
    if written:
        stderr.print(
            f"report on {len(selection.quotes)} quote(s) from {len(selection.articles)}"
            f" article(s) written to {written}"
        )


def gather(library: Library, filt: QuoteFilter) -> Selection:
    """The selected quotes, the articles they come from (text and all quotes) and places."""
    from quotecli.html import Selection

    quotes = list(library.quotes(filt))
    by_path: dict[str, list[Row]] = {}
    for quote in quotes:
        by_path.setdefault(str(quote["article"]["path"]), []).append(quote)
    every = replace(filt, limit=None, unique=False)
    stored = [a for a in library.articles(every) if a["path"] in by_path]
    # Without quote filters, the selection holds every quote of its articles: no second read.
    whole = not filt.selects_quotes and filt.limit is None and not filt.unique
    docs = [_article_doc(library, a, by_path[a["path"]] if whole else None) for a in stored]
    places = [p.to_dict() for p in library.places(every)]
    return Selection(quotes, docs, places, describe(filt))


def _article_doc(library: Library, meta: Row, quotes: list[Row] | None) -> ArticleDoc:
    from quotecli.html import ArticleDoc

    if quotes is None:
        meta, text, quotes = library.article_text(str(meta["sha256"]))
        return ArticleDoc(meta, text, quotes)
    return ArticleDoc(meta, library.load_article(str(meta["sha256"])).text, quotes)


def describe(filt: QuoteFilter) -> str:
    """The filters of a selection in words, for the report's heading."""
    said = [f"speaker ~ {' or '.join(filt.speakers)}"] if filt.speakers else []
    for name, label in (
        ("affiliation", "affiliation ~"),
        ("place", "place"),
        ("contains", "contains"),
        ("kind", "kind"),
        ("source", "article ~"),
        ("since", "since"),
        ("until", "until"),
        ("limit", "at most"),
    ):
        value = getattr(filt, name)
        if value:
            said.append(f"{label} {value}")
    if filt.unique:
        said.append("one record per repeated quote")
    if filt.article_shas is not None:
        said.append(f"{len(filt.article_shas)} article(s) given on the command line")
    return "; ".join(said) if said else "the whole library"


def write_report(selection: Selection, out: Path | None, title: str) -> Path | None:
    """Write the report where `out` says; returns where, or None for stdout."""
    from quotecli.html import report_page, report_site

    if out is None:
        sys.stdout.write(report_page(selection, title=title))
        sys.stdout.flush()
        return None
    if out.suffix.lower() in _PAGE_SUFFIXES:
        _write(out, report_page(selection, title=title))
        return out
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: not a directory (name a .html file for one page)")
    for name, html in report_site(selection, title=title).items():
        _write(out / name, html)
    return out / "index.html"


def _write(path: Path, text: str) -> None:
    """Replace `path` in one step, so a reader never sees half a page."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a page is not
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def register(app: typer.Typer) -> None:
    app.command()(translate_errors(report))
