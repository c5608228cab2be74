"""The job's input: local paths through `quotecli.sources`, fsspec URLs read here.

Local paths go to `quotecli.sources.iter_articles` untouched, so every input kind it reads
flows into a job. A URL (`s3://bucket/news/`, `gs://...`, `file:///...`; the filesystem's
fsspec package installed) is a file or a folder searched recursively for `*.txt`, each read
and decoded as a local article file is. Articles are read by the client, lazily; workers
never need access to the inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fsspec.core import url_to_fs

from quotecli.errors import InputError
from quotecli.records import Article
from quotecli.sources import ARTICLE_GLOB, Warn, decode_article, iter_articles

URL_MARK = "://"


def iter_inputs(paths: Iterable[str], on_warning: Warn) -> Iterator[Article]:
    """Every readable article under `paths`, in order, reporting the unreadable ones."""
    local: list[str] = []
    for path in paths:
        if URL_MARK not in path:
            local.append(path)
            continue
        yield from iter_articles(local, on_warning)
        local = []
        yield from url_articles(path, on_warning)
    yield from iter_articles(local, on_warning)


def url_articles(url: str, on_warning: Warn) -> Iterator[Article]:
    """The articles at one fsspec URL: a file, or a folder's `*.txt` files by name."""
    try:
        fs, root = url_to_fs(url)
        if fs.isdir(root):
            suffix = ARTICLE_GLOB.lstrip("*")
            files = sorted(f for f in fs.find(root) if f.endswith(suffix))
            if not files:
                on_warning(f"{url}: no {ARTICLE_GLOB} articles in this directory")
        elif fs.isfile(root):
            files = [root]
        else:
            on_warning(f"{url}: no such file or directory")
            return
    except (ImportError, ValueError, OSError) as error:  # unknown protocol, missing package
        on_warning(f"{url}: cannot read ({error})")
        return
    for file in files:
        name = fs.unstrip_protocol(file)
        try:
            yield decode_article(name, fs.cat_file(file), on_warning)
        except InputError as error:
            on_warning(str(error))
        except OSError as error:
            on_warning(f"{name}: cannot read ({error})")
