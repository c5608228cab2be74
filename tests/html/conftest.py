"""Fixtures for the HTML pages: synthetic records, the seeds' library, headless Chromium.

Browser tests (marked `browser`) drive the system's Chromium through Playwright, never a
downloaded browser. Without Chromium they are skipped with one line saying how to get it;
under CI (CI=true) a skipped browser test fails the run instead, so CI always runs them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quotecli.html import ArticleDoc, Selection

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ENABLE = "browser tests skipped: no chromium on PATH (enable them: apt-get install chromium)"
_skipped_in_ci: list[str] = []


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def synthetic() -> ModuleType:
    """The synthetic-library helpers (imported here only, so a move is a one-line change)."""
    from tests.support import synthetic as module

    return module


def selection_of(extractions: list[Any]) -> Selection:
    """A report selection of every quote of these ArticleExtractions (no library needed)."""
    docs = [doc_of(e) for e in extractions]
    return Selection([q for doc in docs for q in doc.quotes], docs, description="test")


def doc_of(e: Any) -> ArticleDoc:
    """The ArticleDoc of one ArticleExtraction, as the library would give it back."""
    return ArticleDoc(
        {
            "path": e.article.path,
            "title": e.article.title,
            "date": e.article.date,
            "sha256": e.article.sha256,
        },
        e.article.text,
        [q.to_dict() for q in e.quotes],
    )


@pytest.fixture(scope="session")
def as_selection() -> Callable[[list[Any]], Selection]:
    return selection_of


@pytest.fixture(scope="session")
def as_doc() -> Callable[[Any], ArticleDoc]:
    return doc_of


@pytest.fixture(scope="session")
def seed_library(extractor, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """A library of the seed articles, extracted once per test session."""
    from quotecli.sources import read_article
    from quotecli.store import Library

    path = tmp_path_factory.mktemp("seeds") / "library.sqlite3"
    articles = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    with Library.open(path) as library:
        for extraction in extractor.extract_many(articles):
            library.save(extraction)
    return path


# --- the browser ------------------------------------------------------------------------------


@dataclass
class Opened:
    """A page loaded in Chromium, with everything it asked the network for and complained of."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def other_requests(self) -> list[str]:
        """Requests beyond the page's own file: there must be none."""
        return [u for u in self.requests if u.split("#")[0] != self.url.split("#")[0]]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium()
    if executable is None:
        pytest.skip(ENABLE)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[[Path], Opened]]:
    """Open a file in a fresh browser context, recording requests, errors and dialogs."""
    contexts: list[Any] = []

    def open_file(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri())
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on(
            "console",
            lambda message: opened.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(opened.url, wait_until="load")
        return opened

    yield open_file
    for context in contexts:
        context.close()


def pytest_runtest_setup(item: pytest.Item) -> None:
    # Skipped here, not by a mark or fixture: pytest then reports every such skip at this one
    # line, so the summary says once how to enable them.
    if item.get_closest_marker("browser") and chromium() is None:
        pytest.skip(ENABLE)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "browser" in report.keywords and os.environ.get("CI") == "true":
        _skipped_in_ci.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped_in_ci:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _skipped_in_ci:
        terminalreporter.write_sep(
            "=",
            f"CI=true but {len(_skipped_in_ci)} browser test(s) were skipped:"
            " install chromium (apt-get install chromium) before make test",
            red=True,
        )
