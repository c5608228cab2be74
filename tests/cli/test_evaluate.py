"""`quotecli eval` through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quotecli.cli import evaluate

TEXT = 'The mayor said: "We will rebuild the bridge before the winter comes."\n'
START, END = TEXT.index("We"), TEXT.index('."') + 1
ANN = (
    f"T1\tContent {START} {END}\t{TEXT[START:END]}\n"
    "T2\tSource 0 9\tThe mayor\n"
    "T3\tCue 10 14\tsaid\n"
    "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
)
runner = CliRunner()


def eval_app() -> typer.Typer:
    """The eval command on its own app (app.py registers it for the real CLI)."""
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """A group, so that `eval` is a subcommand as in quotecli."""

    evaluate.register(app)
    return app


def write_gold(root: Path, ann: str = ANN) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "mayor.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "mayor_a1.ann").write_text(ann, encoding="utf-8")
    return root


@pytest.mark.model
def test_eval_json_and_errors_file(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold")
    errors = tmp_path / "errors.md"
    result = runner.invoke(
        eval_app(), ["eval", str(gold), "--format", "json", "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1
    content = summary["scores"][0]
    assert (content["metric"], content["subset"], content["gold"]) == ("content", "all", 1)
    assert errors.read_text(encoding="utf-8").startswith("# quotecli errors on")
    assert "errors written to" in result.stderr


@pytest.mark.model
def test_eval_table_names_systems_and_article_count(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold")
    result = runner.invoke(eval_app(), ["eval", str(gold), "--format", "table"])
    assert result.exit_code == 0, result.stderr
    assert "quotecli F1" in result.stdout and "attribution" in result.stdout
    assert "1 articles, run " in result.stdout


def test_missing_gold_dir_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(eval_app(), ["eval", str(tmp_path / "nowhere"), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "does not exist" in result.stderr


@pytest.mark.model
def test_malformed_gold_names_file_and_line(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", ann=ANN + "E2\tAttribution:T3 Content:T7\n")
    result = runner.invoke(eval_app(), ["eval", str(gold), "--format", "json"])
    assert result.exit_code == 2
    assert "mayor_a1.ann:5: event refers to T7" in result.stderr


@pytest.mark.model
def test_eval_with_baseline_and_by_rule(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold")
    args = ["eval", str(gold), "--format", "json", "--baseline", "textacy", "--by-rule"]
    result = runner.invoke(eval_app(), args)
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["system"] == "quotecli"
    [textacy] = summary["baselines"]
    textacy_content = textacy["scores"][0]
    assert (textacy["system"], textacy_content["matched"], textacy_content["gold"]) == (
        "textacy",
        1,
        1,
    )
    [rule] = summary["by_rule"]
    assert (rule["rule"], rule["predicted"], rule["content_matched"]) == ("cue_before", 1, 1)


def test_eval_of_a_missing_gold_directory_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(eval_app(), ["eval", str(tmp_path / "absent"), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.model
def test_parse_cache_gives_the_same_scores_from_stored_parses(tmp_path: Path) -> None:
    gold, cache = write_gold(tmp_path / "gold"), tmp_path / "parses"
    args = ["eval", str(gold), "--format", "json", "--parse-cache", str(cache)]
    first = runner.invoke(eval_app(), args)
    assert first.exit_code == 0, first.stderr
    [stored] = cache.glob("*.spacy")
    stored_at = stored.stat().st_mtime_ns
    second = runner.invoke(eval_app(), args)
    assert second.exit_code == 0, second.stderr
    assert stored.stat().st_mtime_ns == stored_at  # read back, not parsed again
    assert json.loads(second.stdout)["scores"] == json.loads(first.stdout)["scores"]
    assert json.loads(first.stdout)["scores"][0]["matched"] == 1
