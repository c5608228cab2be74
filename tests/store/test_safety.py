"""A file that is not a usable library is refused with one line and left byte for byte as it
was; writers wait for each other instead of failing."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from quotecli.errors import LibraryError
from quotecli.query import QuoteFilter
from quotecli.store import Library
from quotecli.store.opening import connect
from quotecli.store.schema import SCHEMA_VERSION
from tests.support.synthetic import Said, build_extraction


def a_library(path: Path) -> None:
    with Library.open(path) as library:
        library.save(build_extraction("a.txt", [Said("Carlyle Thayer", "Hanoi was a coup")]))


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"Putin in Hanoi\n" * 500)


def corrupt(path: Path) -> None:
    """A library whose header survives but whose schema page is garbage."""
    a_library(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


def newer_schema(path: Path) -> None:
    a_library(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(not_sqlite, "not a SQLite database", id="not_sqlite"),
        pytest.param(corrupt, "corrupt", id="corrupt"),
        pytest.param(newer_schema, "newer than this quotecli", id="newer_schema"),
        pytest.param(other_program, "not a quotecli library", id="other_program"),
    ],
)
def test_unusable_file_is_refused_and_untouched(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "library.sqlite3"
    make(path)  # type: ignore[operator]
    before_bytes, before_files = path.read_bytes(), sorted(tmp_path.iterdir())
    with pytest.raises(LibraryError, match=message) as raised:
        Library.open(path)
    assert "\n" not in str(raised.value)
    assert path.read_bytes() == before_bytes
    assert sorted(tmp_path.iterdir()) == before_files


def test_missing_library_without_create(tmp_path: Path) -> None:
    path = tmp_path / "none" / "library.sqlite3"
    with pytest.raises(LibraryError, match="no library at"):
        Library.open(path, create=False)
    assert not path.parent.exists()


def test_new_library_creates_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "library.sqlite3"
    with Library.open(path) as library:
        assert library.stats()["articles"] == 0
    assert path.is_file()


def test_wal_mode_and_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        # Private access on purpose: the timeout is a per-connection setting.
        assert library._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_writer_waits_for_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock ...
        release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
        release.start()
        library.save(build_extraction("a.txt", [Said("Ann Lee", "waited")]))  # ... we wait
        release.join()
        other.close()
        assert [q["text"] for q in library.quotes(QuoteFilter())] == ["waited"]


def test_interrupted_save_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.save(build_extraction("a.txt", [Said("Ann Lee", "first")]))

        def interrupt(*args: object) -> None:
            raise KeyboardInterrupt

        # Interrupt after the article and its quotes are written, before linking ends.
        monkeypatch.setattr("quotecli.store.writer.link_article", interrupt)
        with pytest.raises(KeyboardInterrupt):
            library.save(build_extraction("b.txt", [Said("Bo Chen", "second")]))
        with pytest.raises(KeyboardInterrupt):
            library.save(build_extraction("a.txt", [Said("Ann Lee", "replacement")]))
    with Library.open(path) as library:
        assert [a["path"] for a in library.articles(QuoteFilter())] == ["a.txt"]
        assert [q["text"] for q in library.quotes(QuoteFilter())] == ["first"]
        assert [s.name for s in library.speakers(QuoteFilter())] == ["Ann Lee"]


def _open_fresh(path: str, barrier: Any, errors: Any) -> None:
    barrier.wait()
    try:
        connect(Path(path), create=True).close()
    except Exception as error:  # reported to the parent, which asserts on it
        errors.put(repr(error))


def test_two_processes_creating_one_new_library_both_succeed(tmp_path: Path) -> None:
    """Both switch a brand-new file to WAL at once: SQLite can refuse one of them with no
    busy wait (64 of 100 such races failed before opening retried)."""
    context = multiprocessing.get_context("fork")
    errors = context.Queue()
    for round_number in range(10):
        path = str(tmp_path / f"library-{round_number}.sqlite3")
        barrier = context.Barrier(2)
        processes = [
            context.Process(target=_open_fresh, args=(path, barrier, errors)) for _ in range(2)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=60)
        assert [p.exitcode for p in processes] == [0, 0]
    failures = []
    while not errors.empty():
        failures.append(errors.get())
    assert failures == []
