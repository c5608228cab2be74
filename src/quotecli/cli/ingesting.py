"""Reading PATH arguments into the library, with warnings and a progress bar on stderr.

Shared by `add` and by the query commands when they are given PATHs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quotecli.cli.common import note, warn
from quotecli.errors import InputError

if TYPE_CHECKING:
    from quotecli.ingest import IngestEvent, IngestReport
    from quotecli.parallel import ParallelExtractor
    from quotecli.records import Article
    from quotecli.sources import ReadOptions
    from quotecli.store import Library

STDIN = "-"  # as quotecli.sources, which is imported only when PATHs are read
#: Longest article text extracted (characters); longer ones are refused with a warning.
DEFAULT_MAX_CHARS = 5_000_000

MaxCharsOption = Annotated[
    int,
    typer.Option(
        "--max-chars",
        min=1,
        help="Refuse (with a warning) any article longer than this many characters.",
    ),
]


@dataclass(frozen=True, slots=True)
class Ingested:
    """What reading PATHs did: every article read (by hash, in order), and the counts."""

    sha256s: tuple[str, ...]
    report: IngestReport
    failed: int | None  # inputs not read or refused; None when inputs hold many articles

    @property
    def new(self) -> int:
        return self.report.extracted - self.report.replaced


def ingest_paths(
    paths: Sequence[str],
    library: Library,
    *,
    model: str | None,
    jobs: int | None,
    max_chars: int = DEFAULT_MAX_CHARS,
    options: ReadOptions | None = None,
) -> Ingested:
    """Store every readable article under `paths`; return their content hashes and counts.

    A directory holding a quotecli dataset (`quotecli extract --out DIR`) is imported as it
    is, not searched for articles.

    Raises:
        InputError: when not one article could be read, or `-` is given with stdin closed.
    """
    from quotecli.cluster import is_dataset

    datasets = [path for path in paths if is_dataset(path)]
    if not datasets:
        return _ingest_texts(paths, library, model, jobs, max_chars, options)
    done = [import_dataset(path, library) for path in datasets]
    texts = [path for path in paths if path not in datasets]
    if texts:
        try:
            done.append(_ingest_texts(texts, library, model, jobs, max_chars, options))
        except InputError as error:  # nothing readable there, but the datasets were
            warn(str(error))
    return _combined(done, paths)


def _ingest_texts(
    paths: Sequence[str],
    library: Library,
    model: str | None,
    jobs: int | None,
    max_chars: int,
    options: ReadOptions | None,
) -> Ingested:
    from quotecli.cli.progress import LazyProgress
    from quotecli.ingest import ingest
    from quotecli.nlp.loading import resolve_model_name
    from quotecli.sources import iter_articles
    from quotecli.version import pipeline_version

    if STDIN in paths and sys.stdin is None:
        raise InputError("standard input is closed; nothing to read for -")
    model_name = resolve_model_name(model)
    inputs = count_inputs(paths, None if options is None else options.glob)
    make_extractor = extractor_factory(model_name, jobs)
    with LazyProgress("extracting", total=inputs) as bar:

        def start_extracting() -> ParallelExtractor:
            bar.start()
            return make_extractor()

        def on_progress(event: IngestEvent) -> None:
            bar.update(event.done)

        report = ingest(
            within_limit(iter_articles(paths, warn, options=options), max_chars, warn),
            library,
            start_extracting,
            version=pipeline_version(model_name),
            on_progress=on_progress,
        )
    if not report.sha256s:
        raise InputError("no article could be read from " + " ".join(paths))
    failed = None if inputs is None else max(inputs - len(report.sha256s), 0)
    return Ingested(tuple(report.sha256s), report, failed)


def import_dataset(path: str, library: Library) -> Ingested:
    """Import the dataset at `path` into the library, with a progress bar on stderr."""
    from quotecli.cli.progress import LazyProgress
    from quotecli.cluster import require_engine
    from quotecli.ingest import IngestReport

    require_engine()
    from quotecli.cluster.library_io import import_dataset as import_into

    with LazyProgress("importing", total=None) as bar:
        bar.start()
        report = import_into(path, library, on_article=lambda: bar.update(bar.done + 1))
    for article_path, error in report.failures:
        warn(f"{article_path}: extraction failed on the cluster ({error}); not imported")
    counts = IngestReport(
        skipped=report.skipped,
        extracted=report.imported,
        replaced=report.replaced,
        quotes=report.quotes,
        sha256s=report.sha256s,
    )
    return Ingested(tuple(report.sha256s), counts, len(report.failures))


def _combined(parts: list[Ingested], paths: Sequence[str]) -> Ingested:
    from quotecli.ingest import IngestReport

    shas = tuple(sha for part in parts for sha in part.sha256s)
    if not shas:
        raise InputError("no article could be read from " + " ".join(paths))
    failed = [part.failed for part in parts]
    report = IngestReport(
        skipped=sum(part.report.skipped for part in parts),
        extracted=sum(part.report.extracted for part in parts),
        replaced=sum(part.report.replaced for part in parts),
        quotes=sum(part.report.quotes for part in parts),
        sha256s=list(shas),
    )
    return Ingested(shas, report, None if None in failed else sum(f or 0 for f in failed))


def within_limit(
    articles: Iterable[Article], max_chars: int, on_refused: Callable[[str], None]
) -> Iterator[Article]:
    """The articles no longer than `max_chars`; each longer one is named in one warning."""
    for article in articles:
        if len(article.text) > max_chars:
            on_refused(
                f"{article.path}: {len(article.text):,} characters, more than --max-chars"
                f" {max_chars:,}; not extracted"
            )
        else:
            yield article


def count_inputs(paths: Sequence[str], glob: str | None = None) -> int | None:
    """How many articles the PATHs hold, when each input is one (text or web page files,
    `-`, a URL; a missing path counts as one); None when a web archive or corpus file may
    hold any number."""
    from quotecli.sources.files import Kind, kind_of, scan_directory

    single = {Kind.TEXT, Kind.HTML}
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw != STDIN and path.is_dir():
            files = scan_directory(path, glob).files
            if any(kind_of(file.name) not in single for file in files):
                return None
            total += len(files)
        elif raw == STDIN or not path.is_file() or kind_of(path.name) in single:
            total += 1
        else:
            return None
    return total


def extractor_factory(model_name: str, jobs: int | None) -> Callable[[], ParallelExtractor]:
    """Builds the extractor only when called: ingestion calls it once something needs parsing,
    so runs over stored texts never load spaCy. `jobs` None means one worker per core; more
    than the cores is capped, with a note."""

    def make() -> ParallelExtractor:
        from quotecli.parallel import ParallelExtractor, capped_jobs

        if jobs is not None and capped_jobs(jobs) < jobs:
            note(f"--jobs {jobs} is more than the {capped_jobs(jobs)} core(s) here; using those")
        return ParallelExtractor(model_name, jobs)

    return make
