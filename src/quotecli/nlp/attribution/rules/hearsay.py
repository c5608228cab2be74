"""Clauses marked as others' words by an adverb: `The FBI is reportedly making arrangements to
interview her`, `after he allegedly brandished a pistol`.

The adverb (`nlp/data/hearsay_adverbs.txt`) is the cue; the clause it modifies, without it, is
the content; nobody is named.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.rules.contents import MIN_CONTENT_TOKENS
from quotecli.nlp.lexicon import hearsay_adverbs
from quotecli.nlp.spans import CharSpan

PRIORITY = 42
# Words opening a clause that are not part of what was reported: `after he allegedly ...`.
OPENING_LINKS = frozenset({"mark", "cc", "punct", "advmod"})


def find_hearsay_adverbs(context: Context) -> Iterator[Candidate]:
    """A hearsay adverb and the clause of the verb it modifies."""
    for adverb in context.doc:
        if adverb.lower_ not in hearsay_adverbs() or adverb.dep_ != "advmod":
            continue
        if context.in_quoted_or_heading(adverb.idx):
            continue
        verb = adverb.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        content = context.in_line_of(adverb, _clause(context, verb, adverb))
        if context.token_count(content) < MIN_CONTENT_TOKENS:
            continue
        yield Candidate(
            rule="hearsay_adverb",
            evidence=Evidence.LABEL,
            content=content,
            kind=context.kind_of(content),
            cue=(adverb.idx, adverb.idx + len(adverb)),
            source=None,
            trigger=adverb.idx,
            gaps=_gap(context, adverb, content),
        )


def _clause(context: Context, verb: Token, adverb: Token) -> CharSpan:
    """The verb's clause within its sentence, without the words that open it (`after`,
    `and`), the adverb when it opens it (`Reportedly, he ...`), and a clause set off by a comma
    at its end."""
    doc = context.doc
    sentence = verb.sent
    first = max(verb.left_edge.i, sentence.start)
    for child in verb.lefts:
        if child.dep_ == "advcl":  # `When the vote was called, delegates reportedly ...`
            first = max(first, child.right_edge.i + 1)
    while first < verb.i and (
        doc[first].i == adverb.i
        or (doc[first].head.i == verb.i and doc[first].dep_ in OPENING_LINKS)
    ):
        first += 1
    last = min(verb.right_edge.i, sentence.end - 1)
    for child in verb.rights:
        comma = child.left_edge.i - 1
        if child.dep_ in ("advcl", "relcl") and doc[comma].text == "," and comma > verb.i:
            last = min(last, comma - 1)
        elif child.dep_ == "advcl" and child.left_edge.dep_ == "mark" and comma >= verb.i:
            last = min(last, comma)  # `... to interview her as it nears the end of ...`
    return context.trimmed(first, last + 1)


def _gap(context: Context, adverb: Token, content: CharSpan) -> tuple[CharSpan, ...]:
    """The adverb inside the content is not what was reported."""
    if not content[0] < adverb.idx < content[1]:
        return ()
    end = adverb.idx + len(adverb)
    while end < content[1] and context.text[end] == " ":
        end += 1
    return ((adverb.idx, end),)


RULES = (
    Rule(
        "hearsay_adverb",
        PRIORITY,
        find_hearsay_adverbs,
        "The bridge was reportedly closed for repairs.",
    ),
)
