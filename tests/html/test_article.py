"""The article page: one highlighted, labelled quote per record, all article text escaped."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from types import ModuleType
from typing import Any

from quotecli.html import ArticleDoc, article_page
from quotecli.html.article import ALSO_IN_SHOWN, card_record, speaker_colours


class Tags(HTMLParser):
    """Start tags with their attributes, checking that marks and spans nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))
        if tag in ("mark", "span", "p", "script"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("mark", "span", "p", "script"):
            assert self.open.pop() == tag, f"</{tag}> closes something else"

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    assert tags.open == []
    return tags


def marks(tags: Tags) -> list[dict[str, str | None]]:
    return [a for t, a in tags.found if t == "mark" and "q" in (a.get("class") or "").split()]


def data_of(html: str) -> Any:
    block = re.search(r'<script type="application/json" class="doc-data">(.*?)</script>', html)
    assert block is not None
    return json.loads(block.group(1))


def test_one_labelled_focusable_mark_per_quote(
    synthetic: ModuleType, as_doc: Callable[[Any], ArticleDoc]
) -> None:
    said = [
        synthetic.Said("Ann Lee", "Prices rose"),
        synthetic.Said("Bo Chen", "We will see", kind=synthetic.QuoteKind.INDIRECT),
        synthetic.Said("Ann Lee", "Nobody expected it"),
    ]
    doc = as_doc(synthetic.build_extraction("a.txt", said, title="Prices"))
    tags = parse(article_page(doc))
    first = [m for m in marks(tags) if m.get("tabindex") == "0"]
    assert sorted(m["data-q"] for m in first) == ["0", "1", "2"]  # type: ignore[type-var]
    assert [m["class"] for m in first] == ["q s0 direct", "q s1 indirect", "q s0 direct"]
    labels = [a for t, a in tags.found if t == "span" and a.get("class") == "who s1"]
    assert len(labels) == 2  # Bo Chen: in the legend and on the quote
    assert "Bo Chen" in tags.data


def test_split_quote_marks_each_part_and_underlines_the_cue(
    synthetic: ModuleType, as_doc: Callable[[Any], ArticleDoc]
) -> None:
    text = 'The port is full," the harbour master said, "and the ships keep coming.'
    gap = (text.index(","), text.index("and"))
    doc = as_doc(
        synthetic.build_extraction("a.txt", [synthetic.Said("Harbour Master", text, gaps=(gap,))])
    )
    tags = parse(article_page(doc))
    found = marks(tags)
    assert [m["data-q"] for m in found] == ["0", "0"]
    assert "more" in (found[1]["class"] or "")
    assert [a for t, a in tags.found if t == "span" and "cue" in (a.get("class") or "")]


def test_overlapping_quotes_nest_and_both_are_marked() -> None:
    text = "He said that it was late and that nobody came."
    outer = {"start": 13, "end": 46, "kind": "indirect", "speaker": {"name": "Ann"}, "id": "o"}
    inner = {"start": 28, "end": 46, "kind": "direct", "speaker": {"name": "Bo"}, "id": "i"}
    tags = parse(article_page(ArticleDoc({"path": "x"}, text, [outer, inner])))
    assert {m["data-q"] for m in marks(tags)} == {"0", "1"}


def test_article_text_is_escaped_and_runs_nothing(
    synthetic: ModuleType, as_doc: Callable[[Any], ArticleDoc]
) -> None:
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    doc = as_doc(
        synthetic.build_extraction(
            "<b>.txt", [synthetic.Said("Eve <i>", evil)], title="</title><script>x()</script>"
        )
    )
    html = article_page(doc)
    assert "<img" not in html and "<i>" not in html and "<b>" not in html
    assert html.count("<script") == 2  # the JSON data and our own script, nothing else
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert data_of(html)["quotes"][0]["speaker"]["name"] == "Eve <i>"


def test_new_record_fields_reach_the_page_data(
    synthetic: ModuleType, as_doc: Callable[[Any], ArticleDoc]
) -> None:
    doc = as_doc(synthetic.build_extraction("a.txt", [synthetic.Said("Ann Lee", "Yes")]))
    quotes = [{**q, "rule": "colon_introduced", "act": "speech"} for q in doc.quotes]
    data = data_of(article_page(ArticleDoc(doc.meta, doc.text, quotes)))
    assert (data["quotes"][0]["rule"], data["quotes"][0]["act"]) == ("colon_introduced", "speech")


def test_legend_counts_each_speaker_and_shows_the_role(
    synthetic: ModuleType, as_doc: Callable[[Any], ArticleDoc]
) -> None:
    said = [
        synthetic.Said("Ann Lee", "One", affiliation="a port authority"),
        synthetic.Said("Ann Lee", "Two", affiliation="a port authority"),
    ]
    html = article_page(as_doc(synthetic.build_extraction("a.txt", said)))
    legend = html.split('<section class="legend"')[1].split("</section>")[0]
    assert "Ann Lee" in legend and "a port authority" in legend and "2 quotes" in legend


def test_unnamed_speaker_is_grey_and_named_speakers_take_colours_in_order() -> None:
    quotes = [{"speaker": {"name": n}} for n in ("B", None, "A", "B")]
    assert speaker_colours(quotes) == {"B": "s0", "A": "s1", "(unknown speaker)": "s-unknown"}


def test_also_in_is_cut_to_a_few_paths_with_a_count_of_the_rest() -> None:
    others = [{"path": f"p{n}.txt", "title": f"T{n}" if n % 2 else None} for n in range(20)]
    titles: dict[str, str] = {}
    record = card_record({"id": "x", "text": "t", "also_in": others}, titles)
    assert record["also_in"] == [f"p{n}.txt" for n in range(ALSO_IN_SHOWN)]
    assert record["also_in_more"] == 20 - ALSO_IN_SHOWN
    assert titles == {f"p{n}.txt": f"T{n}" for n in range(1, ALSO_IN_SHOWN, 2)}
    assert "text" not in record
