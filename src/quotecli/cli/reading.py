"""Options on how PATH inputs are read (`--glob`, corpus field names) and on article metadata
(`--outlet`, `--url`), shared by the commands that take PATHs or filter articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the readers are imported only when PATHs are read (start-up)
    from quotecli.sources import ReadOptions

_INPUT = "Reading inputs"

PATHS_HELP = (
    "Files (.txt, .md, .html, .warc[.gz], .jsonl[.gz], .json, .csv, .tsv), directories"
    " (every supported file, recursively), http(s) URLs, or - for stdin."
)

GlobOption = Annotated[
    str | None,
    typer.Option(
        "--glob",
        help="In directories, only files matching this pattern (e.g. '*.html').",
        rich_help_panel=_INPUT,
    ),
]
TextFieldOption = Annotated[
    str | None,
    typer.Option(
        "--text-field",
        help="Corpus field holding the article text. Default: text, content, body, article.",
        rich_help_panel=_INPUT,
    ),
]
TitleFieldOption = Annotated[
    str | None,
    typer.Option(
        "--title-field",
        help="Corpus field holding the title. Default: title, headline.",
        rich_help_panel=_INPUT,
    ),
]
DateFieldOption = Annotated[
    str | None,
    typer.Option(
        "--date-field",
        help="Corpus field holding the date. Default: date, published, publish_date.",
        rich_help_panel=_INPUT,
    ),
]
UrlFieldOption = Annotated[
    str | None,
    typer.Option(
        "--url-field",
        help="Corpus field holding the URL. Default: url, link.",
        rich_help_panel=_INPUT,
    ),
]
IdFieldOption = Annotated[
    str | None,
    typer.Option(
        "--id-field",
        help="Corpus field holding the article's id. Default: id.",
        rich_help_panel=_INPUT,
    ),
]
OutletOption = Annotated[
    list[str] | None,
    typer.Option(
        "--outlet", help="Part of the article's outlet (site name), any case. Repeat to OR."
    ),
]
UrlOption = Annotated[str | None, typer.Option("--url", help="Part of the article's URL.")]


def read_options(
    glob: str | None,
    text_field: str | None,
    title_field: str | None,
    date_field: str | None,
    url_field: str | None,
    id_field: str | None,
) -> ReadOptions | None:
    """The options given, or None for the defaults (then the readers are not imported yet)."""
    if all(v is None for v in (glob, text_field, title_field, date_field, url_field, id_field)):
        return None
    from quotecli.sources import CorpusFields, ReadOptions

    fields = CorpusFields(
        text=text_field, title=title_field, date=date_field, url=url_field, id=id_field
    )
    return ReadOptions(fields=fields, glob=glob)
