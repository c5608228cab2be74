"""Phrasal verbs that report what was said against or about something: `went after the
senator`, `weighed in on the dispute`, `lashed out at critics`, `took aim at the plan`.

The verb alone reports nothing (`went`, `took`); with its particle or object and preposition
(`nlp/data/phrasal_topics.json`) it says that its subject spoke, and the preposition's object
is what was spoken of.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import is_negated
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import cue_span, find_source
from quotecli.nlp.attribution.rules.contents import MIN_CONTENT_TOKENS, preposition_object
from quotecli.nlp.lexicon import phrasal_topics
from quotecli.nlp.spans import CharSpan, overlaps
from quotecli.records import Act, QuoteKind

PRIORITY = 30


def find_phrasal_topics(context: Context) -> Iterator[Candidate]:
    """A phrasal verb of the list and the object of its preposition."""
    for verb in context.doc:
        ways = phrasal_topics().get(verb.lower_)
        if not ways or not verb.tag_.startswith("VB"):
            continue
        if context.in_quoted_or_heading(verb.idx):
            continue
        prep = next((p for via, preps in ways if (p := _preposition(verb, via, preps))), None)
        if prep is None:
            continue
        found = _candidate(context, verb, prep)
        if found is not None:
            yield found


def _preposition(verb: Token, via: str, prepositions: frozenset[str]) -> Token | None:
    """The preposition after `verb` (and after its joining word `via`, when there is one)."""
    holders = [verb]
    if via:
        joiner = next((c for c in verb.rights if c.lower_ == via), None)
        if joiner is None:
            return None
        holders.append(joiner)
    after = holders[-1].i
    return next(
        (
            c
            for holder in holders
            for c in holder.rights
            if c.dep_ == "prep" and c.lower_ in prepositions and c.i > after
        ),
        None,
    )


def _candidate(context: Context, verb: Token, prep: Token) -> Candidate | None:
    words = preposition_object(context, prep, ("pobj", "pcomp"))
    if words is None:
        return None
    content = context.in_line_of(verb, _before_aside(context, prep, words))
    source = find_source(verb)
    if content[1] <= content[0] or source is None or overlaps(source, content):
        return None
    kind = context.kind_of(content)
    if kind is not QuoteKind.INDIRECT and context.token_count(content) < MIN_CONTENT_TOKENS:
        return None  # a word or two in quotation marks: a scare quote
    cue: CharSpan = (cue_span(verb)[0], prep.idx + len(prep))
    act = Act.THOUGHT if is_negated(verb) else Act.SPEECH
    return Candidate("phrasal_topic", Evidence.VERB, content, kind, cue, source, verb.idx, act=act)


def _before_aside(context: Context, prep: Token, words: CharSpan) -> CharSpan:
    """The object's words up to a clause the writer sets off by a comma (`weighed in on
    whether to release it, even as footage circulated`)."""
    doc = context.doc
    for token in doc[prep.i + 1 : prep.right_edge.i + 1]:
        comma = token.left_edge.i - 1
        if token.dep_ == "advcl" and comma > prep.i and doc[comma].text == ",":
            return words[0], context.trimmed(prep.i + 1, comma)[1]
    return words


RULES = (
    Rule(
        "phrasal_topic",
        PRIORITY,
        find_phrasal_topics,
        "The mayor lashed out at the bridge builders.",
    ),
)
