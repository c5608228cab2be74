"""Shared fixtures. The real model loads once per session; tests that use it are marked `model`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
POLNEAR = REPO.parent / "shared" / "data" / "polnear"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The default English pipeline with the `quotecli` component, loaded once."""
    from quotecli.nlp.loading import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor(nlp):  # type: ignore[no-untyped-def]
    from quotecli.extract import Extractor

    return Extractor(nlp=nlp)


@pytest.fixture(scope="session")
def extract_text(extractor) -> Callable[[str], object]:  # type: ignore[no-untyped-def]
    """Extract one text and return its ArticleExtraction."""
    from quotecli.records import Article

    def run(text: str) -> object:
        return extractor.extract(Article(path="<test>", text=text))

    return run


@pytest.fixture
def quotecli_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every file quotecli writes goes under a fresh temporary directory."""
    home = tmp_path / "home"
    monkeypatch.setenv("QUOTECLI_HOME", str(home))
    monkeypatch.delenv("QUOTECLI_DB", raising=False)
    yield home
