"""Corpus files: one article per row, fields found by their common names or named by the user."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from quotecli.records import Article
from quotecli.sources import CorpusFields, ReadOptions, iter_articles
from quotecli.sources.common import iso_date

ROWS = [
    {
        "id": "a-1",
        "headline": "Harbour full",
        "content": '"The port is full," the harbour master said.',
        "published": "2024-06-20T08:00:00Z",
        "link": "https://www.portnews.example/harbour",
    },
    {
        "id": 2,
        "title": "Talks",
        "text": "Officials said talks would go on.",
        "date": "June 21, 2024",
        "url": "https://citypaper.example/talks",
        "author": ["Ann Lee", "Bo Chan"],
        "source": {"id": "cp", "name": "City Paper"},
    },
]


def read(path: Path, options: ReadOptions | None = None) -> tuple[list[Article], list[str]]:
    warnings: list[str] = []
    return list(iter_articles([str(path)], warnings.append, options=options)), warnings


def jsonl(path: Path, rows: list[object]) -> Path:
    lines = (row if isinstance(row, str) else json.dumps(row) for row in rows)
    data = "\n".join(lines) + "\n"
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data.encode()))
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.JSONL.gz", "corpus.ndjson"])
def test_jsonl_rows_are_articles_with_their_metadata(tmp_path: Path, name: str) -> None:
    articles, warnings = read(jsonl(tmp_path / name, ROWS))
    assert warnings == []
    first, second = articles
    assert first.path == f"{(tmp_path / name).as_posix()}:1"
    assert (first.text, first.title, first.date, first.id) == (
        ROWS[0]["content"],
        "Harbour full",
        "2024-06-20",
        "a-1",
    )
    assert (first.url, first.outlet) == ("https://www.portnews.example/harbour", "portnews.example")
    assert (second.title, second.date, second.id) == ("Talks", "2024-06-21", "2")
    assert (second.author, second.outlet) == ("Ann Lee, Bo Chan", "City Paper")


def test_malformed_line_is_one_warning_with_its_number(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", [ROWS[0], '{"text": "cut off', ROWS[1]])
    articles, warnings = read(path)
    assert [a.title for a in articles] == ["Harbour full", "Talks"]
    assert warnings == [f"{path.as_posix()}:2: not valid JSON"]


def test_row_without_text_names_the_fields_found(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", [{"id": 1, "headline": "H", "summary": "S"}, ROWS[1]])
    articles, warnings = read(path)
    assert [a.title for a in articles] == ["Talks"]
    assert warnings == [f"{path.as_posix()}:1: no text field (fields: id, headline, summary)"]


def test_many_bad_rows_give_a_few_lines_and_a_count(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", [{"id": n} for n in range(10)])
    articles, warnings = read(path)
    assert articles == []
    assert len(warnings) == 4
    assert warnings[-1] == f"{path.as_posix()}: also skipped 7 no text (not shown)"


def test_fields_named_by_the_user(tmp_path: Path) -> None:
    row = {
        "story": "She said so.",
        "hed": "H",
        "when": "2024-01-02",
        "where": "https://x.example/a",
        "key": "k9",
    }
    fields = CorpusFields(text="story", title="hed", date="when", url="where", id="key")
    [article], warnings = read(jsonl(tmp_path / "c.jsonl", [row]), ReadOptions(fields=fields))
    assert (article.text, article.title, article.date, article.url, article.id) == (
        "She said so.",
        "H",
        "2024-01-02",
        "https://x.example/a",
        "k9",
    )
    assert warnings == []


def test_a_named_text_field_that_is_missing_is_said(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", [ROWS[1]])
    articles, warnings = read(path, ReadOptions(fields=CorpusFields(text="story")))
    assert articles == []
    assert warnings[0].startswith(
        f"{path.as_posix()}:1: no field 'story' (fields: id, title, text,"
    )


def test_huge_line_is_skipped_without_being_held(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", [{"text": "x " * 600}, ROWS[1]])
    articles, warnings = read(path, ReadOptions(max_bytes=1000))
    assert [a.title for a in articles] == ["Talks"]
    assert warnings == [f"{path.as_posix()}:1: line longer than 1,000 bytes; skipped"]


def test_json_array_is_streamed_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps([ROWS[0], "not an object", ROWS[1]], indent=2), encoding="utf-8")
    articles, warnings = read(path, ReadOptions(max_bytes=2000))
    assert [a.path for a in articles] == [f"{path.as_posix()}:1", f"{path.as_posix()}:3"]
    assert warnings == [f"{path.as_posix()}:2: not a JSON object"]


def test_json_array_items_larger_than_a_read_are_whole(tmp_path: Path) -> None:
    long_text = "She said so. " * 20_000  # several reads of the stream
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps([{"text": long_text}, {"text": "Short, he said."}]), encoding="utf-8"
    )
    articles, warnings = read(path)
    assert [a.text for a in articles] == [long_text.strip(), "Short, he said."]
    assert warnings == []


def test_broken_json_array_keeps_the_items_before(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps([ROWS[0]])[:-1] + ', {"text": ', encoding="utf-8")
    articles, warnings = read(path)
    assert [a.title for a in articles] == ["Harbour full"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path.as_posix()}: not valid JSON after item 1 (")


@pytest.mark.parametrize(("name", "delimiter"), [("c.csv", ","), ("c.TSV", "\t")])
def test_csv_and_tsv_rows_are_articles(tmp_path: Path, name: str, delimiter: str) -> None:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(["ID", "Title", "Body", "Date", "URL"])
        writer.writerow(
            ["1", "Port", 'Line one.\n\n"Full," he said.', "2024-06-20", "https://a.example/1"]
        )
        writer.writerow(["2", "Talks", "Talks went on, they said.", "", ""])
    articles, warnings = read(path)
    assert warnings == []
    assert [a.path for a in articles] == [f"{path.as_posix()}:2", f"{path.as_posix()}:5"]
    assert articles[0].text == 'Line one.\n\n"Full," he said.'
    assert (articles[0].title, articles[0].date, articles[0].id, articles[0].outlet) == (
        "Port",
        "2024-06-20",
        "1",
        "a.example",
    )
    assert (articles[1].date, articles[1].url) == (None, None)


def test_csv_without_a_text_column_is_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,headline\n1,H\n2,I\n", encoding="utf-8")
    articles, warnings = read(path)
    assert articles == []
    assert warnings == [
        f"{path.as_posix()}: no text column (columns: id, headline); name it with --text-field"
    ]


def test_csv_huge_field_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f"text,title\n{'x' * 3000},big\nShe said so.,small\n", encoding="utf-8")
    articles, warnings = read(path, ReadOptions(max_bytes=1000))
    assert [a.title for a in articles] == ["small"]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path.as_posix()}:2: ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-20", "2024-06-20"),
        ("2024-06-20T23:10:00+02:00", "2024-06-20"),
        ("2024-06-20 08:00", "2024-06-20"),
        ("Thu, 20 Jun 2024 08:00:00 GMT", "2024-06-20"),
        ("June 20, 2024", "2024-06-20"),
        ("20 June 2024", "2024-06-20"),
        (1718870400, "2024-06-20"),
        ("1718870400000", "2024-06-20"),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_json_that_is_not_an_array_says_so(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(ROWS[0]), encoding="utf-8")
    articles, warnings = read(path)
    assert articles == []
    assert warnings == [f"{path.as_posix()}: not a JSON array of articles (one object per article)"]
