"""Reading PATH arguments into the library, with warnings and a progress bar on stderr.

Shared by `add` and by the query commands when they are given PATHs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotecli.cli.common import progress, warn
from quotecli.errors import InputError
from quotecli.nlp.loading import resolve_model_name
from quotecli.sources import iter_articles
from quotecli.version import pipeline_version

if TYPE_CHECKING:
    from quotecli.extract import Extractor
    from quotecli.ingest import IngestEvent
    from quotecli.store import Library


def ingest_paths(
    paths: Sequence[str], library: Library, *, model: str | None, jobs: int | None
) -> tuple[str, ...]:
    """Store every readable article under `paths`; return their content hashes, in order.

    Raises:
        InputError: when not one article could be read.
    """
    from quotecli.ingest import ingest

    model_name = resolve_model_name(model)

    def make_extractor() -> Extractor:
        from quotecli.extract import Extractor

        return Extractor(model_name)

    with progress("extracting") as bar:
        task = bar.add_task("extracting", total=None, unit="articles")

        def on_progress(event: IngestEvent) -> None:
            bar.advance(task)

        report = ingest(
            iter_articles(paths, warn),
            library,
            make_extractor,
            version=pipeline_version(model_name),
            on_progress=on_progress,
        )
    if not report.sha256s:
        raise InputError("no article could be read from " + " ".join(paths))
    return tuple(report.sha256s)
