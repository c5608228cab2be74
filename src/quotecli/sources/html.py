"""Web pages: the article's main text and metadata, found by trafilatura.

trafilatura (the optional extra `web`) is imported only when a page is read, so plain-text
runs never load it. Navigation, ads, scripts, comments and related-article blocks are left
out; each paragraph of the main text becomes one paragraph of the article (separated by a
blank line, as quotecli's paragraphs are), and offsets refer to that text.
"""

from __future__ import annotations

import datetime as dt
import re
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from quotecli.errors import InputError, MissingDependencyError
from quotecli.records import Article
from quotecli.sources.common import Warn, iso_date, outlet_from_url
from quotecli.sources.text import check_text, decode_marked, normalise_newlines

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)
_HTML_PROBE = 2048
MIN_SENTENCE_WORDS = 6


def looks_like_html(data: bytes) -> bool:
    """Whether bytes (stdin, say) are a web page rather than plain text."""
    head = data[:_HTML_PROBE].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def page_article(
    name: str,
    data: bytes,
    on_warning: Warn,
    *,
    url: str | None = None,
    date: str | None = None,
) -> Article:
    """One web page as an Article.

    Args:
        name: the article's path (a file name, a URL, `archive.warc.gz:12`).
        data: the page as bytes; a byte order mark or the page's own charset is honoured.
        on_warning: one line per problem that does not stop the page being read.
        url: where the page came from, when known (a fetched URL, `WARC-Target-URI`); the
            page's canonical URL wins over it.
        date: a fallback date (`WARC-Date`) when the page states none.

    Raises:
        InputError: the page has no main text.
    """
    document = _extract(_markup(name, data, on_warning), url)
    text = paragraphs(_field(document, "text"))
    if not _has_prose(text):
        raise InputError(f"{name}: no main text found in the page")
    check_text(name, text, on_warning)
    page_url = _field(document, "url") or url
    return Article(
        path=name,
        text=text,
        title=_field(document, "title"),
        date=iso_date(_field(document, "date")) or iso_date(date),
        url=page_url,
        outlet=_outlet(_field(document, "sitename"), page_url),
        author=_field(document, "author"),
    )


def paragraphs(extracted: str | None) -> str:
    """trafilatura's text (one line per block) as paragraphs separated by blank lines."""
    lines = (" ".join(line.split()) for line in normalise_newlines(extracted or "").split("\n"))
    return "\n\n".join(line for line in lines if line)


def _outlet(site_name: str | None, url: str | None) -> str | None:
    """The page's site name; trafilatura falls back to the URL's host:port, which becomes the
    host alone, without `www.`."""
    if site_name and url and site_name.lower() == (urlsplit(url).netloc or "").lower():
        return outlet_from_url(url)
    return site_name or outlet_from_url(url)


def _has_prose(text: str) -> bool:
    """Whether the text holds a sentence: what is left of a page without an article is menu
    items and captions, a few words a line."""
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.split("\n\n"))


def _markup(name: str, data: bytes, on_warning: Warn) -> str | bytes:
    """Text for trafilatura: decoded here when marked or UTF-8; otherwise the bytes, so that
    trafilatura honours the page's declared charset."""
    marked = decode_marked(name, data, on_warning)
    if marked is not None:
        return marked
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data


def _extract(markup: str | bytes, url: str | None) -> Any:
    trafilatura = _trafilatura()
    return trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        # Precision: on a short story the default falls back to a whole-page baseline that
        # runs the byline, share buttons and story into one paragraph.
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # Dates from the page's markup only: a search of its visible text takes the footer's
        # "© 2024" for a publication date, and a wrong date is worse than none.
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": dt.date.today().isoformat(),
        },
    )


def _field(document: Any, name: str) -> str | None:
    if document is None:
        return None
    value = document.get(name) if isinstance(document, dict) else getattr(document, name, None)
    if value is None:
        return None
    text = " ".join(str(value).split()) if name != "text" else str(value)
    return text or None


def _trafilatura() -> ModuleType:
    try:
        import trafilatura
    except ImportError:
        raise MissingDependencyError(
            "reading web pages needs trafilatura: pip install 'quotecli[web]'"
        ) from None
    return trafilatura
