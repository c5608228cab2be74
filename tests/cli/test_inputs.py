"""Web pages, corpora and article metadata through the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from quotecli.cli import app
from quotecli.ingest import ingest
from quotecli.paths import library_path
from quotecli.query import QuoteFilter
from quotecli.records import Article, ArticleExtraction
from quotecli.store import Library
from tests.support.synthetic import FakeExtractor, Said, article_text, build_extraction

runner = CliRunner()
Page = Callable[..., str]
STORY = [
    "Russian President Vladimir Putin arrived in Hanoi on Thursday for a state visit.",
    '"We are firmly committed to deepening the partnership," Putin said at the palace.',
    "Vietnam's leaders praised the visit, the foreign ministry said in a statement.",
]


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


def records(result: Result) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert isinstance(parsed, list)
    return parsed


def with_metadata(extraction: ArticleExtraction, **metadata: str) -> ArticleExtraction:
    article = replace(extraction.article, **metadata)
    quotes = tuple(replace(q, article=article.ref) for q in extraction.quotes)
    return replace(extraction, article=article, quotes=quotes)


@pytest.fixture
def outlets(quotecli_home: Path) -> Path:
    """Two outlets and an undated text article in the library, no spaCy needed."""
    path = library_path(None)
    with Library.open(path) as library:
        planet = build_extraction("p.html", [Said("Carlyle Thayer", "Hanoi gains most")])
        library.save(
            with_metadata(planet, outlet="The Daily Planet", url="https://dailyplanet.example/a")
        )
        sun = build_extraction("s.html", [Said("Zachary Abuza", "Moscow needs friends")])
        library.save(with_metadata(sun, outlet="Morning Sun", url="https://sun.example/b"))
        library.save(build_extraction("t.txt", [Said("Ann Lee", "Nothing changes")]))
    return path


@pytest.mark.model
def test_quotes_from_a_page_carry_its_metadata(
    quotecli_home: Path, tmp_path: Path, news_page: Page
) -> None:
    page = tmp_path / "page.html"
    page.write_text(news_page(STORY), encoding="utf-8")
    found = records(invoke("quotes", str(page), "--format", "json", "--jobs", "1"))
    assert found
    assert found[0]["article"] == {
        "path": page.as_posix(),
        "title": "Putin visits Vietnam",
        "date": "2024-06-20",
        "url": "https://www.dailyplanet.example/world/2024/06/putin-vietnam",
        "outlet": "The Daily Planet",
        "author": "Jane Reporter",
        "id": None,
    }
    assert all("ADVERTISEMENT" not in q["text"] for q in found)


@pytest.mark.parametrize(
    ("options", "speakers"),
    [
        (["--outlet", "daily planet"], ["Carlyle Thayer"]),
        (["--outlet", "PLANET", "--outlet", "sun"], ["Carlyle Thayer", "Zachary Abuza"]),
        (["--url", "sun.example"], ["Zachary Abuza"]),
        (["--outlet", "Gazette"], []),
    ],
    ids=["outlet", "outlets_ored", "url", "no_match"],
)
def test_outlet_and_url_filters(outlets: Path, options: list[str], speakers: list[str]) -> None:
    result = invoke("quotes", *options, "--format", "json")
    if not speakers:
        assert (result.exit_code, result.stdout.strip()) == (1, "[]")
        return
    assert sorted(q["speaker"]["name"] for q in records(result)) == speakers


def test_articles_lists_outlet_and_url(outlets: Path) -> None:
    result = invoke("articles", "--format", "json", "--outlet", "sun")
    [article] = records(result)
    assert (article["path"], article["outlet"], article["url"]) == (
        "s.html",
        "Morning Sun",
        "https://sun.example/b",
    )
    table = invoke("articles", "--format", "csv").stdout.splitlines()
    assert table[0].endswith(",outlet,url,author,id")
    assert (
        table[1].startswith("p.html,")
        and "The Daily Planet,https://dailyplanet.example/a" in table[1]
    )


def test_nothing_readable_in_a_corpus_is_exit_2(quotecli_home: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"headline": "H"}\nnot json\n', encoding="utf-8")
    result = invoke("quotes", str(corpus), "--format", "json")
    assert result.exit_code == 2
    assert f"{corpus.as_posix()}:1: no text field (fields: headline)" in result.stderr
    assert f"{corpus.as_posix()}:2: not valid JSON" in result.stderr
    assert "no article could be read" in result.stderr


def test_the_same_text_from_a_corpus_row_is_one_article_and_fills_the_metadata(
    tmp_path: Path,
) -> None:
    text = article_text([Said("Carlyle Thayer", "Hanoi gains most")])
    extractor = FakeExtractor()
    with Library.open(tmp_path / "lib.sqlite3") as library:
        plain = Article(path="story.txt", text=text)
        row = Article(
            path="corpus.jsonl:7",
            text=text,
            url="https://planet.example/s",
            outlet="Planet",
            id="s-7",
            date="2024-06-20",
        )
        for article in (plain, row):
            ingest([article], library, lambda: extractor, version=extractor.version)
        [stored] = library.articles(QuoteFilter())
    assert extractor.extracted == ["story.txt"]  # the row's text was known: not extracted again
    assert (stored["path"], stored["url"], stored["outlet"], stored["id"], stored["date"]) == (
        "story.txt",
        "https://planet.example/s",
        "Planet",
        "s-7",
        "2024-06-20",
    )
