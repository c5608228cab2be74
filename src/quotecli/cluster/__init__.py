"""Extraction on a Dask cluster into a Parquet dataset, and reading such a dataset back.

A dataset is a directory holding `_quotecli_dataset.json` (the marker), `quotes/` (one row per
quote: the JSON record plus `quote_key` and `article_sha256`) and `articles/` (one row per
article: its text, metadata, speakers and places), one Parquet file per task in each.

Importing this package imports neither Dask nor pyarrow: only the modules that need them do,
and only the commands that use them import those modules.
"""

from __future__ import annotations

from pathlib import Path

MARKER = "_quotecli_dataset.json"
QUOTES_DIR = "quotes"
ARTICLES_DIR = "articles"


def is_dataset(path: str) -> bool:
    """Whether `path` (a local path or an fsspec URL) is a directory holding a dataset marker."""
    if "://" in path:
        try:
            from fsspec.core import url_to_fs

            fs, root = url_to_fs(path)
            return bool(fs.isfile(f"{root.rstrip('/')}/{MARKER}"))
        except (ImportError, ValueError, OSError):  # no fsspec, or no package for the URL
            return False
    return (Path(path) / MARKER).is_file()


INSTALL_HINT = "pip install 'quotecli[dask]'"


def require_engine() -> None:
    """Raise a one-line QuotecliError when the optional extra (Dask, pyarrow) is missing."""
    from importlib.util import find_spec

    from quotecli.errors import QuotecliError

    missing = [name for name in ("pyarrow", "distributed", "fsspec") if find_spec(name) is None]
    if missing:
        raise QuotecliError(f"{', '.join(missing)} not installed; run: {INSTALL_HINT}")
