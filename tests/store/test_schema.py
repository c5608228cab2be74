"""Schema versions and migrations: every library from version 1 on opens in this version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotecli.query import QuoteFilter
from quotecli.records import ArticleExtraction
from quotecli.store import Library
from quotecli.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version
from quotecli.store.writer import write_extraction
from tests.support.synthetic import Said, build_extraction

OLD_QUOTE = "Putin came to Hanoi in June"


def old_library(
    path: Path, version: int, extractions: list[ArticleExtraction] | None = None
) -> ArticleExtraction:
    """A library as an older quotecli left it: schema `version`, one article stored.

    Today's writer fills a current schema in memory; its rows are copied into a file at
    `version`, each table limited to the columns that version had, which is what the release
    of that version wrote (its full-text triggers fill the index as the rows arrive).
    """
    extraction = build_extraction("old.txt", [Said("Carlyle Thayer", OLD_QUOTE)])
    old = sqlite3.connect(path, isolation_level=None)
    extractions = extractions or [extraction]
    migrate(old, target=version)
    old.close()
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    conn.execute("BEGIN")
    for each in extractions:
        write_extraction(conn, each)
    conn.execute("COMMIT")
    conn.execute("ATTACH DATABASE ? AS old", (str(path),))
    for (table,) in conn.execute(
        "SELECT name FROM old.sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'quote_fts%' AND name NOT LIKE 'quote_words%'"
        " AND name != 'sqlite_sequence'"
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
        assert linked == [[{"path": "new.txt", "title": None, "outlet": None}]]
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
        # Quotes stored before versions 5 and 6 kept no rule or act: null until `reindex`.
        assert found == stored.quotes[0].to_dict() | {"also_in": [], "rule": None, "act": None}
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


def test_version_4_library_is_relinked_by_its_words_losing_nothing(tmp_path: Path) -> None:
    """Version 4 linked by similarity: a negation and a changed number shared a group."""
    path = tmp_path / "v4.sqlite3"
    raised, refused = "We will raise taxes next year", "We will not raise taxes next year"
    full = "Unemployment rose to 5 percent in the spring, the minister said today"
    said = {
        "a.txt": [Said("Ann Lee", raised), Said("Ann Lee", full)],
        "b.txt": [Said("Ann Lee", refused), Said("Ann Lee", "Unemployment rose to 5 percent")],
        "c.txt": [Said("Ann Lee", "Unemployment rose to 9 percent in the spring")],
        "d.txt": [Said("Ann Lee", "unemployment rose to 5 percent in the spring.")],
    }
    old_library(path, 4, [build_extraction(name, s) for name, s in said.items()])
    conn = sqlite3.connect(path)
    quotes_before = conn.execute("SELECT quote_id, text FROM quotes ORDER BY id").fetchall()
    conn.execute("UPDATE quotes SET group_id = 1")  # as the similarity linker might have
    conn.commit()
    conn.close()
    with Library.open(path) as library:
        found = {
            (q["article"]["path"], q["text"]): [a["path"] for a in q["also_in"]]
            for q in library.quotes(QuoteFilter())
        }
        assert found == {
            ("a.txt", raised): [],
            ("a.txt", full): ["d.txt"],
            ("b.txt", refused): [],
            ("b.txt", "Unemployment rose to 5 percent"): [],  # 5 words: too short a run
            ("c.txt", "Unemployment rose to 9 percent in the spring"): [],
            ("d.txt", "unemployment rose to 5 percent in the spring."): ["a.txt"],
        }
        assert [q["article"]["path"] for q in library.quotes(QuoteFilter(contains="not"))] == [
            "b.txt"
        ]
        assert library.article_text("a.txt")[0]["path"] == "a.txt"  # the path as typed
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT quote_id, text FROM quotes ORDER BY id").fetchall() == quotes_before
    assert user_version(conn) == SCHEMA_VERSION
    conn.close()


def test_an_older_library_opened_for_a_query_is_upgraded_first(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite3"
    old_library(path, version=4)
    with Library.open(path, readonly=True) as library:
        [found] = library.quotes(QuoteFilter(contains="came hanoi"))
        assert found["text"] == OLD_QUOTE
    conn = sqlite3.connect(path)
    assert user_version(conn) == SCHEMA_VERSION
    conn.close()


def test_upgrade_resolves_a_stored_relative_path_only_when_the_file_holds_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    kept = build_extraction("corpus/kept.txt", [Said("Ann Lee", "Still here")])
    changed = build_extraction("corpus/changed.txt", [Said("Ann Lee", "As stored")])
    gone = build_extraction("corpus/gone.txt", [Said("Ann Lee", "Deleted since")])
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "kept.txt").write_text(kept.article.text, "utf-8")
    (tmp_path / "corpus" / "changed.txt").write_text("Another text now", "utf-8")
    old_library(tmp_path / "v4.sqlite3", 4, [kept, changed, gone])
    with Library.open(tmp_path / "v4.sqlite3") as library:
        keys = dict(library._conn.execute("SELECT path, path_key FROM articles"))
        assert library.article_text("./corpus/kept.txt")[0]["path"] == "corpus/kept.txt"
    assert keys == {
        "corpus/kept.txt": str(tmp_path / "corpus" / "kept.txt"),
        "corpus/changed.txt": "corpus/changed.txt",
        "corpus/gone.txt": "corpus/gone.txt",
    }
