from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from quotecli.render import QUOTES, SPEAKERS, OutputFormat, render

QUOTE: dict[str, Any] = {
    "id": "abc",
    "text": "Prices will rise, \u201cnot fall\u201d",
    "kind": "mixed",
    "start": 10,
    "end": 40,
    "parts": [{"text": "Prices will rise, \u201cnot fall\u201d", "start": 10, "end": 40}],
    "paragraph": 2,
    "cue": {"text": "said", "start": 41, "end": 45},
    "speaker": {
        "name": "Ana Ruiz",
        "kind": "person",
        "title": None,
        "affiliation": "the union's general secretary",
        "mention": {"text": "Ruiz", "start": 46, "end": 50},
    },
    "places": ["Madrid", "Spain"],
    "article": {"path": "a.txt", "title": "Prices", "date": None},
}
LONG: dict[str, Any] = QUOTE | {
    "text": "Putin and the Russian propaganda machine will play on the theme that Western "
    "attempts to isolate Russia are not working",
    "kind": "direct",
    "parts": [],
    "speaker": QUOTE["speaker"]
    | {
        "name": "Carlyle Thayer",
        "affiliation": "emeritus professor at the Australian Defence Force Academy",
    },
    "article": {"path": "deep/er/directory/thayer.txt", "title": None, "date": None},
}
# `"The port is full," she said, "and the ships keep coming."` at offset 100.
SPLIT: dict[str, Any] = QUOTE | {
    "text": 'The port is full," she said, "and the ships keep coming.',
    "kind": "direct",
    "start": 100,
    "end": 156,
    "parts": [
        {"text": "The port is full", "start": 100, "end": 116},
        {"text": "and the ships keep coming.", "start": 130, "end": 156},
    ],
    "cue": {"text": "said", "start": 123, "end": 127},
}


def rendered(fmt: OutputFormat, rows: list[dict[str, Any]], width: int = 100) -> tuple[str, int]:
    out = io.StringIO()
    console = Console(width=width, file=out, color_system=None)
    count = render(iter(rows), fmt, out, QUOTES, console)
    return out.getvalue(), count


def test_json_is_one_parseable_array_with_unicode_kept() -> None:
    text, count = rendered(OutputFormat.JSON, [QUOTE, QUOTE])
    assert count == 2
    assert json.loads(text) == [QUOTE, QUOTE]
    assert "\u201cnot fall\u201d" in text


def test_json_of_nothing_is_an_empty_array() -> None:
    text, count = rendered(OutputFormat.JSON, [])
    assert (json.loads(text), count) == ([], 0)


def test_jsonl_is_one_record_per_line() -> None:
    text, count = rendered(OutputFormat.JSONL, [QUOTE, QUOTE])
    lines = text.splitlines()
    assert count == 2 and len(lines) == 2
    assert json.loads(lines[1]) == QUOTE


def test_json_and_jsonl_carry_the_parts_as_objects() -> None:
    for fmt in (OutputFormat.JSON, OutputFormat.JSONL):
        text, _ = rendered(fmt, [SPLIT])
        [record] = (
            json.loads(text) if fmt is OutputFormat.JSON else map(json.loads, text.splitlines())
        )
        assert record["parts"] == SPLIT["parts"]
        assert list(record).index("parts") == list(record).index("end") + 1


def test_csv_keeps_text_whole_and_joins_the_parts_in_a_last_column() -> None:
    text, _ = rendered(OutputFormat.CSV, [SPLIT, QUOTE])
    header, *_ = csv.reader(io.StringIO(text))
    assert header[-1] == "parts"
    split, whole = csv.DictReader(io.StringIO(text))
    assert split["text"] == SPLIT["text"]
    assert split["parts"] == "The port is full … and the ships keep coming."
    assert whole["parts"] == whole["text"] == QUOTE["text"]


def test_table_shows_a_split_quote_without_its_cue() -> None:
    text, _ = rendered(OutputFormat.TABLE, [SPLIT])
    assert "The port is full … and the ships keep coming." in text
    assert "she said" not in text


def test_csv_flattens_nested_fields() -> None:
    text, _ = rendered(OutputFormat.CSV, [QUOTE])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["speaker"] == "Ana Ruiz"
    assert rows[0]["places"] == "Madrid; Spain"
    assert rows[0]["cue"] == "said"
    assert rows[0]["affiliation"] == "the union's general secretary"


def test_table_shows_speaker_affiliation_and_text() -> None:
    text, count = rendered(OutputFormat.TABLE, [QUOTE], width=120)
    assert count == 1
    assert all(word in text for word in ("Ana Ruiz", "general", "secretary", "Prices will rise"))


def test_table_of_nothing_prints_nothing() -> None:
    assert rendered(OutputFormat.TABLE, []) == ("", 0)


def test_speaker_csv_has_quote_counts() -> None:
    out = io.StringIO()
    row = {
        "name": "Ana Ruiz",
        "kind": "person",
        "title": None,
        "affiliation": None,
        "aliases": [],
        "quotes": 3,
    }
    render([row], OutputFormat.CSV, out, SPEAKERS, Console(file=out))
    assert next(iter(csv.DictReader(io.StringIO(out.getvalue()))))["quotes"] == "3"


GOLDEN = Path(__file__).parent / "data" / "golden"


def golden(name: str, rendered_text: str) -> str:
    """The stored rendering; set QUOTECLI_REGENERATE_GOLDEN=1 to rewrite it on purpose."""
    path = GOLDEN / name
    if os.environ.get("QUOTECLI_REGENERATE_GOLDEN") == "1":
        path.write_text(rendered_text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(("name", "row"), [("quotes_table", QUOTE), ("quotes_table_split", SPLIT)])
def test_quote_table_matches_golden_file(name: str, row: dict[str, Any], width: int) -> None:
    text, _ = rendered(OutputFormat.TABLE, [row, LONG], width=width)
    assert text == golden(f"{name}_{width}.txt", text)
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("width", [80, 120])
def test_speaker_table_matches_golden_file(width: int) -> None:
    out = io.StringIO()
    row = {"name": "Ana Ruiz", "kind": "person", "title": "Dr", "affiliation": "union", "quotes": 3}
    console = Console(width=width, file=out, color_system=None)
    render([row], OutputFormat.TABLE, out, SPEAKERS, console)
    assert out.getvalue() == golden(f"speakers_table_{width}.txt", out.getvalue())


def test_at_80_columns_a_speaker_name_keeps_its_own_line_above_the_role() -> None:
    text, _ = rendered(OutputFormat.TABLE, [LONG], width=80)
    speaker_cells = [line.split("│")[1].strip() for line in text.splitlines() if "│" in line]
    assert speaker_cells[:2] == ["Carlyle Thayer", "emeritus"]
    assert "deep/er/directory" not in text  # the table shows the file name, JSON the path
    assert "thayer" in text


def test_control_characters_in_a_table_are_shown_not_sent() -> None:
    hostile = QUOTE | {
        "text": "clear \x1b[2J title \x1b]0;pwned\x07 [bold]markup[/bold]",
        "parts": [],
        "speaker": QUOTE["speaker"] | {"name": "Eve\x1b[31"},
        "article": {"path": "a\x1b[2J.txt", "title": None, "date": None},
    }
    text, _ = rendered(OutputFormat.TABLE, [hostile], width=200)
    assert "\x1b" not in text and "\x07" not in text
    assert "␛[2J" in text and "[bold]markup[/bold]" in text and "Eve␛[31" in text


def test_json_keeps_control_characters_exactly() -> None:
    row = QUOTE | {"text": "a \x1b[2J b"}
    text, _ = rendered(OutputFormat.JSONL, [row])
    assert json.loads(text)["text"] == "a \x1b[2J b"
