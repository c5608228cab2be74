"""The progress bar on stderr, kept apart so that commands which never show one start faster."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from quotecli.cli.common import stderr


class RateColumn(ProgressColumn):
    """Items per second, e.g. '12.3 articles/s'."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        unit = task.fields.get("unit", "articles")
        return Text("" if speed is None else f"{speed:.1f} {unit}/s", style="progress.data.speed")


@contextmanager
def progress(description: str) -> Iterator[Progress]:
    """A progress bar on stderr, drawn only when stderr is a terminal.

    Off a terminal it stays silent, so logs and scripts see only real messages.
    """
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    )
    with bar:
        yield bar
