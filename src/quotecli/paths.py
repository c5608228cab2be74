"""Where quotecli writes: the library file and anything else kept between runs.

`--db PATH` wins, then `$QUOTECLI_DB`; otherwise the library lives in the data directory,
which `$QUOTECLI_HOME` moves (for tests and scripts) and which defaults to the user data
directory platformdirs names for this system.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "quotecli"
LIBRARY_FILENAME = "library.sqlite3"


def _env_path(name: str) -> Path | None:
    # An empty variable counts as unset, so `QUOTECLI_DB= quotecli ...` restores the default.
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The directory for every file quotecli writes: `$QUOTECLI_HOME` or the user data dir."""
    return _env_path("QUOTECLI_HOME") or user_data_path(APP_NAME, appauthor=False)


def library_path(db: Path | str | None = None) -> Path:
    """The library file to use.

    Args:
        db: the `--db` option, if given.

    Returns:
        `db`, else `$QUOTECLI_DB`, else `library.sqlite3` in `data_dir()`.
    """
    if db is not None and str(db).strip():
        return Path(db).expanduser()
    return _env_path("QUOTECLI_DB") or data_dir() / LIBRARY_FILENAME
