"""Hand-built candidates on a tokenised, unparsed Doc: resolver and refinements need no model."""

from __future__ import annotations

from functools import cache

from quotecli.nlp.attribution.candidate import Candidate, Evidence
from quotecli.nlp.attribution.context import Context
from quotecli.records import QuoteKind


@cache
def _blank():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en")


def context_of(text: str) -> Context:
    return Context.of(_blank()(text))


def span(text: str, words: str, start: int = 0) -> tuple[int, int]:
    """The offsets of `words` in `text`, searching from `start`."""
    begin = text.index(words, start)
    return begin, begin + len(words)


def candidate(
    text: str,
    content: str,
    *,
    rule: str = "reported_clause",
    evidence: Evidence = Evidence.VERB,
    kind: QuoteKind = QuoteKind.INDIRECT,
    cue: str | None = "said",
    source: str | None = "she",
    claims: frozenset[int] = frozenset(),
) -> Candidate:
    cue_span = None if cue is None else span(text, cue)
    return Candidate(
        rule=rule,
        evidence=evidence,
        content=span(text, content),
        kind=kind,
        cue=cue_span,
        source=None if source is None else span(text, source),
        trigger=cue_span[0] if cue_span else span(text, content)[0],
        claims=claims,
    )
