"""URLs, fetched from a local HTTP server on 127.0.0.1 run in a thread of the test process."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from quotecli.records import Article
from quotecli.sources import ReadOptions, iter_articles
from quotecli.sources.url import USER_AGENT

Page = Callable[..., str]
STORY = [
    "Officials met on Tuesday to discuss the harbour plan for the coming year.",
    '"The port is full," the harbour master said after the meeting.',
]
SLOW_SECONDS = 1.5


class Site(BaseHTTPRequestHandler):
    """A few pages and failures; every request's User-Agent is noted."""

    page = ""
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Site.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/story":
            self._send(200, "text/html; charset=utf-8", Site.page.encode())
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/data.json":
            self._send(200, "application/json", b'{"text": "not a page"}')
        elif self.path == "/big":
            self._send(
                200, "text/html", b"<html><body><p>" + b"word " * 5000 + b"</p></body></html>"
            )
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, "text/html", Site.page.encode())
        else:
            self._send(404, "text/html", b"<html><body>Not found</body></html>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)


def fetch(url: str, **limits: float) -> tuple[list[Article], list[str]]:
    warnings: list[str] = []
    options = ReadOptions(**limits)  # type: ignore[arg-type]
    return list(iter_articles([url], warnings.append, options=options)), warnings


def test_page_is_fetched_and_read_with_its_metadata(site: str, news_page: Page) -> None:
    Site.page = news_page(STORY, canonical=None, site=None)
    [article], warnings = fetch(f"{site}/story")
    assert warnings == []
    assert (article.path, article.url, article.outlet) == (
        f"{site}/story",
        f"{site}/story",
        "127.0.0.1",
    )
    assert (article.title, article.date) == ("Putin visits Vietnam", "2024-06-20")
    assert article.text.endswith("\n\n".join(STORY))


def test_the_user_agent_names_quotecli(site: str, news_page: Page) -> None:
    Site.page = news_page(STORY)
    Site.agents.clear()
    fetch(f"{site}/story")
    assert Site.agents == [USER_AGENT]
    assert USER_AGENT.startswith("quotecli/")


def test_a_redirect_is_followed_and_the_final_url_kept(site: str, news_page: Page) -> None:
    Site.page = news_page(STORY, canonical=None)
    [article], _ = fetch(f"{site}/moved")
    assert (article.path, article.url) == (f"{site}/moved", f"{site}/story")


@pytest.mark.parametrize(
    ("path", "limits", "message"),
    [
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/data.json", {}, "not a web page (application/json)"),
        ("/big", {"max_bytes": 10_000}, "larger than 10,000 bytes; not read"),
        ("/slow", {"timeout": 0.3}, "no answer within 0.3 s"),
    ],
    ids=["not_found", "not_html", "too_large", "timeout"],
)
def test_a_failing_url_is_one_warning(
    site: str, news_page: Page, path: str, limits: dict[str, float], message: str
) -> None:
    Site.page = news_page(STORY)
    articles, warnings = fetch(f"{site}{path}", **limits)
    assert articles == []
    assert warnings == [f"{site}{path}: {message}"]


def test_an_unreachable_host_is_one_warning_and_the_rest_is_read(
    site: str, news_page: Page
) -> None:
    Site.page = news_page(STORY)
    warnings: list[str] = []
    dead = "http://127.0.0.1:9/nothing"  # the discard port: nothing listens
    found = list(iter_articles([dead, f"{site}/story"], warnings.append))
    assert [a.path for a in found] == [f"{site}/story"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{dead}: cannot fetch (")
