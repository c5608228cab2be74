"""Which texts count as the same quote across articles: the same words, or a trimmed run of
at least MIN_RUN_WORDS of them; never a changed word, number or negation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecli.query import QuoteFilter
from quotecli.store import Library
from quotecli.store.linking import MIN_RUN_WORDS, is_run, same_quote, shingles, words
from tests.support.synthetic import Said, build_extraction

SPEAKER = "Ann Lee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("“Putin’s  visit”", ("putins", "visit"), id="curly_marks_and_spaces"),
        pytest.param("'Putin's visit.'", ("putins", "visit"), id="straight_marks_punctuation"),
        pytest.param("A\nB\tC", ("a", "b", "c"), id="newlines_tabs"),
        pytest.param("cease-fire — now", ("cease", "fire", "now"), id="dashes_separate"),
        pytest.param("rose 5.5% to $1,200", ("rose", "5.5", "%", "to", "$", "1,200"), id="numbers"),
        pytest.param("ＦＵＬＬ width", ("full", "width"), id="nfkc"),
    ],
)
def test_words(text: str, expected: tuple[str, ...]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "Putin’s triumphal reception in Hanoi",
            "putin's triumphal reception in hanoi.",
            True,
            id="marks_and_case",
        ),
        pytest.param(
            "the ceasefire — it holds",
            "The ceasefire -- it holds",
            True,
            id="dashes",
        ),
        pytest.param(
            "the visit shows Vietnam can stay neutral",
            "Analysts said the visit shows Vietnam can stay neutral between powers",
            True,
            id="trimmed_run",
        ),
        pytest.param(
            "We will raise taxes on the wealthy next year",
            "We will not raise taxes on the wealthy next year",
            False,
            id="negation",
        ),
        pytest.param(
            "Unemployment rose to 5 percent last month",
            "Unemployment rose to 9 percent last month",
            False,
            id="number",
        ),
        pytest.param(
            "Unemployment rose to 5.5 percent last month",
            "Unemployment rose to 55 percent last month",
            False,
            id="decimal_point",
        ),
        pytest.param(
            "Hillary Clinton will win the state by ten points",
            "Donald Trump will win the state by ten points",
            False,
            id="name",
        ),
        pytest.param(
            "we will defend our sovereignty at all costs",
            "we shall defend our sovereignty at all costs",
            False,
            id="one_word_changed",
        ),
        pytest.param(
            "raise taxes on the wealthy next year",
            "We will not raise taxes on the wealthy next year",
            True,
            id="trimmed_run_after_the_negation",
        ),
        pytest.param("we will not", "No, we will not comment on that today", False, id="short_run"),
        pytest.param(
            "taxes on the wealthy next year",
            "We will raise taxes on the wealthy next year by a lot",
            True,
            id="run_of_exactly_the_minimum",
        ),
        pytest.param(
            "We will raise taxes next year",
            "We will raise the taxes next year on everyone",
            False,
            id="words_in_order_but_not_contiguous",
        ),
        pytest.param("", "", False, id="empty"),
    ],
)
def test_same_quote(a: str, b: str, expected: bool) -> None:
    assert same_quote(words(a), words(b)) is expected
    assert same_quote(words(b), words(a)) is expected


WORDS = st.lists(
    st.sampled_from(
        ["we", "will", "not", "raise", "taxes", "on", "the", "wealthy", "5", "9", "next", "year"]
    )
)


@settings(max_examples=300, deadline=None)
@given(a=WORDS, b=WORDS)
def test_different_word_sequences_are_never_the_same_quote(a: list[str], b: list[str]) -> None:
    """Only equal sequences, or a contiguous run of at least MIN_RUN_WORDS words, link."""
    short, long = sorted((a, b), key=len)
    contiguous = any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))
    expected = bool(short) and (a == b or (len(short) >= MIN_RUN_WORDS and contiguous))
    assert same_quote(a, b) is expected


@settings(max_examples=300, deadline=None)
@given(a=WORDS.filter(lambda a: len(a) >= 2), data=st.data())
def test_a_word_inserted_or_changed_inside_is_never_the_same_quote(
    a: list[str], data: st.DataObject
) -> None:
    """A negation or any word put inside a statement, or a word changed, makes another one."""
    i = data.draw(st.integers(1, len(a) - 1), label="inside")
    # Words `a` cannot hold, so no run of the longer text can avoid the new word.
    new = data.draw(st.sampled_from(["never", "no", "7", "clinton"]), label="word")
    assert not same_quote(a, [*a[:i], new, *a[i:]])
    j = data.draw(st.integers(0, len(a) - 1), label="changed")
    assert not same_quote(a, [*a[:j], new, *a[j + 1 :]])


@settings(max_examples=60, deadline=None)
@given(a=WORDS, b=WORDS)
def test_stored_quotes_of_different_words_are_never_linked(
    tmp_path_factory: pytest.TempPathFactory, a: list[str], b: list[str]
) -> None:
    """The same property through the store: its indexes propose, the words decide."""
    path = tmp_path_factory.mktemp("linking") / "library.sqlite3"
    with Library.open(path) as library:
        library.save(build_extraction("a.txt", [Said(SPEAKER, " ".join(a) or "x")]))
        # Another speaker too, so the two articles' texts differ even when a == b.
        said = [Said(SPEAKER, " ".join(b) or "y"), Said("Bo Chen", "filler")]
        library.save(build_extraction("b.txt", said))
        linked = [bool(q["also_in"]) for q in library.quotes(QuoteFilter(speakers=(SPEAKER,)))]
    assert linked == [same_quote(a, b)] * 2


def test_shingles_are_stable_across_runs() -> None:
    # Stored in the library: they must not depend on Python's per-process hash seed.
    assert shingles(("a", "b", "c", "d", "e")) == [2437609066225696169]


def test_is_run_matches_whole_words_only() -> None:
    assert is_run(("on", "the"), ("taxes", "on", "the", "wealthy"))
    assert not is_run(("n", "the"), ("taxes", "on", "the", "wealthy"))


def library_with(tmp_path: Path, *texts: str) -> Library:
    library = Library.open(tmp_path / "library.sqlite3")
    for number, text in enumerate(texts):
        library.save(build_extraction(f"{number}.txt", [Said(SPEAKER, text)]))
    return library


def test_negation_is_not_linked_and_unique_keeps_both(tmp_path: Path) -> None:
    raised = "We will raise taxes on the wealthy next year"
    refused = "We will not raise taxes on the wealthy next year"
    with library_with(tmp_path, raised, refused) as library:
        assert [q["also_in"] for q in library.quotes(QuoteFilter())] == [[], []]
        unique = [q["text"] for q in library.quotes(QuoteFilter(unique=True))]
        assert unique == [raised, refused]
        assert library.stats()["linked_quotes"] == 0


def test_trimmed_versions_link_to_the_full_quote_but_not_to_each_other(tmp_path: Path) -> None:
    full_one = "Taxes on the wealthy will rise next year and on the poor they will fall"
    full_two = "Taxes on the wealthy will rise next year and on the poor they will rise too"
    trimmed = "Taxes on the wealthy will rise next year"
    with library_with(tmp_path, full_one, trimmed, full_two) as library:
        also_in = {q["text"]: [a["path"] for a in q["also_in"]] for q in library.quotes(ALL)}
        assert also_in == {full_one: ["1.txt"], trimmed: ["0.txt", "2.txt"], full_two: ["1.txt"]}
        # --unique drops the trimmed version (the same quote as the first), keeps the other.
        assert [q["text"] for q in library.quotes(QuoteFilter(unique=True))] == [
            full_one,
            full_two,
        ]


ALL = QuoteFilter()


def test_removing_an_article_takes_its_links_with_it(tmp_path: Path) -> None:
    full = "Taxes on the wealthy will rise next year and on the poor they will fall"
    with library_with(tmp_path, full, "Taxes on the wealthy will rise next year") as library:
        library.save(build_extraction("0.txt", [Said(SPEAKER, "Something else entirely")]))
        assert [q["also_in"] for q in library.quotes(ALL)] == [[], []]
        tables = {
            t: library._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("quote_groups", "group_links")
        }
        assert tables == {"quote_groups": 2, "group_links": 0}


def test_one_speaker_saying_numbered_sentences_links_nothing(tmp_path: Path) -> None:
    texts = [f"We will build {n} bridges" for n in range(300)]
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.save(build_extraction("a.txt", [Said(SPEAKER, t) for t in texts]))
        library.save(build_extraction("b.txt", [Said(SPEAKER, t) for t in texts[:3]]))
        records = list(library.quotes(ALL))
    assert sum(len(q["also_in"]) for q in records) == 6  # three quotes, each in a and b


def test_linking_checks_a_bounded_number_of_candidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No quote is compared with every stored quote of its speaker: the words are checked
    only for candidates the index proposes, so the checks grow with the quotes, not their
    square (this sentence's shared run, "bridges across the river ...", proposes none)."""
    from quotecli.store import linking

    checks = 0
    real = linking.is_run

    def counting(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        nonlocal checks
        checks += 1
        return real(short, long)

    monkeypatch.setattr(linking, "is_run", counting)
    sentence = "We will build {} bridges across the river before the next election"
    with Library.open(tmp_path / "library.sqlite3") as library:
        for first in range(0, 400, 20):
            said = [Said(SPEAKER, sentence.format(n)) for n in range(first, first + 20)]
            library.save(build_extraction(f"{first}.txt", said))
        trimmed = "the river before the next election"  # a run of every one of them
        library.save(build_extraction("trimmed.txt", [Said(SPEAKER, trimmed)]))
        [found] = library.quotes(QuoteFilter(source="trimmed.txt"))
    assert len(found["also_in"]) == 20  # linked to all 400 quotes, in their 20 articles
    assert checks <= 400 + 64
