"""Speakers merged across articles: one-word names into the one full name ending in them."""

from __future__ import annotations

import pytest

from quotecli.query import QuoteFilter
from quotecli.records import SpeakerKind
from quotecli.store import Library
from quotecli.store.merging import merge_targets
from tests.support.synthetic import Said, build_extraction


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(
            ["rosa vance", "vance"], {"vance": "rosa vance"}, id="surname_to_unique_full_name"
        ),
        pytest.param(
            ["rosa vance", "tom vance", "vance"], {}, id="surname_with_two_full_names_stays"
        ),
        pytest.param(
            ["rosa k. vance", "rosa vance", "vance"],
            {"rosa k. vance": "rosa vance", "vance": "rosa vance"},
            id="middle_initial_variant",
        ),
        pytest.param(["vance", "ines"], {}, id="lone_names_stay"),
        pytest.param(["rosa vance", "rosa"], {}, id="first_name_is_no_surname"),
    ],
)
def test_merge_targets(names: list[str], expected: dict[str, str]) -> None:
    ids = {name: number for number, name in enumerate(names)}
    merged = merge_targets([(number, name) for name, number in ids.items()])
    assert {names[a]: names[b] for a, b in merged.items()} == expected


def _save(library: Library, path: str, said: list[Said]) -> None:
    library.save(build_extraction(path, said))


def test_speakers_listing_merges_surname(library: Library) -> None:
    _save(library, "a.txt", [Said("Vance", "Taxes will fall"), Said("Vance", "Soon")])
    _save(library, "b.txt", [Said("Rosa Vance", "Rates will rise")])
    listed = {s.name: s.quotes for s in library.speakers(QuoteFilter())}
    assert listed == {"Rosa Vance": 3}


def test_speakers_listing_keeps_ambiguous_surname(library: Library) -> None:
    _save(library, "a.txt", [Said("Vance", "Taxes will fall")])
    _save(library, "b.txt", [Said("Rosa Vance", "Rates will rise")])
    _save(library, "c.txt", [Said("Tom Vance", "Rates will not rise")])
    listed = {s.name: s.quotes for s in library.speakers(QuoteFilter())}
    assert listed == {"Vance": 1, "Rosa Vance": 1, "Tom Vance": 1}


def test_organisation_word_is_not_merged_into_a_person(library: Library) -> None:
    _save(library, "a.txt", [Said("Reserve", "Rates hold", speaker_kind=SpeakerKind.ORGANIZATION)])
    _save(library, "b.txt", [Said("Nia Reserve", "Rates will rise")])
    listed = {s.name: s.quotes for s in library.speakers(QuoteFilter())}
    assert listed == {"Reserve": 1, "Nia Reserve": 1}


def test_stats_top_speakers_merge_surname(library: Library) -> None:
    _save(library, "a.txt", [Said("Vance", "Taxes will fall"), Said("Vance", "Soon")])
    _save(library, "b.txt", [Said("Rosa Vance", "Rates will rise"), Said("Ines Oduya", "No")])
    top = library.stats()["top_speakers"]
    assert top == [{"name": "Rosa Vance", "quotes": 3}, {"name": "Ines Oduya", "quotes": 1}]
