from __future__ import annotations

import io
from pathlib import Path

import pytest

from quotecli.errors import InputError
from quotecli.sources import ReadOptions, decode_article, iter_articles, read_metadata
from quotecli.sources.files import kind_of


def collect(paths: list[str], stdin: bytes = b"") -> tuple[list[str], list[str]]:
    warnings: list[str] = []
    articles = list(iter_articles(paths, warnings.append, stdin=io.BytesIO(stdin)))
    return [a.path for a in articles], warnings


def test_directory_is_searched_recursively_for_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One said so.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.TXT").write_text("Two said so.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Three said so.", encoding="utf-8")
    paths, warnings = collect([str(tmp_path)])
    assert [Path(p).name for p in paths] == ["a.txt", "notes.md", "b.TXT"]
    assert warnings == []


def test_missing_path_warns_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("It said so.", encoding="utf-8")
    paths, warnings = collect([str(tmp_path / "nope.txt"), str(good)])
    assert paths == [good.as_posix()]
    assert warnings == [f"{tmp_path / 'nope.txt'}: no such file or directory"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty", b"", "empty file"),
        ("blank", b"  \n\n \n", "empty file"),
        ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file, not an article"),
    ],
)
def test_unusable_file_is_one_warning(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    paths, warnings = collect([str(path)])
    assert paths == []
    assert warnings == [f"{path.as_posix()}: {message}"]


def test_directory_without_articles_warns(tmp_path: Path) -> None:
    paths, warnings = collect([str(tmp_path)])
    assert paths == []
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{tmp_path}: no articles in this directory (read: ")


def test_cp1252_text_is_decoded_and_reported() -> None:
    warnings: list[str] = []
    article = decode_article(
        "old.txt", "\u201cNo,\u201d she said. Caf\u00e9.".encode("cp1252"), warnings.append
    )
    assert article.text == "\u201cNo,\u201d she said. Caf\u00e9."
    assert warnings == ["old.txt: not valid UTF-8; decoded as cp1252"]


def test_utf8_bom_and_crlf_are_normalised() -> None:
    article = decode_article("bom.txt", "\ufeffHead\r\n\r\nBody said.".encode(), lambda _: None)
    assert article.text == "Head\n\nBody said."


def test_stdin_is_read_for_dash() -> None:
    paths, warnings = collect(["-"], stdin=b"Someone said it.")
    assert (paths, warnings) == (["<stdin>"], [])


def test_empty_stdin_warns() -> None:
    paths, warnings = collect(["-"], stdin=b"")
    assert (paths, warnings) == ([], ["<stdin>: empty file"])


def test_long_text_warns_that_it_is_split() -> None:
    warnings: list[str] = []
    decode_article("long.txt", ("word " * 250_000).encode(), warnings.append)
    assert warnings == [
        "long.txt: 1,250,000 characters, more than the model takes at once; extracting it in parts"
    ]


def test_decode_article_rejects_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_article("x.bin", b"abc\x00def", lambda _: None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Putin seeks new deal - Outlet\n\nBody said.",
            ("Putin seeks new deal - Outlet", None),
            id="headline",
        ),
        pytest.param(
            "title: A Title\ndate: 2024-06-20\n\nBody.",
            ("A Title", "2024-06-20"),
            id="header_fields",
        ),
        pytest.param(
            " date 2024-06-20 A caption. Photo: X\n\nBody.", (None, "2024-06-20"), id="date_marker"
        ),
        pytest.param(
            "He said it was fine. Then he left.\n\nMore.", (None, None), id="sentences_are_no_title"
        ),
        pytest.param(
            "A first paragraph that ends like a sentence.\n\nMore.",
            (None, None),
            id="period_is_no_title",
        ),
    ],
)
def test_read_metadata(text: str, expected: tuple[str | None, str | None]) -> None:
    assert read_metadata(text) == expected


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        pytest.param("utf-16", "UTF-16", id="utf16_notepad_unicode"),
        pytest.param("utf-16-be", "UTF-16", id="utf16_big_endian"),
        pytest.param("utf-32", "UTF-32", id="utf32"),
    ],
)
def test_text_with_a_byte_order_mark_is_decoded_and_named(encoding: str, label: str) -> None:
    text = "“No,” she said.\r\n\r\nCafé, Hà Nội."
    data = text.encode(encoding)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # utf-16-be writes no mark itself
        data = "\ufeff".encode(encoding) + data
    warnings: list[str] = []
    article = decode_article("notepad.txt", data, warnings.append)
    assert article.text == "“No,” she said.\n\nCafé, Hà Nội."
    assert warnings == [f"notepad.txt: decoded as {label} (byte order mark)"]


def test_utf8_with_a_byte_order_mark_says_nothing() -> None:
    warnings: list[str] = []
    article = decode_article("bom.txt", "\ufeffShe said so.".encode(), warnings.append)
    assert (article.text, warnings) == ("She said so.", [])


def test_directory_reports_what_it_skipped_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.Md").write_text("One said so.", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "again").symlink_to(tmp_path)
    paths, warnings = collect([str(tmp_path)])
    assert [Path(p).name for p in paths] == ["a.Md"]
    assert warnings == [
        f"{tmp_path}: skipped 4: 2 unsupported .pdf, 1 dangling symlink, 1 symlink loop"
    ]


def test_unreadable_folder_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "a.txt").write_text("One said so.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "locked":  # root reads any folder: refuse it here instead
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr("quotecli.sources.files.os.scandir", scandir)
    paths, warnings = collect([str(tmp_path)])
    assert [Path(p).name for p in paths] == ["a.txt"]
    assert warnings == [f"{tmp_path}: skipped 1: 1 unreadable folder"]


def test_glob_narrows_a_directory(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "a.txt").write_text("One said so.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two said so.", encoding="utf-8")
    warnings: list[str] = []
    options = ReadOptions(glob="2024/*")
    found = [a.path for a in iter_articles([str(tmp_path)], warnings.append, options=options)]
    assert [Path(p).name for p in found] == ["a.txt"]
    assert warnings == [f"{tmp_path}: skipped 1: 1 not matching --glob"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.TXT", "text"),
        ("a.md", "text"),
        ("page.HTM", "html"),
        ("crawl.WARC.GZ", "warc"),
        ("rows.jsonl.gz", "jsonl"),
        ("rows.json", "json"),
        ("rows.Csv", "csv"),
        ("rows.tsv", "tsv"),
        ("scan.pdf", None),
    ],
)
def test_kind_by_extension_in_any_case(name: str, kind: str | None) -> None:
    found = kind_of(name)
    assert (None if found is None else str(found)) == kind


def test_plain_text_never_imports_the_web_engines(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("She said so.", encoding="utf-8")
    code = (
        "import sys; from quotecli.sources import iter_articles;"
        f"list(iter_articles([{str(tmp_path)!r}], print));"
        "print(sorted(m for m in ('trafilatura', 'warcio', 'lxml') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
