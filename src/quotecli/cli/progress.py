"""The progress bar on stderr, kept apart so that commands which never show one start faster."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
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
    with _bar() as bar:
        yield bar


class LazyProgress:
    """A progress bar that appears only once `start` is called (something needs extracting);
    a run that finds everything already stored shows none. `total` None: a spinner and count.
    """

    def __init__(self, description: str, total: int | None) -> None:
        self.description = description
        self.total = total
        self.done = 0
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> LazyProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self) -> None:
        if self._bar is None:
            self._bar = _bar()
            self._bar.start()
            self._task = self._bar.add_task(
                self.description, total=self.total, completed=self.done, unit="articles"
            )

    def update(self, done: int) -> None:
        self.done = done
        if self._bar is not None and self._task is not None:
            total = self.total if self.total is None or done <= self.total else None
            self._bar.update(self._task, completed=done, total=total)


def _bar() -> Progress:
    return Progress(
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
