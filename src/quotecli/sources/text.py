"""Plain text and Markdown: bytes into text, and the title and date a text states at its top."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from quotecli.errors import InputError
from quotecli.records import Article
from quotecli.sources.common import Warn

BINARY_PROBE = 8192
# spaCy's default Language.max_length: longer texts are extracted in parts.
MODEL_MAX_CHARS = 1_000_000
TITLE_MAX_CHARS = 200

# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_DATE_MARKER = re.compile(r"^\s*(?:date|published)\s*:?\s*(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_HEADER_FIELD = re.compile(r"^(title|date|published)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+\S")


def decode_article(name: str, data: bytes, on_warning: Warn) -> Article:
    """Turn raw bytes into an Article: decode, normalise newlines, read title and date."""
    text = normalise_newlines(decode_text(name, data, on_warning))
    check_text(name, text, on_warning)
    title, date = read_metadata(text)
    return Article(path=name, text=text, title=title, date=date)


def decode_text(name: str, data: bytes, on_warning: Warn) -> str:
    """Bytes to text: a byte order mark names the encoding (UTF-8, UTF-16 or UTF-32, as
    Windows Notepad writes them); otherwise UTF-8, else cp1252. Any encoding other than UTF-8
    is reported in one line.

    Raises:
        InputError: the bytes look binary (NUL bytes without a UTF-16/32 mark).
    """
    marked = decode_marked(name, data, on_warning)
    if marked is not None:
        return marked
    if b"\x00" in data[:BINARY_PROBE]:
        raise InputError(f"{name}: binary file, not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        on_warning(f"{name}: not valid UTF-8; decoded as cp1252")
        return data.decode("cp1252", errors="replace")


def decode_marked(name: str, data: bytes, on_warning: Warn) -> str | None:
    """The text of bytes that start with a byte order mark, else None."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            if label != "UTF-8":
                on_warning(f"{name}: decoded as {label} (byte order mark)")
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                on_warning(f"{name}: not valid {label}; undecodable bytes replaced")
                return data.decode(codec, errors="replace")
    return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(name: str, text: str, on_warning: Warn) -> None:
    """Refuse an empty text; warn about one too long for the model to take at once."""
    if not text.strip():
        raise InputError(f"{name}: empty file")
    if len(text) > MODEL_MAX_CHARS:
        on_warning(
            f"{name}: {len(text):,} characters, more than the model takes at once; "
            "extracting it in parts"
        )


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
