"""Reports held by a noun: `his claim that ...`, `the senator's plan to ...`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotecli.nlp.attribution.acts import act_of_noun
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import cue_span
from quotecli.nlp.attribution.rules.contents import MIN_CONTENT_TOKENS, has_clause_marker
from quotecli.nlp.spans import CharSpan
from quotecli.records import QuoteKind


def find_nominals(context: Context) -> Iterator[Candidate]:
    """A reporting noun with an owner and a clause: the owner is the source; a quotation in
    the clause makes it mixed, never direct (the noun is the writer's)."""
    for noun in context.cue_nouns:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        clause = next((c for c in noun.rights if _is_noun_clause(c)), None)
        if owner is None or clause is None:
            continue
        words = context.trimmed(clause.left_edge.i, clause.right_edge.i + 1)
        content = context.in_line_of(noun, words)
        if context.token_count(content) < MIN_CONTENT_TOKENS:
            continue
        yield _nominal(context, noun, content, _owner_span(owner))


def _nominal(context: Context, noun: Token, reach: CharSpan, source: CharSpan) -> Candidate:
    kind = context.kind_of(reach)
    content = context.through_closing_mark(reach) if kind is QuoteKind.MIXED else reach
    kind = QuoteKind.MIXED if kind is QuoteKind.DIRECT else kind
    return Candidate(
        rule="nominal",
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
RULES = (NOMINAL,)
