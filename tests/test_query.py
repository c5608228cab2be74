"""QuoteFilter: each filter selects what it says, in SQL, with user text bound, never spliced."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotecli.errors import InputError
from quotecli.query import QuoteFilter, check_date, match_expression, quote_condition
from quotecli.records import QuoteKind, SpeakerKind
from quotecli.store import Library
from tests.support.synthetic import Said, build_extraction

HOSTILE = [
    '"',
    "'",
    "%",
    "_",
    "\\",
    "'; DROP TABLE quotes; --",
    '"; DROP TABLE articles; --',
    "NEAR(",
    "NEAR(a b)",
    "Hanoi*",
    "a OR b",
    "-Hanoi",
    "col:Hanoi",
    "^Hanoi",
    "(",
    "\x00",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    path: Path = tmp_path_factory.mktemp("query") / "library.sqlite3"
    with Library.open(path) as opened:
        opened.save(
            build_extraction(
                "2024/hanoi.txt",
                [
                    Said("Carlyle Thayer", "Putin's visit to Hanoi is a coup", affiliation="ADFA"),
                    Said(
                        "Zachary Abuza",
                        "Washington is watching",
                        affiliation="National War College",
                    ),
                    Said(
                        "Reuters",
                        "Talks went on 50% longer",
                        kind=QuoteKind.INDIRECT,
                        speaker_kind=SpeakerKind.ORGANIZATION,
                    ),
                ],
                title="Putin in Hanoi",
                date="2024-06-20",
                aliases={"Carlyle Thayer": ("Thayer", "the professor")},
                place_aliases={"Washington": ("D.C.",)},
            )
        )
        opened.save(
            build_extraction(
                "2024/moscow.txt",
                [
                    Said("Carlyle Thayer", "Moscow needs friends", kind=QuoteKind.MIXED),
                    Said("Ann O'Neil", "It's 100_000 roubles"),
                ],
                title="Bamboo diplomacy",
                date="2024-07-02",
            )
        )
        yield opened


def texts(library: Library, **filters: object) -> list[str]:
    return [q["text"] for q in library.quotes(QuoteFilter(**filters))]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param({}, 5, id="everything"),
        pytest.param({"speakers": ("thayer",)}, 2, id="surname_any_case"),
        pytest.param({"speakers": ("carlyle th",)}, 2, id="part_of_name"),
        pytest.param({"speakers": ("professor",)}, 2, id="alias"),
        pytest.param({"speakers": ("abuza", "reuters")}, 2, id="speakers_ored"),
        pytest.param({"speakers": ("o'neil",)}, 1, id="apostrophe_in_name"),
        pytest.param({"affiliation": "war college"}, 1, id="affiliation"),
        pytest.param({"place": "hanoi"}, 1, id="place"),
        pytest.param({"place": "d.c."}, 1, id="place_alias"),
        pytest.param({"contains": "VISIT TO"}, 1, id="contains_any_case"),
        pytest.param({"contains": "50%"}, 1, id="contains_percent_literal"),
        pytest.param({"contains": "100_000"}, 1, id="contains_underscore_separates_words"),
        pytest.param({"contains": "It"}, 1, id="contains_a_word_not_part_of_visit"),
        pytest.param({"kind": "mixed"}, 1, id="kind"),
        pytest.param({"source": "MOSCOW"}, 2, id="source_path"),
        pytest.param({"source": "bamboo"}, 2, id="source_title"),
        pytest.param({"since": "2024-07"}, 2, id="since_month"),
        pytest.param({"until": "2024-06"}, 3, id="until_inclusive_month"),
        pytest.param({"since": "2024-06-21", "until": "2024-07-02"}, 2, id="date_range"),
        pytest.param({"limit": 2}, 2, id="limit"),
        pytest.param({"limit": 0}, 0, id="limit_zero"),
        pytest.param({"speakers": ("thayer",), "kind": "direct"}, 1, id="filters_anded"),
        pytest.param({"article_shas": ()}, 0, id="no_articles"),
    ],
)
def test_filter_selects(library: Library, filters: dict[str, object], expected: int) -> None:
    assert len(texts(library, **filters)) == expected


def test_article_shas_restricts_to_those_articles(library: Library) -> None:
    sha = library.articles(QuoteFilter(source="moscow"))[0]["sha256"]
    assert texts(library, article_shas=(sha,)) == ["Moscow needs friends", "It's 100_000 roubles"]


def test_results_are_ordered_by_article_path_then_offset(library: Library) -> None:
    paths = [(q["article"]["path"], q["start"]) for q in library.quotes(QuoteFilter())]
    assert paths == sorted(paths)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_only_ever_a_parameter(text: str) -> None:
    marked = f"XYZZY{text}XYZZY"
    filt = QuoteFilter(
        speakers=(marked,),
        affiliation=marked,
        place=marked,
        contains=marked,
        source=marked,
        act=None,
    )
    sql = quote_condition(filt)
    assert "xyzzy" not in sql.where.casefold()
    assert sql.where.count("?") == len(sql.params)
    assert all("xyzzy" in str(p).casefold() for p in sql.params)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_contains_is_words_or_refused(library: Library, text: str) -> None:
    everything = texts(library)
    words = re.findall(r"[^\W_]+", text.casefold())
    if not words:
        with pytest.raises(InputError, match="no word"):
            QuoteFilter(contains=text)
        return
    expected = [t for t in everything if set(words) <= set(re.findall(r"[^\W_]+", t.casefold()))]
    assert texts(library, contains=text) == expected
    assert texts(library) == everything  # and every table is still there


# Texts that do occur in the fixture's names or places are covered by test_filter_selects.
@pytest.mark.parametrize("text", [h for h in HOSTILE if h not in ("'", "_")])
@pytest.mark.parametrize("field", ["speakers", "affiliation", "place", "source"])
def test_hostile_filters_run_and_match_nothing(library: Library, field: str, text: str) -> None:
    value: object = (text,) if field == "speakers" else text
    assert texts(library, **{field: value}) == []
    assert len(texts(library)) == 5


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        pytest.param(("clinton trump",), '"clinton" AND "trump"', id="words_anded"),
        pytest.param(('"raise taxes" now',), '"raise taxes" AND "now"', id="phrase"),
        pytest.param(('say "NEAR(x y)"',), '"say" AND "NEAR x y"', id="syntax_is_words"),
        pytest.param(("a", "b*", "-c"), '"a" AND "b" AND "c"', id="repeated_values_anded"),
        pytest.param(('"unclosed phrase',), '"unclosed phrase"', id="unclosed_phrase"),
        pytest.param(("U.S.",), '"U S"', id="abbreviation_is_a_phrase"),
    ],
)
def test_match_expression_is_built_from_quoted_words(
    values: tuple[str, ...], expected: str
) -> None:
    assert match_expression(values) == expected


@pytest.mark.parametrize(
    "filters",
    [
        pytest.param({"since": "yesterday"}, id="words"),
        pytest.param({"until": "2024/06/01"}, id="slashes"),
        pytest.param({"since": "2024-13-01"}, id="month_13"),
        pytest.param({"until": "2024-02-30"}, id="february_30"),
        pytest.param({"since": "2023-02-29"}, id="not_a_leap_year"),
        pytest.param({"since": "2024-00"}, id="month_0"),
        pytest.param({"kind": "shouted"}, id="kind"),
        pytest.param({"limit": -1}, id="negative_limit"),
        pytest.param({"limit": 99999999999999999999}, id="limit_beyond_sqlite"),
    ],
)
def test_invalid_filters_raise_input_error(filters: dict[str, object]) -> None:
    with pytest.raises(InputError):
        QuoteFilter(**filters)  # type: ignore[arg-type]


def test_selects_quotes_distinguishes_quote_filters() -> None:
    assert QuoteFilter(speakers=("x",)).selects_quotes
    assert not QuoteFilter(source="x", since="2024").selects_quotes


@pytest.mark.parametrize("value", ["2024", "2024-02", "2024-02-29", "2023-12-31"])
def test_real_dates_at_any_precision_are_accepted(value: str) -> None:
    assert check_date(value) == value
    assert QuoteFilter(since=value, until=value).since == value


def test_an_impossible_date_names_the_option_in_one_line() -> None:
    with pytest.raises(InputError, match=r"^--since '2024-02-30' is not a date .*no such day$"):
        QuoteFilter(since="2024-02-30")


WORD_TEXTS = [
    "The US will act",
    "It is usually quiet",
    "The status quo holds because of pressure",
    "Trump beat Clinton in Ohio",
    "Clinton won the debate",
    "Trump lost the debate",
    "We met at the café",
]


@pytest.fixture(scope="module")
def word_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    path: Path = tmp_path_factory.mktemp("words") / "library.sqlite3"
    with Library.open(path) as opened:
        opened.save(build_extraction("words.txt", [Said("Ann Lee", t) for t in WORD_TEXTS]))
        yield opened


@pytest.mark.parametrize(
    ("contains", "expected"),
    [
        pytest.param(("US",), ["The US will act"], id="word_not_inside_usually_status_because"),
        pytest.param(("clinton trump",), ["Trump beat Clinton in Ohio"], id="all_words_any_order"),
        pytest.param(("trump", "ohio"), ["Trump beat Clinton in Ohio"], id="repeated_values_and"),
        pytest.param(("trump", "clinton", "lost"), [], id="repeated_values_all_needed"),
        pytest.param(('"beat clinton"',), ["Trump beat Clinton in Ohio"], id="phrase"),
        pytest.param(('"clinton beat"',), [], id="phrase_in_order_only"),
        pytest.param(("DEBATE",), ["Clinton won the debate", "Trump lost the debate"], id="case"),
        pytest.param(("cafe",), ["We met at the café"], id="accents_folded"),
    ],
)
def test_contains_matches_words(
    word_library: Library, contains: tuple[str, ...], expected: list[str]
) -> None:
    assert texts(word_library, contains=contains) == expected
