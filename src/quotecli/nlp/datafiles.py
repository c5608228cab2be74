"""Reading the word lists kept as data in `quotecli/nlp/data/` (shipped with the package)."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

DATA = files("quotecli.nlp") / "data"


def read_words(name: str) -> frozenset[str]:
    """One entry per line, lower-cased; blank lines and `#` comments skipped."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


def read_json(name: str) -> dict[str, Any]:
    """A JSON object, without its `_comment` key."""
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    data.pop("_comment", None)
    return data
