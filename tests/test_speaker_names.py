"""Every speaker name quotecli gives on real news is a proper name or null.

Extracts the PolNeAR dev articles once and checks each `speaker.name` with a test of its own,
independent of the extractor's word lists: a proper name starts with a capital letter or a
digit, every word but a few connecting particles is capitalised, and it neither starts with a
pronoun, determiner or other function word nor is a one-word label in capitals ("ENERGY").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecli.records import Article

pytestmark = pytest.mark.model

DEV_TEXT = Path(__file__).resolve().parent.parent.parent / "shared/data/polnear/dev/text"
PARTICLES = frozenset(
    [
        "of",
        "the",
        "a",
        "for",
        "and",
        "at",
        "on",
        "in",
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "dos",
        "bin",
        "al",
        "y",
        "&",
        "to",
        "its",  # "the United States and its allies"
        "their",
    ]
)
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "we",
        "they",
        "he",
        "she",
        "i",
        "you",
        "me",
        "him",
        "her",
        "his",
        "hers",
        "their",
        "our",
        "my",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "another",
        "one",
        "some",
        "any",
        "each",
        "every",
        "all",
        "both",
        "either",
        "neither",
        "many",
        "much",
        "several",
        "other",
        "others",
        "such",
        "there",
        "here",
    ]
)
MAX_ACRONYM = 5


def is_proper_name(name: str) -> bool:
    words = name.replace("’", "'").replace('"', "").split()  # a quoted nickname counts
    if not words or words[0].lower() in FUNCTION_WORDS:
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0].strip(".")) > MAX_ACRONYM:
        return False  # a section label or a transcript's speaker tag, not a name
    # One lower-case head noun may close a name made of names ("Clinton campaign").
    body = words[:-1] if len(words) >= 2 and words[-1].isalpha() else words
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in PARTICLES for w in body)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hillary Clinton", True),
        ("Bill de Blasio", True),
        ("IMF", True),
        ("Clinton campaign", True),
        ('Robert C. "Bobby" Scott', True),
        ("United States and its allies", True),
        ("Committee for a Responsible Federal Budget", True),
        ("it", False),
        ("The Latest", False),
        ("ENERGY", False),
        ("campaign aides", False),
        ("memorable Hillary Clinton", False),
        ("New York Times and the Gannett newspaper chain", False),
        ("Another slide", False),
    ],
)
def test_the_check_itself(name: str, expected: bool) -> None:
    assert is_proper_name(name) is expected


@pytest.mark.skipif(not DEV_TEXT.is_dir(), reason="../shared/data/polnear is not here")
def test_dev_speaker_names_are_proper_names_or_null(extractor) -> None:  # type: ignore[no-untyped-def]
    articles = [
        Article(path=str(path), text=path.read_text(encoding="utf-8"))
        for path in sorted(DEV_TEXT.glob("*.txt"))
    ]
    bad = [
        (Path(extraction.article.path).name, quote.speaker.name)
        for extraction in extractor.extract_many(articles)
        for quote in extraction.quotes
        if quote.speaker.name is not None and not is_proper_name(quote.speaker.name)
    ]
    assert bad == []
