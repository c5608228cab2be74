"""Between a dataset and the library: `quotecli add DIR` imports, `export --format parquet`
writes the library out as the same dataset."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from quotecli.cluster.dataset import Dataset, iter_dataset
from quotecli.cluster.schema import from_row
from quotecli.cluster.tasks import ARTICLES_PER_TASK, Task
from quotecli.errors import InputError
from quotecli.records import ArticleExtraction, Quote
from quotecli.store import Library
from quotecli.store.dumping import StoredArticle


@dataclass(slots=True)
class ImportReport:
    """What an import did. `sha256s` lists every article of the dataset, skipped ones too."""

    imported: int = 0
    skipped: int = 0  # already stored with the same pipeline version
    replaced: int = 0  # stored articles an imported one replaced (same path or text)
    quotes: int = 0  # in the imported articles
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, error)
    sha256s: list[str] = field(default_factory=list)


def import_dataset(
    url: str, library: Library, *, on_article: Callable[[], None] | None = None
) -> ImportReport:
    """Store every article of the dataset at `url`, each in its own transaction, linked as
    `add` links; articles the library holds from the same pipeline version are skipped.

    Raises:
        InputError: `url` holds no dataset.
    """
    report = ImportReport()
    for extractions, failures in iter_dataset(url):
        report.failures.extend((f.article.path, f.error) for f in failures)
        for extraction in extractions:
            report.sha256s.append(extraction.article.sha256)
            if library.current(extraction.article.sha256, extraction.pipeline_version):
                report.skipped += 1
            else:
                report.replaced += library.save(extraction)
                report.imported += 1
                report.quotes += len(extraction.quotes)
            if on_article is not None:
                on_article()
    return report


def export_library(
    library: Library, url: str, *, articles_per_part: int = ARTICLES_PER_TASK
) -> tuple[int, int]:
    """Write every stored article to a new dataset at `url`; return (articles, quotes).

    Raises:
        InputError: `url` exists and is not an empty directory (nothing is overwritten).
    """
    dataset = Dataset.at(url)
    if dataset.fs.exists(dataset.root) and (
        not dataset.fs.isdir(dataset.root) or dataset.fs.ls(dataset.root)
    ):
        raise InputError(f"{url} already exists and is not empty; choose a new directory")
    versions: set[str] = set()
    articles = quotes = 0
    for index, batch in enumerate(_batches(library.dump(), articles_per_part)):
        extractions = [_extraction(item) for item in batch]
        versions.update(e.pipeline_version for e in extractions)
        name = Task(index, tuple(e.article for e in extractions)).name
        quotes += dataset.write_part(name, extractions)
        articles += len(extractions)
    dataset.write_marker(
        created_by="export",
        pipeline_version=versions.pop() if len(versions) == 1 else None,
        articles_per_task=articles_per_part,
    )
    return articles, quotes


def _extraction(stored: StoredArticle) -> ArticleExtraction:
    return ArticleExtraction(
        article=stored.article,
        quotes=tuple(from_row(Quote, record) for record in stored.quotes),
        speakers=stored.speakers,
        places=stored.places,
        pipeline_version=stored.pipeline_version,
    )


def _batches(items: Iterable[StoredArticle], size: int) -> Iterator[list[StoredArticle]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
