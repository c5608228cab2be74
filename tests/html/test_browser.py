"""The pages in headless Chromium: what a reader sees, hovers, filters and follows.

Every page is opened from `file://`; each test checks that it made no request beyond its own
file and logged no error (a blocked inline script or style would log one).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from playwright.sync_api import expect
from typer.testing import CliRunner

from quotecli.cli.app import app
from quotecli.html import ArticleDoc, Selection, article_page, report_page, report_site
from quotecli.store import Library

runner = CliRunner()
Open = Callable[[Path], Any]


def clean(opened: Any) -> None:
    assert opened.other_requests == []
    assert opened.errors == []
    assert opened.dialogs == []


def highlighted(page: Any) -> set[str]:
    """The records marked in the visible article: distinct `data-q` of its marks."""
    return set(page.eval_on_selector_all("mark.q:visible", "ms => ms.map(m => m.dataset.q)"))


# --- the seed articles, through the CLI ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_pages(seed_library: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each seed's `show --format html` page and the library's `report`, with its records."""
    folder = tmp_path_factory.mktemp("seed-pages")
    with Library.open(seed_library) as library:
        stored = library.articles(_everything())
        records = {a["path"]: library.article_text(a["sha256"])[2] for a in stored}
    pages = {}
    for n, path in enumerate(sorted(records)):
        shown = runner.invoke(app, ["show", path, "--format", "html", "--db", str(seed_library)])
        assert shown.exit_code == 0, shown.stderr
        pages[path] = folder / f"article-{n}.html"
        pages[path].write_text(shown.stdout, encoding="utf-8")
    report = folder / "report.html"
    made = runner.invoke(app, ["report", "--out", str(report), "--db", str(seed_library)])
    assert made.exit_code == 0, made.stderr
    return {"articles": pages, "records": records, "report": report}


def _everything() -> Any:
    from quotecli.query import QuoteFilter

    return QuoteFilter()


@pytest.mark.browser
@pytest.mark.model
def test_seed_article_marks_every_record_and_hover_names_its_speaker(
    seed_pages: dict[str, Any], open_page: Open
) -> None:
    for path, page_path in seed_pages["articles"].items():
        records = seed_pages["records"][path]
        opened = open_page(page_path)
        page = opened.page
        assert records and highlighted(page) == {str(i) for i in range(len(records))}
        for i, record in enumerate(records):
            page.keyboard.press("Escape")  # the last card may cover this quote
            page.hover(f'mark.q[data-q="{i}"][tabindex="0"]')
            card = page.locator("#quote-card")
            assert card.is_visible()
            expected = record["speaker"]["name"] or "(unknown speaker)"
            assert card.locator("h3").inner_text() == expected
            assert record["kind"] in card.inner_text()
            assert record.get("rule", "") in card.inner_text()
        clean(opened)


@pytest.mark.browser
@pytest.mark.model
def test_seed_report_filters_by_speaker_and_links_to_the_article(
    seed_pages: dict[str, Any], open_page: Open
) -> None:
    opened = open_page(seed_pages["report"])
    page = opened.page
    quotes = [q for records in seed_pages["records"].values() for q in records]
    assert len(quotes) > 0
    name, count = Counter(q["speaker"]["name"] for q in quotes if q["speaker"]["name"]).most_common(
        1
    )[0]
    page.select_option("#f-speaker", value=name)
    speakers = page.locator("#quote-table tbody td.speaker").all_inner_texts()
    assert speakers == [name] * min(count, 50)
    assert page.locator("#table-status").inner_text().endswith(f"of {len(quotes)})")

    page.select_option("#f-speaker", value="")
    page.locator(f'#chart-speakers a[data-value="{name}"]').click()  # the bar filters too
    assert page.locator("#f-speaker").input_value() == name
    assert set(page.locator("#quote-table tbody td.speaker").all_inner_texts()) == {name}

    page.locator("#quote-table tbody td.article a").first.click()
    assert not page.locator("#report").is_visible()
    target = page.locator("mark.q:target")
    assert target.is_visible() and name in target.inner_text()
    linked = [q for q in quotes if q["also_in"]]
    if linked:  # the card's also_in link opens the other article in the same file
        page.goto(f"{opened.url}#q-{linked[0]['id']}")
        page.hover("mark.q:target")
        page.locator("#quote-card a").first.click()
        other = linked[0]["also_in"][0]["title"] or linked[0]["also_in"][0]["path"]
        assert page.locator("article.doc:visible h1").inner_text() == other
        page.go_back()
    page.locator("article.doc:visible .back a").click()
    assert page.locator("#report").is_visible()
    clean(opened)


# --- synthetic articles, through the core ------------------------------------------------------


def write(folder: Path, name: str, html: str) -> Path:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return path


EVIL = "<script>window.__pwned = 1; alert(1)</script><img src=x onerror=alert(2)>"


@pytest.mark.browser
def test_script_in_an_article_is_shown_as_text_and_never_runs(
    synthetic: ModuleType,
    as_doc: Callable[[Any], ArticleDoc],
    as_selection: Callable[[list[Any]], Selection],
    open_page: Open,
    tmp_path: Path,
) -> None:
    extraction = synthetic.build_extraction(
        "evil.txt", [synthetic.Said("Eve <b>Mallory</b>", EVIL)], title=EVIL
    )
    for name, html in (
        ("article.html", article_page(as_doc(extraction))),
        ("report.html", report_page(as_selection([extraction]))),
    ):
        opened = open_page(write(tmp_path, name, html))
        page = opened.page
        if name == "report.html":
            page.locator("#quote-table tbody td.article a").click()
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img").count() == 0
        assert EVIL in page.locator("article.doc:visible .text").inner_text()
        page.hover('article.doc:visible mark.q[tabindex="0"]')
        assert page.locator("#quote-card h3").inner_text() == "Eve <b>Mallory</b>"
        clean(opened)


@pytest.mark.browser
def test_keyboard_focus_shows_the_card_and_escape_hides_it(
    synthetic: ModuleType, as_doc: Callable[[Any], ArticleDoc], open_page: Open, tmp_path: Path
) -> None:
    extraction = synthetic.build_extraction("a.txt", [synthetic.Said("Ann Lee", "Calm")])
    quotes = [{**q, "rule": "colon_introduced"} for q in as_doc(extraction).quotes]
    doc = ArticleDoc(as_doc(extraction).meta, extraction.article.text, quotes)
    opened = open_page(write(tmp_path, "a.html", article_page(doc)))
    page = opened.page
    page.focus('mark.q[tabindex="0"]')
    card = page.locator("#quote-card")
    assert card.is_visible() and "colon_introduced" in card.inner_text()
    page.keyboard.press("Escape")
    assert card.is_hidden()
    clean(opened)


NAMES = [f"Speaker {chr(65 + n // 26)}{chr(65 + n % 26)}" for n in range(37)]


@pytest.fixture(scope="module")
def big_selection(synthetic: ModuleType, as_selection: Callable[[list[Any]], Selection]) -> Any:
    """10,000 quotes over 200 articles and 37 speakers, dated over a year."""
    kinds = list(synthetic.QuoteKind)
    extractions = []
    for a in range(200):
        said = [
            synthetic.Said(
                NAMES[(a * 50 + n) % len(NAMES)],
                f"Statement {a}-{n} about Hanoi" if n % 7 == 0 else f"Statement {a}-{n}",
                kind=kinds[n % len(kinds)],
            )
            for n in range(50)
        ]
        date = f"2024-{a % 12 + 1:02d}-{a % 28 + 1:02d}"
        extractions.append(synthetic.build_extraction(f"art/{a:03d}.txt", said, date=date))
    return as_selection(extractions)


@pytest.mark.browser
def test_report_of_ten_thousand_quotes_pages_and_filters(
    big_selection: Selection, open_page: Open, tmp_path: Path
) -> None:
    assert len(big_selection.quotes) == 10_000
    opened = open_page(write(tmp_path, "big.html", report_page(big_selection)))
    page = opened.page
    rows = page.locator("#quote-table tbody tr")
    assert rows.count() == 50
    assert page.locator("#table-status").inner_text() == "Quotes 1–50 of 10,000"

    name = NAMES[5]
    expected = sum(q["speaker"]["name"] == name for q in big_selection.quotes)
    page.select_option("#f-speaker", value=name)
    assert set(page.locator("#quote-table tbody td.speaker").all_inner_texts()) == {name}
    assert f"of {expected:,} (of 10,000)" in page.locator("#table-status").inner_text()

    page.fill("#f-text", "hanoi")
    both = sum(q["speaker"]["name"] == name and "Hanoi" in q["text"] for q in big_selection.quotes)
    expect(page.locator("#table-status")).to_contain_text(f"of {both:,} (of 10,000)")
    texts = page.locator("#quote-table tbody td.words").all_inner_texts()
    assert texts and all("Hanoi" in t for t in texts)

    page.select_option("#f-speaker", value="")
    page.fill("#f-text", "")
    expect(page.locator("#table-status")).to_have_text("Quotes 1–50 of 10,000")
    page.click("#page-next")
    assert page.locator("#page-at").inner_text() == "Page 2 of 200"
    page.click("#quote-table th[data-sort=date] button")
    dates = page.locator("#quote-table tbody td.date").all_inner_texts()
    assert dates == sorted(dates) and dates[0].startswith("2024-01")
    clean(opened)


@pytest.mark.browser
def test_site_pages_link_to_each_other_from_file_urls(
    synthetic: ModuleType,
    as_selection: Callable[[list[Any]], Selection],
    open_page: Open,
    tmp_path: Path,
) -> None:
    said = [[synthetic.Said("Ann Lee", "One")], [synthetic.Said("Bo Chen", "Two")]]
    selection = as_selection(
        [synthetic.build_extraction(f"{n}.txt", s) for n, s in enumerate(said)]
    )
    for name, html in report_site(selection).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path, name, html)
    opened = open_page(tmp_path / "index.html")
    page = opened.page
    page.locator("#quote-table tbody td.article a").nth(1).click()
    page.wait_for_load_state("load")
    article = page.url.split("#")[0]
    assert "/articles/" in article
    assert page.locator("mark.q:target").inner_text().startswith("Bo Chen")
    page.locator(".back a").click()
    page.wait_for_load_state("load")
    index = (tmp_path / "index.html").as_uri()
    assert page.url == index
    assert {u.split("#")[0] for u in opened.requests} == {index, article}  # nothing else
    assert opened.errors == [] and opened.dialogs == []


@pytest.mark.browser
def test_print_leaves_out_the_controls_and_keeps_the_labels(
    big_selection: Selection, as_doc: Callable[[Any], ArticleDoc], open_page: Open, tmp_path: Path
) -> None:
    opened = open_page(write(tmp_path, "p.html", article_page(big_selection.articles[0])))
    page = opened.page
    page.emulate_media(media="print")
    assert page.locator(".legend").is_visible()
    assert page.locator("mark.q .who").first.is_visible()
    report = open_page(write(tmp_path, "r.html", report_page(big_selection)))
    report.page.emulate_media(media="print")
    assert report.page.locator(".controls").is_hidden()
    assert report.page.locator(".chart svg").first.is_visible()
    clean(opened)
    clean(report)


def json_records(result: Any) -> Iterator[dict[str, Any]]:
    yield from json.loads(result.stdout)


@pytest.mark.browser
def test_keyboard_reaches_the_cards_also_in_link(
    synthetic: ModuleType,
    as_selection: Callable[[list[Any]], Selection],
    open_page: Open,
    tmp_path: Path,
) -> None:
    said = synthetic.Said("Ann Lee", "The port is full")
    first, second = (
        synthetic.build_extraction(f"{n}.txt", [said], title=f"Paper {n}") for n in range(2)
    )
    selection = as_selection([first, second])
    linked = {**selection.quotes[0], "also_in": [{"path": "1.txt", "title": "Paper 1"}]}
    doc = selection.articles[0]
    docs = [ArticleDoc(doc.meta, doc.text, [linked]), selection.articles[1]]
    page_file = write(tmp_path, "r.html", report_page(Selection([linked], docs)))
    opened = open_page(page_file)
    page = opened.page
    page.goto(f"{opened.url}#q-{linked['id']}")
    page.focus("mark.q:target")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Paper 1"
    page.keyboard.press("Escape")  # back to the quote, card closed
    assert page.evaluate("document.activeElement.id") == f"q-{linked['id']}"
    assert page.locator("#quote-card").is_hidden()
    page.keyboard.press("Enter")  # a focused quote's card is open again: Enter moves in
    page.keyboard.press("Enter")
    assert page.locator("article.doc:visible h1").inner_text() == "Paper 1"
    clean(opened)
