"""`report` and `show --format html` through CliRunner, with a fake extractor in place of spaCy."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from quotecli.cli import ingesting
from quotecli.cli.app import app
from quotecli.version import pipeline_version
from tests.support.synthetic import FakeExtractor, Said, article_text

runner = CliRunner()
MODEL = "fake-model"


@pytest.fixture(autouse=True)
def fake_spacy(monkeypatch: pytest.MonkeyPatch, quotecli_home: Path) -> None:
    def factory(model_name: str, jobs: int | None) -> Callable[[], FakeExtractor]:
        return lambda: FakeExtractor(pipeline_version(model_name))

    monkeypatch.setattr(ingesting, "extractor_factory", factory)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {
        "a.txt": [Said("Carlyle Thayer", "Hanoi was a triumph"), Said("Ann Lee", "<script>")],
        "b.txt": [Said("Carlyle Thayer", "Hanoi was a triumph")],
    }
    for name, said in texts.items():
        (folder / name).write_text(article_text(said), encoding="utf-8")
    assert runner.invoke(app, ["add", str(folder), "--model", MODEL]).exit_code == 0
    return folder


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


def test_report_to_a_file_embeds_the_articles(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = invoke("report", "--speaker", "thayer", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "report on 2 quote(s) from 2 article(s)" in result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count('<article class="doc"') == 2
    assert "Selection: speaker ~ thayer" in html
    assert "&lt;script&gt;" in html  # Ann Lee's quote is in a.txt, shown escaped


def test_report_to_a_directory_writes_a_page_per_article(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = invoke("report", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").is_file()
    pages = sorted((out / "articles").glob("*.html"), key=lambda p: p.stat().st_size)
    assert len(pages) == 2
    assert [p.read_text(encoding="utf-8").count('tabindex="0"') for p in pages] == [1, 2]
    assert not list(out.rglob(".*.tmp"))


def test_report_without_out_prints_the_page(corpus: Path) -> None:
    result = invoke("report", "--kind", "direct", "--title", "Direct <quotes>")
    assert result.exit_code == 0, result.stderr
    assert "<h1>Direct &lt;quotes&gt;</h1>" in result.stdout


def test_report_with_no_match_is_exit_1_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.html"
    result = invoke("report", "--speaker", "nobody-at-all", "--out", str(out))
    assert result.exit_code == 1
    assert "no matches" in result.stderr and not out.exists()


def test_report_into_a_file_used_as_directory_is_exit_2(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "plain"
    blocker.write_text("keep me", encoding="utf-8")
    result = invoke("report", "--out", str(blocker))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_show_html_marks_each_quote_and_links_also_in(corpus: Path) -> None:
    result = invoke("show", "a.txt", "--format", "html")
    assert result.exit_code == 0, result.stderr
    first_marks = re.findall(
        r'<mark class="q [^"]*" data-q="(\d+)"[^>]*tabindex="0"', result.stdout
    )
    assert first_marks == ["0", "1"]
    assert (corpus / "b.txt").resolve().as_uri() in result.stdout  # the also_in article


def test_show_text_is_still_the_default(corpus: Path) -> None:
    result = invoke("show", "a.txt")
    assert result.exit_code == 0 and "<mark" not in result.stdout and "◀" in result.stdout


def test_show_bad_format_is_a_usage_error(corpus: Path) -> None:
    assert invoke("show", "a.txt", "--format", "pdf").exit_code == 2


def test_report_and_show_html_from_the_library_never_import_spacy(
    corpus: Path, tmp_path: Path
) -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom quotecli.cli import app\n"
        f"r = CliRunner().invoke(app, ['report', '--out', {str(tmp_path / 'r.html')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "r = CliRunner().invoke(app, ['show', 'a.txt', '--format', 'html'])\n"
        "assert r.exit_code == 0, r.output\nassert 'spacy' not in sys.modules"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_report_on_paths_covers_just_those_articles(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    result = invoke("report", str(corpus / "b.txt"), "--out", str(out), "--model", MODEL)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.count('<article class="doc"') == 1
    assert "1 article(s) given on the command line" in html
