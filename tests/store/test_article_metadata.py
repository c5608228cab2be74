"""Article metadata (URL, outlet, author, corpus id) through the library, and older libraries."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from quotecli.query import QuoteFilter
from quotecli.records import ArticleExtraction
from quotecli.store import Library
from quotecli.store.schema import _V_ARTICLE_METADATA, MIGRATIONS, migrate
from tests.support.synthetic import Said, build_extraction

METADATA = {
    "url": "https://www.planet.example/a",
    "outlet": "The Daily Planet",
    "author": "Jane Reporter",
    "id": "row-7",
}


def with_metadata(extraction: ArticleExtraction) -> ArticleExtraction:
    article = replace(extraction.article, **METADATA)
    quotes = tuple(replace(q, article=article.ref) for q in extraction.quotes)
    return replace(extraction, article=article, quotes=quotes)


def test_quote_records_round_trip_with_the_article_metadata(library: Library) -> None:
    extraction = with_metadata(
        build_extraction("a.html", [Said("Carlyle Thayer", "Hanoi gains most")], title="T")
    )
    library.save(extraction)
    [found] = library.quotes(QuoteFilter())
    assert found == extraction.quotes[0].to_dict() | {"also_in": []}
    assert found["article"] | METADATA == found["article"]


def test_also_in_names_the_outlet(library: Library) -> None:
    said = [Said("Carlyle Thayer", "Hanoi gains most from the visit")]
    library.save(with_metadata(build_extraction("a.html", said)))
    library.save(build_extraction("b.txt", [*said, Said("Ann Lee", "No")], title="B"))
    thayer = QuoteFilter(speakers=("Thayer",))
    found = {q["article"]["path"]: q["also_in"] for q in library.quotes(thayer)}
    assert found["b.txt"] == [{"path": "a.html", "title": None, "outlet": "The Daily Planet"}]
    assert found["a.html"] == [{"path": "b.txt", "title": "B", "outlet": None}]


def test_reindex_keeps_the_metadata(library: Library) -> None:
    extraction = with_metadata(build_extraction("a.html", [Said("Ann Lee", "Yes")]))
    library.save(extraction)
    loaded = library.load_article(extraction.article.sha256)
    assert (loaded.url, loaded.outlet, loaded.author, loaded.id) == tuple(METADATA.values())


def test_a_library_from_before_the_metadata_opens_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    before = MIGRATIONS.index(_V_ARTICLE_METADATA)  # the version just before it
    extraction = build_extraction("old.txt", [Said("Carlyle Thayer", "Hanoi gains most")])
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, target=before)
    assert "outlet" not in [row[1] for row in old.execute("PRAGMA table_info(articles)")]
    # A row as an older release wrote it: only the columns it had.
    old.execute(
        "INSERT INTO articles (path, sha256, title, date, source_key, text, pipeline_version,"
        " added_at) VALUES ('old.txt', ?, 'Old', '2020-01-02', 'old.txt', ?, 'v', 'now')",
        (extraction.article.sha256, extraction.article.text),
    )
    old.close()
    with Library.open(path) as library:
        [article] = library.articles(QuoteFilter())
        assert (article["path"], article["title"], article["date"]) == (
            "old.txt",
            "Old",
            "2020-01-02",
        )
        assert (article["url"], article["outlet"], article["author"], article["id"]) == (None,) * 4
        assert library.articles(QuoteFilter(outlets=("planet",))) == []
