"""What the `quotecli` component stores on a Doc: offsets, not Token objects.

Offsets are character offsets into `doc.text`, so they survive serialisation, chunking of long
texts and the hop into `quotecli.extract`, which turns these into public records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quotecli.nlp.spans import CharSpan
from quotecli.records import Act, QuoteKind, SpeakerKind

__all__ = ["Attribution", "CharSpan", "Entity", "Place"]


@dataclass(slots=True)
class Attribution:
    """One quotation found in a Doc, before it becomes a `quotecli.records.Quote`.

    Attributes:
        content: the quotation without its enclosing quote marks.
        kind: direct, indirect or mixed.
        cue: the reporting expression ("said", "according to", "was quoted as saying").
        source: the speaker phrase as written at this quote ("he", "Thayer", "the minister").
        entity: index into `doc._.speakers` once speakers are resolved; None if unresolved.
        gaps: stretches inside `content` that are not the speaker's words, in order: the marks
            and cue between the parts of a split quote (`"A," she said, "B."`), or the
            paragraph break in a quotation that runs on into the next paragraph.
        rule: the name of the rule that found it (`quotecli.nlp.attribution.rules`).
        act: speech, or thought (a belief, intention, attitude, perception or evidence).
    """

    content: CharSpan
    kind: QuoteKind
    cue: CharSpan | None = None
    source: CharSpan | None = None
    entity: int | None = None
    gaps: tuple[CharSpan, ...] = ()
    rule: str = ""
    act: Act = Act.SPEECH


@dataclass(slots=True)
class Entity:
    """A person, organisation or group that speaks in the article, under one canonical name.

    `named` is False for an unnamed source ("a source", "critics", "the agency"): `name` then
    only describes it, and its quotes carry no speaker name.
    """

    name: str
    kind: SpeakerKind
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    named: bool = True


@dataclass(slots=True)
class Place:
    """A place the article mentions, with every mention's offsets."""

    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[CharSpan] = field(default_factory=list)
