"""Reading articles: files, directories of `*.txt`, or `-` for stdin, into `Article` records.

Bad input never stops the run: each problem is reported through `on_warning` as one line and
the remaining inputs are still read. The caller decides what to do if nothing could be read.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from quotecli.errors import InputError
from quotecli.records import Article

Warn = Callable[[str], None]
STDIN = "-"
STDIN_NAME = "<stdin>"
ARTICLE_GLOB = "*.txt"
BINARY_PROBE = 8192
# spaCy's default Language.max_length: longer texts are extracted in parts.
MODEL_MAX_CHARS = 1_000_000
TITLE_MAX_CHARS = 200

_DATE_MARKER = re.compile(r"^\s*(?:date|published)\s*:?\s*(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_HEADER_FIELD = re.compile(r"^(title|date|published)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+\S")


def iter_articles(
    paths: Iterable[str], on_warning: Warn, stdin: BinaryIO | None = None
) -> Iterator[Article]:
    """Yield every readable article under `paths`, in order, reporting the unreadable ones."""
    for raw in paths:
        if raw == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            article = _article_or_warn(STDIN_NAME, stream.read, on_warning)
            if article is not None:
                yield article
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _directory_articles(path, on_warning)
        elif path.exists():
            article = _article_or_warn(raw, path.read_bytes, on_warning)
            if article is not None:
                yield article
        else:
            on_warning(f"{raw}: no such file or directory")


def read_article(path: Path, on_warning: Warn | None = None) -> Article:
    """Read one article file; raise InputError if it cannot be used."""
    return decode_article(path.as_posix(), path.read_bytes(), on_warning or (lambda _: None))


def decode_article(name: str, data: bytes, on_warning: Warn) -> Article:
    """Turn raw bytes into an Article: decode, normalise newlines, read title and date."""
    if b"\x00" in data[:BINARY_PROBE]:
        raise InputError(f"{name}: binary file, not an article")
    text = _decode(name, data, on_warning).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: empty file")
    if len(text) > MODEL_MAX_CHARS:
        on_warning(
            f"{name}: {len(text):,} characters, more than the model takes at once; "
            "extracting it in parts"
        )
    title, date = read_metadata(text)
    return Article(path=name, text=text, title=title, date=date)


def read_metadata(text: str) -> tuple[str | None, str | None]:
    """Title and date from the top of an article.

    Recognised: header lines `title: ...` / `date: ...` before the first blank line, a leading
    `date YYYY-MM-DD` marker, and a first paragraph that is one short line and not a sentence
    (a headline). Anything else gives None: a wrong title is worse than none.
    """
    head = text.lstrip("\n").split("\n\n", 1)[0]
    fields = dict(_header_fields(head))
    date = fields.get("date") or fields.get("published")
    marker = _DATE_MARKER.match(head)
    if marker and date is None:
        date = marker.group(1)
    title = fields.get("title") or (_headline(head) if not marker and not fields else None)
    return title, date


def _header_fields(head: str) -> Iterator[tuple[str, str]]:
    for line in head.splitlines():
        match = _HEADER_FIELD.match(line.strip())
        if match:
            yield match.group(1).lower(), match.group(2)


def _headline(paragraph: str) -> str | None:
    line = paragraph.strip()
    looks_like_headline = (
        "\n" not in line
        and 0 < len(line) <= TITLE_MAX_CHARS
        and not line.endswith((".", ":", ";", ","))
        and not _SENTENCE_BREAK.search(line)
    )
    return line if looks_like_headline else None


def _decode(name: str, data: bytes, on_warning: Warn) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        on_warning(f"{name}: not valid UTF-8; decoded as cp1252")
        return data.decode("cp1252", errors="replace")


def _directory_articles(directory: Path, on_warning: Warn) -> Iterator[Article]:
    files = sorted(p for p in directory.rglob(ARTICLE_GLOB) if p.is_file())
    if not files:
        on_warning(f"{directory}: no {ARTICLE_GLOB} articles in this directory")
    for file in files:
        article = _article_or_warn(file.as_posix(), file.read_bytes, on_warning)
        if article is not None:
            yield article


def _article_or_warn(name: str, read: Callable[[], bytes], on_warning: Warn) -> Article | None:
    try:
        return decode_article(name, read(), on_warning)
    except InputError as error:
        on_warning(str(error))
    except OSError as error:
        on_warning(f"{name}: cannot read ({error.strerror or error})")
    return None
