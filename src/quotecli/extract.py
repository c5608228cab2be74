"""From articles to records: run the pipeline, then turn each Doc into plain frozen records.

This is the one place where spaCy objects become `quotecli.records` types.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from quotecli.nlp.loading import load_pipeline, resolve_model_name
from quotecli.nlp.types import Attribution, CharSpan, Entity, Place
from quotecli.records import (
    Article,
    ArticleExtraction,
    PlaceSummary,
    Quote,
    Speaker,
    SpeakerKind,
    SpeakerSummary,
    TextSpan,
    quote_id,
    quote_parts,
)
from quotecli.version import pipeline_version

PARAGRAPH_BREAK = "\n\n"


class Extractor:
    """Loads a spaCy pipeline once and extracts any number of articles with it."""

    def __init__(self, model: str | None = None, nlp: Language | None = None) -> None:
        self.model_name = resolve_model_name(model) if nlp is None else (model or nlp.meta["name"])
        self.nlp = nlp if nlp is not None else load_pipeline(self.model_name)
        self.version = pipeline_version(self.model_name)

    def extract(self, article: Article) -> ArticleExtraction:
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[ArticleExtraction]:
        """Extract articles lazily, in order; texts longer than the model allows are split.

        Texts from consecutive articles share `nlp.pipe` batches (the model is faster on a
        batch than on one text at a time); only `batch_size` texts are ever read ahead.
        """
        parts: list[DocParts] = []
        tagged = self._chunks(articles)
        for doc, chunk in self.nlp.pipe(tagged, as_tuples=True, batch_size=batch_size):
            parts.append(doc_to_parts(doc, chunk.offset))
            if chunk.last:
                yield assemble(chunk.article, parts, self.version)
                parts = []

    def _chunks(self, articles: Iterable[Article]) -> Iterator[tuple[str, Chunk]]:
        for article in articles:
            pieces = list(split_for_model(article.text, self.nlp.max_length))
            for index, (offset, text) in enumerate(pieces):
                yield text, Chunk(article, offset, last=index == len(pieces) - 1)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Where a text given to the model comes from: its article and its offset there."""

    article: Article
    offset: int
    last: bool


def extract_quotes(text: str, model: str | None = None) -> list[Quote]:
    """Extract the attributed quotes of one text (a convenience for library users)."""
    return list(Extractor(model).extract(Article(path="<text>", text=text)).quotes)


def split_for_model(text: str, max_length: int) -> Iterator[tuple[int, str]]:
    """Yield (offset, chunk) pieces under `max_length`, cut at paragraph breaks when possible."""
    start = 0
    while len(text) - start > max_length:
        cut = text.rfind(PARAGRAPH_BREAK, start, start + max_length)
        if cut <= start:
            cut = text.rfind("\n", start, start + max_length)
        if cut <= start:
            cut = start + max_length
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


@dataclass(slots=True)
class DocParts:
    """What one chunk's Doc yields, with offsets already moved into article coordinates."""

    attributions: list[Attribution]
    entities: list[Entity]
    places: list[Place]


def doc_to_parts(doc: Doc, offset: int) -> DocParts:
    def move(span: CharSpan) -> CharSpan:
        return span[0] + offset, span[1] + offset

    def shift(span: CharSpan | None) -> CharSpan | None:
        return None if span is None else move(span)

    attributions = [
        Attribution(
            content=move(a.content),
            kind=a.kind,
            cue=shift(a.cue),
            source=shift(a.source),
            entity=a.entity,
            gaps=tuple(move(gap) for gap in a.gaps),
            rule=a.rule,
            act=a.act,
        )
        for a in doc._.quotes or []
    ]
    places = [
        Place(
            name=p.name,
            aliases=list(p.aliases),
            mentions=[(s + offset, e + offset) for s, e in p.mentions],
        )
        for p in doc._.places or []
    ]
    return DocParts(attributions, list(doc._.speakers or []), places)


def assemble(article: Article, parts: list[DocParts], version: str) -> ArticleExtraction:
    """Merge chunk results (entities by canonical name) and build the article's records."""
    entities: dict[str, Entity] = {}
    resolved: list[tuple[Attribution, Entity | None]] = []
    places: dict[str, Place] = {}
    for part in parts:
        for attribution in part.attributions:
            entity = None if attribution.entity is None else part.entities[attribution.entity]
            if entity is not None:
                entity = entities.setdefault(entity.name, entity)
            resolved.append((attribution, entity))
        for place in part.places:
            merged = places.setdefault(place.name, Place(place.name))
            merged.aliases.extend(a for a in place.aliases if a not in merged.aliases)
            merged.mentions.extend(place.mentions)
    paragraph_starts = paragraph_offsets(article.text)
    quotes = tuple(
        to_quote(article, attribution, entity, places.values(), paragraph_starts)
        for attribution, entity in sorted(resolved, key=lambda pair: pair[0].content)
    )
    return ArticleExtraction(
        article=article,
        quotes=quotes,
        speakers=summarise_speakers(entities.values(), quotes),
        places=tuple(
            PlaceSummary(p.name, len(p.mentions), tuple(p.aliases))
            for p in sorted(places.values(), key=lambda p: (-len(p.mentions), p.name))
        ),
        pipeline_version=version,
    )


def to_quote(
    article: Article,
    attribution: Attribution,
    entity: Entity | None,
    places: Iterable[Place],
    paragraph_starts: list[int],
) -> Quote:
    start, end = attribution.content
    text = article.text[start:end]
    return Quote(
        id=quote_id(article.sha256, start, end),
        text=text,
        kind=attribution.kind,
        rule=attribution.rule,
        act=attribution.act,
        start=start,
        end=end,
        parts=quote_parts(text, start, attribution.gaps),
        paragraph=paragraph_index(paragraph_starts, start),
        cue=text_span(article.text, attribution.cue),
        speaker=to_speaker(article.text, attribution.source, entity),
        places=tuple(p.name for p in places if any(start <= s and e <= end for s, e in p.mentions)),
        article=article.ref,
    )


def to_speaker(text: str, source: CharSpan | None, entity: Entity | None) -> Speaker:
    mention = text_span(text, source)
    if entity is None:
        return Speaker(
            name=mention.text if mention else None, kind=SpeakerKind.UNKNOWN, mention=mention
        )
    return Speaker(entity.name, entity.kind, entity.title, entity.affiliation, mention)


def text_span(text: str, span: CharSpan | None) -> TextSpan | None:
    return None if span is None else TextSpan(text[span[0] : span[1]], span[0], span[1])


def summarise_speakers(
    entities: Iterable[Entity], quotes: tuple[Quote, ...]
) -> tuple[SpeakerSummary, ...]:
    counts = Counter(q.speaker.name for q in quotes if q.speaker.kind is not SpeakerKind.UNKNOWN)
    summaries = [
        SpeakerSummary(e.name, e.kind, e.title, e.affiliation, tuple(e.aliases), counts[e.name])
        for e in entities
    ]
    return tuple(sorted(summaries, key=lambda s: (-s.quotes, s.name)))


def paragraph_offsets(text: str) -> list[int]:
    """Start offsets of the article's paragraphs (blank-line separated), first one at 0."""
    starts = [0]
    position = text.find(PARAGRAPH_BREAK)
    while position != -1:
        starts.append(position + len(PARAGRAPH_BREAK))
        position = text.find(PARAGRAPH_BREAK, position + len(PARAGRAPH_BREAK))
    return starts


def paragraph_index(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return max(bisect_right(starts, offset) - 1, 0)
