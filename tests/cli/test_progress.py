"""The progress bar: none until something needs extracting, then with its total."""

from __future__ import annotations

from quotecli.cli.progress import LazyProgress


def test_no_bar_until_extraction_starts() -> None:
    with LazyProgress("extracting", total=3) as bar:
        bar.update(2)  # two articles found already stored
        assert bar._bar is None


def test_a_started_bar_carries_the_total_and_what_was_done_before() -> None:
    with LazyProgress("extracting", total=3) as bar:
        bar.update(1)
        bar.start()
        assert bar._bar is not None
        [task] = bar._bar.tasks
        assert (task.total, task.completed) == (3, 1)
        bar.update(3)
        assert bar._bar.tasks[0].completed == 3
