"""URLs (`http://`, `https://`): fetched once, then read as a web page.

Bounded on every side: a timeout over the whole fetch (not only per socket read), a size
limit, and an honest User-Agent naming quotecli. Anything but an HTML page answering 200 is
one warning.
"""

from __future__ import annotations

import platform
import time
import urllib.error
import urllib.request

from quotecli import __version__
from quotecli.errors import InputError
from quotecli.records import Article
from quotecli.sources.common import Warn
from quotecli.sources.html import page_article

SCHEMES = ("http://", "https://")
USER_AGENT = (
    f"quotecli/{__version__} (command-line quote extractor for news;"
    f" Python-urllib/{platform.python_version()})"
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


def is_url(raw: str) -> bool:
    return raw.lower().startswith(SCHEMES)


def url_article(url: str, on_warning: Warn, *, timeout: float, max_bytes: int) -> Article:
    """Fetch `url` and read it as a web page; its path is the URL as given.

    Raises:
        InputError: it timed out, failed, answered an HTTP error, is not HTML or too large.
    """
    final_url, body = fetch(url, timeout=timeout, max_bytes=max_bytes)
    return page_article(url, body, on_warning, url=final_url)


def fetch(url: str, *, timeout: float, max_bytes: int) -> tuple[str, bytes]:
    """The final URL (after redirects) and body of an HTML page."""
    request = urllib.request.Request(
        url,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9"},
    )
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in _HTML_TYPES:
                raise InputError(f"{url}: not a web page ({content_type})")
            return response.geturl(), _read_bounded(url, response, deadline, max_bytes)
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise InputError(f"{url}: no answer within {timeout:g} s") from None
        raise InputError(f"{url}: cannot fetch ({error.reason})") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except OSError as error:
        raise InputError(f"{url}: cannot fetch ({error.strerror or error})") from None


def _read_bounded(url: str, response: object, deadline: float, max_bytes: int) -> bytes:
    read = response.read  # type: ignore[attr-defined]
    chunks: list[bytes] = []
    size = 0
    while chunk := read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: larger than {max_bytes:,} bytes; not read")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)
