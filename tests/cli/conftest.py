"""CLI fixtures: the seed articles extracted once per session into one library file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    """A library file holding the seeds, extracted once with the session's model.

    Stored under the version the CLI computes for the default model, so a command given the
    seed PATHs finds them current and extracts nothing.
    """
    from quotecli.extract import Extractor
    from quotecli.ingest import ingest
    from quotecli.nlp.loading import resolve_model_name
    from quotecli.sources import iter_articles
    from quotecli.store import Library

    extractor = Extractor(resolve_model_name(None), nlp=nlp)
    path = tmp_path_factory.mktemp("seed-library") / "library.sqlite3"
    with Library.open(path) as library:
        report = ingest(
            iter_articles([str(SEEDS)], lambda _: None),
            library,
            lambda: extractor,
            version=extractor.version,
        )
    assert report.extracted == len(list(SEEDS.glob("*.txt")))
    return path


@pytest.fixture
def seeded_home(quotecli_home: Path, seed_library: Path) -> Path:
    """A fresh QUOTECLI_HOME whose library is a copy of the seed library (tests may write)."""
    quotecli_home.mkdir(parents=True, exist_ok=True)
    shutil.copy(seed_library, quotecli_home / "library.sqlite3")
    return quotecli_home
