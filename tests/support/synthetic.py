"""Hand-built extractions, without spaCy: for the store's tests and the query benchmark.

`build_extraction` writes an article made of one paragraph per quote, `Name said: "text"`,
and the records an extractor would give for it. `FakeExtractor` reads such articles back,
so ingestion can be exercised (even across processes) without loading a model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from quotecli.records import (
    Act,
    Article,
    ArticleExtraction,
    PlaceSummary,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    SpeakerSummary,
    TextSpan,
    quote_id,
    quote_parts,
)

FAKE_VERSION = "synthetic/1"
_LINE = re.compile(r'^(?P<speaker>[^\n:"]+?) said: "(?P<text>[^"\n]*)"$')
# Places a synthetic quote can name; the fake extractor recognises exactly these.
KNOWN_PLACES = ("Hanoi", "Moscow", "Vietnam", "Washington", "United States")


@dataclass(frozen=True, slots=True)
class Said:
    """One quote to put in a synthetic article."""

    speaker: str
    text: str
    kind: QuoteKind = QuoteKind.DIRECT
    affiliation: str | None = None
    title: str | None = None
    speaker_kind: SpeakerKind = SpeakerKind.PERSON
    # (start, end) offsets into `text` that are not the speaker's words, as in a split quote
    # `A," she said, "B`; the quote's parts are what is left.
    gaps: tuple[tuple[int, int], ...] = ()


def article_text(said: Sequence[Said]) -> str:
    """The article text `build_extraction` uses: one `Name said: "text"` paragraph each."""
    return "\n\n".join(f'{s.speaker} said: "{s.text}"' for s in said)


def build_extraction(
    path: str,
    said: Sequence[Said],
    *,
    title: str | None = None,
    date: str | None = None,
    version: str = FAKE_VERSION,
    aliases: dict[str, tuple[str, ...]] | None = None,
    place_aliases: dict[str, tuple[str, ...]] | None = None,
) -> ArticleExtraction:
    """An article of `said` quotes and the extraction a perfect extractor would return."""
    article = Article(path=path, text=article_text(said), title=title, date=date)
    return extraction_for(article, said, version, aliases or {}, place_aliases or {})


def extraction_for(
    article: Article,
    said: Sequence[Said],
    version: str = FAKE_VERSION,
    aliases: dict[str, tuple[str, ...]] | None = None,
    place_aliases: dict[str, tuple[str, ...]] | None = None,
) -> ArticleExtraction:
    """Records for an `article_text(said)` article (title and path taken from `article`)."""
    quotes, offset = [], 0
    for paragraph, s in enumerate(said):
        quotes.append(_quote(article, s, offset, paragraph))
        offset += len(f'{s.speaker} said: "{s.text}"') + 2
    return ArticleExtraction(
        article=article,
        quotes=tuple(quotes),
        speakers=_speakers(said, aliases or {}),
        places=_places(quotes, place_aliases or {}),
        pipeline_version=version,
    )


def _quote(article: Article, s: Said, offset: int, paragraph: int) -> Quote:
    start = offset + len(s.speaker) + len(' said: "')
    end = start + len(s.text)
    return Quote(
        id=quote_id(article.sha256, start, end),
        text=s.text,
        kind=s.kind,
        rule="cue_before",
        act=Act.SPEECH,
        start=start,
        end=end,
        parts=quote_parts(s.text, start, [(start + a, start + b) for a, b in s.gaps]),
        paragraph=paragraph,
        cue=TextSpan("said", offset + len(s.speaker) + 1, offset + len(s.speaker) + 5),
        speaker=Speaker(
            s.speaker,
            s.speaker_kind,
            s.title,
            s.affiliation,
            TextSpan(s.speaker, offset, offset + len(s.speaker)),
        ),
        places=tuple(p for p in KNOWN_PLACES if p in s.text),
        article=article.ref,
    )


def _speakers(
    said: Sequence[Said], aliases: dict[str, tuple[str, ...]]
) -> tuple[SpeakerSummary, ...]:
    counts = Counter(s.speaker for s in said if s.speaker_kind is not SpeakerKind.UNKNOWN)
    first = {s.speaker: s for s in reversed(said)}
    return tuple(
        SpeakerSummary(
            name,
            first[name].speaker_kind,
            first[name].title,
            first[name].affiliation,
            aliases.get(name, ()),
            n,
        )
        for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )


def _places(
    quotes: Iterable[Quote], aliases: dict[str, tuple[str, ...]]
) -> tuple[PlaceSummary, ...]:
    counts = Counter(p for q in quotes for p in q.places)
    return tuple(
        PlaceSummary(name, n, aliases.get(name, ()))
        for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )


def parse(text: str) -> list[Said]:
    """The quotes of an `article_text` article; other paragraphs are ignored."""
    found = []
    for paragraph in text.split("\n\n"):
        match = _LINE.match(paragraph)
        if match:
            found.append(Said(match["speaker"], match["text"]))
    return found


class FakeExtractor:
    """Extracts `Name said: "text"` paragraphs; counts the articles it was given."""

    def __init__(self, version: str = FAKE_VERSION) -> None:
        self.version = version
        self.extracted: list[str] = []

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleExtraction]:
        for article in articles:
            self.extracted.append(article.path)
            said = parse(article.text)
            if article.text != article_text(said):
                said = []  # offsets would not line up: treat as an article without quotes
            yield extraction_for(article, said, self.version)
