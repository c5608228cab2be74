"""Parts written and read back; what other engines see; a failing article; the task plan."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from quotecli.cluster import ARTICLES_DIR, MARKER, QUOTES_DIR, is_dataset
from quotecli.cluster.dataset import Dataset, Failure, iter_dataset
from quotecli.cluster.schema import from_row
from quotecli.cluster.tasks import plan_tasks
from quotecli.cluster.worker import extract_guarded
from quotecli.errors import InputError
from quotecli.records import Article, ArticleExtraction, Quote
from tests.support.synthetic import FakeExtractor

from .conftest import THAYER, sample_extractions

BROKEN = Article(path="news/broken.txt", text="This one breaks the extractor.")


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    made = Dataset.at(str(tmp_path / "out"))
    made.write_marker(created_by="test", pipeline_version="synthetic/1", articles_per_task=2)
    return made


def test_a_part_reads_back_as_the_extractions_and_failures_written(dataset: Dataset) -> None:
    extractions = sample_extractions()
    quotes = dataset.write_part("part-000000-x", extractions, [Failure(BROKEN, "E: bad")], "v1")
    assert quotes == sum(len(e.quotes) for e in extractions)
    back, failures = dataset.read_part("part-000000-x")
    assert back == extractions
    assert failures == [Failure(BROKEN, "E: bad")]
    assert dataset.done("part-000000-x") and not dataset.done("part-000001-y")


def test_parts_list_in_order_and_half_written_ones_are_not_parts(dataset: Dataset) -> None:
    extractions = sample_extractions()
    dataset.write_part("part-000001-b", extractions[1:])
    dataset.write_part("part-000000-a", extractions[:1])
    stray = Path(dataset.path(QUOTES_DIR, ".part-000002-c.parquet.1234.tmp"))
    stray.write_bytes(b"half")
    assert dataset.part_names() == ["part-000000-a", "part-000001-b"]
    assert [e for part, _ in iter_dataset(dataset.root) for e in part] == extractions
    assert dataset.remove_temporaries() == 1
    assert not stray.exists()


def test_a_marker_makes_a_directory_a_dataset(dataset: Dataset, tmp_path: Path) -> None:
    assert is_dataset(dataset.root)
    assert not is_dataset(str(tmp_path))
    assert dataset.read_marker()["created_by"] == "test"  # type: ignore[index]
    with pytest.raises(InputError, match="no quotecli dataset"):
        next(iter_dataset(str(tmp_path)))


def test_a_foreign_marker_is_refused(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a quotecli dataset marker"):
        Dataset.at(str(tmp_path)).read_marker()


def test_pyarrow_and_duckdb_read_it_without_quotecli(dataset: Dataset) -> None:
    dataset.write_part("part-000000-a", sample_extractions())
    quotes = ds.dataset(dataset.path(QUOTES_DIR), format="parquet").to_table().to_pylist()
    expected = [q.to_dict() for e in sample_extractions() for q in e.quotes]
    assert [{k: row[k] for k in expected[0]} for row in quotes] == expected
    grouped = duckdb.sql(
        "SELECT quote_key, count(DISTINCT article.path) AS outlets, any_value(speaker.name)"
        f" FROM read_parquet('{dataset.path(QUOTES_DIR)}/*.parquet')"
        " GROUP BY quote_key HAVING outlets > 1"
    ).fetchall()
    assert [(outlets, name) for _, outlets, name in grouped] == [(2, THAYER)]
    texts = duckdb.sql(
        "SELECT a.path, length(a.text) = max(q.end) + 1"
        f" FROM read_parquet('{dataset.path(ARTICLES_DIR)}/*.parquet') a"
        f" JOIN read_parquet('{dataset.path(QUOTES_DIR)}/*.parquet') q"
        " ON q.article_sha256 = a.sha256 GROUP BY a.path, a.text ORDER BY a.path"
    ).fetchall()
    assert texts == [("news/a.txt", True), ("news/b.txt", True)]


class BreaksOnOne(FakeExtractor):
    def extract_many(self, articles):  # type: ignore[no-untyped-def]
        for extraction in super().extract_many(articles):
            if extraction.article.path == BROKEN.path:
                raise ValueError("cannot parse this")
            yield extraction

    def extract(self, article: Article) -> ArticleExtraction:
        return next(self.extract_many([article]))


def test_an_article_that_breaks_extraction_is_set_aside_with_its_error() -> None:
    good = [e.article for e in sample_extractions()]
    extractions, failures = extract_guarded(BreaksOnOne(), [good[0], BROKEN, *good[1:]])
    assert extractions == list(FakeExtractor().extract_many(good))
    assert any(e.quotes for e in extractions)
    assert failures == [Failure(BROKEN, "ValueError: cannot parse this")]


def test_tasks_are_bounded_and_named_by_what_they_hold() -> None:
    articles = [Article(path=f"{i}.txt", text=f"Text {i}.") for i in range(5)]
    tasks = list(plan_tasks(articles, 2))
    assert [len(t.articles) for t in tasks] == [2, 2, 1]
    assert [t.name for t in tasks] == [t.name for t in plan_tasks(iter(articles), 2)]
    assert tasks[0].name.startswith("part-000000-") and tasks[2].name.startswith("part-000002-")
    changed = [articles[0], Article(path="1.txt", text="Changed."), *articles[2:]]
    renamed = [t.name for t in plan_tasks(changed, 2)]
    assert renamed[0] != tasks[0].name and renamed[1:] == [t.name for t in tasks[1:]]


def test_from_row_ignores_extra_columns() -> None:
    quote = sample_extractions()[0].quotes[0]
    assert from_row(Quote, {**quote.to_dict(), "also_in": [], "quote_key": "k"}) == quote
