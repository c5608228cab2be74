"""Reporting verbs the tagger took for plural nouns: `Trump claims that ...`, `..., the
former mayor maintains.`

A word such as `claims`, `charges` or `maintains` right after a noun phrase, with a clause of
its own, is the verb of that phrase whatever its tag: a noun reading (`fraud claims`) would
not hold a `that` clause. `the claims that ...` and `his claims that ...` stay nouns (see
`nominal`): the word before them is no noun.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import act_of
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import cue_span
from quotecli.nlp.attribution.rules.contents import MIN_CONTENT_TOKENS, clause_content
from quotecli.nlp.lexicon import reporting_verbs
from quotecli.nlp.spans import CharSpan, overlaps

PRIORITY = 30
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# How the parser links the speaker's noun to the mistagged verb: as its subject or a noun
# compounded with it (`Trump claims`), or as the head it takes for an object.
SUBJECT_LINKS = frozenset({"nsubj", "compound"})
# Words before the speaker's phrase that leave the verb its own: `But Trump claims ...`.
NOT_SPEAKER_LINKS = frozenset({"ccomp", "punct", "cc", "advmod", "prep", "npadvmod"})


def find_mistagged_cues(context: Context) -> Iterator[Candidate]:
    """A plural-noun-tagged reporting verb after a noun, with a complement clause."""
    for word in context.doc:
        if word.tag_ != "NNS" or word.lower_ not in reporting_verbs() or word.i == 0:
            continue
        if context.in_quoted_or_heading(word.idx):
            continue
        clause = _clause(word)
        source = _speaker(word)
        if clause is None or source is None:
            continue
        content = context.in_line_of(word, clause_content(context, clause))
        if context.token_count(content) < MIN_CONTENT_TOKENS or overlaps(source, content):
            continue
        yield Candidate(
            "mistagged_cue",
            Evidence.VERB,
            content,
            context.kind_of(content),
            cue_span(word),
            source,
            word.idx,
            act=act_of(word),
        )


def _clause(word: Token) -> Token | None:
    """The complement clause: `ccomp` on either side, or a `that` clause the parser hung on the
    word as on a noun."""
    for child in word.children:
        if child.dep_ == "ccomp":
            return child
        if child.dep_ in ("acl", "relcl") and child.i > word.i and _opened_by_that(child):
            return child
    return None


def _opened_by_that(clause: Token) -> bool:
    """A clause whose first word is its own `that` marker (not a relative `that`)."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark" and first.head.i == clause.i


def _speaker(word: Token) -> CharSpan | None:
    """The noun phrase right before `word` that speaks: its subject or compound (`the former
    mayor maintains`), or the head the parser made of the speaker (`Trump` over `claims`)."""
    doc = word.doc
    before = doc[word.i - 1]
    if before.tag_ not in NOUN_TAGS:
        return None
    if before.head.i == word.i and before.dep_ in SUBJECT_LINKS:
        parts = [c for c in word.lefts if c.dep_ not in NOT_SPEAKER_LINKS]
        first = min(c.left_edge.i for c in parts)
    elif word.head.i == before.i and word.dep_ == "dobj":
        first = before.left_edge.i
    else:
        return None
    return doc[first].idx, before.idx + len(before)


RULES = (
    Rule(
        "mistagged_cue",
        PRIORITY,
        find_mistagged_cues,
        "The vote was rigged, the former mayor maintains.",
    ),
)
