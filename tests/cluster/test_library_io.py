"""A dataset into the library and the library out as a dataset, without spaCy."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecli.cluster.dataset import Dataset, Failure
from quotecli.cluster.library_io import export_library, import_dataset
from quotecli.errors import InputError
from quotecli.query import QuoteFilter
from quotecli.records import Article
from quotecli.store import Library

from .conftest import THAYER, sample_extractions


def made_dataset(folder: Path) -> Dataset:
    dataset = Dataset.at(str(folder))
    dataset.write_marker(created_by="test", pipeline_version="synthetic/1", articles_per_task=2)
    extractions = sample_extractions()
    failed = Failure(Article(path="news/bad.txt", text="Bad."), "ValueError: no")
    dataset.write_part("part-000000-a", extractions[:2], [failed], "synthetic/1")
    dataset.write_part("part-000001-b", extractions[2:])
    return dataset


def stored_like_add(folder: Path) -> Library:
    library = Library.open(folder / "direct.sqlite3")
    for extraction in sample_extractions():
        library.save(extraction)
    return library


def test_import_stores_what_add_would_and_links_across_articles(tmp_path: Path) -> None:
    dataset = made_dataset(tmp_path / "data")
    with Library.open(tmp_path / "lib.sqlite3") as library, stored_like_add(tmp_path) as direct:
        report = import_dataset(dataset.root, library)
        assert (report.imported, report.skipped) == (3, 0)
        assert report.failures == [("news/bad.txt", "ValueError: no")]
        assert report.sha256s == [e.article.sha256 for e in sample_extractions()]
        assert list(library.quotes(QuoteFilter(act=None))) == list(
            direct.quotes(QuoteFilter(act=None))
        )
        thayer = list(library.quotes(QuoteFilter(speakers=(THAYER,), act=None)))
        assert [len(q["also_in"]) for q in thayer] == [1, 1]
        _, text, _ = library.article_text("news/a.txt")
        assert text == sample_extractions()[0].article.text


def test_importing_again_skips_what_is_stored(tmp_path: Path) -> None:
    dataset = made_dataset(tmp_path / "data")
    with Library.open(tmp_path / "lib.sqlite3") as library:
        import_dataset(dataset.root, library)
        again = import_dataset(dataset.root, library)
        assert (again.imported, again.skipped) == (0, 3)
        assert library.stats()["articles"] == 3


def test_export_then_import_gives_the_same_library(tmp_path: Path) -> None:
    out = tmp_path / "exported"
    with stored_like_add(tmp_path) as direct:
        assert export_library(direct, str(out), articles_per_part=2) == (3, 3)
        expected = list(direct.quotes(QuoteFilter(act=None)))
    assert len(Dataset.at(str(out)).part_names()) == 2
    assert Dataset.at(str(out)).read_marker()["created_by"] == "export"  # type: ignore[index]
    with Library.open(tmp_path / "again.sqlite3") as library:
        import_dataset(str(out), library)
        assert list(library.quotes(QuoteFilter(act=None))) == expected
        assert library.speakers(QuoteFilter(act=None)) == direct_speakers(tmp_path)


def direct_speakers(tmp_path: Path) -> object:
    with Library.open(tmp_path / "direct.sqlite3") as direct:
        return direct.speakers(QuoteFilter(act=None))


def test_export_never_writes_into_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    with stored_like_add(tmp_path) as library, pytest.raises(InputError, match="not empty"):
        export_library(library, str(tmp_path / "taken"))
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]


def test_export_and_import_through_an_fsspec_url(tmp_path: Path) -> None:
    url = "memory://quotecli-test/exported"
    with stored_like_add(tmp_path) as direct:
        export_library(direct, url)
        expected = list(direct.quotes(QuoteFilter(act=None)))
    try:
        with Library.open(tmp_path / "again.sqlite3") as library:
            assert import_dataset(url, library).imported == 3
            assert list(library.quotes(QuoteFilter(act=None))) == expected
    finally:
        Dataset.at(url).fs.rm("/quotecli-test", recursive=True)
