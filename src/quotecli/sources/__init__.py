"""Reading articles, with their metadata, from whatever people have them in.

`iter_articles` takes files, directories, `-` for stdin and URLs, and picks a reader by
extension (any case) or scheme: plain text and Markdown (`text`), web pages (`html`), web
archives (`warc`), corpus files of one article per row (`corpus`) and URLs (`url`). The web
readers import their engines (trafilatura, warcio) only when such an input comes.

Bad input never stops the run: each problem is reported through `on_warning` as one line and
the remaining inputs are still read. The caller decides what to do if nothing could be read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from quotecli.errors import InputError
from quotecli.records import Article
from quotecli.sources.common import CorpusFields, ReadOptions, Warn, tally
from quotecli.sources.files import SUFFIXES, Kind, kind_of, scan_directory
from quotecli.sources.text import MODEL_MAX_CHARS, decode_article, read_metadata

__all__ = [
    "MODEL_MAX_CHARS",
    "STDIN",
    "STDIN_NAME",
    "CorpusFields",
    "ReadOptions",
    "Warn",
    "decode_article",
    "iter_articles",
    "read_article",
    "read_metadata",
]

STDIN = "-"
STDIN_NAME = "<stdin>"


def iter_articles(
    paths: Iterable[str],
    on_warning: Warn,
    stdin: BinaryIO | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Yield every readable article under `paths`, in order, reporting the unreadable ones.

    Args:
        paths: files (read by their extension; an unknown one as plain text), directories
            (every supported file, recursively), `-` for stdin (a web page or plain text) and
            `http://` or `https://` URLs.
        on_warning: called with one line per problem; reading goes on.
        stdin: the stream `-` reads (default: the process's standard input).
        options: corpus field names, a `--glob` for directories, fetch limits.
    """
    opts = options or ReadOptions()
    for raw in paths:
        if raw == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN_NAME, partial(_stdin, stream, on_warning), on_warning)
        elif _is_url(raw):
            yield from _guarded(raw, partial(_url, raw, on_warning, opts), on_warning)
        else:
            path = Path(raw)
            if path.is_dir():
                yield from _directory_articles(path, on_warning, opts)
            elif path.exists():
                yield from _file_articles(path, raw, on_warning, opts)
            else:
                on_warning(f"{raw}: no such file or directory")


def read_article(path: Path, on_warning: Warn | None = None) -> Article:
    """Read one plain-text article file; raise InputError if it cannot be used."""
    return decode_article(path.as_posix(), path.read_bytes(), on_warning or (lambda _: None))


def _directory_articles(
    directory: Path, on_warning: Warn, options: ReadOptions
) -> Iterator[Article]:
    scan = scan_directory(directory, options.glob)
    if scan.skipped:
        on_warning(f"{directory}: skipped {sum(scan.skipped.values())}: {tally(scan.skipped)}")
    if not scan.files:
        kinds = ", ".join(sorted(SUFFIXES))
        on_warning(f"{directory}: no articles in this directory (read: {kinds})")
    for file in scan.files:
        yield from _file_articles(file, file.as_posix(), on_warning, options)


def _file_articles(
    path: Path, name: str, on_warning: Warn, options: ReadOptions
) -> Iterator[Article]:
    kind = kind_of(path.name) or Kind.TEXT
    read = partial(_read_file, path, name, kind, on_warning, options)
    yield from _guarded(name, read, on_warning)


def _read_file(
    path: Path, name: str, kind: Kind, on_warning: Warn, options: ReadOptions
) -> Iterator[Article]:
    if kind is Kind.TEXT:
        yield decode_article(name, path.read_bytes(), on_warning)
    elif kind is Kind.HTML:
        from quotecli.sources.html import page_article

        _check_size(path, name, options.max_bytes)
        yield page_article(name, path.read_bytes(), on_warning)
    elif kind is Kind.WARC:
        from quotecli.sources.warc import warc_articles

        with path.open("rb") as stream:
            yield from warc_articles(name, stream, on_warning, max_bytes=options.max_bytes)
    else:
        from quotecli.sources.corpus import corpus_articles

        yield from corpus_articles(
            path, name, str(kind), options.fields, on_warning, max_bytes=options.max_bytes
        )


def _stdin(stream: BinaryIO, on_warning: Warn) -> Iterator[Article]:
    data = stream.read()
    from quotecli.sources.html import looks_like_html

    if data.strip() and looks_like_html(data):
        from quotecli.sources.html import page_article

        yield page_article(STDIN_NAME, data, on_warning)
    else:
        yield decode_article(STDIN_NAME, data, on_warning)


def _is_url(raw: str) -> bool:
    return raw.lower().startswith(("http://", "https://"))


def _url(raw: str, on_warning: Warn, options: ReadOptions) -> Iterator[Article]:
    from quotecli.sources.url import url_article

    yield url_article(raw, on_warning, timeout=options.timeout, max_bytes=options.max_bytes)


def _check_size(path: Path, name: str, max_bytes: int) -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{name}: {size:,} bytes, more than {max_bytes:,}; not read")


def _guarded(
    name: str, read: Callable[[], Iterator[Article]], on_warning: Warn
) -> Iterator[Article]:
    """The articles `read` yields; an InputError or OSError ends this input with a warning."""
    try:
        yield from read()
    except InputError as error:
        on_warning(str(error))
    except OSError as error:
        on_warning(f"{name}: cannot read ({error.strerror or error})")
