"""Passive reports that name their speaker by a `by` phrase: `The plan was first reported by
the Post`, and `Clinton has been endorsed by dozens of papers`.

What was reported, written or denied is the passive's subject; the speaker is the object of
`by`. A verb of judging (`was criticised by`, `nlp/data/judging_verbs.txt`) names whom or what
was judged, not words said, and is left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import is_negated
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import RELATIVE_PRONOUNS, cue_span
from quotecli.nlp.attribution.triggers import Trigger
from quotecli.nlp.lexicon import evidence_nouns, judging_verbs, thought_verbs
from quotecli.nlp.spans import CharSpan, overlaps
from quotecli.records import Act, QuoteKind

PRIORITY = 30
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})


def find_passive_agents(context: Context) -> Iterator[Candidate]:
    """A passive reporting verb with a `by` phrase, and the subject it reports."""
    for verb in context.triggers[Trigger.REPORTING]:
        agent = _agent(verb)
        if agent is None or verb.lower_ in judging_verbs():
            continue
        words = _reported(context, verb)
        if words is None:
            continue
        content = context.in_line_of(verb, words)
        source = context.trimmed(agent.left_edge.i, agent.right_edge.i + 1)
        if content[1] <= content[0] or overlaps(source, content):
            continue
        kind = context.kind_of(content)
        if kind is QuoteKind.DIRECT:
            continue  # a quotation as the subject: its own cue claims it
        thought = verb.lower_ in thought_verbs() or is_negated(verb)
        act = Act.THOUGHT if thought or agent.lower_ in evidence_nouns() else Act.SPEECH
        cue = (cue_span(verb)[0], agent.head.idx + len(agent.head))
        yield Candidate(
            "passive_agent", Evidence.VERB, content, kind, cue, source, verb.idx, act=act
        )


def _agent(verb: Token) -> Token | None:
    """The object of the verb's `by` phrase."""
    by = next((c for c in verb.rights if c.dep_ == "agent" and c.lower_ == "by"), None)
    return None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)


def _reported(context: Context, verb: Token) -> CharSpan | None:
    """The passive's subject (`The plan was reported by ...`); not a pronoun standing for it
    (`which was reported by ...`, `it was denied by ...`)."""
    subject = next((c for c in verb.lefts if c.dep_ in PASSIVE_SUBJECTS), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON" or subject.lower_ in RELATIVE_PRONOUNS:
        return None
    return context.trimmed(subject.left_edge.i, subject.right_edge.i + 1)


RULES = (
    Rule(
        "passive_agent",
        PRIORITY,
        find_passive_agents,
        "The plan was first reported by the Post.",
    ),
)
