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

    A directory holding a quotecli dataset (`quotecli extract --out DIR`) is imported as it
    is, not searched for articles.

    Raises:
        InputError: when not one article could be read.
    """
    from quotecli.cluster import is_dataset

    datasets = [path for path in paths if is_dataset(path)]
    shas = [sha for dataset in datasets for sha in import_dataset(dataset, library)]
    texts = [path for path in paths if path not in datasets]
    if texts:
        shas.extend(_ingest_texts(texts, library, model=model, jobs=jobs, options=options))
    if not shas:
        raise InputError("no article could be read from " + " ".join(paths))
    return tuple(shas)


def _ingest_texts(
    paths: Sequence[str],
    library: Library,
    *,
    model: str | None,
    jobs: int | None,
    options: ReadOptions | None,
) -> list[str]:
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
    return report.sha256s


def import_dataset(path: str, library: Library) -> list[str]:
    """Import the dataset at `path` into the library; return its articles' content hashes."""
    from quotecli.cli.progress import progress
    from quotecli.cluster import require_engine

    require_engine()
    from quotecli.cluster.library_io import import_dataset as import_into

    with progress("importing") as bar:
        task = bar.add_task("importing", total=None, unit="articles")
        report = import_into(path, library, on_article=lambda: bar.advance(task))
    for article_path, error in report.failures:
        warn(f"{article_path}: extraction failed on the cluster ({error}); not imported")
    return report.sha256s


def extractor_factory(model_name: str, jobs: int | None) -> Callable[[], ParallelExtractor]:
    """Builds the extractor only when called: ingestion calls it once something needs parsing,
    so runs over stored texts never load spaCy. `jobs` None means one worker per core."""

    def make() -> ParallelExtractor:
        from quotecli.parallel import ParallelExtractor

        return ParallelExtractor(model_name, jobs)

    return make
