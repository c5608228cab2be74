"""The job's input: paths and web URLs through `quotecli.sources`, other fsspec URLs here.

Local paths, `-` and `http(s)://` URLs go to `quotecli.sources.iter_articles` untouched, so
every input kind it reads flows into a job. Any other URL (`s3://bucket/news/`, `gs://...`,
`file:///...`, with the filesystem's fsspec package installed) is a file, or a folder searched
recursively for the files `quotecli.sources` reads; each file is copied to a temporary file of
the same name and read by `iter_articles` as a local one would be, its articles named after
the URL. Articles are read by the client, lazily; workers never need access to the inputs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from fsspec.core import url_to_fs

from quotecli.records import Article
from quotecli.sources import ReadOptions, Warn, iter_articles
from quotecli.sources.files import kind_of

URL_MARK = "://"
WEB_SCHEMES = ("http://", "https://")  # fetched and read as pages by quotecli.sources


def iter_inputs(
    paths: Iterable[str], on_warning: Warn, options: ReadOptions | None = None
) -> Iterator[Article]:
    """Every readable article under `paths`, in order, reporting the unreadable ones."""
    direct: list[str] = []
    for path in paths:
        if URL_MARK not in path or path.lower().startswith(WEB_SCHEMES):
            direct.append(path)
            continue
        yield from iter_articles(direct, on_warning, options=options)
        direct = []
        yield from url_articles(path, on_warning, options)
    yield from iter_articles(direct, on_warning, options=options)


def url_articles(
    url: str, on_warning: Warn, options: ReadOptions | None = None
) -> Iterator[Article]:
    """The articles at one fsspec URL: a file, or a folder's readable files by name."""
    try:
        fs, root = url_to_fs(url)
        if fs.isdir(root):
            files = sorted(f for f in fs.find(root) if kind_of(f) is not None)
            if not files:
                on_warning(f"{url}: no articles in this directory")
        elif fs.isfile(root):
            files = [root]
        else:
            on_warning(f"{url}: no such file or directory")
            return
    except (ImportError, ValueError, OSError) as error:  # unknown protocol, missing package
        on_warning(f"{url}: cannot read ({error})")
        return
    for file in files:
        yield from _file_articles(fs, file, on_warning, options)


def _file_articles(
    fs: object, file: str, on_warning: Warn, options: ReadOptions | None
) -> Iterator[Article]:
    name: str = fs.unstrip_protocol(file)  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory(prefix="quotecli-input-") as scratch:
        local = (Path(scratch) / PurePosixPath(file).name).as_posix()
        try:
            fs.get_file(file, local)  # type: ignore[attr-defined]
        except OSError as error:
            on_warning(f"{name}: cannot read ({error})")
            return
        renamed: Warn = lambda message: on_warning(message.replace(local, name))  # noqa: E731
        for article in iter_articles([local], renamed, options=options):
            yield replace(article, path=article.path.replace(local, name, 1))
