"""Reports read off the parse: a trigger word and the clause, object or topic it governs.

Reporting verbs are split by construction (`reported_clause`, `aside`, `pro_form`,
`cue_object`, `cue_topic`, `according_to`); the other triggers (intentions, topic verbs,
views, stances, light verbs) are one rule each, whatever their construction. Every rule here
shares one priority, so their candidates are settled together in text order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import act_of
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import cue_span, find_source
from quotecli.nlp.attribution.rules.contents import (
    MIN_CONTENT_TOKENS,
    TOPIC_PREPOSITIONS,
    Construction,
    construction_of,
    contents_of,
    has_clause_marker,
    marked_clauses_on,
    preposition_object,
)
from quotecli.nlp.attribution.triggers import Trigger
from quotecli.nlp.attribution.unreported import reports_nothing
from quotecli.nlp.lexicon import light_verb_nouns
from quotecli.nlp.spans import CharSpan, overlaps
from quotecli.records import Act, QuoteKind

PRIORITY = 30
# Prepositions naming what a light verb's noun is about: `made comments on the plan`.
LIGHT_VERB_NOUN_PREPOSITIONS = TOPIC_PREPOSITIONS | {"on"}
# `as X put it`: the verbs that can stand there.
PUT_IT_VERBS = frozenset({"put", "puts", "putting"})
# Rules whose every report is a belief, intention or attitude, whatever the word.
THOUGHT_RULES = {"intention": Act.THOUGHT, "views_as": Act.THOUGHT, "stance": Act.THOUGHT}

Finder = Callable[[Context], Iterator[Candidate]]


def by_construction(rule: str, construction: Construction, example: str) -> Rule:
    """The rule for reporting verbs that hold their content through `construction`."""

    def find(context: Context) -> Iterator[Candidate]:
        for cue in context.triggers[Trigger.REPORTING]:
            if construction_of(cue) is construction:
                yield from _reports(context, cue, rule)

    find.__doc__ = f"Reporting verbs whose content is their {construction}."
    return Rule(rule, PRIORITY, find, example)


def by_trigger(rule: str, trigger: Trigger, example: str) -> Rule:
    """The rule for every report of a `trigger` word, whatever its construction."""

    def find(context: Context) -> Iterator[Candidate]:
        for cue in context.triggers[trigger]:
            yield from _reports(context, cue, rule)

    find.__doc__ = f"Reports of {trigger} words."
    return Rule(rule, PRIORITY, find, example)


def find_stances(context: Context) -> Iterator[Candidate]:
    """`are concerned about X`, `was critical of X`; not `proud of it`."""
    for word in context.triggers[Trigger.STANCE]:
        for content in contents_of(context, word, construction_of(word)):
            if not _is_lone_pronoun(context, content):
                yield from _candidate(context, word, content, "stance")


def find_light_verbs(context: Context) -> Iterator[Candidate]:
    """`made clear that ...`, `made the case that ...`, `made comments about X`."""
    for verb in context.triggers[Trigger.LIGHT_VERB]:
        content = _light_verb_content(context, verb)
        if content is not None:
            yield from _candidate(context, verb, content, "light_verb")


def find_as_put_it(context: Context) -> Iterator[Candidate]:
    """`..., as the memo put it.` and `As the mayor put it, ...`: the rest of the sentence is
    the source's wording (the cue is `put it`)."""
    for verb in context.doc:
        it = _put_it(verb)
        if it is None or context.in_quoted_or_heading(verb.idx):
            continue
        sentence = verb.sent
        before = context.trimmed(sentence.start, verb.left_edge.i)
        after = context.trimmed(verb.right_edge.i + 1, sentence.end)
        content = before if before[1] - before[0] > after[1] - after[0] else after
        for found in _candidate(context, verb, content, "as_put_it"):
            yield replace(found, cue=(verb.idx, it.idx + len(it)))


def _put_it(verb: Token) -> Token | None:
    """The `it` of `as X put it`, when `verb` is that `put`."""
    if verb.lower_ not in PUT_IT_VERBS or verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.rights if c.dep_ == "dobj" and c.lower_ == "it"), None)


def _reports(context: Context, cue: Token, rule: str) -> Iterator[Candidate]:
    for content in contents_of(context, cue, construction_of(cue)):
        yield from _candidate(context, cue, content, rule)


def _candidate(context: Context, cue: Token, content: CharSpan, rule: str) -> Iterator[Candidate]:
    """The candidate of `cue` reporting `content`, when it has a speaker or a passive subject
    and enough words; at most one."""
    content = reach = context.in_line_of(cue, content)
    if content[1] <= content[0]:
        return
    passive_subject = _passive_subject(cue)
    source: CharSpan | None
    if passive_subject is not None and content[0] > cue.idx:
        # `X is expected to win`: nobody named expects; what is expected is X winning.
        # `It was reported that ...`: the `it` stands for the clause and names nobody.
        if passive_subject.lower_ != "it":
            content = (passive_subject.left_edge.idx, content[1])
        source = None
    else:
        source = find_source(cue)
        is_aside = content[0] < cue.idx < content[1]
        if source is None or (overlaps(source, content) and not is_aside):
            return
    if reports_nothing(cue):
        return
    kind = context.kind_of(content)
    if kind is not QuoteKind.INDIRECT and context.token_count(content) < MIN_CONTENT_TOKENS:
        return  # a word or two in quotation marks as an object: a scare quote
    if kind is QuoteKind.MIXED:
        content = context.through_closing_mark(content)
    if kind is QuoteKind.DIRECT:
        content = context.quotation_in(content)
    act = act_of(cue, THOUGHT_RULES.get(rule, Act.SPEECH))
    yield Candidate(
        rule, Evidence.VERB, content, kind, cue_span(cue), source, cue.idx, act=act, reach=reach
    )


def _passive_subject(cue: Token) -> Token | None:
    """The subject of a passive cue without a `by` phrase (`X is expected to ...`, `it was
    reported that ...`); not a pronoun standing for a speaker (`he was asked to ...`)."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    if any(c.dep_ == "agent" for c in cue.children):
        return None
    subject = next((c for c in cue.lefts if c.dep_ == "nsubjpass"), None)
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ != "it"):
        return None
    return subject


def _light_verb_content(context: Context, verb: Token) -> CharSpan | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and has_clause_marker(c)]
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in light_verb_nouns()]
    clauses += [clause for noun in nouns for clause in marked_clauses_on(noun)]
    if clauses:
        return context.trimmed(clauses[0].left_edge.i, clauses[0].right_edge.i + 1)
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in LIGHT_VERB_NOUN_PREPOSITIONS:
                topic = preposition_object(context, prep, ("pobj",))
                if topic is not None:
                    return topic
    return None


def _is_lone_pronoun(context: Context, content: CharSpan) -> bool:
    piece = context.words(content)
    return piece is not None and len(piece) == 1 and piece[0].pos_ == "PRON"


def _rule(name: str, find: Finder, example: str) -> Rule:
    return Rule(name, PRIORITY, find, example)


RULES = (
    by_construction(
        "according_to",
        Construction.ACCORDING_TO,
        "According to the mayor, the bridge will reopen in May.",
    ),
    by_construction(
        "reported_clause", Construction.CLAUSE, "The mayor said the bridge would reopen in May."
    ),
    by_construction("aside", Construction.ASIDE, "The bridge, the mayor said, will reopen in May."),
    by_construction("pro_form", Construction.PRO_FORM, "The mayor said so."),
    by_construction(
        "cue_object", Construction.OBJECT, "The mayor urged drivers to avoid the bridge."
    ),
    by_construction("cue_topic", Construction.TOPIC, "The mayor called for a new bridge."),
    by_trigger("intention", Trigger.INTENTION, "The mayor wants to rebuild the bridge."),
    by_trigger("topic_verb", Trigger.TOPIC, "The council discussed the bridge repairs."),
    by_trigger("views_as", Trigger.VIEW, "The mayor saw the closure as a setback."),
    _rule("as_put_it", find_as_put_it, "The plan is a disaster, as the mayor put it."),
    _rule("stance", find_stances, "Residents are worried about the closure."),
    _rule(
        "light_verb",
        find_light_verbs,
        "Officials made clear Monday that they have no plans to close it.",
    ),
)
