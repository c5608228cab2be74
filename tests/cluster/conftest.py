"""Fixtures for the cluster's tests: hand-built extractions (no spaCy) and a dataset folder."""

from __future__ import annotations

from dataclasses import replace

from quotecli.records import Act, ArticleExtraction, QuoteKind, SpeakerKind
from tests.support.synthetic import Said, build_extraction

THAYER = "Carlyle Thayer"


def sample_extractions() -> list[ArticleExtraction]:
    """Three articles: a split quote, a thought of an unknown speaker, a quote repeated by a
    second outlet, and an article without quotes."""
    first, *rest = _extractions()
    thought = replace(first.quotes[1], act=Act.THOUGHT)
    return [replace(first, quotes=(first.quotes[0], thought)), *rest]


def _extractions() -> list[ArticleExtraction]:
    return [
        build_extraction(
            "news/a.txt",
            [
                Said(THAYER, "It was a triumph, he said, for Hanoi", gaps=((16, 26),)),
                Said(
                    "someone",
                    "Talks ended in Moscow",
                    kind=QuoteKind.INDIRECT,
                    speaker_kind=SpeakerKind.UNKNOWN,
                ),
            ],
            title="Putin in Hanoi",
            date="2024-06-20",
            aliases={THAYER: ("Thayer",)},
        ),
        build_extraction(
            "news/b.txt", [Said(THAYER, "it was a triumph, he said, for Hanoi.", gaps=((16, 26),))]
        ),
        build_extraction("news/c.txt", []),
    ]
