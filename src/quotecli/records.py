"""Plain records: what extraction produces and what store, query and render consume.

Every record is a frozen dataclass that serialises straight to JSON through `to_dict()`.
No spaCy object ever reaches these types; `quotecli.extract` is the one place where
spans become records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class QuoteKind(StrEnum):
    """How the speaker's words are reported."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Act(StrEnum):
    """What a quote reports: words spoken or written, or a belief, wish, plan or evidence."""

    SPEECH = "speech"
    THOUGHT = "thought"


class SpeakerKind(StrEnum):
    """What sort of source a speaker is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the article text with its character offsets (`text == article[start:end]`)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Which article a quote comes from, with the metadata its source carried.

    `outlet` is the site or publication name (from the page, else the URL's host); `id` is the
    corpus's own identifier for the article when it has one.
    """

    path: str
    title: str | None
    date: str | None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "outlet": self.outlet,
            "author": self.author,
            "id": self.id,
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """The resolved source of one quote.

    `name` is the canonical name shared by every mention of the same entity in the article
    ("Carlyle Thayer" for "Thayer" and "he"); `mention` is the phrase as written at this quote.
    `name` is a proper name or None: None for an unnamed source ("a source", "officials") and
    whenever the phrase could not be resolved (`kind` unknown; `mention` keeps the words).
    """

    name: str | None
    kind: SpeakerKind
    title: str | None = None
    affiliation: str | None = None
    mention: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed quotation: the JSON record promised to scripts (see README).

    `text`, `start` and `end` run from the first quoted word to the last, so a quote split by
    its cue (`"A," she said, "B."`) holds the cue in `text`; `parts` are the speaker's words
    alone, in order (one part, equal to the whole, for a quote in one piece). `rule` names
    the extraction rule that found it (`quotecli.nlp.attribution`); `act` says whether it
    reports words (speech) or a belief, intention, attitude or evidence (thought). Both are
    None only for quotes a library stored before they were recorded.
    """

    id: str
    text: str
    kind: QuoteKind
    rule: str | None
    act: Act | None
    start: int
    end: int
    parts: tuple[TextSpan, ...]
    paragraph: int
    cue: TextSpan | None
    speaker: Speaker
    places: tuple[str, ...]
    article: ArticleRef

    def to_dict(self) -> dict[str, Any]:
        # By hand, not dataclasses.asdict: its deep copy is most of the cost of a listing.
        speaker = self.speaker
        return {
            "id": self.id,
            "text": self.text,
            "kind": str(self.kind),
            "rule": self.rule,
            "act": None if self.act is None else str(self.act),
            "start": self.start,
            "end": self.end,
            "parts": [span.to_dict() for span in self.parts],
            "paragraph": self.paragraph,
            "cue": None if self.cue is None else self.cue.to_dict(),
            "speaker": {
                "name": speaker.name,
                "kind": str(speaker.kind),
                "title": speaker.title,
                "affiliation": speaker.affiliation,
                "mention": None if speaker.mention is None else speaker.mention.to_dict(),
            },
            "places": list(self.places),
            "article": self.article.to_dict(),
        }

    @property
    def gaps(self) -> tuple[tuple[int, int], ...]:
        """The stretches of `text` between its parts (offsets in the article), in order:
        what `quote_parts` takes out of the content to give back `parts`."""
        edges = [self.start, *(x for part in self.parts for x in (part.start, part.end)), self.end]
        pairs = zip(edges[::2], edges[1::2], strict=True)
        return tuple((start, end) for start, end in pairs if end > start)


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    """One speaker entity of an article (or, merged by name, of a library)."""

    name: str
    kind: SpeakerKind
    title: str | None
    affiliation: str | None
    aliases: tuple[str, ...]
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["kind"] = str(self.kind)
        record["aliases"] = list(self.aliases)
        return record


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """One place an article mentions, its surface variants merged ("US", "U.S.", ...)."""

    name: str
    count: int
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["aliases"] = list(self.aliases)
        return record


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text and metadata as read from a source, before extraction.

    Its identity is `sha256`, the hash of the text alone: the same story read from a corpus
    row and from its web page is one article, whatever metadata each carried.
    """

    path: str
    text: str
    title: str | None = None
    date: str | None = None
    sha256: str = field(default="")
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    id: str | None = None

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self.text))

    @property
    def ref(self) -> ArticleRef:
        return ArticleRef(
            path=self.path,
            title=self.title,
            date=self.date,
            url=self.url,
            outlet=self.outlet,
            author=self.author,
            id=self.id,
        )


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """Everything extracted from one article."""

    article: Article
    quotes: tuple[Quote, ...]
    speakers: tuple[SpeakerSummary, ...]
    places: tuple[PlaceSummary, ...]
    pipeline_version: str


def content_hash(text: str) -> str:
    """The article identity: SHA-256 of its text as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quote_parts(
    text: str, start: int, gaps: Iterable[tuple[int, int]] = ()
) -> tuple[TextSpan, ...]:
    """The speaker's words of a quote: its content minus the gaps, as article spans in order.

    Extraction and the library both build `Quote.parts` here, so a stored quote reads back
    with exactly the parts it was made with.

    Args:
        text: the quote's content, `article[start:start + len(text)]`.
        start: where the content starts in the article.
        gaps: (start, end) article offsets inside the content that are not the speaker's
            words (the marks and cue between the parts of a split quote).

    Returns:
        The non-empty pieces left; the whole content as one part when nothing is left.
    """
    end = start + len(text)
    pieces, cursor = [], start
    for gap_start, gap_end in sorted(gaps):
        pieces.append((cursor, min(max(gap_start, cursor), end)))
        cursor = min(max(gap_end, cursor), end)
    pieces.append((cursor, end))
    parts = tuple(TextSpan(text[s - start : e - start], s, e) for s, e in pieces if e > s)
    return parts or (TextSpan(text, start, end),)


def quote_id(article_sha256: str, start: int, end: int) -> str:
    """A stable id: the same article text gives the same ids on every run."""
    digest = hashlib.sha1(f"{article_sha256}:{start}:{end}".encode(), usedforsecurity=False)
    return digest.hexdigest()[:16]
