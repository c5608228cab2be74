"""Pure name functions: no model needed."""

from __future__ import annotations

import pytest

from quotecli.nlp.names import (
    clean_affiliation,
    drop_leading_article,
    normalise_place,
    place_of,
    split_title,
    title_text,
)


@pytest.mark.parametrize(
    ("words", "title", "name"),
    [
        pytest.param(
            "Russian President Vladimir Putin",
            "Russian President",
            "Vladimir Putin",
            id="title_split",
        ),
        pytest.param(
            "Prime Minister John Major", "Prime Minister", "John Major", id="title_word_in_surname"
        ),
        pytest.param(
            "Federal Reserve Chair Jerome Powell",
            "Federal Reserve Chair",
            "Jerome Powell",
            id="org_title",
        ),
        pytest.param("Sen. Ted Cruz", "Sen.", "Ted Cruz", id="abbreviated_title"),
        pytest.param("Del. Ana Whitcombe", "Del.", "Ana Whitcombe", id="title_listed_with_its_dot"),
        pytest.param("Rosa del Valle", "", "Rosa del Valle", id="same_word_without_dot_no_title"),
        pytest.param("Rosa Del Valle", "", "Rosa Del Valle", id="capitalised_particle_no_title"),
        pytest.param("Senators Ann Lee", "Senators", "Ann Lee", id="plural_title"),
        pytest.param("Mr. Trump", "Mr.", "Trump", id="honorific"),
        pytest.param("Mr. King", "Mr.", "King", id="honorific_then_title_word_surname"),
        pytest.param("Carlyle Thayer", "", "Carlyle Thayer", id="no_title"),
        pytest.param("President", "", "President", id="title_alone_is_not_split"),
    ],
)
def test_split_title(words: str, title: str, name: str) -> None:
    got_title, got_name = split_title(words.split())
    assert (" ".join(got_title), " ".join(got_name)) == (title, name)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param("Mr.", None, id="honorific_is_no_title"),
        pytest.param("Russian President", "Russian President", id="title_kept"),
        pytest.param("Dr.", "Dr.", id="doctor_is_a_title"),
        pytest.param("Del.", "Del.", id="title_listed_with_its_dot_is_shown"),
    ],
)
def test_title_text(words: str, expected: str | None) -> None:
    assert title_text(words.split()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "a professor at the US National War College",
            "professor at the US National War College",
            id="indefinite_article_dropped",
        ),
        pytest.param(
            "of the Hawaii-based Inouye Center", "Hawaii-based Inouye Center", id="of_dropped"
        ),
        pytest.param(
            "the union's general secretary",
            "union's general secretary",
            id="definite_article_dropped",
        ),
        pytest.param(
            "emeritus professor at the Academy,",
            "emeritus professor at the Academy",
            id="inner_article_kept",
        ),
        pytest.param(
            "now the Senate majority leader", "Senate majority leader", id="time_adverb_dropped"
        ),
        pytest.param(", ", None, id="empty"),
    ],
)
def test_clean_affiliation(text: str, expected: str | None) -> None:
    assert clean_affiliation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("U.S.", "United States", id="place_alias_us_dots"),
        pytest.param("the United States", "United States", id="place_alias_leading_the"),
        pytest.param("US", "United States", id="place_alias_us"),
        pytest.param("America's", "United States", id="place_alias_possessive"),
        pytest.param("Britain", "United Kingdom", id="place_alias_uk"),
        pytest.param("the Presidential Palace", "Presidential Palace", id="leading_the"),
        pytest.param("Hanoi", "Hanoi", id="unknown_place_unchanged"),
    ],
)
def test_normalise_place(text: str, expected: str) -> None:
    assert normalise_place(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("Vietnamese", "Vietnam", id="demonym"),
        pytest.param("Vietnam's", "Vietnam", id="possessive_country"),
        pytest.param("U.S.", "United States", id="alias"),
        pytest.param("Communist", None, id="adjective_without_place"),
        pytest.param("general", None, id="lowercase_word"),
    ],
)
def test_place_of(word: str, expected: str | None) -> None:
    assert place_of(word) == expected


def test_drop_leading_article() -> None:
    assert drop_leading_article("The Federal Reserve") == "Federal Reserve"
    assert drop_leading_article("Theodore") == "Theodore"
