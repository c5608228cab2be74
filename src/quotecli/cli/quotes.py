"""`quotecli quotes`, `speakers` and `places`: filter attributed quotes and print them.

With PATHs, articles are read, extracted where the library has no current result, stored, and
the query runs over just those articles; without PATHs, over the whole library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
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
from quotecli.query import QuoteFilter
from quotecli.records import QuoteKind
from quotecli.render import PLACES, QUOTES, SPEAKERS, OutputFormat, Row, View, iter_dicts

if TYPE_CHECKING:
    from quotecli.store import Library

PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Article files, directories (searched for *.txt) or - for stdin. None: the library."
    ),
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
    str | None, typer.Option(help="Words the quote text contains (full-text search).")
]
KindOption = Annotated[QuoteKind | None, typer.Option(help="direct, indirect or mixed.")]
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


def quotes(
    paths: PathsArgument = None,
    speaker: SpeakerOption = None,
    affiliation: AffiliationOption = None,
    place: PlaceOption = None,
    contains: ContainsOption = None,
    kind: KindOption = None,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    unique: UniqueOption = False,
    fmt: FormatOption = None,
    model: ModelOption = None,
    db: DbOption = None,
    jobs: JobsOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Print attributed quotes, filtered.

    Examples:

      quotecli quotes seeds/ --speaker Thayer

      quotecli quotes seeds/ --format json | jq '.[] | select(.kind == "direct")'
    """
    filt = QuoteFilter(
        speakers=tuple(speaker or ()),
        affiliation=affiliation,
        place=place,
        contains=contains,
        kind=kind,
        source=source,
        since=since,
        until=until,
        limit=limit,
        unique=unique,
    )
    _run(paths, filt, Reading(model, jobs, max_chars), db, fmt, _quotes, QUOTES)


def speakers(
    paths: PathsArgument = None,
    speaker: SpeakerOption = None,
    affiliation: AffiliationOption = None,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = None,
    model: ModelOption = None,
    db: DbOption = None,
    jobs: JobsOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Print the speakers: name, kind, title, affiliation and number of quotes.

    Examples:

      quotecli speakers seeds/

      quotecli speakers --format json | jq -r '.[] | "\\(.quotes)\\t\\(.name)"'
    """
    filt = QuoteFilter(
        speakers=tuple(speaker or ()),
        affiliation=affiliation,
        source=source,
        since=since,
        until=until,
    )
    _run(paths, filt, Reading(model, jobs, max_chars), db, fmt, _speakers, SPEAKERS)


def places(
    paths: PathsArgument = None,
    source: SourceOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = None,
    model: ModelOption = None,
    db: DbOption = None,
    jobs: JobsOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    """Print the places the articles mention, with how often.

    Examples:

      quotecli places seeds/

      quotecli places --since 2024-06 --format csv > places.csv
    """
    filt = QuoteFilter(source=source, since=since, until=until)
    _run(paths, filt, Reading(model, jobs, max_chars), db, fmt, _places, PLACES)


Select = Callable[["Library", QuoteFilter], Iterable[Row]]


@dataclass(frozen=True, slots=True)
class Reading:
    """How PATHs are read and extracted."""

    model: str | None
    jobs: int | None
    max_chars: int


def _quotes(library: Library, filt: QuoteFilter) -> Iterable[Row]:
    return library.quotes(filt)


def _speakers(library: Library, filt: QuoteFilter) -> Iterable[Row]:
    return iter_dicts(library.speakers(filt))


def _places(library: Library, filt: QuoteFilter) -> Iterable[Row]:
    return iter_dicts(library.places(filt))


def _run(
    paths: list[str] | None,
    filt: QuoteFilter,
    reading: Reading,
    db: Path | None,
    fmt: OutputFormat | None,
    select: Select,
    view: View,
) -> None:
    """Ingest PATHs if given, then query the library and print; exit 0 or 1 (no match)."""
    with open_library(db) as library:
        if paths:
            ingested = ingest_paths(
                paths,
                library,
                model=reading.model,
                jobs=reading.jobs,
                max_chars=reading.max_chars,
            )
            filt = replace(filt, article_shas=ingested.sha256s)
        status = emit(select(library, filt), fmt, view)
    raise typer.Exit(status)


def register(app: typer.Typer) -> None:
    for command in (quotes, speakers, places):
        app.command()(translate_errors(command))
