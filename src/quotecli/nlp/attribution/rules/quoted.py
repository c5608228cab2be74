"""Quotations found by their marks, claimed by a cue next to them or by the verb they are the
object of. Each rule claims the quotation it speaks for; the first rule to claim one wins."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from quotecli.nlp.attribution.acts import act_of
from quotecli.nlp.attribution.candidate import Candidate, Evidence, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import RELATIVE_PRONOUNS, SUBJECTS, cue_span, find_source
from quotecli.nlp.attribution.quote_marks import DOUBLED_APOSTROPHE, QuotedSpan
from quotecli.nlp.attribution.triggers import is_cue
from quotecli.nlp.attribution.unreported import reports_nothing
from quotecli.nlp.lexicon import topic_prepositions
from quotecli.nlp.spans import CharSpan, line_bounds
from quotecli.records import Act, QuoteKind

MIXED = QuoteKind.MIXED

# How far from a quotation its cue may sit, in tokens.
TAIL_WINDOW = 10
# ... or further, when only the cue's subject stands between them.
LONG_TAIL_WINDOW = 20
# Characters after which a quotation opens a sentence of its own.
SENTENCE_STARTS_AFTER = frozenset(".!?\n”\"'")
HEAD_WINDOW = 12
# Words of material that may stand between a cue and the quote it introduces ("told reporters:").
MAX_HEAD_GAP = 6
# Embedded quotes: how many heads to climb from the quotation to its reporting verb.
MAX_EMBED_CLIMB = 6
SENTENCE_END = frozenset({".", "!", "?"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Parts of speech a speaker phrase starts with.
SPEAKER_HEADS = frozenset({"PROPN", "NOUN", "DET", "PRON", "ADJ"})
# Links that put a verb inside the description of a speaker (`Ann Lee, who has ...`).
SPEAKER_CLAUSE_LINKS = frozenset({"relcl", "acl", "appos"})
# Punctuation that shows a quotation ends a sentence or clause of its own, so that a cue after
# it reports it ("...," she said) rather than continuing the writer's sentence.
QUOTE_FINAL = frozenset(",.?!…-—")
# Closing marks of a quotation inside a quotation, which may stand just before the outer close.
INNER_CLOSING_MARKS = "’'"
CLAUSE_LINKS = frozenset({"ccomp"})
# Links a quotation may climb through to reach the reporting verb whose object it is part of:
# noun-phrase structure only, never a verb of its own.
NOMINAL_LINKS = frozenset(
    {"dobj", "oprd", "attr", "pobj", "prep", "appos", "conj", "cc", "amod", "compound", "nmod"}
)
# Prepositions by which any cue names what was said or what it was said of: `warned of "..."`,
# `described as "..."`. Another one straight after the cue names where or when it was said
# (`said on "Meet the Press"`), a quotation there is a title.
CONTENT_PREPOSITIONS = frozenset({"for", "of", "about", "against", "as"})


def find_cue_after(context: Context) -> Iterator[Candidate]:
    """`"...," she said` and `"...," said Carlyle Thayer`; with a lead-in, mixed:
    `With two weeks left, "we can still win," she said`."""
    for index, quote in enumerate(context.quotes):
        if not quote.continues and (found := cue_after(context, index)) is not None:
            yield found


def cue_after(context: Context, index: int) -> Candidate | None:
    """The cue-after candidate of quotation `index`, if a cue follows it."""
    quote = context.quotes[index]
    if not quote.closed or not _ends_own_clause(context.text, quote):
        return None
    doc = context.doc
    start = context.token_at(quote.closing)
    for token in doc[start : min(start + LONG_TAIL_WINDOW, len(doc))]:
        if token.text in SENTENCE_END or context.opens_quote(token) or "\n" in token.text:
            return None
        if is_cue(token) and (token.i < start + TAIL_WINDOW or _far_cue(context, quote, token)):
            if _reports_a_sentence_of_its_own(context.text, quote, token):
                return None
            if writers_verb_in(doc[start : token.i], skip=cue_span(token)):
                return None
            if any(word.dep_ == "mark" for word in doc[start : token.i]):
                return None  # `says, "Don't," until shots are heard`: a clause of its own
            source = find_source(token) or _phrase_between(context, quote, token)
            if source is None:
                return None
            found = _claim(
                "cue_after", (index, quote), quote.content, QuoteKind.DIRECT, token, source
            )
            return _with_lead_in(context, quote, token, found)
    return None


def find_cue_before(context: Context) -> Iterator[Candidate]:
    """`X told reporters: "..."` and `, she said, "..."`."""
    for index, quote in enumerate(context.quotes):
        if not quote.continues and (found := _cue_before(context, index)) is not None:
            yield found


def find_quoted_objects(context: Context) -> Iterator[Candidate]:
    """A quotation in the object of a reporting verb: direct when the object is the quotation
    (`which Moscow calls a "..."`), mixed when it is part of a longer object
    (`praised X, including "..."`). Quotations in one object make one candidate."""
    found: list[Candidate] = []
    for index, quote in enumerate(context.quotes):
        governing = None if quote.continues else _governing(context, quote)
        if governing is not None and is_cue(governing[1]):
            candidate = _object_quote(context, (index, quote), *governing)
            if candidate is not None:
                found.append(candidate)
    return iter(_one_per_content(found))


def find_characterisations(context: Context) -> Iterator[Candidate]:
    """`admires the general as a "strong leader"`: any verb characterising its object; the
    object, its quoted `as` phrase and what follows are the verb's mixed content."""
    found: list[Candidate] = []
    for index, quote in enumerate(context.quotes):
        governing = None if quote.continues else _governing(context, quote)
        if governing is not None and not is_cue(governing[1]):
            candidate = _characterisation(context, (index, quote), *governing)
            if candidate is not None:
                found.append(candidate)
    return iter(_one_per_content(found))


def _one_per_content(candidates: list[Candidate]) -> list[Candidate]:
    """`called the senator a "nasty guy," an "anchor baby" and "sick"`: each quotation finds the
    same report; one candidate claims them all."""
    merged: dict[tuple[CharSpan, CharSpan | None], Candidate] = {}
    for candidate in candidates:
        key = (candidate.content, candidate.cue)
        first = merged.get(key)
        merged[key] = (
            candidate if first is None else replace(first, claims=first.claims | candidate.claims)
        )
    return list(merged.values())


def writers_verb_in(words: Span, skip: CharSpan = (-1, -1)) -> bool:
    """A finite verb outside any speaker's apposition or relative clause: the words after a
    quotation go on with a clause of their own (`"A," Ann sings, before asking: "B?"`)."""
    for token in words:
        if token.tag_ not in FINITE_TAGS or skip[0] <= token.idx < skip[1]:
            continue
        if not any(t.dep_ in SPEAKER_CLAUSE_LINKS for t in (token, *token.ancestors)):
            return True
    return False


def _far_cue(context: Context, quote: QuotedSpan, cue: Token) -> bool:
    """`"...," panel chairman Rep. Ann Lee (R-Utah) said`: a cue far from a quotation that
    opens its sentence, with nothing between them but the cue's subject."""
    text, before = context.text, quote.opening - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    if before >= 0 and text[before] not in SENTENCE_STARTS_AFTER:
        return False
    subjects = [c for c in cue.children if c.dep_ in SUBJECTS and c.i < cue.i]
    if not subjects:
        return False
    subject, doc = subjects[0], context.doc
    words = [t for t in doc[context.token_at(quote.closing) : cue.i] if not t.is_punct]
    return all(subject.left_edge.i <= t.i <= subject.right_edge.i for t in words)


def _reports_a_sentence_of_its_own(text: str, quote: QuotedSpan, cue: Token) -> bool:
    """`Ann says the plan "is dead." She says it ...`: after a quotation that ends its sentence,
    a cue with a reported clause of its own starts a new report."""
    if _last_inside(text, quote) not in SENTENCE_END:
        return False
    return any(c.dep_ in CLAUSE_LINKS and c.i > cue.i for c in cue.children)


def _with_lead_in(context: Context, quote: QuotedSpan, cue: Token, found: Candidate) -> Candidate:
    """The reported clause starts before the quotation: annotators take the whole clause as
    the (mixed) content."""
    clause = next((c for c in cue.children if c.dep_ in CLAUSE_LINKS), None)
    if clause is None:
        return found
    first = clause.left_edge
    line_start = line_bounds(context.text, quote.opening)[0]
    if not line_start <= first.idx < quote.opening or clause.right_edge.idx < quote.opening:
        return found
    lead_in = context.doc[first.i : context.token_at(quote.opening)]
    if any(is_cue(token) for token in lead_in):
        return found
    lead = context.trimmed(first.i, context.token_at(quote.opening))
    if lead[1] <= lead[0]:
        return found
    return replace(found, content=(lead[0], found.content[1]), kind=QuoteKind.MIXED)


def _ends_own_clause(text: str, quote: QuotedSpan) -> bool:
    after_mark = text[quote.closing : quote.closing + 1]
    return _last_inside(text, quote) in QUOTE_FINAL or after_mark == ","


def _last_inside(text: str, quote: QuotedSpan) -> str:
    """The character just inside a quotation's closing mark and any quotation it closes with it
    (`"You say you 'accept responsibility,'" he said`)."""
    # A closing mark written as two apostrophes (`,'' she said`) is two characters wide.
    width = 2 if text[quote.closing - 2 : quote.closing] == DOUBLED_APOSTROPHE else 1
    inside = text[quote.content[0] : quote.closing - width].rstrip(INNER_CLOSING_MARKS)
    return inside[-1:]


def _cue_before(context: Context, index: int) -> Candidate | None:
    quote = context.quotes[index]
    doc = context.doc
    end = context.token_at(quote.opening)
    for token in reversed(doc[max(end - HEAD_WINDOW, 0) : end]):
        if token.text in SENTENCE_END or "\n" in token.text:
            return None
        if is_cue(token):
            gap = doc[token.i + 1 : end]
            if not _introduces(gap) or reports_nothing(token):
                return None
            return _direct(index, quote, token, "cue_before")
    return None


def _introduces(gap: Span) -> bool:
    """Between a cue and its quote: nothing, or a few words of the cue's own ending in `:` / `,`."""
    words = gap.text.strip()
    if not words:
        return True
    has_verb = any(token.tag_.startswith("VB") for token in gap)
    return len(gap) <= MAX_HEAD_GAP and words[-1] in ":," and not has_verb


def _phrase_between(context: Context, quote: QuotedSpan, cue: Token) -> CharSpan | None:
    """`"...," Flynn, a top surrogate, said`: when the parse gives the cue no subject, the noun
    phrase standing alone between the quotation and the cue is its speaker."""
    words = context.doc[context.token_at(quote.closing) : cue.i]
    content = [token for token in words if not token.is_punct]
    if not content or content[0].pos_ not in SPEAKER_HEADS:
        return None
    if any(token.pos_ in ("VERB", "AUX") for token in content):
        return None
    return context.trimmed(content[0].i, cue.i)


def _direct(index: int, quote: QuotedSpan, cue: Token, rule: str) -> Candidate | None:
    source = find_source(cue)
    if source is None:
        return None
    return _claim(rule, (index, quote), quote.content, QuoteKind.DIRECT, cue, source)


def _claim(
    rule: str,
    claimed: tuple[int, QuotedSpan],
    content: CharSpan,
    kind: QuoteKind,
    cue: Token,
    source: CharSpan,
    act: Act = Act.SPEECH,
) -> Candidate:
    """A candidate speaking for the quotation `claimed` (its index and span)."""
    index, quote = claimed
    return Candidate(
        rule=rule,
        evidence=Evidence.MARKS,
        content=content,
        kind=kind,
        cue=cue_span(cue),
        source=source,
        trigger=quote.opening,
        claims=frozenset({index}),
        act=act_of(cue, act),
    )


def _governing(context: Context, quote: QuotedSpan) -> tuple[Token, Token] | None:
    """The verb the quotation is the object of, or characterised by, with the child of that
    verb the quotation hangs from; quotations in a reported clause are left to those rules."""
    root = _quotation_root(context, quote)
    if root is None:
        return None
    child, verb = root, root.head
    for _ in range(MAX_EMBED_CLIMB):
        if child.dep_ not in NOMINAL_LINKS or verb is child:
            return None
        if is_cue(verb) or _takes_as_quoted(verb, child):
            return child, verb
        child, verb = verb, verb.head
    return None


def _takes_as_quoted(verb: Token, child: Token) -> bool:
    if child.dep_ != "prep" or child.lower_ != "as" or not verb.tag_.startswith("VB"):
        return False
    return any(c.dep_ == "dobj" and c.i < child.i for c in verb.children)


def _characterisation(
    context: Context, claimed: tuple[int, QuotedSpan], child: Token, verb: Token
) -> Candidate | None:
    source = find_source(verb)
    if source is None:
        return None
    obj = next(c for c in verb.children if c.dep_ == "dobj" and c.i < child.i)
    content = context.in_line_of(verb, context.trimmed(obj.left_edge.i, verb.right_edge.i + 1))
    content = context.through_closing_mark(content)
    return _claim("characterisation", claimed, content, MIXED, verb, source, Act.THOUGHT)


def _quotation_root(context: Context, quote: QuotedSpan) -> Token | None:
    span = context.words(quote.content)
    return None if span is None or len(span) == 0 else span.root


def _object_quote(
    context: Context, claimed: tuple[int, QuotedSpan], child: Token, verb: Token
) -> Candidate | None:
    source = find_source(verb)
    if source is None or child.i < verb.i or _names_a_circumstance(verb, child):
        return None
    quote = claimed[1]
    first = _object_before(verb, child) or child
    words = context.trimmed(first.left_edge.i, child.right_edge.i + 1)
    content = context.in_line_of(verb, words)
    if reports_nothing(verb):
        return None
    if context.is_just(quote, content):
        return _claim("quoted_object", claimed, quote.content, QuoteKind.DIRECT, verb, source)
    if not content[0] <= quote.opening < content[1]:
        return None  # the object the parse gives is not the one holding the quotation
    content = context.through_closing_mark(content)
    return _claim("quoted_object", claimed, content, QuoteKind.MIXED, verb, source)


def _names_a_circumstance(verb: Token, child: Token) -> bool:
    """`said on CNN's "State of the Union"`, `sings in a clip of "The 411"`: a preposition
    right after the cue, with no object before it, that does not name what was said."""
    if child.dep_ != "prep" or any(c.dep_ == "dobj" and c.i < child.i for c in verb.children):
        return False
    allowed = CONTENT_PREPOSITIONS | topic_prepositions().get(verb.lower_, frozenset())
    return child.lower_ not in allowed


def _object_before(verb: Token, child: Token) -> Token | None:
    """`called half of his supporters "deplorables"`: what is called is part of the content."""
    if child.dep_ != "oprd":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < child.i]
    return objects[0] if objects and objects[0].lower_ not in RELATIVE_PRONOUNS else None


CUE_AFTER = Rule("cue_after", 10, find_cue_after, '"We can still win," she said.')
CUE_BEFORE = Rule("cue_before", 11, find_cue_before, 'He told reporters: "We can still win."')
QUOTED_OBJECT = Rule(
    "quoted_object", 12, find_quoted_objects, 'Critics called it "reckless and dangerous".'
)
CHARACTERISATION = Rule(
    "characterisation", 13, find_characterisations, 'She admires the general as a "strong leader".'
)
RULES = (CUE_AFTER, CUE_BEFORE, QUOTED_OBJECT, CHARACTERISATION)
