"""A seed article saved as a web page gives the same quotes as the seed text.

Each page is built here from the seed's paragraphs, wrapped in what news sites put around an
article (navigation, ads, scripts, a byline, comments, related links, a footer): nothing in
it is tuned to the extractor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from quotecli.records import ArticleExtraction
from quotecli.sources import read_article
from quotecli.sources.html import page_article

pytestmark = pytest.mark.model

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def said(extraction: ArticleExtraction) -> Counter[tuple[str, str, str | None, tuple[str, ...]]]:
    """Quotes as offset-free facts: kind, words, speaker, and the parts' words."""
    return Counter(
        (str(q.kind), q.text, q.speaker.name, tuple(p.text for p in q.parts))
        for q in extraction.quotes
    )


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_as_a_web_page_gives_the_seed_quotes(
    seed: Path,
    extractor,  # type: ignore[no-untyped-def]
    news_page: Callable[..., str],
) -> None:
    text_article = read_article(seed)
    paragraphs = [p.strip() for p in text_article.text.split("\n\n") if p.strip()]
    page = news_page(paragraphs, title=f"World news {seed.stem[:3]}")
    web_article = page_article(f"{seed.stem}.html", page.encode(), lambda _: None)
    assert "\n\n".join(paragraphs) in web_article.text  # the story whole, nothing around it
    from_text, from_page = (
        said(extractor.extract(text_article)),
        said(extractor.extract(web_article)),
    )
    assert from_text  # the comparison means something only if the seed has quotes
    assert from_page == from_text
