"""The library's behaviour: records round-trip, replacement, links across articles, summaries."""

from __future__ import annotations

import pytest

from quotecli.errors import InputError
from quotecli.query import QuoteFilter
from quotecli.records import QuoteKind, SpeakerKind
from quotecli.store import Library
from tests.support.synthetic import Said, build_extraction

THAYER = "Carlyle Thayer"
RECEPTION = "Putin’s triumphal reception in Hanoi shows Vietnam's independence"
ALL = QuoteFilter()


def two_outlets(library: Library) -> None:
    """The same Thayer quote in two articles, as in the seeds, plus one quote each."""
    library.save(
        build_extraction(
            "news/a.txt",
            [Said(THAYER, RECEPTION, affiliation="ADFA"), Said("Zachary Abuza", "Hanoi wins")],
            title="Putin in Hanoi",
            date="2024-06-20",
            aliases={THAYER: ("Thayer",)},
        )
    )
    library.save(
        build_extraction(
            "news/b.txt",
            [
                Said(
                    THAYER,
                    "\"putin's triumphal reception in hanoi shows vietnam's independence.\"".strip(
                        '"'
                    ),
                ),
                Said(THAYER, "Moscow needs friends in Asia"),
            ],
            title="Bamboo diplomacy",
            date="2024-06-21",
        )
    )


def test_round_trip_equals_to_dict_plus_also_in(library: Library) -> None:
    extraction = build_extraction(
        "a.txt",
        [
            Said(THAYER, "It went well in Hanoi", affiliation="ADFA", title="Professor"),
            Said(
                "Reuters",
                "Talks ended",
                kind=QuoteKind.INDIRECT,
                speaker_kind=SpeakerKind.ORGANIZATION,
            ),
        ],
        title="T",
        date="2024-06-20",
    )
    library.save(extraction)
    stored = list(library.quotes(ALL))
    assert stored == [q.to_dict() | {"also_in": []} for q in extraction.quotes]


def test_split_quote_reads_back_with_its_parts(library: Library) -> None:
    text = 'The port is full," she said, "and the ships keep coming.'
    gap = (text.index('," she'), text.index("and the"))
    extraction = build_extraction("a.txt", [Said("Ana Ruiz", text, gaps=(gap,))])
    library.save(extraction)
    [stored] = library.quotes(ALL)
    assert stored == extraction.quotes[0].to_dict() | {"also_in": []}
    assert [part["text"] for part in stored["parts"]] == [
        "The port is full",
        "and the ships keep coming.",
    ]
    assert stored["text"] == text


def test_same_quote_in_two_articles_is_linked(library: Library) -> None:
    two_outlets(library)
    records = list(library.quotes(QuoteFilter(speakers=("thayer",), contains="triumphal")))
    assert [r["article"]["path"] for r in records] == ["news/a.txt", "news/b.txt"]
    assert records[0]["also_in"] == [
        {"path": "news/b.txt", "title": "Bamboo diplomacy", "outlet": None}
    ]
    assert records[1]["also_in"] == [
        {"path": "news/a.txt", "title": "Putin in Hanoi", "outlet": None}
    ]
    unlinked = list(library.quotes(QuoteFilter(contains="Moscow needs")))
    assert unlinked[0]["also_in"] == []


def test_unique_prints_one_record_per_group(library: Library) -> None:
    two_outlets(library)
    unique = list(library.quotes(QuoteFilter(speakers=("Thayer",), unique=True)))
    assert len(unique) == 2
    assert unique[0]["also_in"] == [
        {"path": "news/b.txt", "title": "Bamboo diplomacy", "outlet": None}
    ]
    assert len(list(library.quotes(QuoteFilter(unique=True, limit=1)))) == 1


def test_quotes_of_different_speakers_are_not_linked(library: Library) -> None:
    library.save(build_extraction("a.txt", [Said("Ann Lee", "We must act now on the climate")]))
    library.save(build_extraction("b.txt", [Said("Bo Chen", "We must act now on the climate")]))
    assert [r["also_in"] for r in library.quotes(ALL)] == [[], []]


def test_changed_file_replaces_its_old_version(library: Library) -> None:
    library.save(build_extraction("a.txt", [Said(THAYER, "old words about Hanoi")]))
    replaced = library.save(build_extraction("a.txt", [Said(THAYER, "new words")]))
    assert replaced == 1
    assert [r["text"] for r in library.quotes(ALL)] == ["new words"]
    assert len(library.articles(ALL)) == 1
    assert library.places(ALL) == []  # the old version's Hanoi went with it


def test_same_text_again_replaces_rather_than_duplicates(library: Library) -> None:
    said = [Said(THAYER, "words")]
    library.save(build_extraction("a.txt", said, version="v1"))
    library.save(build_extraction("a.txt", said, version="v2"))
    assert [a["pipeline_version"] for a in library.articles(ALL)] == ["v2"]
    assert len(list(library.quotes(ALL))) == 1


def test_speakers_merged_across_articles(library: Library) -> None:
    two_outlets(library)
    speakers = {s.name: s for s in library.speakers(ALL)}
    assert speakers[THAYER].quotes == 3
    assert speakers[THAYER].aliases == ("Thayer",)
    assert speakers[THAYER].affiliation == "ADFA"
    assert speakers["Zachary Abuza"].quotes == 1
    assert [s.name for s in library.speakers(ALL)] == [THAYER, "Zachary Abuza"]


def test_speakers_count_under_the_filter(library: Library) -> None:
    two_outlets(library)
    counted = library.speakers(QuoteFilter(source="b.txt"))
    assert [(s.name, s.quotes) for s in counted] == [(THAYER, 2)]
    assert [(s.name, s.quotes) for s in library.speakers(QuoteFilter(unique=True))] == [
        (THAYER, 2),
        ("Zachary Abuza", 1),
    ]


def test_speaker_case_variants_merge(library: Library) -> None:
    library.save(build_extraction("a.txt", [Said("Carlyle Thayer", "one")]))
    library.save(build_extraction("b.txt", [Said("carlyle  THAYER", "two")]))
    assert [(s.name, s.quotes) for s in library.speakers(ALL)] == [("Carlyle Thayer", 2)]


def test_places_merged_and_summed(library: Library) -> None:
    two_outlets(library)
    # b.txt writes "hanoi" in lower case, which the synthetic extractor does not count.
    assert [(p.name, p.count) for p in library.places(ALL)] == [
        ("Hanoi", 2),
        ("Moscow", 1),
        ("Vietnam", 1),
    ]
    assert [(p.name, p.count) for p in library.places(QuoteFilter(source="b.txt"))] == [
        ("Moscow", 1),
    ]


def test_places_with_the_same_name_are_summed_across_articles(library: Library) -> None:
    library.save(build_extraction("a.txt", [Said("X", "in Hanoi"), Said("Y", "Hanoi again")]))
    library.save(build_extraction("b.txt", [Said("Z", "from Hanoi")]))
    assert [(p.name, p.count) for p in library.places(ALL)] == [("Hanoi", 3)]


def test_articles_listing(library: Library) -> None:
    two_outlets(library)
    listed = library.articles(ALL, version="synthetic/1")
    assert [(a["path"], a["title"], a["quotes"], a["stale"]) for a in listed] == [
        ("news/a.txt", "Putin in Hanoi", 2, False),
        ("news/b.txt", "Bamboo diplomacy", 2, False),
    ]
    assert [a["stale"] for a in library.articles(ALL, version="newer")] == [True, True]
    assert [a["path"] for a in library.articles(QuoteFilter(speakers=("abuza",)))] == ["news/a.txt"]


@pytest.mark.parametrize("key", ["news/a.txt", "putin in hanoi", "a.txt", "SHA"])
def test_article_text_finds_by_path_title_or_sha(library: Library, key: str) -> None:
    two_outlets(library)
    sha = library.articles(QuoteFilter(source="a.txt"))[0]["sha256"]
    meta, text, quotes = library.article_text(sha[:8] if key == "SHA" else key)
    assert meta["path"] == "news/a.txt"
    assert text.startswith(f'{THAYER} said: "')
    assert [q["speaker"]["name"] for q in quotes] == [THAYER, "Zachary Abuza"]
    assert text[quotes[0]["start"] : quotes[0]["end"]] == quotes[0]["text"]


@pytest.mark.parametrize(("key", "message"), [("news/", "several"), ("nothing", "no article")])
def test_article_text_ambiguous_or_missing(library: Library, key: str, message: str) -> None:
    two_outlets(library)
    with pytest.raises(InputError, match=message):
        library.article_text(key)


def test_stats(library: Library) -> None:
    two_outlets(library)
    stats = library.stats(version="other")
    assert stats["articles"] == 2
    assert stats["quotes"] == 4
    assert stats["quotes_by_kind"] == {"direct": 4}
    assert stats["speakers"] == 2
    assert stats["linked_quotes"] == 1
    assert stats["stale_articles"] == 2
    assert stats["top_speakers"][0] == {"name": THAYER, "quotes": 3}


def test_stale_and_load_article(library: Library) -> None:
    library.save(build_extraction("a.txt", [Said(THAYER, "x")], version="old"))
    library.save(build_extraction("b.txt", [Said(THAYER, "y")], version="new"))
    stale = library.stale("new")
    assert [row["path"] for row in stale] == ["a.txt"]
    article = library.load_article(stale[0]["sha256"])
    assert article.text == f'{THAYER} said: "x"'
    assert library.current(article.sha256, "old")
    assert not library.current(article.sha256, "new")
