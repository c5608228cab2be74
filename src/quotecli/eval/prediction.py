"""What a system predicts for one article, in the shape the scorer compares with gold."""

from __future__ import annotations

from dataclasses import dataclass

from quotecli.eval.spans import Span
from quotecli.records import Quote, TextSpan

#: Predicted kinds that count towards the "quoted" subset's precision.
QUOTED_KINDS = frozenset({"direct", "mixed"})


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted attribution: content, speaker mention and cue spans, its kind, and the
    rule that found it and who it names, where the system says (None otherwise)."""

    content: Span
    source: Span | None
    cue: Span | None
    kind: str
    rule: str | None = None
    speaker: str | None = None
    speaker_kind: str | None = None
    role: str | None = None
    act: str | None = None

    @property
    def is_quoted(self) -> bool:
        """Whether the system claims a direct or mixed quotation."""
        return self.kind in QUOTED_KINDS


def from_quote(quote: Quote) -> Prediction:
    """Map a quotecli record: content = its parts, source = speaker.mention, cue = cue.

    A split quote's content is discontinuous, one piece per part, leaving out the cue between
    them, as brat gold annotates `"A," she said, "B."`.
    """
    return Prediction(
        content=tuple((part.start, part.end) for part in quote.parts),
        source=text_span_to_span(quote.speaker.mention),
        cue=text_span_to_span(quote.cue),
        kind=str(quote.kind),
        rule=quote.rule,
        speaker=quote.speaker.name,
        speaker_kind=str(quote.speaker.kind),
        role=" ".join(part for part in (quote.speaker.title, quote.speaker.affiliation) if part)
        or None,
        act=getattr(quote, "act", None),
    )


def text_span_to_span(span: TextSpan | None) -> Span | None:
    if span is None or span.end <= span.start:
        return None
    return ((span.start, span.end),)
