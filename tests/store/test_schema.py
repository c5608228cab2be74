"""Schema versions and migrations: every library from version 1 on opens in this version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotecli.query import QuoteFilter
from quotecli.store import Library
from quotecli.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
from quotecli.store.synthetic import Said, build_extraction
from quotecli.store.writer import write_extraction


def old_library(path: Path, version: int) -> None:
    """A library as an older quotecli left it: schema `version`, one article stored."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    conn.execute("BEGIN")
    write_extraction(
        conn,
        build_extraction("old.txt", [Said("Carlyle Thayer", "Putin came to Hanoi in June")]),
    )
    conn.execute("COMMIT")
    conn.close()


def schema_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    return rows


def test_schema_version_is_the_number_of_migrations() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2


def test_new_library_gets_the_latest_version(tmp_path: Path) -> None:
    with Library.open(tmp_path / "new.sqlite3"):
        pass
    conn = sqlite3.connect(tmp_path / "new.sqlite3")
    assert user_version(conn) == SCHEMA_VERSION
    conn.close()


def test_version_1_library_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    old_library(path, version=1)
    assert "quote_fts" not in dict(schema_of(path))  # version 1 had no full-text index
    with Library.open(path) as library:
        found = list(library.quotes(QuoteFilter(contains="came to hanoi")))
        assert [q["article"]["path"] for q in found] == ["old.txt"]
        said = [Said("Carlyle Thayer", "Putin came to Hanoi in June"), Said("Ann Lee", "Yes")]
        library.save(build_extraction("new.txt", said))
        linked = [q["also_in"] for q in library.quotes(QuoteFilter(source="old.txt"))]
        assert linked == [[{"path": "new.txt", "title": None}]]
    conn = sqlite3.connect(path)
    assert user_version(conn) == SCHEMA_VERSION
    conn.close()


def test_step_by_step_migration_equals_a_fresh_schema(tmp_path: Path) -> None:
    stepped, fresh = tmp_path / "stepped.sqlite3", tmp_path / "fresh.sqlite3"
    conn = sqlite3.connect(stepped, isolation_level=None)
    for version in range(1, SCHEMA_VERSION + 1):
        assert migrate(conn, target=version) == version - 1
    conn.close()
    conn = sqlite3.connect(fresh, isolation_level=None)
    assert migrate(conn) == 0
    conn.close()
    assert schema_of(stepped) == schema_of(fresh)


def test_migrating_a_current_library_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "current.sqlite3"
    old_library(path, version=SCHEMA_VERSION)
    before = schema_of(path)
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn) == SCHEMA_VERSION
    conn.close()
    assert schema_of(path) == before


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    broken = (*MIGRATIONS, ("CREATE TABLE articles (x)",))  # clashes: must undo itself
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("quotecli.store.schema.MIGRATIONS", broken)
        with pytest.raises(sqlite3.OperationalError):
            migrate(conn, target=len(broken))
    assert user_version(conn) == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()
