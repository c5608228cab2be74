from __future__ import annotations

import io
from pathlib import Path

import pytest

from quotecli.errors import InputError
from quotecli.sources import decode_article, iter_articles, read_metadata


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
