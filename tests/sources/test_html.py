"""Web pages: the main text without the page around it, and the page's metadata."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from quotecli.errors import InputError
from quotecli.records import Article
from quotecli.sources import iter_articles
from quotecli.sources.html import looks_like_html, page_article, paragraphs

STORY = [
    "Russian President Vladimir Putin arrived in Hanoi on Thursday for a state visit.",
    '"We are firmly committed to deepening the partnership," Putin said at the palace.',
    "Vietnam's leaders praised the visit, the foreign ministry said in a statement.",
]
BOILERPLATE = (
    "ADVERTISEMENT",
    "Best rates",
    "Related articles",
    "We will win",
    "commenter Bob",
    "newsletter",
    "All rights reserved",
    "Tracking said",
    "Privacy",
    "Politics",
)

Page = Callable[..., str]


def read(page: str, name: str = "page.html") -> tuple[Article, list[str]]:
    warnings: list[str] = []
    return page_article(name, page.encode(), warnings.append), warnings


def test_main_text_keeps_the_story_and_drops_the_page_around_it(news_page: Page) -> None:
    article, warnings = read(news_page(STORY))
    text = article.text
    for paragraph in STORY:
        assert f"\n\n{paragraph}" in text or text.startswith(paragraph)
    for junk in BOILERPLATE:
        assert junk not in text
    assert warnings == []


def test_paragraphs_are_separated_by_blank_lines(news_page: Page) -> None:
    article, _ = read(news_page(STORY))
    text = article.text
    assert text.endswith("\n\n".join(STORY))


def test_metadata_comes_from_the_page(news_page: Page) -> None:
    article, _ = read(news_page(STORY))
    assert (article.title, article.date, article.outlet, article.author, article.url) == (
        "Putin visits Vietnam",
        "2024-06-20",
        "The Daily Planet",
        "Jane Reporter",
        "https://www.dailyplanet.example/world/2024/06/putin-vietnam",
    )


def test_outlet_falls_back_to_the_host_without_www(news_page: Page) -> None:
    article, _ = read(news_page(STORY, site=None))
    assert article.outlet == "dailyplanet.example"


def test_a_given_url_and_date_are_used_when_the_page_has_none(news_page: Page) -> None:
    page = news_page(STORY, canonical=None, date=None, site=None)
    warnings: list[str] = []
    article = page_article(
        "crawl.warc:3",
        page.encode(),
        warnings.append,
        url="https://news.example.org/a",
        date="2023-01-02T03:04:05Z",
    )
    assert (article.url, article.outlet) == ("https://news.example.org/a", "news.example.org")
    assert article.date == "2023-01-02"


def test_page_without_main_text_is_an_input_error() -> None:
    page = (
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(InputError, match=r"^empty\.html: no main text found in the page$"):
        page_article("empty.html", page.encode(), lambda _: None)


def test_utf16_page_is_decoded_and_named(news_page: Page) -> None:
    warnings: list[str] = []
    article = page_article("win.html", news_page(STORY).encode("utf-16"), warnings.append)
    assert STORY[1] in article.text
    assert warnings == ["win.html: decoded as UTF-16 (byte order mark)"]


def test_declared_legacy_charset_is_honoured() -> None:
    body = "".join(f"<p>{p} Café.</p>" for p in STORY)
    head = '<html><head><meta charset="iso-8859-1"></head>'
    page = f"{head}<body><article>{body}</article></body></html>"
    article = page_article("old.html", page.encode("iso-8859-1"), lambda _: None)
    assert "Café." in article.text


def test_html_on_stdin_is_read_as_a_page(news_page: Page) -> None:
    warnings: list[str] = []
    stdin = io.BytesIO(news_page(STORY).encode())
    [article] = iter_articles(["-"], warnings.append, stdin=stdin)
    assert (article.path, article.title, warnings) == ("<stdin>", "Putin visits Vietnam", [])
    assert "ADVERTISEMENT" not in article.text


def test_upper_case_extension_is_a_page(tmp_path: Path, news_page: Page) -> None:
    (tmp_path / "SAVED.HTM").write_text(news_page(STORY), encoding="utf-8")
    [article] = iter_articles([str(tmp_path)], lambda message: pytest.fail(message))
    assert article.outlet == "The Daily Planet"


def test_directory_page_without_text_is_one_warning_and_the_rest_is_read(
    tmp_path: Path, news_page: Page
) -> None:
    (tmp_path / "a.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text(news_page(STORY), encoding="utf-8")
    warnings: list[str] = []
    found = list(iter_articles([str(tmp_path)], warnings.append))
    assert [Path(a.path).name for a in found] == ["b.html"]
    assert warnings == [f"{(tmp_path / 'a.html').as_posix()}: no main text found in the page"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\n  <html lang='en'>", True),
        (b"<!-- saved --><!doctype HTML>", True),
        (b"The <b>president</b> said so.", False),
        (b"He said <html> is a tag.", False),
    ],
)
def test_looks_like_html(data: bytes, expected: bool) -> None:
    assert looks_like_html(data) is expected


def test_extracted_lines_become_paragraphs() -> None:
    assert paragraphs("A  b.\n\n  C.\nD.") == "A b.\n\nC.\n\nD."
