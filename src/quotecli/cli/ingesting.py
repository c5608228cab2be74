"""Reading PATH arguments into the library, with warnings and a progress bar on stderr.

Shared by `add` and by the query commands when they are given PATHs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from quotecli.cli.common import warn
from quotecli.errors import InputError
from quotecli.sources import ReadOptions, iter_articles

if TYPE_CHECKING:
    from quotecli.ingest import IngestEvent
    from quotecli.parallel import ParallelExtractor
    from quotecli.store import Library


def ingest_paths(
    paths: Sequence[str],
    library: Library,
    *,
    model: str | None,
    jobs: int | None,
    options: ReadOptions | None = None,
) -> tuple[str, ...]:
    """Store every readable article under `paths`; return their content hashes, in order.

    Raises:
        InputError: when not one article could be read.
    """
    from quotecli.cli.progress import progress
    from quotecli.ingest import ingest
    from quotecli.nlp.loading import resolve_model_name
    from quotecli.version import pipeline_version

    model_name = resolve_model_name(model)
    with progress("extracting") as bar:
        task = bar.add_task("extracting", total=None, unit="articles")

        def on_progress(event: IngestEvent) -> None:
            bar.advance(task)

        report = ingest(
            iter_articles(paths, warn, options=options),
            library,
            extractor_factory(model_name, jobs),
            version=pipeline_version(model_name),
            on_progress=on_progress,
        )
    if not report.sha256s:
        raise InputError("no article could be read from " + " ".join(paths))
    return tuple(report.sha256s)


def extractor_factory(model_name: str, jobs: int | None) -> Callable[[], ParallelExtractor]:
    """Builds the extractor only when called: ingestion calls it once something needs parsing,
    so runs over stored texts never load spaCy. `jobs` None means one worker per core."""

    def make() -> ParallelExtractor:
        from quotecli.parallel import ParallelExtractor

        return ParallelExtractor(model_name, jobs)

    return make
