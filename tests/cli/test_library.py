"""`add`, `articles`, `show`, `stats`, `reindex` through CliRunner, with a fake extractor in
place of spaCy (the real model's end-to-end run is in the `model`-marked test at the end)."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner, Result

from quotecli.cli import ingesting
from quotecli.cli import library as library_cli
from quotecli.cli import quotes as quotes_cli
from quotecli.records import Article, ArticleExtraction
from quotecli.render import View
from quotecli.store.synthetic import FakeExtractor, Said, article_text
from quotecli.version import pipeline_version

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MODEL = "fake-model"  # resolved by name only; the fake extractor stands in for it
runner = CliRunner()


def make_app() -> typer.Typer:
    app = typer.Typer()
    library_cli.register(app)
    quotes_cli.register(app)
    return app


APP = make_app()


class FakeModelExtractor(FakeExtractor):
    """Built as `Extractor(model_name)` is; interrupts (as Ctrl-C) on article `interrupt_at`."""

    interrupt_at: int | None = None

    def __init__(self, model_name: str) -> None:
        super().__init__(pipeline_version(model_name))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        for count, extraction in enumerate(super().extract_many(articles)):
            if count == self.interrupt_at:
                raise KeyboardInterrupt
            yield extraction


@pytest.fixture(autouse=True)
def fake_spacy(monkeypatch: pytest.MonkeyPatch, quotecli_home: Path) -> None:
    """The extractor factory replaced, so `add` never loads spaCy; every test gets its own home."""

    def factory(model_name: str, jobs: int | None) -> Callable[[], FakeModelExtractor]:
        return lambda: FakeModelExtractor(model_name)

    monkeypatch.setattr(ingesting, "extractor_factory", factory)
    monkeypatch.setattr(FakeModelExtractor, "interrupt_at", None)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {
        "a.txt": [
            Said("Carlyle Thayer", "Putin’s reception in Hanoi was a triumph"),
            Said("Zachary Abuza", "Washington is watching closely"),
        ],
        "b.txt": [Said("Carlyle Thayer", "putin's reception in Hanoi was a triumph.")],
        "c.txt": [Said("Ann Lee", "Rice prices rose")],
    }
    for name, said in texts.items():
        (folder / name).write_text(article_text(said), encoding="utf-8")
    return folder


def invoke(*args: str) -> Result:
    return runner.invoke(APP, [*args])


def add(*paths: Path) -> Result:
    return invoke("add", *map(str, paths), "--model", MODEL)


def as_json(result: Result) -> Any:
    return json.loads(result.stdout)


def test_add_stores_articles_and_reports_on_stderr(corpus: Path, quotecli_home: Path) -> None:
    result = add(corpus)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "3 new, 0 unchanged, 0 replaced, 0 failed; 4 quote(s)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (quotecli_home / "library.sqlite3").is_file()


def test_add_again_extracts_nothing(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add(corpus)
    monkeypatch.setattr(FakeModelExtractor, "interrupt_at", 0)  # would fail if it extracted
    result = add(corpus)
    assert result.exit_code == 0, result.stderr


def test_add_interrupted_exits_130_and_rerun_finishes(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FakeModelExtractor, "interrupt_at", 2)
    result = add(corpus)
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert len(as_json(invoke("articles", "--format", "json"))) == 2
    monkeypatch.setattr(FakeModelExtractor, "interrupt_at", None)
    assert add(corpus).exit_code == 0
    assert len(as_json(invoke("articles", "--format", "json"))) == 3


def test_add_nothing_readable_is_exit_2(tmp_path: Path) -> None:
    result = add(tmp_path / "missing.txt")
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_quotes_from_the_library_linked_and_unique(corpus: Path) -> None:
    add(corpus)
    result = invoke("quotes", "--speaker", "thayer", "--unique", "--format", "json")
    assert result.exit_code == 0, result.stderr
    [record] = as_json(result)
    assert record["article"]["path"].endswith("a.txt")
    assert [a["path"][-5:] for a in record["also_in"]] == ["b.txt"]


def test_articles_lists_with_filters(corpus: Path) -> None:
    add(corpus)
    listed = as_json(invoke("articles", "--format", "json", "--model", MODEL))
    assert [(Path(a["path"]).name, a["quotes"], a["stale"]) for a in listed] == [
        ("a.txt", 2, False),
        ("b.txt", 1, False),
        ("c.txt", 1, False),
    ]
    stale = as_json(invoke("articles", "--format", "json", "--model", "other-model"))
    assert all(a["stale"] for a in stale)
    only = as_json(invoke("articles", "--speaker", "abuza", "--format", "json"))
    assert [Path(a["path"]).name for a in only] == ["a.txt"]
    assert invoke("articles", "--source", "nothing-like-this").exit_code == 1


def test_articles_csv_has_full_sha(corpus: Path) -> None:
    add(corpus)
    lines = invoke("articles", "--format", "csv").stdout.splitlines()
    assert lines[0] == "path,title,date,quotes,stale,sha256"
    assert len(lines[1].rsplit(",", 1)[1]) == 64


def test_show_names_speakers_beside_their_paragraphs(corpus: Path) -> None:
    add(corpus)
    result = invoke("show", "a.txt")
    assert result.exit_code == 0, result.stderr
    beside = [line.split("◀") for line in result.stdout.splitlines() if "◀" in line]
    # Each name stands on the first line of the paragraph holding that speaker's quote.
    assert [(left.split(" said")[0], right.strip()) for left, right in beside] == [
        ("Carlyle Thayer", "Carlyle Thayer"),
        ("Zachary Abuza", "Zachary Abuza"),
    ]


def test_show_unknown_article_is_exit_2(corpus: Path) -> None:
    add(corpus)
    result = invoke("show", "zzz-none")
    assert result.exit_code == 2
    assert "no article in the library matches" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_article_view_colours_each_speaker() -> None:
    text = article_text([Said("Ann Lee", "One"), Said("Bo Chen", "Two"), Said("Ann Lee", "Three")])
    quotes = [
        {"start": text.index(word), "end": text.index(word) + len(word), "speaker": {"name": name}}
        for word, name in (("One", "Ann Lee"), ("Two", "Bo Chen"), ("Three", "Ann Lee"))
    ]
    meta = {"path": "x.txt", "title": "X", "date": None}
    out = io.StringIO()
    Console(width=100, file=out, color_system=None).print(
        library_cli.article_view(meta, text, quotes)
    )
    lines = out.getvalue().splitlines()
    assert lines[0].strip() == "X"
    beside = {line.split(" said")[0]: line.split("◀")[1].strip() for line in lines if "◀" in line}
    assert beside == {"Ann Lee": "Ann Lee", "Bo Chen": "Bo Chen"}
    assert sum("◀" in line for line in lines) == 3
    # Colours: one per speaker, the same for both of Ann Lee's quotes.
    styled = Console(width=100, file=io.StringIO(), color_system="standard")
    with styled.capture() as capture:
        styled.print(library_cli.article_view(meta, text, quotes))
    assert capture.get().count("\x1b[1;36m") >= 2 and "\x1b[1;35m" in capture.get()


def test_article_view_colours_a_split_quotes_parts_not_the_cue_between() -> None:
    text = 'Ana Ruiz said: "The port is full," she said, "and the ships keep coming."'
    start, end = text.index("The port"), text.index('."') + 1
    parts = [(start, text.index('," she')), (text.index("and the"), end)]
    quote = {
        "start": start,
        "end": end,
        "parts": [{"start": s, "end": e} for s, e in parts],
        "speaker": {"name": "Ana Ruiz"},
    }
    styled = Console(width=100, file=io.StringIO(), color_system="standard")
    with styled.capture() as capture:
        styled.print(library_cli.article_view({"path": "x.txt", "title": "X"}, text, [quote]))
    colour = "\x1b[1;36m"
    assert f'{colour}The port is full\x1b[0m," she said, "{colour}and the ships' in capture.get()


def test_stats_json_and_table(corpus: Path) -> None:
    add(corpus)
    numbers = as_json(invoke("stats", "--format", "json", "--model", MODEL))
    assert numbers["articles"] == 3
    assert numbers["quotes"] == 4
    assert numbers["linked_quotes"] == 1
    assert numbers["stale_articles"] == 0
    assert numbers["top_speakers"][0] == {"name": "Carlyle Thayer", "quotes": 2}
    table = invoke("stats", "--format", "table")
    assert table.exit_code == 0
    assert "Carlyle Thayer (2)" in table.stdout


def test_reindex_reextracts_stale_articles(corpus: Path) -> None:
    add(corpus)
    result = invoke("reindex", "--model", "newer-model")
    assert result.exit_code == 0, result.stderr
    assert "re-extracted 3 stale article(s)" in result.stderr
    listed = as_json(invoke("articles", "--format", "json", "--model", "newer-model"))
    assert [a["stale"] for a in listed] == [False, False, False]
    assert "re-extracted 0" in invoke("reindex", "--model", "newer-model").stderr


def test_corrupt_library_is_one_line_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "bad.sqlite3"
    db.write_bytes(b"not a database at all" * 50)
    before = db.read_bytes()
    result = invoke("stats", "--db", str(db))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a SQLite database" in result.stderr
    assert db.read_bytes() == before


def test_library_commands_are_registered_in_the_real_app() -> None:
    from quotecli.cli import app

    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    missing = [c for c in ("add", "articles", "show", "stats", "reindex") if c not in result.stdout]
    assert not missing


def test_add_refuses_an_article_over_max_chars_and_counts_it_failed(corpus: Path) -> None:
    big = corpus / "big.txt"
    big.write_text("Word " * 400, encoding="utf-8")
    result = invoke("add", str(corpus), "--model", MODEL, "--max-chars", "1000")
    assert result.exit_code == 0, result.stderr
    warning, summary = result.stderr.strip().splitlines()
    assert "big.txt: 2,000 characters, more than --max-chars 1,000; not extracted" in warning
    assert summary.startswith("3 new, 0 unchanged, 0 replaced, 1 failed;")


def test_add_again_reports_unchanged_and_replaced(corpus: Path) -> None:
    add(corpus)
    (corpus / "c.txt").write_text(article_text([Said("Ann Lee", "Rice fell")]), encoding="utf-8")
    result = add(corpus)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("0 new, 2 unchanged, 1 replaced, 0 failed;")


GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"


def golden(name: str, rendered_text: str) -> str:
    """The stored rendering; QUOTECLI_REGENERATE_GOLDEN=1 rewrites it on purpose."""
    path = GOLDEN / name
    if os.environ.get("QUOTECLI_REGENERATE_GOLDEN") == "1":
        path.write_text(rendered_text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


ARTICLE_ROW = {
    "path": "corpus/2024-06/reuters-putin-vietnam-bamboo-diplomacy.txt",
    "title": "Russian President Putin seeks new ‘reliable security architecture’ for Asia",
    "date": "2024-06-20",
    "sha256": "a155ad27f977" + "0" * 52,
    "quotes": 17,
    "stale": False,
}


@pytest.mark.parametrize("width", [80, 120])
def test_articles_and_stats_tables_match_golden_files(width: int) -> None:
    from quotecli.render import OutputFormat, render

    stats = {"articles": 2, "quotes_by_kind": {"direct": 13}, "top_speakers": []}
    rows = [{"name": n, "value": v} for n, v in library_cli._flatten(stats)]
    for name, view, table_rows in (
        ("articles_table", library_cli.ARTICLES, [ARTICLE_ROW]),
        ("stats_table", View(library_cli.STAT_COLUMNS, library_cli.STAT_COLUMNS), rows),
    ):
        out = io.StringIO()
        console = Console(width=width, file=out, color_system=None)
        render(table_rows, OutputFormat.TABLE, out, view, console)
        text = out.getvalue()
        assert text == golden(f"{name}_{width}.txt", text)
        assert max(len(line) for line in text.splitlines()) <= width
        if name == "articles_table":  # the path folds over two lines at most, the title none
            body = [line.split("│") for line in text.splitlines() if line.startswith("│")]
            assert len([cells for cells in body if cells[1].strip()]) <= 2
            assert len([cells for cells in body if cells[2].strip()]) == 1
