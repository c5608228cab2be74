"""Web archives (`.warc`, `.warc.gz`): every HTML response record is an article.

Read with warcio, record by record from a stream, so memory stays flat however large the
archive: only the record being read is held. warcio rather than fastwarc: parsing is not what
limits the speed here (main-text extraction costs far more per page than reading its record),
warcio is pure Python with no platform wheels to miss, and it is what the tests write their
archives with, so one library reads and writes.

Records that are not HTML responses (requests, metadata, images, redirects) are counted and
reported in one summary line. A damaged archive keeps every record read before the damage.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from quotecli.errors import InputError, MissingDependencyError
from quotecli.records import Article
from quotecli.sources.common import Warn, tally
from quotecli.sources.html import page_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_OK = "200"


def warc_articles(
    name: str, stream: BinaryIO, on_warning: Warn, *, max_bytes: int
) -> Iterator[Article]:
    """Yield an Article for each HTML page in the archive, in order.

    Each article's path is `name:N`, N the record's number in the archive (from 1); its URL is
    the record's `WARC-Target-URI` and its date the page's own, else the `WARC-Date`.
    """
    archive = _archive_iterator(stream)
    ended = _watch_the_end(archive)
    skipped: Counter[str] = Counter()
    number = pages = 0
    try:
        for record in archive:
            number += 1
            reason = _skip_reason(record, max_bytes)
            if reason:
                skipped[reason] += 1
                continue
            article = _page(f"{name}:{number}", record, on_warning)
            if article is None:
                skipped["without main text"] += 1
                continue
            pages += 1
            yield article
        if not ended():
            raise _Truncated("the compressed data ends early")
    except _Truncated as error:
        at = number if error.in_record else number + 1
        on_warning(
            f"{name}: damaged at record {at} ({error}); the {at - 1} record(s) before it were read"
        )
    except _damage_errors() as error:
        on_warning(
            f"{name}: damaged at record {number + 1} ({_describe(error)});"
            f" the {number} record(s) before it were read"
        )
    if skipped:
        on_warning(f"{name}: {pages} page(s) read; records skipped: {tally(skipped)}")
    elif not pages and number:
        on_warning(f"{name}: no HTML page among {number} record(s)")


def _archive_iterator(stream: BinaryIO) -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise MissingDependencyError(
            "reading web archives needs warcio: pip install 'quotecli[web]'"
        ) from None
    return ArchiveIterator(stream)


def _skip_reason(record: Any, max_bytes: int) -> str | None:
    if record.rec_type != "response":
        return f"{record.rec_type}"
    headers = record.http_headers
    if headers is None:
        return "response without HTTP headers"
    status = str(headers.get_statuscode() or "")
    if status != _OK:
        return f"HTTP {status or '?'}"
    content_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in _HTML_TYPES:
        return "not HTML"
    if record.length is not None and int(record.length) > max_bytes:
        return "too large"
    return None


class _Truncated(Exception):
    def __init__(self, message: str, *, in_record: bool = False) -> None:
        super().__init__(message)
        self.in_record = in_record


def _page(name: str, record: Any, on_warning: Warn) -> Article | None:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    date = headers.get_header("WARC-Date")
    body = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0) > 0:  # the block ended before its length
        raise _Truncated("the record is cut short", in_record=True)
    try:
        return page_article(name, body, on_warning, url=url, date=date)
    except InputError:
        return None


def _watch_the_end(archive: Any) -> Callable[[], bool]:
    """Whether a compressed archive's last gzip member was whole. warcio ends quietly where a
    `.warc.gz` is cut inside a record's headers; the member's decompressor knows."""
    reader = archive.reader
    close = reader.close_decompressor
    whole = [True]

    def close_and_note() -> None:
        decompressor = reader.decompressor
        if decompressor is not None and hasattr(decompressor, "eof"):
            whole[0] = bool(decompressor.eof)
        close()

    reader.close_decompressor = close_and_note
    return lambda: whole[0]


def _damage_errors() -> tuple[type[BaseException], ...]:
    from warcio.exceptions import ArchiveLoadFailed

    return (ArchiveLoadFailed, EOFError, zlib.error, ValueError)


def _describe(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return message[:120] if message else type(error).__name__
