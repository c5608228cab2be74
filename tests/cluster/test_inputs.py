"""Inputs of a job: local paths as `quotecli.sources` reads them, fsspec URLs read here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest

from quotecli.cluster.inputs import iter_inputs
from quotecli.sources import iter_articles


@pytest.fixture
def bucket() -> Iterator[str]:
    """An in-memory filesystem standing in for s3://: three articles (text and Markdown), a
    log file that is no article, a binary file."""
    fs = fsspec.filesystem("memory")
    fs.pipe("/news/b.txt", b'"We will win," the coach said.')
    fs.pipe("/news/sub/a.txt", b"title: Rain\n\nRain is expected in Hanoi.")
    fs.pipe("/news/notes.md", b"The minister said the talks would resume.")
    fs.pipe("/news/server.log", b"not an article")
    fs.pipe("/news/broken.txt", b"\x00\x01binary")
    yield "memory://news"
    fs.rm("/news", recursive=True)


def test_a_url_folder_gives_its_articles_by_name(bucket: str) -> None:
    warnings: list[str] = []
    articles = list(iter_inputs([bucket], warnings.append))
    assert [a.path for a in articles] == [
        "memory:///news/b.txt",
        "memory:///news/notes.md",
        "memory:///news/sub/a.txt",
    ]
    assert articles[2].title == "Rain" and articles[0].text.startswith('"We will win')
    assert warnings == ["memory:///news/broken.txt: binary file, not an article"]


def test_local_paths_and_urls_keep_their_order(bucket: str, tmp_path: Path) -> None:
    local = tmp_path / "x.txt"
    local.write_text("The council said the budget would be cut.", encoding="utf-8")
    paths = [str(local), f"{bucket}/b.txt", str(local)]
    found = [a.path for a in iter_inputs(paths, print)]
    assert found == [local.as_posix(), "memory:///news/b.txt", local.as_posix()]
    assert [a.path for a in iter_inputs([str(local)], print)] == [
        a.path for a in iter_articles([str(local)], print)
    ]


def test_a_missing_url_is_a_warning(bucket: str) -> None:
    warnings: list[str] = []
    assert list(iter_inputs([f"{bucket}/nothing.txt"], warnings.append)) == []
    assert warnings == [f"{bucket}/nothing.txt: no such file or directory"]
