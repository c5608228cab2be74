"""The seed articles, end to end: every quote found, none extra, each with its speaker and kind.

The expected table (tests/data/seed_quotes.tsv) was written by hand from reading the articles.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from quotecli.records import ArticleExtraction, Quote
from quotecli.sources import read_article

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data" / "seed_quotes.tsv"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True)
class Expected:
    article: str
    speaker: str
    kind: str
    snippet: str


def expected_rows() -> list[Expected]:
    lines = (
        line for line in DATA.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    )
    return [Expected(*row) for row in csv.reader(lines, delimiter="\t")]


@pytest.fixture(scope="module")
def seed_extractions(extractor) -> dict[str, ArticleExtraction]:  # type: ignore[no-untyped-def]
    articles = [read_article(path) for path in sorted(SEEDS.glob("*.txt"))]
    return {Path(e.article.path).name: e for e in extractor.extract_many(articles)}


def find(quotes: tuple[Quote, ...], snippet: str) -> list[Quote]:
    return [q for q in quotes if snippet in q.text]


@pytest.mark.parametrize("row", expected_rows(), ids=lambda r: f"{r.article[:3]}-{r.snippet[:30]}")
def test_expected_quote_is_found_with_speaker_and_kind(
    seed_extractions: dict[str, ArticleExtraction], row: Expected
) -> None:
    matches = find(seed_extractions[row.article].quotes, row.snippet)
    assert len(matches) == 1, f"{len(matches)} quotes contain {row.snippet!r}"
    assert (matches[0].speaker.name, str(matches[0].kind)) == (row.speaker, row.kind)


@pytest.mark.parametrize("article", sorted({r.article for r in expected_rows()}))
def test_no_quote_beyond_the_expected_ones(
    seed_extractions: dict[str, ArticleExtraction], article: str
) -> None:
    snippets = [r.snippet for r in expected_rows() if r.article == article]
    extra = [
        q.text for q in seed_extractions[article].quotes if not any(s in q.text for s in snippets)
    ]
    assert extra == []


def test_direct_quote_offsets_point_at_the_text(
    seed_extractions: dict[str, ArticleExtraction],
) -> None:
    for extraction in seed_extractions.values():
        for quote in extraction.quotes:
            assert extraction.article.text[quote.start : quote.end] == quote.text


def test_thayer_affiliation_reaches_every_quote(
    seed_extractions: dict[str, ArticleExtraction],
) -> None:
    thayer = [
        q for e in seed_extractions.values() for q in e.quotes if q.speaker.name == "Carlyle Thayer"
    ]
    assert len(thayer) == 3
    assert {q.speaker.affiliation for q in thayer} == {
        "emeritus professor at the Australian Defence Force Academy"
    }


def test_abuza_affiliation_names_the_war_college(
    seed_extractions: dict[str, ArticleExtraction],
) -> None:
    abuza = [
        q
        for q in seed_extractions["001_e566468e9cdf3167.txt"].quotes
        if q.speaker.name == "Zachary Abuza"
    ]
    assert abuza and all("US National War College" in (q.speaker.affiliation or "") for q in abuza)


def test_putin_title_comes_off_the_name(seed_extractions: dict[str, ArticleExtraction]) -> None:
    putin = [
        q for e in seed_extractions.values() for q in e.quotes if q.speaker.name == "Vladimir Putin"
    ]
    assert putin and {q.speaker.title for q in putin} == {"Russian President"}


def test_headline_and_heading_are_not_quotes(
    seed_extractions: dict[str, ArticleExtraction],
) -> None:
    gulf = seed_extractions["001_e566468e9cdf3167.txt"]
    first_quote_start = min(q.start for q in gulf.quotes)
    assert first_quote_start > gulf.article.text.index("AFP")
    reuters = seed_extractions["000_0deaf8d47228b67d.txt"]
    assert not find(reuters.quotes, "Bamboo diplomacy")
