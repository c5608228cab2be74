"""`quotecli quotes`, `speakers` and `places`: filter attributed quotes and print them.

With PATHs, articles are read, extracted where the library has no current result, stored, and
the query runs over just those articles; without PATHs, over the whole library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quotecli.cli.common import (
    DbOption,
    FormatOption,
    JobsOption,
    ModelOption,
    emit,
    open_library,
    translate_errors,
)
from quotecli.cli.ingesting import DEFAULT_MAX_CHARS, MaxCharsOption, ingest_paths
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
from quotecli.query import QuoteFilter
from quotecli.records import QuoteKind
from quotecli.render import PLACES, QUOTES, SPEAKERS, OutputFormat, Row, View, iter_dicts

if TYPE_CHECKING:
    from quotecli.sources import ReadOptions
    from quotecli.store import Library

PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(help=PATHS_HELP + " None: the whole library.", show_default=False),
]
SpeakerOption = Annotated[
    list[str] | None,
    typer.Option(
        "--speaker", "-s", help="Part of a speaker's name or alias, any case. Repeat to OR."
    ),
]
AffiliationOption = Annotated[
    str | None, typer.Option(help="Part of the speaker's title or affiliation.")
]
PlaceOption = Annotated[str | None, typer.Option(help="A place the quote names.")]
ContainsOption = Annotated[
    list[str] | None,
    typer.Option(
        help='Words the quote holds, all of them in any order, any case; "a phrase" in quotes'
        " for those words in that order. Repeat to AND.",
    ),
]
KindOption = Annotated[QuoteKind | None, typer.Option(help="direct, indirect or mixed.")]


class ActChoice(StrEnum):
    SPEECH = "speech"
    THOUGHT = "thought"
    ANY = "any"


ActOption = Annotated[
    ActChoice,
    typer.Option(
        help="speech (words said or written), thought (beliefs, intentions, attitudes, "
        "evidence) or any."
    ),
]


def act_filter(act: ActChoice) -> str | None:
    return None if act is ActChoice.ANY else str(act)


SourceOption = Annotated[str | None, typer.Option(help="Part of the article's path or title.")]
# Checked by QuoteFilter (quotecli.query.check_date): one message, exit 2.
SinceOption = Annotated[
    str | None, typer.Option(help="Articles dated on or after (YYYY-MM-DD, YYYY-MM or YYYY).")
]
UntilOption = Annotated[
    str | None, typer.Option(help="Articles dated on or before (YYYY-MM-DD, YYYY-MM or YYYY).")
]
LimitOption = Annotated[int | None, typer.Option(min=1, help="At most this many records.")]
UniqueOption = Annotated[
    bool, typer.Option("--unique", help="One record per quote repeated across articles.")
]


def quote_filter(
    speaker: list[str] | None,
    affiliation: str | None,
    place: str | None,
    contains: list[str] | None,
    kind: QuoteKind | None,
    act: ActChoice,
    source: str | None,
    outlet: list[str] | None,
    url: str | None,
    since: str | None,
    until: str | None,
) -> QuoteFilter:
    """The selection the `quotes` filters describe (shared with `report`)."""
    return QuoteFilter(
        speakers=tuple(speaker or ()),
        affiliation=affiliation,
        place=place,
        contains=tuple(contains or ()),
        kind=kind,
        act=act_filter(act),
        source=source,
        outlets=tuple(outlet or ()),
        url=url,
        since=since,
        until=until,
    )


def quotes(
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
    fmt: FormatOption = None,
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
    """Print attributed quotes, filtered.

    Examples:

      quotecli quotes seeds/ --speaker Thayer

      quotecli quotes --contains 'clinton trump' --contains '"tax cuts"'

      quotecli quotes seeds/ --format json | jq '.[] | select(.kind == "direct")'
    """
    filt = quote_filter(
        speaker, affiliation, place, contains, kind, act, source, outlet, url, since, until
    )
    filt = replace(filt, limit=limit, unique=unique)
    read = read_options(glob, text_field, title_field, date_field, url_field, id_field)
    _run(
        paths,
        read,
        filt,
        model,
        db,
        jobs,
        fmt,
        lambda library, f: library.quotes(f),
        QUOTES,
        max_chars,
    )


def speakers(
    paths: PathsArgument = None,
    speaker: SpeakerOption = None,
    affiliation: AffiliationOption = None,
    act: ActOption = ActChoice.SPEECH,
    source: SourceOption = None,
    outlet: OutletOption = None,
    url: UrlOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = None,
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
    """Print the speakers: name, kind, title, affiliation and number of quotes.

    Examples:

      quotecli speakers seeds/

      quotecli speakers --format json | jq -r '.[] | "\\(.quotes)\\t\\(.name)"'
    """
    filt = quote_filter(
        speaker, affiliation, None, None, None, act, source, outlet, url, since, until
    )
    _run(
        paths,
        read_options(glob, text_field, title_field, date_field, url_field, id_field),
        filt,
        model,
        db,
        jobs,
        fmt,
        lambda library, f: iter_dicts(library.speakers(f)),
        SPEAKERS,
        max_chars,
    )


def places(
    paths: PathsArgument = None,
    source: SourceOption = None,
    outlet: OutletOption = None,
    url: UrlOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = None,
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
    """Print the places the articles mention, with how often.

    Examples:

      quotecli places seeds/

      quotecli places --since 2024-06 --format csv > places.csv
    """
    filt = QuoteFilter(
        source=source, outlets=tuple(outlet or ()), url=url, since=since, until=until
    )
    read = read_options(glob, text_field, title_field, date_field, url_field, id_field)
    _run(
        paths,
        read,
        filt,
        model,
        db,
        jobs,
        fmt,
        lambda library, f: iter_dicts(library.places(f)),
        PLACES,
        max_chars,
    )


Select = Callable[["Library", QuoteFilter], Iterable[Row]]


def _run(
    paths: list[str] | None,
    read: ReadOptions | None,
    filt: QuoteFilter,
    model: str | None,
    db: Path | None,
    jobs: int | None,
    fmt: OutputFormat | None,
    select: Select,
    view: View,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> None:
    """Ingest PATHs if given, then query the library and print; exit 0 or 1 (no match)."""
    # With PATHs the command adds them, as `add` does, so it may make the library; without,
    # it only reads, and a missing library is an error.
    with open_library(db, create=bool(paths), readonly=not paths) as library:
        if paths:
            ingested = ingest_paths(
                paths, library, model=model, jobs=jobs, max_chars=max_chars, options=read
            )
            filt = replace(filt, article_shas=ingested.sha256s)
        status = emit(select(library, filt), fmt, view)
    raise typer.Exit(status)


def register(app: typer.Typer) -> None:
    for command in (quotes, speakers, places):
        app.command()(translate_errors(command))
