"""Tiny hand-written brat gold directories, built in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

#: An article with a direct quote (source Ana Ruiz, cue said) and an indirect, source-less one.
TEXT = '"We will strike on Monday," said Ana Ruiz. Prices rose last week, it was reported.\n'
QUOTE = (1, 26)  # We will strike on Monday,
SOURCE = (33, 41)  # Ana Ruiz
CUE = (28, 32)  # said
REPORTED = (43, 64)  # Prices rose last week
REPORTED_CUE = (69, 81)  # was reported


def piece(start_end: tuple[int, int], text: str = TEXT) -> str:
    start, end = start_end
    return f"{start} {end}\t{text[start:end]}"


ANN = "\n".join(
    [
        f"T1\tContent {piece(QUOTE)}",
        f"T2\tSource {piece(SOURCE)}",
        f"T3\tCue {piece(CUE)}",
        f"T4\tAttribution {piece(CUE)}",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tContent {piece(REPORTED)}",
        f"T6\tCue {piece(REPORTED_CUE)}",
        f"T7\tAttribution {piece(REPORTED_CUE)}",
        "E2\tAttribution-no-source:T7 Content:T5 Cue:T6",
        "",
    ]
)

MakeGold = Callable[..., Path]


@pytest.fixture
def make_gold(tmp_path: Path) -> MakeGold:
    """Write a gold dir: `make_gold({"a": (text, {"a_x1.ann": ann})})` -> its path."""

    def make(articles: dict[str, tuple[str, dict[str, str]]] | None = None) -> Path:
        gold = tmp_path / "gold"
        (gold / "text").mkdir(parents=True)
        (gold / "attributions").mkdir()
        if articles is None:
            articles = {"article": (TEXT, {"article_x1.ann": ANN})}
        for name, (text, anns) in articles.items():
            (gold / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
            for ann_name, ann in anns.items():
                (gold / "attributions" / ann_name).write_text(ann, encoding="utf-8", newline="")
        return gold

    return make
