"""Reports held by a noun: `his claim that ...`, `the senator's plan to ...`, and nouns that
name what was said by a preposition: `allegations of fraud`, `her calls for a recount`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from quotecli.nlp.attribution.acts import act_of_noun
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import cue_span
from quotecli.nlp.attribution.rules.contents import (
    MIN_CONTENT_TOKENS,
    has_clause_marker,
    preposition_object,
)
from quotecli.nlp.attribution.triggers import noun_topic_prepositions
from quotecli.nlp.lexicon import hearsay_nouns
from quotecli.nlp.spans import CharSpan
from quotecli.records import QuoteKind

# Prepositions that name who spoke on a reporting noun: `criticism from the union`.
SOURCE_PREPOSITIONS = frozenset({"by", "from"})
# Subjects that can be the speaker of a noun they make: `She made a condemnation of X`.
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# What a preposition after a noun names when it tells when, not what: `remarks on Saturday`.
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def find_nominals(context: Context) -> Iterator[Candidate]:
    """A reporting noun with an owner and a clause: the owner is the source; a quotation in
    the clause makes it mixed, never direct (the noun is the writer's). A noun that always
    gives others' words (`allegations that ...`, `rumors that ...`: `hearsay_nouns.txt`) needs
    no owner for a `that` clause: its speaker is unnamed."""
    for noun in context.cue_nouns:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next((c for c in noun.rights if _is_noun_clause(c)), None)
        if clause is None or (owner is None and not _is_hearsay(noun, clause)):
            continue
        words = context.trimmed(clause.left_edge.i, clause.right_edge.i + 1)
        content = context.in_line_of(noun, words)
        if context.token_count(content) < MIN_CONTENT_TOKENS:
            continue
        if owner is None:
            yield replace(_nominal(context, noun, content, (noun.idx, noun.idx)), source=None)
        else:
            yield _nominal(context, noun, content, _owner_span(owner))


def _is_hearsay(noun: Token, clause: Token) -> bool:
    return noun.lower_ in hearsay_nouns() and has_clause_marker(clause)


def find_noun_topics(context: Context) -> Iterator[Candidate]:
    """A reporting noun and the preposition that names what was said (`allegations of fraud`,
    `his calls for a recount`): the preposition's object is the content. Only a noun with a
    source is taken: its owner, the speaker who does it (`She made a strong condemnation of
    X`) or its `by`/`from` phrase; unowned, such nouns are as often the writer's."""
    for noun in context.doc:
        prepositions = noun_topic_prepositions(noun)
        if not prepositions or context.in_quoted_or_heading(noun.idx):
            continue
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in prepositions), None)
        if prep is None:
            continue
        words = preposition_object(context, prep, ("pobj", "pcomp"))
        if words is None:
            continue
        if noun.dep_ == "dobj" and noun.head.right_edge.i > noun.right_edge.i:
            # `raised questions about his microphone during the debate`: what follows the
            # noun on its verb belongs to what was said, as PolNeAR marks it
            words = (words[0], context.trimmed(noun.i, noun.head.right_edge.i + 1)[1])
        content = context.in_line_of(noun, words)
        piece = context.words(content)
        if piece is None or _is_no_topic(piece):
            continue
        source = _noun_source(noun)
        if source is None:
            continue
        found = _nominal(context, noun, content, source, "noun_topic")
        if prep.i == noun.i + 1:  # `allegations of`, as PolNeAR marks the cue
            found = replace(found, cue=(noun.idx, prep.idx + len(prep)))
        yield found


def _is_no_topic(words: Span) -> bool:
    """A lone pronoun, or only a date or time (`his remarks on Saturday`)."""
    if len(words) == 1 and words[0].pos_ == "PRON":
        return True
    return all(t.ent_type_ in TIME_ENTITIES or t.is_punct for t in words)


def _noun_source(noun: Token) -> CharSpan | None:
    """The owner (`his calls for`), else the named or pronoun subject of the verb the noun is
    the object of (`She made a condemnation of`), else the object of `by` or `from`."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return _owner_span(owner)
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and (
            subject.ent_type_ in SPEAKER_ENTITIES or subject.lower_ in SPEAKER_PRONOUNS
        ):
            return subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in SOURCE_PREPOSITIONS:
            agent = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if agent is not None:
                return agent.left_edge.idx, agent.right_edge.idx + len(agent.right_edge)
    return None


def _nominal(
    context: Context,
    noun: Token,
    reach: CharSpan,
    source: CharSpan,
    rule: str = "nominal",
) -> Candidate:
    kind = context.kind_of(reach)
    content = context.through_closing_mark(reach) if kind is QuoteKind.MIXED else reach
    kind = QuoteKind.MIXED if kind is QuoteKind.DIRECT else kind
    return Candidate(
        rule=rule,
        evidence=Evidence.LABEL,
        content=content,
        kind=kind,
        cue=cue_span(noun),
        source=source,
        trigger=noun.idx,
        act=act_of_noun(noun),
        reach=reach,
    )


def _is_noun_clause(child: Token) -> bool:
    """A `that` clause or an infinitive hung on a noun."""
    if child.dep_ not in ("acl", "ccomp", "relcl"):
        return False
    is_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return is_infinitive or has_clause_marker(child)


def _owner_span(owner: Token) -> CharSpan:
    """`Trump's` gives `Trump's`, as PolNeAR writes possessive sources; `his` gives `his`."""
    return owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge)


NOMINAL = Rule(
    "nominal", 40, find_nominals, "The senator's claim that the vote was rigged fell apart."
)
NOUN_TOPIC = Rule(
    "noun_topic", 41, find_noun_topics, "The mayor's calls for a new bridge went unheeded."
)
RULES = (NOMINAL, NOUN_TOPIC)
