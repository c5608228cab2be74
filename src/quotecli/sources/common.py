"""What every input kind shares: the warning callback, reading options and a few helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

Warn = Callable[[str], None]

# A field, corpus line or web page larger than this is skipped with a warning, never loaded.
MAX_FIELD_BYTES = 20_000_000
# An ISO date or date-time: 2024-06-20, 2024-06-20T08:00:00Z, 2024-06-20 08:00.
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ]\S*)?\s*$")
_WRITTEN_DATES = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


@dataclass(frozen=True, slots=True)
class CorpusFields:
    """Corpus columns named by the user (`--text-field` ...); None means found by name."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read.

    Attributes:
        fields: corpus columns to read, where their names are not the common ones.
        glob: in directories, only files whose path matches this pattern (`*.html`,
            `2024/**/*.jsonl`); files given by name are always read.
        timeout: seconds to wait for a URL.
        max_bytes: largest web page fetched, WARC record or corpus field read.
    """

    fields: CorpusFields = field(default_factory=CorpusFields)
    glob: str | None = None
    timeout: float = 20.0
    max_bytes: int = MAX_FIELD_BYTES


def outlet_from_url(url: str | None) -> str | None:
    """The host of a URL without `www.`: the outlet when a page names none."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def iso_date(value: object) -> str | None:
    """A date as `YYYY-MM-DD` from the forms corpora and pages use; None when unreadable.

    Reads ISO dates and date-times, RFC 2822 dates (`Thu, 20 Jun 2024 08:00:00 GMT`), Unix
    timestamps, and written dates (`June 20, 2024`, `20 June 2024`).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(float(value))
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if match:
        return match.group(1)
    if text.isdigit():
        return _from_timestamp(float(text))
    return _written_date(text)


def _from_timestamp(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _written_date(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for pattern in _WRITTEN_DATES:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def tally(counts: Counter[str]) -> str:
    """`3 request, 1 warcinfo`: counts, the largest first."""
    return ", ".join(f"{n} {what}" for what, n in counts.most_common())


class CappedWarnings:
    """Warnings about one file's rows: the first few of each kind in full, then a count.

    A corpus with a million rows lacking a text field gives four lines, not a million.
    """

    SHOWN = 3

    def __init__(self, name: str, on_warning: Warn) -> None:
        self._name = name
        self._on_warning = on_warning
        self._counts: Counter[str] = Counter()

    def __call__(self, kind: str, message: str) -> None:
        self._counts[kind] += 1
        if self._counts[kind] <= self.SHOWN:
            self._on_warning(message)

    def finish(self) -> None:
        hidden = Counter({k: n - self.SHOWN for k, n in self._counts.items() if n > self.SHOWN})
        if hidden:
            self._on_warning(f"{self._name}: also skipped {tally(hidden)} (not shown)")
