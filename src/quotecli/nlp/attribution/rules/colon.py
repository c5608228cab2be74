"""A quotation introduced by a colon after any verb with a subject: `Mr. Christie gloated:
"..."`, `Rubio fired back forcefully: "..."`, `Trump issued the following statement: "..."`.

The verb need not be a reporting verb (`cue_before` takes those first): a clause that ends in
a colon and opens a quotation says that its subject spoke it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import is_negated
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import cue_span, find_source
from quotecli.nlp.spans import CharSpan, overlaps
from quotecli.records import Act, QuoteKind

PRIORITY = 14
COLON = ":"
# How many words may stand between the verb and its colon: `fired back forcefully:`,
# `issued the following statement:`.
MAX_VERB_DISTANCE = 4
# A copula introduces a label or definition, not words spoken (`The message is: "..."`).
COPULAS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "’s"})


def find_colon_quotes(context: Context) -> Iterator[Candidate]:
    """A quotation right after a colon that closes a clause with a subject."""
    doc = context.doc
    for index, quote in enumerate(context.quotes):
        if quote.continues:
            continue
        before = context.text[: quote.opening].rstrip(" \t")
        if not before.endswith(COLON) or context.in_quoted_or_heading(len(before) - 1):
            continue
        colon = context.token_at(len(before) - 1)
        if colon >= len(doc) or colon == 0 or doc[colon].text != COLON:
            continue
        verb = _verb_before(doc[colon - 1])
        if verb is None or "\n" in context.text[verb.idx : quote.opening]:
            continue
        source = _speaker(context, verb)
        if source is None or overlaps(source, quote.content):
            continue
        yield Candidate(
            rule="colon_quote",
            evidence=Evidence.MARKS,
            content=quote.content,
            kind=QuoteKind.DIRECT,
            cue=(cue_span(verb)[0], doc[colon - 1].idx + len(doc[colon - 1])),
            source=source,
            trigger=quote.opening,
            claims=frozenset({index}),
            act=Act.THOUGHT if is_negated(verb) else Act.SPEECH,
        )


def _verb_before(last: Token) -> Token | None:
    """The verb whose clause ends with `last`: `last` itself, or the verb it belongs to a few
    words on (a particle, adverb or object)."""
    word = last
    while word.pos_ not in ("VERB", "AUX") and word.head.i != word.i and word.head.i < word.i:
        word = word.head
    if word.pos_ not in ("VERB", "AUX") or last.i - word.i > MAX_VERB_DISTANCE:
        return None
    if word.lower_ in COPULAS or not word.tag_.startswith("VB"):
        return None
    return word


def _speaker(context: Context, verb: Token) -> CharSpan | None:
    """The object of a passive's `by` (`is exemplified by this finding:`), else the subject."""
    by = next((c for c in verb.rights if c.dep_ == "agent"), None)
    agent = None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)
    if agent is not None:
        return context.trimmed(agent.left_edge.i, agent.right_edge.i + 1)
    return find_source(verb)


RULES = (
    Rule(
        "colon_quote",
        PRIORITY,
        find_colon_quotes,
        'The mayor gloated: "I told you the bridge would hold."',
    ),
)
