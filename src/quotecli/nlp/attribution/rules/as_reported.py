"""Reports credited in an `as` clause: `As the Post reported, ...`, `..., as she pointed out.`,
`Hawaii, as one adviser noted, rarely gets two hurricanes.`

The `as` clause names the speaker and the reporting verb but holds no content of its own: what
was reported is the clause it is set off from. `As reported by the Post, ...` names the speaker
by its `by` phrase.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import act_of, is_negated
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import SUBJECTS, cue_span, find_source
from quotecli.nlp.attribution.rules.contents import MIN_CONTENT_TOKENS
from quotecli.nlp.attribution.triggers import Trigger, is_cue
from quotecli.nlp.lexicon import thought_verbs
from quotecli.nlp.spans import CharSpan
from quotecli.records import Act

PRIORITY = 30
# What a verb may not have if its `as` clause is only a credit: an object or clause of its
# own (`as he said he would`), or a topic or addressee (`as they responded to the cuts`).
OWN_CONTENT_LINKS = frozenset({"dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "acomp"})
OWN_TOPIC_PREPOSITIONS = frozenset({"to", "for", "of", "about", "against", "with", "over", "into"})
# Subjects of a saying, not of a report: `as one would think`, `as they say in baseball`.
GENERIC_SUBJECTS = frozenset({"one", "you", "they"})
# What may stand before an `as` clause that is set off: a comma, a dash, a bracket, or the
# start of the sentence after a conjunction or adverb (`But as X noted, ...`).
SET_OFF_BEFORE = frozenset({",", "—", "–", "--", "(", ";"})
SET_OFF_AFTER = frozenset({",", "—", "–", "--", ")", ".", ";", "!", "?"})
OPENERS = frozenset({"CCONJ", "ADV", "PUNCT"})


def find_as_reported(context: Context) -> Iterator[Candidate]:
    """A reporting verb in an `as` clause set off from the clause it credits."""
    for verb in context.triggers[Trigger.REPORTING]:
        if not _is_credit(verb):
            continue
        source = _source(verb)
        if source is None:
            continue
        found = _content(context, verb)
        if found is None:
            continue
        content, gaps = found
        if context.token_count(content) < MIN_CONTENT_TOKENS:
            continue
        act = Act.THOUGHT if verb.lower_ in thought_verbs() or is_negated(verb) else act_of(verb)
        yield Candidate(
            "as_reported",
            Evidence.VERB,
            content,
            context.kind_of(content),
            cue_span(verb),
            source,
            verb.idx,
            gaps=gaps,
            act=act,
        )


def _is_credit(verb: Token) -> bool:
    """`as X reported`, set off by commas or opening the sentence, with nothing reported in it."""
    if verb.dep_ != "advcl" or verb.lower_ == "according" or is_cue(verb.head):
        return False
    marker = next((c for c in verb.lefts if c.dep_ == "mark" and c.lower_ == "as"), None)
    if marker is None or marker.i != verb.left_edge.i:
        return False
    if any(c.dep_ in OWN_CONTENT_LINKS for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in OWN_TOPIC_PREPOSITIONS for c in verb.children):
        return False
    if any(_runs_on(c) for c in verb.rights if c.dep_ == "prep"):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is not None and subject.lower_ in GENERIC_SUBJECTS:
        return False
    return _set_off(verb, marker)


def _runs_on(prep: Token) -> bool:
    """A phrase after the verb that no comma closes: the parser took words of the credited
    clause for the verb's (`as X observed, in the early days of ... -- "what would you
    pick?"`)."""
    after = prep.right_edge.i + 1
    return after < prep.sent.end and prep.doc[after].text != ","


def _set_off(verb: Token, marker: Token) -> bool:
    doc = verb.doc
    sentence = verb.sent
    before_ok = marker.i == sentence.start or doc[marker.i - 1].text in SET_OFF_BEFORE
    if not before_ok:
        opening = doc[sentence.start : marker.i]
        before_ok = all(t.pos_ in OPENERS for t in opening)
    after = verb.right_edge.i + 1
    after_ok = after >= sentence.end or doc[after].text in SET_OFF_AFTER
    return before_ok and after_ok


def _source(verb: Token) -> CharSpan | None:
    """The subject (`as the Post reported`), or the `by` phrase of a passive (`as reported by
    the Post`); none for a passive without one (`as expected`)."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) or not any(
        c.dep_ in SUBJECTS for c in verb.children
    )
    if not passive:
        return find_source(verb)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    speaker = None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
    if speaker is None:
        return None
    return speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge)


def _content(context: Context, verb: Token) -> tuple[CharSpan, tuple[CharSpan, ...]] | None:
    """The clause the `as` clause is set off from, without it; when the `as` clause stands
    inside it, the clause whole with the `as` clause as a gap. The parser may hang the `as`
    clause on the subject (`The bridge, as X noted, will ...`): the clause is its verb's."""
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    sentence = verb.sent
    first, last = max(head.left_edge.i, sentence.start), min(head.right_edge.i, sentence.end - 1)
    as_first, as_last = verb.left_edge.i, verb.right_edge.i
    if not first <= as_first <= as_last <= last or as_first <= head.i <= as_last:
        return None
    doc = context.doc
    if all(t.pos_ in OPENERS for t in doc[first:as_first]):
        return context.trimmed(as_last + 1, last + 1), ()
    if as_last == last or all(t.is_punct for t in context.doc[as_last + 1 : last + 1]):
        return context.trimmed(first, as_first), ()
    content = context.trimmed(first, last + 1)
    gap = context.trimmed(as_first, as_last + 1)
    start = doc[as_first - 1].idx if doc[as_first - 1].is_punct else gap[0]
    after = doc[as_last + 1]
    end = after.idx + len(after) if after.is_punct else gap[1]
    return content, ((start, end),)


RULES = (
    Rule(
        "as_reported",
        PRIORITY,
        find_as_reported,
        "As the mayor noted, the bridge will reopen in May.",
    ),
)
