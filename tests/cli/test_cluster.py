"""`extract`, `export` and `add DATASET` through CliRunner, without spaCy or a cluster (the
real cluster runs are in tests/cluster/test_engine.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner, Result

from quotecli.cli import app
from quotecli.cluster.dataset import Dataset
from quotecli.store import Library
from tests.support.synthetic import Said, build_extraction

runner = CliRunner()
THAYER = "Carlyle Thayer"


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


def dataset(folder: Path) -> Path:
    made = Dataset.at(str(folder))
    made.write_marker(created_by="extract", pipeline_version="synthetic/1", articles_per_task=1)
    for index, path in enumerate(("news/a.txt", "news/b.txt")):
        said = [Said(THAYER, "Hanoi gave Putin a triumphal reception"), Said("Ann Lee", path)]
        made.write_part(f"part-{index:06d}-x", [build_extraction(path, said, title=path)])
    return folder


def test_help_and_other_commands_import_neither_dask_nor_pyarrow(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom quotecli.cli import app\n"
        "for args in (['--help'], ['extract', '--help'], ['export', '--help'], ['stats']):\n"
        "    r = CliRunner().invoke(app, args)\n"
        "    assert r.exit_code == 0, (args, r.output)\n"
        "heavy = {'dask', 'distributed', 'pyarrow', 'fsspec', 'spacy'} & set(sys.modules)\n"
        "assert not heavy, heavy"
    )
    Library.open(tmp_path / "library.sqlite3").close()  # for `stats` to read
    home = {"QUOTECLI_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=home)
    assert done.returncode == 0, done.stderr


def test_help_lists_extract_and_export() -> None:
    result = invoke("--help")
    assert "extract" in result.stdout and "export" in result.stdout


def test_cluster_and_workers_together_are_a_usage_error(tmp_path: Path) -> None:
    result = invoke(
        "extract", "x.txt", "--out", str(tmp_path), "--cluster", "tcp://h:1", "--workers", "2"
    )
    assert result.exit_code == 2
    assert "not both" in result.stderr


def test_add_imports_a_dataset_and_show_reads_its_article(
    quotecli_home: Path, tmp_path: Path
) -> None:
    folder = dataset(tmp_path / "data")
    (folder / "stray.txt").write_text("Not an article of the dataset.", encoding="utf-8")
    added = invoke("add", str(folder))
    assert added.exit_code == 0, added.stderr
    assert "2 new, 0 unchanged, 0 replaced, 0 failed; 4 quote(s)" in added.stderr
    again = invoke("add", str(folder))
    assert "0 new, 2 unchanged, 0 replaced, 0 failed; 4 quote(s)" in again.stderr
    found = json.loads(invoke("quotes", "--speaker", "thayer", "--format", "json").stdout)
    assert [q["also_in"][0]["path"] for q in found] == ["news/b.txt", "news/a.txt"]
    shown = invoke("show", "news/a.txt")
    assert shown.exit_code == 0 and "Hanoi gave Putin" in shown.stdout


def test_quotes_on_a_dataset_answers_from_its_articles(quotecli_home: Path, tmp_path: Path) -> None:
    folder = dataset(tmp_path / "data")
    result = invoke("quotes", str(folder), "--speaker", "lee", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert sorted(q["text"] for q in json.loads(result.stdout)) == ["news/a.txt", "news/b.txt"]


def test_export_writes_the_library_as_a_dataset(quotecli_home: Path, tmp_path: Path) -> None:
    invoke("add", str(dataset(tmp_path / "data")))
    result = invoke("export", "--format", "parquet", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "2 article(s) with 4 quote(s) written" in result.stderr
    again = invoke("export", "--format", "parquet", str(tmp_path / "out"))
    assert again.exit_code == 2
    assert again.stderr.startswith("error:") and len(again.stderr.splitlines()) == 1


def test_extract_on_nothing_readable_is_exit_2(tmp_path: Path) -> None:
    result = invoke("extract", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "error: no article could be read"
    assert not (tmp_path / "o").exists()


def test_extract_with_a_missing_model_is_one_line_before_any_cluster(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"We will win," the coach said.', encoding="utf-8")
    out = tmp_path / "o"
    result = invoke("extract", str(article), "--out", str(out), "--model", "no_such_model_xyz")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no_such_model_xyz" in result.stderr
    assert not out.exists()


def test_extract_refuses_a_dataset_made_otherwise(tmp_path: Path) -> None:
    folder = dataset(tmp_path / "data")  # its marker: pipeline synthetic/1, one article a task
    article = tmp_path / "a.txt"
    article.write_text('"We will win," the coach said.', encoding="utf-8")
    before = sorted(p.name for p in (folder / "quotes").iterdir())
    result = invoke("extract", str(article), "--out", str(folder), "--workers", "1")
    assert result.exit_code == 2
    assert "choose another --out directory" in result.stderr
    assert sorted(p.name for p in (folder / "quotes").iterdir()) == before
