"""From articles to records: run the pipeline, then turn each Doc into plain frozen records.

This is the one place where spaCy objects become `quotecli.records` types.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from quotecli.nlp.loading import load_pipeline, resolve_model_name
from quotecli.nlp.types import Attribution, CharSpan, Entity, Place
from quotecli.paragraphs import PARAGRAPH_BREAK, paragraph_index, paragraph_starts
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
from quotecli.safetext import clean_name
from quotecli.version import pipeline_version

#: The longest text the model is given at once. Longer ones are cut (at a paragraph break, else
#: a line break, else a sentence end) and their results merged: the speaker rules compare every
#: name mention with every person of a Doc, so one Doc's cost grows faster than its length.
#: Below this size it is still close to linear, and no PolNeAR dev article is longer.
CHUNK_CHARS = 25_000
#: The most characters parsed in one `nlp.pipe` batch: the parser's memory follows the batch
#: (16 chunks of 25,000 characters peaked at 750 MB on a 200 KB text; 4 chunks at 480 MB).
BATCH_CHARS = 100_000
# A sentence end: terminal punctuation, closing marks, space, then what starts a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


class Extractor:
    """Loads a spaCy pipeline once and extracts any number of articles with it."""

    def __init__(
        self,
        model: str | None = None,
        nlp: Language | None = None,
        *,
        chunk_chars: int = CHUNK_CHARS,
    ) -> None:
        self.model_name = resolve_model_name(model) if nlp is None else (model or nlp.meta["name"])
        self.nlp = nlp if nlp is not None else load_pipeline(self.model_name)
        self.version = pipeline_version(self.model_name)
        self.chunk_chars = chunk_chars

    def extract(self, article: Article) -> ArticleExtraction:
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[ArticleExtraction]:
        """Extract articles lazily, in order; texts longer than `chunk_chars` are split.

        Texts from consecutive articles share `nlp.pipe` batches (the model is faster on a
        batch than on one text at a time); a batch holds at most `batch_size` texts and
        `BATCH_CHARS` characters, since the parser's working memory grows with the batch.
        """
        parts: list[DocParts] = []
        for batch in _batched(self._chunks(articles), batch_size, BATCH_CHARS):
            for doc, chunk in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                parts.append(doc_to_parts(doc, chunk.offset))
                if chunk.last:
                    yield assemble(chunk.article, parts, self.version)
                    parts = []

    def _chunks(self, articles: Iterable[Article]) -> Iterator[tuple[str, Chunk]]:
        for article in articles:
            limit = max(min(self.nlp.max_length, self.chunk_chars), 1)
            pieces = list(split_for_model(article.text, limit))
            for index, (offset, text) in enumerate(pieces):
                yield text, Chunk(article, offset, last=index == len(pieces) - 1)


def _batched(
    tagged: Iterable[tuple[str, Chunk]], size: int, chars: int
) -> Iterator[list[tuple[str, Chunk]]]:
    """Consecutive texts in lists of at most `size` texts and (past the first) `chars`."""
    batch: list[tuple[str, Chunk]] = []
    held = 0
    for item in tagged:
        if batch and (len(batch) >= size or held + len(item[0]) > chars):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += len(item[0])
    if batch:
        yield batch


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
    """Yield (offset, chunk) pieces under `max_length` that join back into `text`.

    Each cut is at the last paragraph break that fits, else the last line break, else the last
    sentence end (one outside a quotation if there is one in the second half of the window),
    else the last space; only a text with none of these is cut mid-word.
    """
    start = 0
    while len(text) - start > max_length:
        cut = _cut(text, start, start + max_length)
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _cut(text: str, start: int, stop: int) -> int:
    for separator in (PARAGRAPH_BREAK, "\n"):
        cut = text.rfind(separator, start, stop)
        if cut > start:
            return cut
    cut = _sentence_cut(text, start, stop)
    if cut > start:
        return cut
    cut = text.rfind(" ", start, stop)
    return cut if cut > start else stop


def _sentence_cut(text: str, start: int, stop: int) -> int:
    """The last sentence end in text[start:stop], preferring one with no quotation open."""
    last = balanced = -1
    marks = {'"': 0, "“": 0, "”": 0}
    position = start
    for match in _SENTENCE_END.finditer(text, start, stop):
        segment = text[position : match.end()]
        for mark in marks:
            marks[mark] += segment.count(mark)
        position = last = match.end()
        if marks['"'] % 2 == 0 and marks["“"] <= marks["”"]:
            balanced = last
    return balanced if balanced >= start + (stop - start) // 2 else last


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
    if len(parts) > 1:
        fuller = fuller_names(entities.values())
        resolved = [
            (a, None if e is None else entities[fuller.get(e.name, e.name)]) for a, e in resolved
        ]
        entities = {name: e for name, e in entities.items() if name not in fuller}
    starts = paragraph_starts(article.text)
    quotes = tuple(
        to_quote(article, attribution, entity, places.values(), starts)
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


def fuller_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Name -> the fuller name of the same speaker, for names met in different chunks.

    A chunk only resolves names within itself: "Clarke" in a later chunk is "Tom Clarke" of
    an earlier one when exactly one fuller person's name holds all of its words.
    """
    by_words = [
        (e, set(e.name.casefold().split())) for e in entities if e.kind is SpeakerKind.PERSON
    ]
    fuller: dict[str, str] = {}
    for entity, words in by_words:
        holders = [other for other, other_words in by_words if words < other_words]
        if len(holders) == 1:
            holder = holders[0]
            fuller[entity.name] = holder.name
            holder.title = holder.title or entity.title
            holder.affiliation = holder.affiliation or entity.affiliation
            holder.aliases.extend(a for a in entity.aliases if a not in holder.aliases)
    return fuller


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
    """The speaker record; its name, title and affiliation never hold control characters
    (an article's `\\x1b[31` must not colour a terminal), while `mention` stays exact text."""
    mention = text_span(text, source)
    if entity is None:
        # An unresolved phrase ("it", "The Latest") is no name: the mention keeps the words.
        return Speaker(name=None, kind=SpeakerKind.UNKNOWN, mention=mention)
    return Speaker(
        clean_name(entity.name) if entity.named else None,
        entity.kind,
        _clean_optional(entity.title),
        _clean_optional(entity.affiliation),
        mention,
    )


def _clean_optional(value: str | None) -> str | None:
    return None if value is None else clean_name(value) or None


def text_span(text: str, span: CharSpan | None) -> TextSpan | None:
    return None if span is None else TextSpan(text[span[0] : span[1]], span[0], span[1])


def summarise_speakers(
    entities: Iterable[Entity], quotes: tuple[Quote, ...]
) -> tuple[SpeakerSummary, ...]:
    counts = Counter(q.speaker.name for q in quotes if q.speaker.kind is not SpeakerKind.UNKNOWN)
    summaries = [
        SpeakerSummary(
            clean_name(e.name),
            e.kind,
            _clean_optional(e.title),
            _clean_optional(e.affiliation),
            tuple(clean_name(alias) for alias in e.aliases),
            counts[clean_name(e.name)],
        )
        for e in entities
        if e.named
    ]
    return tuple(sorted(summaries, key=lambda s: (-s.quotes, s.name)))
