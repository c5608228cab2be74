"""Schema versions and migrations: every library from version 1 on opens in this version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotecli.query import QuoteFilter
from quotecli.records import ArticleExtraction
from quotecli.store import Library
from quotecli.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
from quotecli.store.synthetic import Said, build_extraction
from quotecli.store.writer import write_extraction

OLD_QUOTE = "Putin came to Hanoi in June"


def old_library(path: Path, version: int) -> ArticleExtraction:
    """A library as an older quotecli left it: schema `version`, one article stored.

    Today's writer fills a current schema in memory; its rows are copied into a file at
    `version`, each table limited to the columns that version had, which is what the release
    of that version wrote (its full-text triggers fill the index as the rows arrive).
    """
    extraction = build_extraction("old.txt", [Said("Carlyle Thayer", OLD_QUOTE)])
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, target=version)
    old.close()
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    conn.execute("BEGIN")
    write_extraction(conn, extraction)
    conn.execute("COMMIT")
    conn.execute("ATTACH DATABASE ? AS old", (str(path),))
    for (table,) in conn.execute(
        "SELECT name FROM old.sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'quote_fts%' AND name != 'sqlite_sequence'"
    ).fetchall():
        columns = ", ".join(
            f'"{row[1]}"' for row in conn.execute(f"PRAGMA old.table_info({table})")
        )
        conn.execute(f"INSERT INTO old.{table} ({columns}) SELECT {columns} FROM main.{table}")
    conn.close()
    return extraction


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
        said = [Said("Carlyle Thayer", OLD_QUOTE), Said("Ann Lee", "Yes")]
        library.save(build_extraction("new.txt", said))
        linked = [q["also_in"] for q in library.quotes(QuoteFilter(source="old.txt"))]
        assert linked == [[{"path": "new.txt", "title": None}]]
    conn = sqlite3.connect(path)
    assert user_version(conn) == SCHEMA_VERSION
    conn.close()


def test_version_3_library_is_migrated_and_its_quotes_read_back_in_one_part(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v3.sqlite3"
    stored = old_library(path, version=3)
    assert "gaps" not in dict(schema_of(path))["quotes"]  # version 3 kept no gaps
    with Library.open(path) as library:
        [found] = library.quotes(QuoteFilter(contains="came to hanoi"))
        # Quotes stored before version 5 kept no rule: null until `reindex`.
        assert found == stored.quotes[0].to_dict() | {"also_in": [], "rule": None}
        assert found["parts"] == [{"text": OLD_QUOTE, "start": found["start"], "end": found["end"]}]
        text = 'The port is full," she said, "and the ships keep coming.'
        gap = (text.index('," she'), text.index("and the"))
        split = build_extraction("new.txt", [Said("Ana Ruiz", text, gaps=(gap,))])
        library.save(split)
        [new] = library.quotes(QuoteFilter(source="new.txt"))
        assert new == split.quotes[0].to_dict() | {"also_in": []}
        assert new["rule"] == split.quotes[0].rule
        assert len(new["parts"]) == 2
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
