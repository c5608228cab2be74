"""The terminal and the streams: closed or full stdout, closed stdin, huge numbers, bad dates,
control characters, the default format, and every command's help. Run as real processes where
the stream itself is the point (CliRunner cannot close a file descriptor)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotecli.cli import app
from quotecli.cli import common as common_cli
from quotecli.render import OutputFormat

QUOTECLI = str(Path(sys.executable).parent / "quotecli")
runner = CliRunner()


def run(args: list[str], home: Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """`quotecli ARGS` in a process of its own, on an empty library under `home`."""
    from quotecli.store import Library

    home.mkdir(parents=True, exist_ok=True)
    Library.open(home / "library.sqlite3").close()
    env = {**os.environ, "QUOTECLI_HOME": str(home), "COLUMNS": "80"}
    env.pop("QUOTECLI_DB", None)
    return subprocess.run(
        [QUOTECLI, *args], env=env, text=True, stderr=subprocess.PIPE, check=False, **kwargs
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_stdout_closed_is_one_line_exit_2(quotecli_home: Path) -> None:
    result = run(["stats", "--format", "json"], quotecli_home, preexec_fn=lambda: os.close(1))
    line = one_error_line(result)
    assert "standard output is closed" in line


def test_full_disk_on_stdout_is_one_line_exit_2(quotecli_home: Path) -> None:
    with open("/dev/full", "w") as full:
        line = one_error_line(run(["stats", "--format", "json"], quotecli_home, stdout=full))
    assert "cannot write to standard output" in line


def test_stdin_closed_is_one_line_exit_2(quotecli_home: Path) -> None:
    result = run(
        ["quotes", "-"],
        quotecli_home,
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),
    )
    assert "standard input is closed" in one_error_line(result)


def test_a_limit_beyond_what_sqlite_holds_is_a_usage_error(quotecli_home: Path) -> None:
    result = run(
        ["quotes", "--limit", "99999999999999999999"], quotecli_home, stdout=subprocess.PIPE
    )
    assert "--limit" in one_error_line(result)
    assert result.stdout == ""


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "last week"])
def test_an_impossible_date_is_one_line_exit_2(quotecli_home: Path, date: str) -> None:
    for command in ("quotes", "articles", "speakers"):
        result = runner.invoke(app, [command, "--since", date])
        assert result.exit_code == 2, (command, result.stderr)
        assert result.stderr.strip().splitlines() == [
            f"error: --since {date!r} is not a date like 2024-06-20 (or 2024-06, 2024)"
            + (": no such day" if date[0].isdigit() else "")
        ]


def test_the_default_format_is_a_table_on_a_terminal_and_jsonl_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(common_cli, "stdout_is_terminal", lambda: True)
    assert common_cli.choose_format(None) is OutputFormat.TABLE
    monkeypatch.setattr(common_cli, "stdout_is_terminal", lambda: False)
    assert common_cli.choose_format(None) is OutputFormat.JSONL
    assert common_cli.choose_format(OutputFormat.CSV) is OutputFormat.CSV


def test_a_file_name_with_escape_sequences_is_shown_not_sent(
    quotecli_home: Path, tmp_path: Path
) -> None:
    name = tmp_path / "evil\x1b[2J\x1b]0;pwned\x07[bold]x.txt"
    name.write_bytes(b"")
    result = runner.invoke(app, ["quotes", str(name), "--format", "json"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "␛[2J" in result.stderr and "[bold]x" in result.stderr


COMMANDS = [
    "quotes",
    "speakers",
    "places",
    "add",
    "articles",
    "show",
    "stats",
    "reindex",
    "remove",
    "report",
    "eval",
]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"quotecli {command} " in result.stdout


def test_db_help_names_both_variables() -> None:
    result = runner.invoke(app, ["quotes", "--help"], env={"COLUMNS": "200"})
    assert "QUOTECLI_DB" in result.stdout and "QUOTECLI_HOME" in result.stdout


@pytest.mark.model
def test_stats_as_a_table_has_readable_labels(seeded_home: Path) -> None:
    result = runner.invoke(app, ["stats", "--format", "table"])
    assert result.exit_code == 0
    assert "quotes, direct" in result.stdout and "most quoted, #1" in result.stdout
    assert "quotes_by_kind" not in result.stdout and "top_speakers" not in result.stdout


@pytest.mark.model
def test_show_piped_has_the_path_once_and_no_trailing_spaces(seeded_home: Path) -> None:
    result = runner.invoke(app, ["show", "000_0deaf8d47228b67d"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line == line.rstrip() for line in lines)
    assert result.stdout.count("000_0deaf8d47228b67d.txt") == 1


@pytest.mark.model
def test_show_and_stats_exit_0(seeded_home: Path) -> None:
    assert runner.invoke(app, ["stats", "--format", "json"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["stats", "--format", "json"]).stdout)["articles"] > 0


@pytest.mark.parametrize(
    ("args", "unwanted"),
    [
        pytest.param(
            ["--help"],
            {"sqlite3", "quotecli.sources", "quotecli.store", "rich.progress", "spacy", "numpy"},
            id="help",
        ),
        pytest.param(
            ["quotes", "--speaker", "x", "--format", "jsonl"],
            {"rich.table", "rich.progress", "quotecli.sources", "csv", "spacy", "numpy"},
            id="query",
        ),
    ],
)
def test_a_command_imports_only_what_it_needs(
    quotecli_home: Path, args: list[str], unwanted: set[str]
) -> None:
    """Start-up is mostly imports (`python -X importtime`): each command loads its own."""
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom quotecli.cli import app\n"
        f"CliRunner().invoke(app, {args!r})\n"
        f"print(sorted({unwanted!r} & set(sys.modules)))"
    )
    from quotecli.store import Library

    quotecli_home.mkdir(parents=True, exist_ok=True)
    Library.open(quotecli_home / "library.sqlite3").close()
    env = {**os.environ, "QUOTECLI_HOME": str(quotecli_home)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == "[]"
