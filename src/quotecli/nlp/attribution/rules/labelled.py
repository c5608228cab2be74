"""Speakers named by a label instead of a verb: transcript turns and signed quotations."""

from __future__ import annotations

from collections.abc import Iterator

from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.labels import Labelled, signed_quotations, transcript_turns
from quotecli.nlp.spans import CharSpan
from quotecli.records import QuoteKind


def find_transcript_turns(context: Context) -> Iterator[Candidate]:
    """`SMITH: We will vote no.`: the colon is the cue; headings are no turns."""
    body = [line for line in context.lines if line not in context.headings]
    for turn in transcript_turns(context.doc, body):
        kind = context.kind_of(turn.content)
        content = context.quotation_in(turn.content) if kind is QuoteKind.DIRECT else turn.content
        yield _labelled("transcript_turn", turn, content, kind)


def find_signed_quotations(context: Context) -> Iterator[Candidate]:
    """`"We will vote no." ― Jane Smith`: the dash is the cue.

    A signature leaves the line without final punctuation, so it looks like a heading; only
    the headline itself is ruled out.
    """
    for signed in signed_quotations(context.doc, list(context.lines[1:])):
        yield _labelled("signed_quotation", signed, signed.content, QuoteKind.DIRECT)


def _labelled(rule: str, labelled: Labelled, content: CharSpan, kind: QuoteKind) -> Candidate:
    return Candidate(
        rule=rule,
        evidence=Evidence.LABEL,
        content=content,
        kind=kind,
        cue=labelled.cue,
        source=labelled.source,
        trigger=labelled.cue[0],
        reach=labelled.content,
    )


TRANSCRIPT_TURN = Rule(
    "transcript_turn", 20, find_transcript_turns, "Smith: We will vote no on this bill."
)
SIGNED_QUOTATION = Rule(
    "signed_quotation", 21, find_signed_quotations, '"We will vote no." ― Jane Smith'
)
RULES = (TRANSCRIPT_TURN, SIGNED_QUOTATION)
