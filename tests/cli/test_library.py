"""`add`, `articles`, `show`, `stats`, `reindex` through CliRunner, with a fake extractor in
place of spaCy (the real model's end-to-end run is in the `model`-marked test at the end)."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import tempfile
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
from quotecli.paths import library_path
from quotecli.records import Article, ArticleExtraction
from quotecli.render import View
from quotecli.version import pipeline_version
from tests.support.synthetic import FakeExtractor, Said, article_text

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
    assert lines[0] == "path,title,date,quotes,stale,sha256,outlet,url,author,id"
    assert len(lines[1].split(",")[5]) == 64


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
    commands = ("add", "articles", "show", "stats", "reindex", "remove")
    missing = [c for c in commands if c not in result.stdout]
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
    "outlet": "Reuters",
    "url": "https://www.reuters.com/world/asia-pacific/putin-vietnam-2024-06-20/",
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
        if name == "articles_table":  # the path folds over three lines at most, the title none
            body = [line.split("│") for line in text.splitlines() if line.startswith("│")]
            assert len([cells for cells in body if cells[1].strip()]) <= 3
            assert len([cells for cells in body if cells[2].strip()]) == 1


def test_repeated_contains_options_all_apply(corpus: Path) -> None:
    add(corpus)
    both = invoke("quotes", "--contains", "reception", "--contains", "hanoi", "--format", "json")
    assert [Path(q["article"]["path"]).name for q in as_json(both)] == ["a.txt", "b.txt"]
    # No quote holds both words: every option counts, not just the last.
    assert invoke("quotes", "--contains", "putin", "--contains", "washington").exit_code == 1


QUERIES = [
    pytest.param(["quotes"], id="quotes"),
    pytest.param(["speakers"], id="speakers"),
    pytest.param(["places"], id="places"),
    pytest.param(["articles"], id="articles"),
    pytest.param(["stats"], id="stats"),
    pytest.param(["show", "a.txt"], id="show"),
    pytest.param(["reindex", "--model", MODEL], id="reindex"),
    pytest.param(["remove", "a.txt"], id="remove"),
]


@pytest.mark.parametrize("command", QUERIES)
def test_missing_library_is_an_error_and_nothing_is_created(
    tmp_path: Path, quotecli_home: Path, command: list[str]
) -> None:
    typo = tmp_path / "typo" / "library.sqlite3"
    result = invoke(*command, "--db", str(typo))
    assert result.exit_code == 2, result.stdout
    assert result.stderr.count("\n") == 1 and f"no library at {typo}" in result.stderr
    assert result.stdout == ""
    assert not typo.parent.exists()
    assert invoke(*command).exit_code == 2  # the default library, in QUOTECLI_HOME
    assert not quotecli_home.exists()


def test_add_and_a_query_given_paths_create_the_library(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "new" / "library.sqlite3"
    result = invoke("quotes", str(corpus), "--db", str(db), "--model", MODEL, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(as_json(result)) == 4 and db.is_file()


def test_queries_open_the_library_read_only(corpus: Path, quotecli_home: Path) -> None:
    """Whoever runs the tests (root ignores file modes): the connection itself cannot write."""
    from quotecli.store import Library

    add(corpus)
    path = quotecli_home / "library.sqlite3"
    with Library.open(path, readonly=True) as library:
        assert library.stats()["articles"] == 3
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            library._conn.execute("DELETE FROM articles")
    before = path.read_bytes()
    for command in (["stats"], ["quotes"], ["articles"], ["show", "a.txt"], ["speakers"]):
        assert invoke(*command).exit_code == 0
    assert path.read_bytes() == before


def _as_reader_without_write_access(shelf: Path, args: list[str]) -> dict[str, Any]:
    """Run the CLI in a forked child that may not write to `shelf`: as root, the child drops
    to the unprivileged `nobody` (root ignores file modes); as any other user, the modes
    already bite. The child first checks that it really cannot write there."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            try:
                (shelf / "probe").write_text("x")
                writable = True
            except PermissionError:
                writable = False
            result = runner.invoke(APP, args)
            report = {"writable": writable, "code": result.exit_code, "out": result.stdout}
            report["err"] = result.stderr
        except BaseException as error:
            report = {"error": repr(error)}
        os.write(write, json.dumps(report).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        report = json.loads(pipe.read() or "{}")
    os.waitpid(pid, 0)
    return report


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_library_in_a_read_only_folder_answers_queries(corpus: Path) -> None:
    add(corpus)
    shelf = Path(tempfile.mkdtemp(prefix="quotecli-ro-"))  # outside pytest's 0700 folders
    try:
        db = shelf / "library.sqlite3"
        shutil.copyfile(library_path(), db)  # closed cleanly: no -wal or -shm beside it
        args = ["stats", "--format", "json", "--db", str(db)]
        # Import everything the child will need (it may not read /root, where Python may be).
        assert invoke(*args[:-1], str(library_path())).exit_code == 0
        db.chmod(0o444)
        shelf.chmod(0o555)
        report = _as_reader_without_write_access(shelf, args)
        assert report.get("writable") is False, report
        assert report["code"] == 0, report["err"]
        assert json.loads(report["out"])["articles"] == 3
        assert sorted(p.name for p in shelf.iterdir()) == ["library.sqlite3"]
    finally:
        shelf.chmod(0o755)
        shutil.rmtree(shelf)


def test_a_path_is_one_article_however_it_is_written(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    assert add(Path("articles")).exit_code == 0
    for spelling in ("articles/a.txt", "./articles/a.txt", str(corpus / "a.txt")):
        shown = invoke("show", spelling)
        assert shown.exit_code == 0, (spelling, shown.stderr)
        assert "Putin’s reception" in shown.stdout
    # A changed file, added under another spelling, replaces the old version.
    (corpus / "a.txt").write_text(article_text([Said("Ann Lee", "A new text")]), "utf-8")
    assert add(Path("./articles/../articles/a.txt")).exit_code == 0
    listed = as_json(invoke("articles", "--format", "json"))
    assert [(a["path"], a["quotes"]) for a in listed] == [
        ("articles/../articles/a.txt", 1),
        ("articles/b.txt", 1),
        ("articles/c.txt", 1),
    ]


def test_remove_takes_articles_and_their_links(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.parent)
    add(Path("articles"))
    [linked] = as_json(invoke("quotes", "--source", "b.txt", "--format", "json"))
    assert [a["path"] for a in linked["also_in"]] == ["articles/a.txt"]
    result = invoke("remove", "./articles/a.txt")
    assert result.exit_code == 0, result.stderr
    assert "1 article(s) with 2 quote(s) removed" in result.stderr
    assert result.stdout == ""
    [alone] = as_json(invoke("quotes", "--source", "b.txt", "--format", "json"))
    assert alone["also_in"] == []
    assert as_json(invoke("stats", "--format", "json"))["quotes"] == 2
    assert invoke("speakers", "--speaker", "abuza").exit_code == 1  # only a.txt quoted him


def test_remove_a_folder_a_sha_prefix_and_nothing(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(corpus)
    [c] = as_json(invoke("articles", "--source", "c.txt", "--format", "json"))
    missing = invoke("remove", "no-such-article.txt")
    assert missing.exit_code == 1
    assert missing.stderr.splitlines()[0].endswith(
        "no-such-article.txt: no article in the library matches"
    )
    assert invoke("remove", c["sha256"][:10], "no-such.txt").exit_code == 0
    assert [Path(a["path"]).name for a in as_json(invoke("articles", "--format", "json"))] == [
        "a.txt",
        "b.txt",
    ]
    monkeypatch.chdir(corpus)
    assert invoke("remove", ".").exit_code == 0
    assert invoke("articles").exit_code == 1


def test_show_makes_control_characters_in_the_article_visible() -> None:
    text = 'Intro \x1b[2J here.\n\n"Markup [bold]stays[/bold] text," Ann Lee said.\x1b]0;x\x07'
    start = text.index("Markup")
    quote = {"start": start, "end": text.index(',"'), "speaker": {"name": "Ann Lee"}}
    meta = {"path": "evil\x1b[31m.txt", "title": None, "date": None}
    out = io.StringIO()
    Console(width=100, file=out, color_system=None).print(
        library_cli.article_view(meta, text, [quote])
    )
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown
    assert "␛[2J" in shown and "[bold]stays[/bold]" in shown and "evil␛[31m.txt" in shown
