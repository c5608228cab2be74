"""Cutting the input into tasks: consecutive runs of a bounded number of articles.

A task's name is its position and a digest of what it holds (each article's path and content
hash), so the same inputs give the same names on every run: a task whose part already exists
is done and is not sent again. Inputs are read lazily; only the tasks in flight hold texts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from quotecli.records import Article

ARTICLES_PER_TASK = 500
NAME_DIGITS = 6


@dataclass(frozen=True, slots=True)
class Task:
    """Articles extracted together by one worker into one part of the dataset."""

    index: int
    articles: tuple[Article, ...]
    label: str = ""  # a name of its own (a piece of a split task); else made from the rest

    @property
    def name(self) -> str:
        """`part-000042-<digest>`: position first, so parts list in input order."""
        return self.label or f"part-{self.index:0{NAME_DIGITS}d}-{task_digest(self.articles)}"

    def split(self) -> list[Task]:
        """One task per article, named after this one: `part-000042-<digest>-0003`."""
        return [
            Task(self.index, (article,), f"{self.name}-{number:04d}")
            for number, article in enumerate(self.articles)
        ]

    @property
    def sources(self) -> str:
        """The articles' paths, for a message: the first and last when there are many."""
        paths = [article.path for article in self.articles]
        return ", ".join(paths) if len(paths) <= 2 else f"{paths[0]} … {paths[-1]}"


def task_digest(articles: Iterable[Article]) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    for article in articles:
        digest.update(f"{article.path}\0{article.sha256}\n".encode())
    return digest.hexdigest()[:12]


def plan_tasks(articles: Iterable[Article], size: int = ARTICLES_PER_TASK) -> Iterator[Task]:
    """Consecutive tasks of at most `size` articles, in input order."""
    iterator = iter(articles)
    index = 0
    while batch := tuple(islice(iterator, max(size, 1))):
        yield Task(index, batch)
        index += 1
