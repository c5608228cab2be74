"""Which input kind a file is, and the supported files of a directory, with what was skipped."""

from __future__ import annotations

import errno
import os
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from fnmatch import fnmatchcase
from pathlib import Path


class Kind(StrEnum):
    TEXT = "text"
    HTML = "html"
    WARC = "warc"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    TSV = "tsv"


# Matched on the lower-cased file name, longest first (`.warc.gz` before `.gz`).
SUFFIXES: dict[str, Kind] = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.TEXT,
    ".markdown": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".warc": Kind.WARC,
    ".warc.gz": Kind.WARC,
    ".jsonl": Kind.JSONL,
    ".jsonl.gz": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".ndjson.gz": Kind.JSONL,
    ".json": Kind.JSON,
    ".json.gz": Kind.JSON,
    ".csv": Kind.CSV,
    ".csv.gz": Kind.CSV,
    ".tsv": Kind.TSV,
    ".tsv.gz": Kind.TSV,
}
_BY_LENGTH = sorted(SUFFIXES, key=len, reverse=True)


def kind_of(name: str) -> Kind | None:
    """The input kind a file name's extension says, in any case (`.TXT`, `.Html`)."""
    lower = name.lower()
    return next((SUFFIXES[s] for s in _BY_LENGTH if lower.endswith(s)), None)


@dataclass(slots=True)
class Scan:
    """A directory's supported files, sorted by path, and what was left out, by reason."""

    files: list[Path] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def scan_directory(directory: Path, glob: str | None = None) -> Scan:
    """Every supported file under `directory`, following symlinked folders once each.

    Hidden entries (`.git`, `.DS_Store`), files of other types, files not matching `glob`,
    dangling or looping symlinks and folders that cannot be read are counted in `skipped`.
    """
    scan = Scan()
    seen = {os.path.realpath(directory)}
    pending = [directory]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            scan.skipped["unreadable folder"] += 1
            continue
        for entry in entries:
            _visit(entry, directory, glob, scan, seen, pending)
    scan.files.sort()
    return scan


def _visit(
    entry: os.DirEntry[str],
    root: Path,
    glob: str | None,
    scan: Scan,
    seen: set[str],
    pending: list[Path],
) -> None:
    path = Path(entry.path)
    if entry.name.startswith("."):
        scan.skipped["hidden"] += 1
    elif entry.is_symlink() and not path.exists():
        scan.skipped[_broken_link(path)] += 1
    elif entry.is_dir():
        real = os.path.realpath(path)
        if real in seen:
            scan.skipped["symlink loop" if _is_loop(real, path) else "folder linked twice"] += 1
        else:
            seen.add(real)
            pending.append(path)
    elif not entry.is_file():
        scan.skipped["not a regular file"] += 1
    elif kind_of(entry.name) is None:
        scan.skipped[f"unsupported {_extension(entry.name)}"] += 1
    elif glob and not _matches(path.relative_to(root).as_posix(), glob):
        scan.skipped["not matching --glob"] += 1
    else:
        scan.files.append(path)


def _broken_link(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as error:
        return "symlink loop" if error.errno == errno.ELOOP else "dangling symlink"
    return "dangling symlink"


def _is_loop(real: str, link: Path) -> bool:
    """A symlinked folder pointing at one of its own ancestors."""
    parent = os.path.realpath(link.parent)
    return parent == real or parent.startswith(real.rstrip(os.sep) + os.sep)


def _extension(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix or "(no extension)"


def _matches(relative: str, glob: str) -> bool:
    """`*.html` matches at any depth; `2024/*` matches under 2024/; case is ignored."""
    pattern = glob.lower()
    return fnmatchcase(relative.lower(), pattern) or fnmatchcase(
        relative.rsplit("/", 1)[-1].lower(), pattern
    )
