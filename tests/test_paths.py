"""Where quotecli writes: --db, then QUOTECLI_DB, then QUOTECLI_HOME, then the user data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecli.paths import LIBRARY_FILENAME, data_dir, library_path


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTECLI_DB", raising=False)
    monkeypatch.delenv("QUOTECLI_HOME", raising=False)


def test_db_option_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTECLI_DB", str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("QUOTECLI_HOME", str(tmp_path / "home"))
    assert library_path(tmp_path / "opt.sqlite3") == tmp_path / "opt.sqlite3"


def test_quotecli_db_beats_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTECLI_DB", str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("QUOTECLI_HOME", str(tmp_path / "home"))
    assert library_path() == tmp_path / "env.sqlite3"


def test_quotecli_home_moves_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTECLI_HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home"
    assert library_path() == tmp_path / "home" / LIBRARY_FILENAME


def test_default_is_the_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    expected = tmp_path / "xdg" / "quotecli" / LIBRARY_FILENAME
    import sys

    if sys.platform.startswith("linux"):
        assert library_path() == expected
    assert library_path().name == LIBRARY_FILENAME
    assert "quotecli" in library_path().parts


def test_empty_variables_count_as_unset(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUOTECLI_DB", "")
    monkeypatch.setenv("QUOTECLI_HOME", str(tmp_path))
    assert library_path("") == tmp_path / LIBRARY_FILENAME


def test_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("QUOTECLI_DB", "~/lib.sqlite3")
    assert library_path() == tmp_path / "lib.sqlite3"
