"""SVG charts: every value written as text, labels shortened but kept whole in a tooltip."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quotecli.html.charts import bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_bar_chart_writes_each_label_and_value() -> None:
    svg = bar_chart("c", "Top", [("Ann Lee", 5), ("Bo <Chen>", 2)])
    assert texts(svg) == ["Ann Lee", "5", "Bo <Chen>", "2"]
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}desc").text == "Ann Lee: 5 quotes; Bo <Chen>: 2 quotes"  # type: ignore[union-attr]


def test_bar_lengths_follow_values() -> None:
    svg = bar_chart("c", "Top", [("a", 4), ("b", 2), ("c", 0)])
    widths = [float(r.get("width", "0")) for r in ET.fromstring(svg).iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1] and widths[2] == 0


def test_long_label_is_shortened_with_the_whole_name_in_its_title() -> None:
    name = "The Ministry of Foreign Affairs of the Socialist Republic"
    svg = bar_chart("c", "Top", [(name, 1)])
    assert texts(svg)[0].endswith("…") and len(texts(svg)[0]) < len(name)
    assert name in [t.text for t in ET.fromstring(svg).iter(f"{SVG}title")][1]


def test_column_chart_thins_its_date_labels() -> None:
    items = [(f"2024-01-{d:02d}", d % 3) for d in range(1, 31)]
    labels = [t for t in texts(column_chart("t", "Time", items)) if t.startswith("2024")]
    assert 2 <= len(labels) <= 8
    assert labels[0] == "2024-01-01"
