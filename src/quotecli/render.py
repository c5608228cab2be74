"""Rendering plain records for people (Rich tables) and for programs (JSON, JSON Lines, CSV).

Renderers take dict rows (the JSON records) and never see spaCy or SQLite objects. JSON is plain
`json.dumps(..., ensure_ascii=False)`, never coloured; JSON Lines and CSV stream row by row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TextIO

from quotecli.safetext import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

Row = dict[str, Any]


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table or CSV: a header and how to read its value from a row."""

    header: str
    value: Callable[[Row], str]
    style: str | None = None
    ratio: int | None = None
    min_width: int | None = None
    one_line: bool = False  # cut with "…" rather than wrapped (a title beside its path)
    # Lines of a cell styled in turn (a speaker's name bold, the role under it dim).
    line_styles: tuple[str, ...] = ()


def cell(*keys: str) -> Callable[[Row], str]:
    """Read a (nested) field of a row as text: None is empty, lists are joined with "; "."""

    def read(row: Row) -> str:
        value: Any = row
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return "" if value is None else str(value)

    return read


#: Between the parts of a split quote in a table or CSV cell, where the cue stood.
PARTS_JOINER = " … "


def joined_parts(row: Row) -> str:
    """The speaker's words alone: a quote's parts joined by " … " (its text when in one piece).

    A split quote's `text` runs through the cue (`A," she said, "B`); people reading a table
    want `A … B`. A row without parts (a record from elsewhere) shows its text.
    """
    parts = row.get("parts") or []
    if not parts:
        return cell("text")(row)
    return PARTS_JOINER.join(str(part.get("text", "")) for part in parts)


def _also_in(row: Row) -> str:
    return "; ".join(str(a.get("path", "")) for a in row.get("also_in") or [])


def _speaker_cell(row: Row) -> str:
    speaker = row.get("speaker") or {}
    role = ", ".join(v for v in (speaker.get("title"), speaker.get("affiliation")) if v)
    name = speaker.get("name") or "(unknown)"
    return f"{name}\n{role}" if role else name


def _file_name(row: Row) -> str:
    """The article's file name: the directory is in JSON and CSV; a table row has no room."""
    path = cell("article", "path")(row)
    return path.rsplit("/", 1)[-1]


QUOTE_TABLE = (
    Column("Speaker", _speaker_cell, None, 2, min_width=12, line_styles=("bold", "dim")),
    Column("Kind", cell("kind"), "cyan"),
    Column("Quote", joined_parts, None, 5, min_width=20),
    Column("Article", _file_name, "dim", min_width=10),
)
QUOTE_CSV = (
    Column("id", cell("id")),
    Column("kind", cell("kind")),
    Column("speaker", cell("speaker", "name")),
    Column("speaker_kind", cell("speaker", "kind")),
    Column("title", cell("speaker", "title")),
    Column("affiliation", cell("speaker", "affiliation")),
    Column("mention", cell("speaker", "mention", "text")),
    Column("cue", cell("cue", "text")),
    Column("text", cell("text")),
    Column("places", cell("places")),
    Column("article", cell("article", "path")),
    Column("article_title", cell("article", "title")),
    Column("article_date", cell("article", "date")),
    Column("start", cell("start")),
    Column("end", cell("end")),
    Column("paragraph", cell("paragraph")),
    Column("also_in", _also_in),
    # Last, so scripts reading columns by position keep working; `text` stays the full span.
    Column("parts", joined_parts),
)
SPEAKER_COLUMNS = (
    Column("name", cell("name"), "bold"),
    Column("kind", cell("kind"), "cyan"),
    Column("title", cell("title")),
    Column("affiliation", cell("affiliation")),
    Column("quotes", cell("quotes")),
)
PLACE_COLUMNS = (
    Column("name", cell("name"), "bold"),
    Column("count", cell("count")),
    Column("aliases", cell("aliases"), "dim"),
)


@dataclass(frozen=True, slots=True)
class View:
    """How one kind of record is shown: its table columns and its CSV columns."""

    table: tuple[Column, ...]
    csv: tuple[Column, ...]
    lined: bool = False  # rules between rows, for cells that wrap over several lines


QUOTES = View(QUOTE_TABLE, QUOTE_CSV, lined=True)
SPEAKERS = View(SPEAKER_COLUMNS, SPEAKER_COLUMNS)
PLACES = View(PLACE_COLUMNS, PLACE_COLUMNS)


def render(
    rows: Iterable[Row], fmt: OutputFormat, out: TextIO, view: View, console: Console
) -> int:
    """Write `rows` to `out` (or `console` for tables) in `fmt`; return how many were written."""
    if fmt is OutputFormat.JSON:
        return write_json(rows, out)
    if fmt is OutputFormat.JSONL:
        return write_jsonl(rows, out)
    if fmt is OutputFormat.CSV:
        return write_csv(rows, out, view.csv)
    return print_table(rows, console, view.table, view.lined)


def write_json(rows: Iterable[Row], out: TextIO) -> int:
    """One JSON array, written item by item so large results never sit in memory twice."""
    count = 0
    out.write("[")
    for row in rows:
        out.write(",\n" if count else "\n")
        out.write(_dumps(row))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(rows: Iterable[Row], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(_dumps(row) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[Row], out: TextIO, columns: tuple[Column, ...]) -> int:
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(c.header for c in columns)
    count = 0
    for row in rows:
        writer.writerow(c.value(row) for c in columns)
        count += 1
    return count


def print_table(
    rows: Iterable[Row], console: Console, columns: tuple[Column, ...], lined: bool = False
) -> int:
    """A Rich table of `rows`; control characters in any value are shown, never sent raw."""
    from rich.table import Table

    table = Table(show_lines=lined, header_style="bold", expand=any(c.ratio for c in columns))
    for column in columns:
        table.add_column(
            column.header,
            style=column.style,
            ratio=column.ratio,
            min_width=column.min_width,
            overflow="ellipsis" if column.one_line else "fold",
            no_wrap=column.one_line,
        )
    count = 0
    for row in rows:
        table.add_row(*(_cell_text(column, row) for column in columns))
        count += 1
    if count:
        console.print(table)
    return count


def _cell_text(column: Column, row: Row) -> Text:
    from rich.text import Text

    value = visible(column.value(row))
    if not column.line_styles:
        return Text(value)
    text = Text()
    for index, line in enumerate(value.split("\n")):
        style = column.line_styles[min(index, len(column.line_styles) - 1)]
        text.append(("\n" if index else "") + line, style=style)
    return text


def _dumps(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False)


def iter_dicts(records: Iterable[Any]) -> Iterator[Row]:
    """Rows from records that have `to_dict()` (SpeakerSummary, PlaceSummary)."""
    for record in records:
        yield record.to_dict()
