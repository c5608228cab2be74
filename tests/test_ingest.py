"""Ingestion: each text extracted once per pipeline version, safely, even when interrupted or
when two processes write the same library. A fake extractor stands in for spaCy."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from quotecli.ingest import IngestAction, IngestEvent, ingest, reindex
from quotecli.query import QuoteFilter
from quotecli.records import Article, ArticleExtraction
from quotecli.store import Library
from tests.support.synthetic import FAKE_VERSION, FakeExtractor, Said, article_text

ALL = QuoteFilter()
QUOTES_PER_ARTICLE = 3


def corpus(n: int, start: int = 0) -> list[Article]:
    """`n` articles of QUOTES_PER_ARTICLE quotes each, numbered from `start`."""
    return [
        Article(
            path=f"corpus/{i:04d}.txt",
            text=article_text([Said(f"Speaker {i % 7}", f"Words {i}.{k}") for k in range(3)]),
        )
        for i in range(start, start + n)
    ]


def never() -> FakeExtractor:
    raise AssertionError("the extractor must not be created when nothing needs extracting")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library.sqlite3") as opened:
        yield opened


def test_first_run_extracts_everything(library: Library) -> None:
    fake = FakeExtractor()
    report = ingest(corpus(5), library, lambda: fake, version=FAKE_VERSION)
    assert (report.extracted, report.skipped, report.quotes) == (5, 0, 15)
    assert len(fake.extracted) == 5
    assert len(list(library.quotes(ALL))) == 15


def test_stored_articles_cost_only_the_hash(library: Library) -> None:
    articles = corpus(5)
    ingest(articles, library, FakeExtractor, version=FAKE_VERSION)
    report = ingest(articles, library, never, version=FAKE_VERSION)
    assert (report.extracted, report.skipped) == (0, 5)
    assert report.sha256s == [a.sha256 for a in articles]


def test_only_new_articles_are_extracted(library: Library) -> None:
    ingest(corpus(3), library, FakeExtractor, version=FAKE_VERSION)
    fake = FakeExtractor()
    report = ingest(corpus(5), library, lambda: fake, version=FAKE_VERSION)
    assert fake.extracted == ["corpus/0003.txt", "corpus/0004.txt"]
    assert (report.extracted, report.skipped) == (2, 3)


def test_changed_file_replaces_its_old_version(library: Library) -> None:
    ingest(corpus(2), library, FakeExtractor, version=FAKE_VERSION)
    edited = Article(path="corpus/0000.txt", text=article_text([Said("Ann Lee", "Edited")]))
    report = ingest([edited], library, FakeExtractor, version=FAKE_VERSION)
    assert (report.extracted, report.replaced) == (1, 1)
    assert len(library.articles(ALL)) == 2
    assert [q["text"] for q in library.quotes(QuoteFilter(source="0000"))] == ["Edited"]


def test_progress_events(library: Library) -> None:
    ingest(corpus(1), library, FakeExtractor, version=FAKE_VERSION)
    events: list[IngestEvent] = []
    ingest(corpus(3), library, FakeExtractor, version=FAKE_VERSION, on_progress=events.append)
    assert [(e.action, e.done, e.quotes) for e in events] == [
        (IngestAction.SKIPPED, 1, None),
        (IngestAction.EXTRACTED, 2, 3),
        (IngestAction.EXTRACTED, 3, 3),
    ]


def test_reindex_extracts_stale_results_again(library: Library) -> None:
    ingest(corpus(3), library, lambda: FakeExtractor("old"), version="old")
    ingest(corpus(1, start=3), library, lambda: FakeExtractor("new"), version="new")
    fake = FakeExtractor("new")
    report = reindex(library, lambda: fake, version="new")
    assert (report.extracted, sorted(fake.extracted)) == (3, [a.path for a in corpus(3)])
    assert library.stale("new") == []
    assert len(list(library.quotes(ALL))) == 12
    assert reindex(library, never, version="new").extracted == 0


class InterruptingExtractor(FakeExtractor):
    """Raises KeyboardInterrupt (as Ctrl-C would) while extracting article number `after`."""

    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        for count, extraction in enumerate(super().extract_many(articles)):
            if count == self.after:
                raise KeyboardInterrupt
            yield extraction


def test_interrupted_run_keeps_finished_articles_and_rerun_finishes(library: Library) -> None:
    with pytest.raises(KeyboardInterrupt):
        ingest(corpus(6), library, lambda: InterruptingExtractor(4), version=FAKE_VERSION)
    assert len(library.articles(ALL)) == 4
    report = ingest(corpus(6), library, FakeExtractor, version=FAKE_VERSION)
    assert (report.skipped, report.extracted) == (4, 2)
    assert len(list(library.quotes(ALL))) == 6 * QUOTES_PER_ARTICLE


# A writer process: ingests articles [start, start + n) with a fake extractor that pauses per
# article, so two such processes interleave their transactions.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from quotecli.ingest import ingest
    from quotecli.records import Article
    from quotecli.store import Library
    from tests.support.synthetic import FAKE_VERSION, FakeExtractor, Said, article_text

    db, start, n, pause = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    articles = [
        Article(path=f"corpus/{i:04d}.txt",
                text=article_text([Said(f"Speaker {i % 7}", f"Words {i}.{k}") for k in range(3)]))
        for i in range(start, start + n)
    ]

    class Slow(FakeExtractor):
        def extract_many(self, items):
            for extraction in super().extract_many(items):
                time.sleep(pause)
                yield extraction

    def progress(event):
        print(event.done, flush=True)

    with Library.open(Path(db)) as library:
        ingest(articles, library, Slow, version=FAKE_VERSION, on_progress=progress)
    assert "spacy" not in sys.modules
    """
)


def writer(db: Path, start: int, n: int, pause: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(start), str(n), str(pause)],
        cwd=Path(__file__).resolve().parents[1],  # where `tests.support` is importable from
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_consistent(db: Path, expected_articles: int | None = None) -> int:
    """Every stored article has all its quotes; returns how many articles are stored."""
    with Library.open(db) as library:
        articles = library.articles(ALL)
        assert all(a["quotes"] == QUOTES_PER_ARTICLE for a in articles)
        assert len(list(library.quotes(ALL))) == QUOTES_PER_ARTICLE * len(articles)
    if expected_articles is not None:
        assert len(articles) == expected_articles
    return len(articles)


def test_two_processes_on_one_library_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"  # created by the racing processes themselves
    first, second = writer(db, 0, 40, 0.005), writer(db, 20, 40, 0.005)  # 20 overlap
    for process in (first, second):
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert_consistent(db, expected_articles=60)


def test_sigint_mid_ingest_leaves_a_consistent_library(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    process = writer(db, 0, 300, 0.05)  # 15 s in all: a busy machine still interrupts it
    assert process.stdout is not None
    for line in process.stdout:
        if int(line) >= 20:
            break
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=60)
    assert process.returncode != 0  # it really was interrupted
    stored = assert_consistent(db)
    assert 20 <= stored < 300
    with Library.open(db) as library:
        report = ingest(corpus(300), library, FakeExtractor, version=FAKE_VERSION)
    assert (report.skipped, report.extracted) == (stored, 300 - stored)
    assert_consistent(db, expected_articles=300)


def test_query_path_never_imports_spacy(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library:
        ingest(corpus(2), library, FakeExtractor, version=FAKE_VERSION)
    code = (
        "import sys; from pathlib import Path; from quotecli.store import Library;"
        "from quotecli.query import QuoteFilter; import quotecli.ingest;"
        f"lib = Library.open(Path({str(db)!r}));"
        "assert len(list(lib.quotes(QuoteFilter(contains='Words')))) == 6;"
        "assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
