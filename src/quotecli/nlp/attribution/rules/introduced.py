"""Words introduced by a colon that closes a paragraph: `Limbaugh added:` ⏎ `...`.

A paragraph that ends with a reporting verb (or a light verb and its reporting noun: `made
the following comment:`) and a colon hands its speaker the next paragraph, quoted or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import act_of
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import cue_span, find_source
from quotecli.nlp.attribution.labels import strip_marks
from quotecli.nlp.attribution.triggers import is_cue, is_light_verb
from quotecli.nlp.lexicon import light_verb_nouns
from quotecli.nlp.spans import CharSpan, overlaps
from quotecli.records import QuoteKind

PRIORITY = 22
COLON = ":"


def find_introduced_paragraphs(context: Context) -> Iterator[Candidate]:
    """`X said:` closing a paragraph, and the whole next paragraph as what X said."""
    for (start, end), following in pairwise(context.lines):
        if not context.text[start:end].rstrip().endswith(COLON):
            continue
        if following in context.headings or context.in_quoted_or_heading(start):
            continue
        colon = context.text.rindex(COLON, start, end)
        index = context.token_at(colon)
        if index >= len(context.doc) or index == 0:
            continue
        cue = _introducing_cue(context.doc[index].sent.root)
        if cue is None or context.in_quoted_or_heading(cue.idx):
            continue
        source = find_source(cue)
        if source is None or not start <= source[0] < end:
            continue
        yield _introduced(context, cue, source, following)


def _introducing_cue(root: Token) -> Token | None:
    """The sentence's main verb when it reports (`added`) or reports through its object
    (`made the following comment`)."""
    if is_cue(root):
        return root
    if is_light_verb(root) and any(
        c.dep_ == "dobj" and c.lower_ in light_verb_nouns() for c in root.children
    ):
        return root
    return None


def _introduced(context: Context, cue: Token, source: CharSpan, paragraph: CharSpan) -> Candidate:
    kind = context.kind_of(paragraph)
    claims = frozenset(
        i for i, quote in enumerate(context.quotes) if overlaps(quote.content, paragraph)
    )
    if kind is QuoteKind.DIRECT:
        content = context.quotation_in(paragraph)
    else:
        content = strip_marks(context.text, paragraph)
    return Candidate(
        rule="introduced_paragraph",
        evidence=Evidence.MARKS if claims else Evidence.LABEL,
        content=content,
        kind=kind,
        cue=cue_span(cue),
        source=source,
        trigger=cue.idx,
        claims=claims,
        act=act_of(cue),
        reach=paragraph,
    )


INTRODUCED_PARAGRAPH = Rule(
    "introduced_paragraph",
    PRIORITY,
    find_introduced_paragraphs,
    "The mayor added:\n\nThe bridge will reopen in May.",
)
RULES = (INTRODUCED_PARAGRAPH,)
