"""Opening a library file safely: refuse, without writing a byte, what is not ours.

A file is checked through a read-only connection before any connection that could write
to it (WAL mode, migrations) is made, so a corrupt file, another program's database or a
library from a newer quotecli is left exactly as it was.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from quotecli.errors import LibraryError
from quotecli.store.schema import REQUIRED_TABLES, SCHEMA_VERSION, migrate, user_version

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 60.0
RETRY_PAUSE_SECONDS = 0.05
_USER_VERSION_OFFSET = 60  # in the 100-byte SQLite file header


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """A checked, migrated, autocommit connection in WAL mode with a busy timeout.

    Raises:
        LibraryError: the file is missing (and `create` is false), is not SQLite, is
            corrupt, belongs to another program, or has a newer schema.
    """
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise LibraryError(f"no library at {path}; add articles with `quotecli add PATH`")
        _make_parent(path)
    else:
        check_existing(path)
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise LibraryError(f"cannot open library {path}: {error}") from None
    try:
        _prepare(conn)
    except sqlite3.Error as error:
        conn.close()
        raise LibraryError(f"cannot prepare library {path}: {error}") from None
    return conn


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A checked connection that cannot write: queries work on a library they may not change.

    The file is opened with `mode=ro`. In WAL mode even a reader needs the `-shm` file; in a
    folder it may not write, with no `-wal` file (so no writer is at work: a writer keeps
    one), the file is read as `immutable` instead. A library from an older quotecli is
    migrated first, through a writing connection, which a read-only file refuses.

    Raises:
        LibraryError: the library is missing, unusable (see `connect`), or older and
            read-only.
    """
    if not path.exists() or path.stat().st_size == 0:
        raise LibraryError(f"no library at {path}; add articles with `quotecli add PATH`")
    if check_existing(path) < SCHEMA_VERSION:
        try:
            connect(path, create=False).close()
        except LibraryError as error:
            raise LibraryError(
                f"library {path} is from an older quotecli and could not be upgraded ({error})"
            ) from None
    for flag in ("mode=ro", "immutable=1"):
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{flag}",
            uri=True,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as error:
            conn.close()
            if path.with_name(path.name + "-wal").exists():
                raise LibraryError(f"cannot read library {path}: {error}") from None
        except sqlite3.DatabaseError as error:
            conn.close()
            raise LibraryError(f"library {path} is corrupt ({error})") from None
    raise LibraryError(f"cannot read library {path}")


def check_existing(path: Path) -> int:
    """Raise LibraryError unless `path` is a quotecli library this version can read.

    Returns:
        Its schema version.
    """
    header = _read_header(path)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise LibraryError(f"{path} is not a quotecli library (not a SQLite database)")
    # The schema version sits in the file header, so a newer library is refused without
    # SQLite ever opening it.
    version = int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big")
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"library {path} has schema version {version}, newer than this quotecli reads"
            f" ({SCHEMA_VERSION}); upgrade quotecli"
        )
    # The header may lag behind a WAL file that holds newer pages (another process may
    # have just migrated), so the full check reads through SQLite.
    version, tables = _schema(path)
    if version > SCHEMA_VERSION:
        raise LibraryError(f"library {path} has schema version {version}; upgrade quotecli")
    if (version == 0 and tables) or (version > 0 and not tables >= REQUIRED_TABLES):
        raise LibraryError(f"{path} is a SQLite database but not a quotecli library")
    return version


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(100)
    except OSError as error:
        raise LibraryError(f"cannot read library {path}: {error.strerror}") from None


def _schema(path: Path) -> tuple[int, set[str]]:
    """The schema version and table names, read without creating or changing any file."""
    # With no -wal file, the main file holds everything: `immutable` reads it without the
    # -shm/-wal files a read-only WAL connection would leave behind. With one, the library
    # is in use (or was not closed cleanly) and must be read through the WAL.
    in_use = path.with_name(path.name + "-wal").exists()
    uri = f"{path.resolve().as_uri()}?{'mode=ro' if in_use else 'immutable=1'}"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise LibraryError(f"cannot open library {path}: {error}") from None
    try:
        tables = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
        return user_version(conn), tables
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"library {path} is corrupt ({error})") from None
    finally:
        conn.close()


def _prepare(conn: sqlite3.Connection) -> None:
    """Configure and migrate, retrying while another process holds the file.

    Two processes creating one library can deadlock on its first lock upgrades (the switch
    to WAL); SQLite then answers "database is locked" at once, without the busy handler, so
    the busy timeout alone does not cover it. Both steps are idempotent, so try again.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            _configure(conn)
            migrate(conn)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(RETRY_PAUSE_SECONDS)


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    # WAL lets readers run while another process writes; NORMAL sync is safe under WAL
    # (a power cut may lose the last commits, never corrupt the file).
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(f"cannot create {path.parent}: {error.strerror}") from None
