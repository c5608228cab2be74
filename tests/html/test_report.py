"""The report: its charts and table data, one file or a site, and the time buckets."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from quotecli.html import Selection, report_page, report_site
from quotecli.html.report import timeline


def sample(synthetic: ModuleType, as_selection: Callable[[list[Any]], Selection]) -> Selection:
    Said = synthetic.Said
    return as_selection(
        [
            synthetic.build_extraction(
                "a.txt",
                [Said("Ann Lee", "Hanoi is calm"), Said("Bo Chen", "Moscow waits")],
                title="First",
                date="2024-06-01",
            ),
            synthetic.build_extraction(
                "b.txt", [Said("Ann Lee", "Still calm in Hanoi")], date="2024-06-03"
            ),
        ]
    )


def table_data(html: str) -> Any:
    block = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html)
    assert block is not None
    return json.loads(block.group(1))


def test_report_embeds_each_article_and_links_rows_to_their_quotes(
    synthetic: ModuleType, as_selection: Callable[[list[Any]], Selection]
) -> None:
    selection = sample(synthetic, as_selection)
    html = report_page(selection)
    assert html.count('<article class="doc"') == 2
    data = table_data(html)
    assert [row[0] for row in data["rows"]] == ["Ann Lee", "Bo Chen", "Ann Lee"]
    first = data["articles"][data["rows"][0][4]]
    assert first == {"label": "First", "base": ""}
    assert f'id="q-{data["rows"][0][5]}"' in html


def test_charts_count_speakers_kinds_places_and_days(
    synthetic: ModuleType, as_selection: Callable[[list[Any]], Selection]
) -> None:
    html = report_page(sample(synthetic, as_selection))
    assert "Ann Lee: 2 quotes; Bo Chen: 1 quotes" in html
    assert "direct: 3 quotes" in html
    assert "Hanoi: 2 quotes; Moscow: 1 quotes" in html  # places counted from the quotes
    assert "2024-06-01: 2 quotes; 2024-06-02: 0 quotes; 2024-06-03: 1 quotes" in html
    assert "records no outlet" in html


def test_outlets_come_from_the_record_or_the_url_host(
    synthetic: ModuleType, as_selection: Callable[[list[Any]], Selection]
) -> None:
    selection = sample(synthetic, as_selection)
    quotes = [
        {**q, "article": {**q["article"], "url": "https://www.example.org/x"}}
        for q in selection.quotes[:2]
    ] + [{**selection.quotes[2], "article": {**selection.quotes[2]["article"], "outlet": "Wire"}}]
    html = report_page(Selection(quotes, selection.articles))
    assert "example.org: 2 quotes; Wire: 1 quotes" in html


def test_site_writes_an_index_and_a_page_per_article(
    synthetic: ModuleType, as_selection: Callable[[list[Any]], Selection]
) -> None:
    selection = sample(synthetic, as_selection)
    files = report_site(selection)
    pages = sorted(n for n in files if n.startswith("articles/"))
    assert len(pages) == 2 and "index.html" in files
    bases = {a["base"] for a in table_data(files["index.html"])["articles"]}
    assert bases == set(pages)
    assert '<a href="../index.html">' in files[pages[0]]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        pytest.param(["2024-06-01", "2024-06-01"], [("2024-06-01", 2)], id="one_day"),
        pytest.param(
            ["2024-01-15", "2024-04-20"],
            [("2024-01", 1), ("2024-02", 0), ("2024-03", 0), ("2024-04", 1)],
            id="months_when_days_are_too_many",
        ),
        pytest.param(["2019-05-01", "2024-05-01"], None, id="years_past_four_years_of_months"),
        pytest.param(["2024", "2024-06-20"], [("2024", 2)], id="year_only_dates"),
    ],
)
def test_timeline_buckets(dates: list[str], expected: list[tuple[str, int]] | None) -> None:
    found = timeline(dates)
    if expected is None:
        assert [p for p, _ in found] == ["2019", "2020", "2021", "2022", "2023", "2024"]
    else:
        assert found == expected
