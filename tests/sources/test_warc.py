"""Web archives, written in the test with warcio: HTML responses are articles, the rest counted."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotecli.sources import iter_articles

Page = Callable[..., str]
WARC_DATE = "2023-05-06T07:08:09Z"


def story(n: int) -> list[str]:
    return [
        f"Officials in city number {n} met on Tuesday to discuss the harbour plan.",
        f'"The port is full," harbour master number {n} said after the meeting.',
    ]


def response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    content_type: str = "text/html",
    status: str = "200 OK",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )
    writer.write_record(record)


def request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)
    )


def crawl(path: Path, news_page: Page, pages: int = 2, *, gzip: bool = True) -> None:
    """A small crawl: warcinfo, then per page a request and its response, plus an image, a
    404 and a redirect."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for n in range(1, pages + 1):
            url = f"https://news.example/story-{n}"
            request(writer, url)
            page = news_page(story(n), title=f"Story {n}", canonical=None, date=None, site=None)
            response(writer, url, page.encode())
        response(writer, "https://news.example/logo.png", b"\x89PNG\r\n", "image/png")
        response(
            writer, "https://news.example/gone", b"<html>Not found</html>", status="404 Not Found"
        )


def test_every_html_response_is_an_article_and_the_rest_is_counted(
    tmp_path: Path, news_page: Page
) -> None:
    path = tmp_path / "crawl.warc.gz"
    crawl(path, news_page)
    warnings: list[str] = []
    articles = list(iter_articles([str(path)], warnings.append))
    name = path.as_posix()
    assert [a.path for a in articles] == [f"{name}:3", f"{name}:5"]
    assert [a.url for a in articles] == [
        "https://news.example/story-1",
        "https://news.example/story-2",
    ]
    assert [a.title for a in articles] == ["Story 1", "Story 2"]
    assert {a.date for a in articles} == {"2023-05-06"}  # the pages state none: WARC-Date
    assert {a.outlet for a in articles} == {"news.example"}
    assert story(2)[1] in articles[1].text
    assert warnings == [
        f"{name}: 2 page(s) read; records skipped: 2 request, 1 warcinfo, 1 not HTML, 1 HTTP 404"
    ]


def test_uncompressed_warc_with_upper_case_extension(tmp_path: Path, news_page: Page) -> None:
    path = tmp_path / "CRAWL.WARC"
    crawl(path, news_page, pages=1, gzip=False)
    articles = list(iter_articles([str(tmp_path)], lambda _: None))
    assert [a.url for a in articles] == ["https://news.example/story-1"]


def test_page_date_wins_over_warc_date(tmp_path: Path, news_page: Page) -> None:
    path = tmp_path / "dated.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        page = news_page(story(1), date="2021-02-03T10:00:00Z")
        response(writer, "https://news.example/dated", page.encode())
    [article] = iter_articles([str(path)], lambda _: None)
    assert article.date == "2021-02-03"


@pytest.mark.parametrize("where", [0.03, 0.6], ids=["in_the_headers", "in_the_page"])
def test_truncated_archive_keeps_the_records_before_the_damage(
    tmp_path: Path, news_page: Page, where: float
) -> None:
    path = tmp_path / "cut.warc.gz"
    crawl(path, news_page, pages=3)
    data = path.read_bytes()
    # Cut inside the last page's response (each record is one gzip member; the image and
    # the 404 follow it).
    members = [i for i in range(len(data) - 2) if data[i : i + 3] == b"\x1f\x8b\x08"]
    start, end = members[-3], members[-2]
    path.write_bytes(data[: start + int((end - start) * where)])
    warnings: list[str] = []
    articles = list(iter_articles([str(path)], warnings.append))
    assert [a.url for a in articles] == [
        "https://news.example/story-1",
        "https://news.example/story-2",
    ]
    assert warnings[0].startswith(f"{path.as_posix()}: damaged at record 7 (")
    assert warnings[0].endswith("the 6 record(s) before it were read")


def test_archive_without_pages_says_so(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        response(writer, "https://news.example/a.png", b"\x89PNG", "image/png")
    warnings: list[str] = []
    assert list(iter_articles([str(path)], warnings.append)) == []
    assert warnings == [f"{path.as_posix()}: 0 page(s) read; records skipped: 1 not HTML"]
