"""Shared fixtures. The real model loads once per session; tests that use it are marked `model`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
POLNEAR = REPO.parent / "shared" / "data" / "polnear"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The default English pipeline with the `quotecli` component, loaded once."""
    from quotecli.nlp.loading import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor(nlp):  # type: ignore[no-untyped-def]
    from quotecli.extract import Extractor

    return Extractor(nlp=nlp)


@pytest.fixture(scope="session")
def extract_text(extractor) -> Callable[[str], object]:  # type: ignore[no-untyped-def]
    """Extract one text and return its ArticleExtraction."""
    from quotecli.records import Article

    def run(text: str) -> object:
        return extractor.extract(Article(path="<test>", text=text))

    return run


@pytest.fixture
def quotecli_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every file quotecli writes goes under a fresh temporary directory."""
    home = tmp_path / "home"
    monkeypatch.setenv("QUOTECLI_HOME", str(home))
    monkeypatch.delenv("QUOTECLI_DB", raising=False)
    yield home


@pytest.fixture(scope="session")
def news_page() -> Callable[..., str]:
    """A web page as news sites serve them: the article's paragraphs inside navigation, ads,
    scripts, a byline, a comments block, related links and a footer, with its metadata in
    the head. Built in the test from the paragraphs given, never tuned to one extractor."""
    import html

    def build(
        paragraphs: list[str],
        *,
        title: str = "Putin visits Vietnam",
        site: str | None = "The Daily Planet",
        date: str | None = "2024-06-20T08:15:00+00:00",
        author: str | None = "Jane Reporter",
        canonical: str | None = "https://www.dailyplanet.example/world/2024/06/putin-vietnam",
    ) -> str:
        esc = html.escape
        meta = [f"<title>{esc(title)} | {esc(site or 'News')}</title>"]
        meta.append(f'<meta property="og:title" content="{esc(title)}">')
        if site:
            meta.append(f'<meta property="og:site_name" content="{esc(site)}">')
        if date:
            meta.append(f'<meta property="article:published_time" content="{date}">')
        if author:
            meta.append(f'<meta name="author" content="{esc(author)}">')
        if canonical:
            meta.append(f'<link rel="canonical" href="{canonical}">')
        body = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)
        byline = f'<div class="byline">By {esc(author)}</div>' if author else ""
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
{chr(10).join(meta)}
<script>window.dataLayer = [{{"said": "Tracking said this is not an article"}}];</script>
<style>.ad {{ display: block; }}</style>
</head><body>
<header><a class="logo" href="/">{esc(site or "News")}</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<div class="ad-banner ad" id="top-ad">ADVERTISEMENT: "Best rates in town," said our sponsor.
<a href="https://ads.example/click">Click here</a></div>
<main><article>
<h1>{esc(title)}</h1>
{byline}
<div class="share"><a href="https://social.example/share">Share</a> <a href="#">Tweet</a></div>
{body}
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>"This is outrageous," commenter Bob wrote below the article.</p></div>
</section>
<aside class="related"><h2>Related articles</h2><ul>
<li><a href="/world/other">"We will win," the general said on Monday</a></li>
<li><a href="/world/more">Markets fall as officials said talks stalled</a></li></ul></aside>
</main>
<div class="newsletter">Sign up for our newsletter. "It's free," our editor said.</div>
<footer><p>© 2024 {esc(site or "News")}. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
<script src="/static/app.js"></script>
</body></html>
"""

    return build
