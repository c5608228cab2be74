"""Ingestion: articles in, extractions stored, each article at most once per pipeline version.

A streaming loop: articles are hashed as they arrive, those the library already holds with
the current pipeline are skipped, and the rest flow through one extractor into the library,
one transaction per article. The extractor (and so spaCy) is only created once something
needs extracting. To parallelise, replace `extractor.extract_many` with a parallel map that
yields extractions; nothing else here changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain
from typing import Protocol

from quotecli.records import Article, ArticleExtraction
from quotecli.store import Library


class ExtractorLike(Protocol):
    """What ingestion needs of an extractor (`quotecli.extract.Extractor` is one)."""

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]: ...


class IngestAction(StrEnum):
    SKIPPED = "skipped"  # already stored with the current pipeline version
    EXTRACTED = "extracted"


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One article done, for progress reporting."""

    action: IngestAction
    path: str
    sha256: str
    quotes: int | None  # None when skipped
    done: int  # articles done so far, this one included


@dataclass(slots=True)
class IngestReport:
    """What a run did. `sha256s` lists every article read, in order, skipped ones too."""

    skipped: int = 0
    extracted: int = 0
    replaced: int = 0
    quotes: int = 0
    sha256s: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.skipped + self.extracted


def ingest(
    articles: Iterable[Article],
    library: Library,
    make_extractor: Callable[[], ExtractorLike],
    *,
    version: str,
    on_progress: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Store the extraction of every article not already stored with pipeline `version`.

    Args:
        articles: read lazily, once; their `sha256` is the identity.
        library: where results go; each article is saved in its own transaction, so an
            interruption (KeyboardInterrupt propagates) keeps every article finished so far.
        make_extractor: called at most once, and only if an article needs extracting.
        version: the pipeline version results must carry to count as current.
        on_progress: called after each article.

    Returns:
        Counts and the content hashes of all articles read.
    """
    report = IngestReport()
    notify = on_progress or (lambda event: None)
    pending = _needing_extraction(articles, library, version, report, notify)
    first = next(pending, None)  # runs the hashing loop until something needs extracting
    if first is None:
        return report
    extractor = make_extractor()
    for extraction in extractor.extract_many(chain([first], pending)):
        report.replaced += library.save(extraction)
        report.extracted += 1
        report.quotes += len(extraction.quotes)
        article = extraction.article
        notify(
            IngestEvent(
                IngestAction.EXTRACTED,
                article.path,
                article.sha256,
                len(extraction.quotes),
                report.done,
            )
        )
    return report


def reindex(
    library: Library,
    make_extractor: Callable[[], ExtractorLike],
    *,
    version: str,
    on_progress: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Extract again every stored article whose results came from another pipeline version.

    Texts are loaded one at a time, so memory stays flat however many are stale.
    """
    stale = [row["sha256"] for row in library.stale(version)]
    texts = (library.load_article(sha) for sha in stale)
    return ingest(texts, library, make_extractor, version=version, on_progress=on_progress)


def _needing_extraction(
    articles: Iterable[Article],
    library: Library,
    version: str,
    report: IngestReport,
    notify: Callable[[IngestEvent], None],
) -> Iterator[Article]:
    for article in articles:
        report.sha256s.append(article.sha256)
        if library.current(article.sha256, version):
            report.skipped += 1
            if article.url or article.outlet or article.author or article.id:
                library.complete_metadata(article)  # the same text, read from a richer source
            notify(
                IngestEvent(IngestAction.SKIPPED, article.path, article.sha256, None, report.done)
            )
        else:
            yield article
