"""Fixtures for the store's tests: a fresh library file per test, no spaCy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quotecli.store import Library


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with Library.open(library_path) as opened:
        yield opened
