"""Finding quotations, their cues and their sources in a parsed Doc.

Three passes, each linear in the length of the document:

1. Quotations found by their marks (`quote_marks`) are attributed to a cue after them
   (`"...," she said`), before them (`X told reporters: "..."`), or to the reporting verb whose
   object they sit in (`a plan critics called "reckless"`). Quotes nothing claims are scare
   quotes, unless they continue the previous paragraph's speaker.
2. Every other reporting verb with a reported clause gives an indirect quote, or a mixed one
   when the clause carries quotation marks (`Vietnam's president said Putin had ...`).
3. A paragraph that carries on a direct quote left open joins it as a further part; one that
   is only a quotation keeps the speaker of the quote before it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotecli.nlp.cues import (
    RELATIVE_PRONOUNS,
    SUBJECTS,
    clip,
    cue_span,
    find_source,
    is_cue,
    line_bounds,
)
from quotecli.nlp.doctext import doc_text
from quotecli.nlp.labels import signed_quotations, transcript_turns
from quotecli.nlp.lexicon import (
    as_view_verbs,
    cue_nouns,
    intention_verbs,
    light_verb_nouns,
    light_verbs,
    object_stop_verbs,
    stance_adjectives,
    topic_prepositions,
    topic_verbs,
)
from quotecli.nlp.quote_marks import DOUBLED_APOSTROPHE, QuotedSpan, find_quoted_spans, paragraphs
from quotecli.nlp.types import Attribution, CharSpan
from quotecli.records import QuoteKind

# How far from a quotation its cue may sit, in tokens.
TAIL_WINDOW = 10
HEAD_WINDOW = 12
# Words of material that may stand between a cue and the quote it introduces ("told reporters:").
MAX_HEAD_GAP = 6
# Embedded quotes: how many heads to climb from the quotation to its reporting verb.
MAX_EMBED_CLIMB = 6
MIN_CONTENT_TOKENS = 3
# Tokens that may separate the two parts of a split quote: the cue and a speaker with a long
# apposition (`," said Ann Lee, a lawyer who ... . "`).
MAX_SPLIT_GAP = 25
# Quoted titles in the words between the parts of a split quote (`on "Meet the Press"`).
MAX_TITLE_WORDS = 6
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by"})
SENTENCE_END = frozenset({".", "!", "?"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Links that put a verb inside the description of a speaker (`Ann Lee, who has ...`).
SPEAKER_CLAUSE_LINKS = frozenset({"relcl", "acl", "appos"})
# Punctuation that shows a quotation ends a sentence or clause of its own, so that a cue after
# it reports it ("...," she said) rather than continuing the writer's sentence.
QUOTE_FINAL = frozenset(",.?!…-—")
PARAGRAPH_FINAL = frozenset('.?!"”’:…)')
HEADING_MAX_WORDS = 15
EDGE_PUNCTUATION = " \t\n,;:.—–-"
CLAUSE_LINKS = frozenset({"ccomp"})
# Links a quotation may climb through to reach the reporting verb whose object it is part of:
# noun-phrase structure only, never a verb of its own.
NOMINAL_LINKS = frozenset(
    {"dobj", "oprd", "attr", "pobj", "prep", "appos", "conj", "cc", "amod", "compound", "nmod"}
)
CLAUSE_MARKERS = frozenset({"that", "whether", "if"})
# What a cue without a reported clause may report: an intention (`vowed to ...`), with the
# person it is asked of (`urged voters to ...`).
OBJECT_LINKS = frozenset({"xcomp", "dobj"})
# Prepositions after a cue's object that give what the object is accused, praised or taken
# for: `accused the firm of fraud`, `criticized the mayor for the delay`.
GROUND_PREPOSITIONS = frozenset({"of", "for", "as"})
# Entities that make a prepositional phrase a circumstance of the verb, not part of its object.
CIRCUMSTANCE_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
CIRCUMSTANCE_PREPOSITIONS = frozenset({"at", "during", "after", "before", "since", "until"})
# Words opening a relative clause that glosses rather than restricts (`, which ...`).
GLOSS_RELATIVES = frozenset({"which", "who", "whom", "whose"})
# Conjunctions opening a closing clause of the writer's (`, although he refused to ...`).
CONCESSIVE_MARKERS = frozenset({"although", "though", "while", "whereas"})
# Words that stand for a whole answer or statement after a cue: `said so`, `said no`.
PRO_FORM_ANSWERS = frozenset({"so", "yes", "no"})
# What may stand between an indirect report and a quotation that carries it on (`...: "`).
RUN_ON_PUNCTUATION = " ,:;"
MAX_RUN_ON_GAP = 3
# What a verb coordinated onto an infinitive may not have if it continues the infinitive.
BARE_VERB_EXCLUDES = SUBJECTS | {"aux", "auxpass", "neg"}
# Prepositions whose object is what a cue is about: `called for`, `warned of`, `argued against`.
TOPIC_PREPOSITIONS = frozenset({"for", "of", "about", "against"})
# Prepositions naming what a light verb's noun is about: `made comments on the plan`.
LIGHT_VERB_NOUN_PREPOSITIONS = TOPIC_PREPOSITIONS | {"on"}


@dataclass(slots=True)
class _Found:
    """What the passes have produced so far for one Doc."""

    doc: Doc
    quotes: list[QuotedSpan]
    token_starts: list[int]
    attributions: list[Attribution] = field(default_factory=list)
    by_quote: dict[int, Attribution] = field(default_factory=dict)

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self.token_starts, offset)

    def add(self, attribution: Attribution) -> None:
        self.attributions.append(attribution)


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attributed quotation in `doc`, direct, indirect and mixed, in text order.

    Args:
        doc: a Doc parsed with a dependency parser (tags and sentences are used).

    Returns:
        Attributions with character offsets into `doc.text`; `entity` is left None.
    """
    headings = _heading_paragraphs(doc_text(doc))
    quotes = [q for q in find_quoted_spans(doc_text(doc)) if not _inside(q.opening, headings)]
    found = _Found(doc, quotes, [token.idx for token in doc])
    _attribute_quotations(found)
    _find_labelled(found, headings)
    _find_reported_clauses(found, headings)
    _run_on_into_quotes(found)
    _carry_on_speakers(found)
    return sorted(found.attributions, key=lambda a: a.content)


# Pass 1: quotations by their marks ------------------------------------------------------------


def _attribute_quotations(found: _Found) -> None:
    for index, quote in enumerate(found.quotes):
        if quote.continues or index in found.by_quote:
            continue
        tail = _cue_after(found, quote)
        attribution = tail or _cue_before(found, quote) or _governing_cue(found, quote)
        if attribution is None:
            continue
        found.by_quote[index] = attribution
        if tail is not None:
            _join_second_part(found, index, attribution)
        found.add(attribution)


def _join_second_part(found: _Found, index: int, attribution: Attribution) -> None:
    """`"A," she said, "B."`: one quotation split by its cue, kept as one span, as annotators do.

    The second part joins when it follows the cue in the same paragraph, sentence end or not
    (`"A," said X, a long apposition. "B."`), and has no cue of its own, before it or after it
    (`"A," she said. "B," he added.` and `"A," she said, adding: "B."` are two quotes each).
    """
    following = _next_part(found, index)
    if following is None:
        return
    first, second = found.quotes[index], found.quotes[following]
    between = doc_text(found.doc)[first.closing : second.opening]
    if "\n" in between or _cue_after(found, second) is not None:
        return
    gap = found.doc[found.token_at(first.closing) : found.token_at(second.opening)]
    if len(gap) > MAX_SPLIT_GAP or _another_cue_in(gap, attribution):
        return
    if _clause_of_its_own(gap, attribution):
        return
    attribution.content = (first.content[0], second.content[1])
    attribution.gaps = ((first.content[1], second.content[0]),)
    for skipped in range(index + 1, following + 1):
        found.by_quote[skipped] = attribution


def _next_part(found: _Found, index: int) -> int | None:
    """The quotation that may carry on quote `index`, past titles quoted in the cue's words
    (`"A," she said on "Meet the Press." "B."`)."""
    text = doc_text(found.doc)
    for following in range(index + 1, len(found.quotes)):
        quote = found.quotes[following]
        if not _is_title(text, quote) or "\n" in text[found.quotes[index].closing : quote.opening]:
            return following
    return None


def _is_title(text: str, quote: QuotedSpan) -> bool:
    """A short quotation whose words are capitalised but for small ones: a programme or book."""
    words = text[quote.content[0] : quote.content[1]].split()
    if not 0 < len(words) <= MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _clause_of_its_own(gap: Span, attribution: Attribution) -> bool:
    """A finite verb in the gap other than the cue's own, outside the speaker's apposition or
    relative clause, starts a new sentence of the writer's (`"A?" she said, but he was
    drifting off, as the crowd chanted "B"`): what follows is no second part."""
    cue = attribution.cue or (-1, -1)
    return _writers_verb_in(gap, skip=cue)


def _another_cue_in(gap: Span, attribution: Attribution) -> bool:
    """A reporting verb in the gap other than the first part's cue introduces a new quote."""
    own_start = attribution.cue[0] if attribution.cue else -1
    return any(is_cue(token) and token.idx != own_start for token in gap)


def _cue_after(found: _Found, quote: QuotedSpan) -> Attribution | None:
    """`"...," she said` and `"...," said Carlyle Thayer`."""
    if not quote.closed or not _ends_own_clause(doc_text(found.doc), quote):
        return None
    doc = found.doc
    start = found.token_at(quote.closing)
    for token in doc[start : min(start + TAIL_WINDOW, len(doc))]:
        if token.text in SENTENCE_END or _opens_quote(found, token) or "\n" in token.text:
            return None
        if is_cue(token):
            if _reports_a_sentence_of_its_own(doc_text(found.doc), quote, token):
                return None
            if _writers_verb_in(doc[start : token.i], skip=cue_span(token)):
                return None
            attribution = _direct(quote, token)
            if attribution is not None:
                _take_lead_in(found, quote, token, attribution)
            return attribution
    return None


def _reports_a_sentence_of_its_own(text: str, quote: QuotedSpan, cue: Token) -> bool:
    """`Ann says the plan "is dead." She says it ...`: after a quotation that ends its sentence,
    a cue with a reported clause of its own starts a new report."""
    if _last_inside(text, quote) not in SENTENCE_END:
        return False
    return any(c.dep_ in CLAUSE_LINKS and c.i > cue.i for c in cue.children)


def _writers_verb_in(words: Span, skip: CharSpan = (-1, -1)) -> bool:
    """A finite verb outside any speaker's apposition or relative clause: the words after a
    quotation go on with a clause of their own (`"A," Ann sings, before asking: "B?"`)."""
    for token in words:
        if token.tag_ not in FINITE_TAGS or skip[0] <= token.idx < skip[1]:
            continue
        if not any(t.dep_ in SPEAKER_CLAUSE_LINKS for t in (token, *token.ancestors)):
            return True
    return False


def _take_lead_in(found: _Found, quote: QuotedSpan, cue: Token, attribution: Attribution) -> None:
    """`With two weeks left, "we can still win," she said`: the reported clause starts before
    the quotation, and annotators take the whole clause as the (mixed) content."""
    clause = next((c for c in cue.children if c.dep_ in CLAUSE_LINKS), None)
    if clause is None:
        return
    first = clause.left_edge
    line_start = line_bounds(doc_text(found.doc), quote.opening)[0]
    if not line_start <= first.idx < quote.opening or clause.right_edge.idx < quote.opening:
        return
    if any(is_cue(token) for token in found.doc[first.i : found.token_at(quote.opening)]):
        return
    lead = _trimmed(found.doc, first.i, found.token_at(quote.opening))
    if lead[1] <= lead[0]:
        return
    attribution.content = (lead[0], attribution.content[1])
    attribution.kind = QuoteKind.MIXED


def _ends_own_clause(text: str, quote: QuotedSpan) -> bool:
    after_mark = text[quote.closing : quote.closing + 1]
    return _last_inside(text, quote) in QUOTE_FINAL or after_mark == ","


def _last_inside(text: str, quote: QuotedSpan) -> str:
    """The character just inside a quotation's closing mark."""
    # A closing mark written as two apostrophes (`,'' she said`) is two characters wide.
    width = 2 if text[quote.closing - 2 : quote.closing] == DOUBLED_APOSTROPHE else 1
    return text[quote.closing - width - 1 : quote.closing - width]


def _opens_quote(found: _Found, token: Token) -> bool:
    return any(q.opening == token.idx for q in found.quotes)


def _cue_before(found: _Found, quote: QuotedSpan) -> Attribution | None:
    """`X told reporters: "..."`, `, she said, "..."` and `critics called "reckless"`."""
    doc = found.doc
    end = found.token_at(quote.opening)
    for token in reversed(doc[max(end - HEAD_WINDOW, 0) : end]):
        if token.text in SENTENCE_END or "\n" in token.text:
            return None
        if is_cue(token):
            gap = doc[token.i + 1 : end]
            return _direct(quote, token) if _introduces(gap) else None
    return None


def _introduces(gap: Span) -> bool:
    """Between a cue and its quote: nothing, or a few words of the cue's own ending in `:` / `,`."""
    words = gap.text.strip()
    if not words:
        return True
    has_verb = any(token.tag_.startswith("VB") for token in gap)
    return len(gap) <= MAX_HEAD_GAP and words[-1] in ":," and not has_verb


def _direct(quote: QuotedSpan, cue: Token) -> Attribution | None:
    source = find_source(cue)
    if source is None:
        return None
    return Attribution(quote.content, QuoteKind.DIRECT, cue_span(cue), source)


def _governing_cue(found: _Found, quote: QuotedSpan) -> Attribution | None:
    """A quotation inside the object of a reporting verb: `which Moscow calls a "..."`.

    When the object is the quotation (give or take its article) the quote is direct; when the
    quotation is part of a longer object (`praised X, including "..."`) the object is a mixed
    quote. Quotations inside a reported clause are left to the reported-clause pass.
    """
    root = _quotation_root(found, quote)
    if root is None:
        return None
    child, verb = root, root.head
    for _ in range(MAX_EMBED_CLIMB):
        if child.dep_ not in NOMINAL_LINKS or verb is child:
            return None
        if is_cue(verb):
            return _object_quote(found, quote, child, verb)
        if _takes_as_quoted(verb, child):
            return _characterisation(found, quote, child, verb)
        child, verb = verb, verb.head
    return None


def _takes_as_quoted(verb: Token, child: Token) -> bool:
    """`admires the general as a "strong leader"`: any verb characterising its object."""
    if child.dep_ != "prep" or child.lower_ != "as" or not verb.tag_.startswith("VB"):
        return False
    return any(c.dep_ == "dobj" and c.i < child.i for c in verb.children)


def _characterisation(
    found: _Found, quote: QuotedSpan, child: Token, verb: Token
) -> Attribution | None:
    """The object, its quoted `as` phrase and what follows them in the verb's phrase are the
    (mixed) content of the verb: `rated 20% of claims as "true" compared to 10% ...`."""
    source = find_source(verb)
    if source is None:
        return None
    obj = next(c for c in verb.children if c.dep_ == "dobj" and c.i < child.i)
    content = _in_line_of(verb, _trimmed(found.doc, obj.left_edge.i, verb.right_edge.i + 1))
    content = _through_closing_mark(found, content)
    return Attribution(content, QuoteKind.MIXED, cue_span(verb), source)


def _quotation_root(found: _Found, quote: QuotedSpan) -> Token | None:
    span = found.doc.char_span(*quote.content, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def _object_quote(
    found: _Found, quote: QuotedSpan, child: Token, verb: Token
) -> Attribution | None:
    source = find_source(verb)
    if source is None or child.i < verb.i:
        return None
    first = _object_before(verb, child) or child
    content = _in_line_of(verb, _trimmed(found.doc, first.left_edge.i, child.right_edge.i + 1))
    if _is_just_the_quotation(doc_text(found.doc), content, quote):
        return Attribution(quote.content, QuoteKind.DIRECT, cue_span(verb), source)
    return Attribution(
        _through_closing_mark(found, content), QuoteKind.MIXED, cue_span(verb), source
    )


def _through_closing_mark(found: _Found, content: CharSpan) -> CharSpan:
    """A mixed quote that ends with a quoted fragment keeps the fragment's closing mark."""
    for quote in found.quotes:
        if quote.closed and quote.content[1] <= content[1] < quote.closing:
            return content[0], quote.closing
    return content


def _object_before(verb: Token, child: Token) -> Token | None:
    """`called half of his supporters "deplorables"`: what is called is part of the content."""
    if child.dep_ != "oprd":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < child.i]
    return objects[0] if objects and objects[0].lower_ not in RELATIVE_PRONOUNS else None


def _is_just_the_quotation(text: str, content: CharSpan, quote: QuotedSpan) -> bool:
    outside = text[content[0] : quote.opening] + text[quote.closing : content[1]]
    return len(outside.split()) <= 1 and content[0] <= quote.opening


# Pass 1b: speaker labels ---------------------------------------------------------------------


def _find_labelled(found: _Found, headings: list[CharSpan]) -> None:
    """Transcript turns (`NAME: ...`) and signed quotations (`"..." ― NAME`), no verb needed."""
    every = paragraphs(doc_text(found.doc))
    body = [p for p in every if p not in headings]
    # A signature leaves the line without final punctuation, so it looks like a heading; only
    # the headline itself is ruled out.
    signed = signed_quotations(found.doc, every[1:])
    for labelled in [*transcript_turns(found.doc, body), *signed]:
        if any(_overlaps(labelled.content, a.content) for a in found.attributions):
            continue
        kind = QuoteKind.DIRECT if labelled.signed else _kind_of(found, labelled.content)
        content = labelled.content
        if kind is QuoteKind.DIRECT and not labelled.signed:
            content = next(
                q.content for q in found.quotes if _same_extent(doc_text(found.doc), q, content)
            )
        found.add(Attribution(content, kind, labelled.cue, labelled.source))


# Pass 2: reported clauses -----------------------------------------------------------------------


def _find_reported_clauses(found: _Found, headings: list[CharSpan]) -> None:
    quoted_ranges = [(q.opening, q.closing) for q in found.quotes]
    for token in found.doc:
        reports = is_cue(token) or _is_intention(token) or _is_topic_verb(token)
        reports = reports or _views_as(token)
        stance = not reports and _is_stance(token)
        light = not (reports or stance) and _is_light_verb(token)
        if not (reports or stance or light):
            continue
        if _inside(token.idx, quoted_ranges) or _inside(token.idx, headings):
            continue
        if light:
            _add_light_verb_report(found, token)
            continue
        for content in _reported_contents(found.doc, token):
            if not (stance and _is_lone_pronoun(found.doc, content)):  # `proud of it`
                _add_reported(found, token, content)
    for token in found.doc:
        if _is_cue_noun(token) and not _inside(token.idx, quoted_ranges + headings):
            _add_nominal(found, token)


def _is_cue_noun(token: Token) -> bool:
    return token.tag_ in ("NN", "NNS") and token.lower_ in cue_nouns()


def _add_nominal(found: _Found, noun: Token) -> None:
    """`his claim that ...`, `the senator's plan to ...`: the owner is the source."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    clause = next((c for c in noun.rights if _is_noun_clause(c)), None)
    if owner is None or clause is None:
        return
    content = _in_line_of(noun, _trimmed(found.doc, clause.left_edge.i, clause.right_edge.i + 1))
    if _token_count(found.doc, content) < MIN_CONTENT_TOKENS:
        return
    if any(_overlaps(content, a.content) for a in found.attributions):
        return
    source = _owner_span(owner)
    kind = _kind_of(found, content)
    if kind is QuoteKind.MIXED:
        content = _through_closing_mark(found, content)
    if kind is QuoteKind.DIRECT:
        kind = QuoteKind.MIXED
    found.add(Attribution(content, kind, cue_span(noun), source))


def _words_beyond(doc: Doc, outer: CharSpan, inner: CharSpan) -> bool:
    """Whether `outer` has words of its own around `inner`, not just marks and punctuation."""
    text = doc_text(doc)
    around = text[outer[0] : inner[0]] + text[inner[1] : outer[1]]
    return any(char.isalnum() for char in around)


def _clashes(content: CharSpan, cue: Token, other: Attribution) -> bool:
    """Whether a reported clause's content collides with an attribution already found.

    An outer report may hold an inner one whole, cue and all, and then takes its place, as
    PolNeAR annotates the outer report (`A told police that B, the source added`): an inner
    indirect or mixed report anywhere, an inner direct quote when the outer content comes
    before its cue, and a quotation its own cue claimed first when the clause has words of its
    own around it.
    """
    if not _overlaps(content, other.content):
        return False
    holds_it = content[0] <= other.content[0] and other.content[1] <= content[1]
    if holds_it and other.cue == cue_span(cue) and _words_beyond(cue.doc, content, other.content):
        return False  # `claimed that X is "A"`: the clause takes in the quote it carries
    if other.cue is None or not content[0] <= other.cue[0] < content[1]:
        return True
    fronted = content[1] <= cue.idx
    return not (holds_it and (fronted or other.kind is not QuoteKind.DIRECT))


def _is_noun_clause(child: Token) -> bool:
    """A `that` clause or an infinitive hung on a noun."""
    if child.dep_ not in ("acl", "ccomp", "relcl"):
        return False
    is_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return is_infinitive or _has_clause_marker(child)


def _owner_span(owner: Token) -> CharSpan:
    """`Trump's` gives `Trump's`, as PolNeAR writes possessive sources; `his` gives `his`."""
    return owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge)


def _add_reported(found: _Found, cue: Token, content: CharSpan) -> None:
    content = _in_line_of(cue, content)
    if content[1] <= content[0]:
        return
    if any(_clashes(content, cue, a) for a in found.attributions):
        return
    passive_subject = _passive_subject(cue)
    if passive_subject is not None and content[0] > cue.idx:
        # `X is expected to win`: nobody named expects; what is expected is X winning.
        # `It was reported that ...`: the `it` stands for the clause and names nobody.
        if passive_subject.lower_ != "it":
            content = (passive_subject.left_edge.idx, content[1])
        source = None
    else:
        source = find_source(cue)
        is_aside = content[0] < cue.idx < content[1]
        if source is None or (_overlaps(source, content) and not is_aside):
            return
    kind = _kind_of(found, content)
    if kind is not QuoteKind.INDIRECT and _token_count(found.doc, content) < MIN_CONTENT_TOKENS:
        return  # a word or two in quotation marks as an object: a scare quote
    if kind is QuoteKind.MIXED:
        content = _through_closing_mark(found, content)
    if kind is QuoteKind.DIRECT:
        content = next(
            q.content for q in found.quotes if _same_extent(doc_text(found.doc), q, content)
        )
    held = [a for a in found.attributions if _overlaps(a.content, content)]
    if held:  # the outer report takes the place of those it holds
        found.attributions = [a for a in found.attributions if all(a is not h for h in held)]
    found.add(Attribution(content, kind, cue_span(cue), source))


def _pro_form_answer(doc: Doc, cue: Token) -> CharSpan | None:
    """`said so`, `said as much`, `said yes, yes, yes`, `doesn't think so`: a word standing
    for what was said is the whole content, however short."""
    words = [t.lower_ for t in doc[cue.i + 1 : cue.i + 3]]
    if words[:2] == ["as", "much"] and doc[cue.i + 2].head.i in (cue.i, cue.i + 1):
        return _trimmed(doc, cue.i + 1, cue.i + 3)
    if words[:1] != [] and words[0] in PRO_FORM_ANSWERS and doc[cue.i + 1].head.i == cue.i:
        last = cue.i + 1
        while last < len(doc) and doc[last].lower_ in PRO_FORM_ANSWERS | {","}:
            last += 1
        return _trimmed(doc, cue.i + 1, last)
    return None


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


def _reported_contents(doc: Doc, cue: Token) -> list[CharSpan]:
    if cue.lower_ == "according":
        return _according_to_content(doc, cue)
    clauses = [child for child in cue.children if _is_reported_clause(child)]
    clauses += _statement_clauses(cue)
    contents = _rejoined(doc, sorted(_clause_content(doc, clause) for clause in clauses))
    if not clauses and cue.dep_ == "parataxis":
        contents.append(_around_aside(doc, cue))
    if not contents and (answer := _pro_form_answer(doc, cue)) is not None:
        return [answer]
    if not contents:
        # An object may be a single word (`promised a veto`, `attacked Trump`); a clause of
        # fewer words than MIN_CONTENT_TOKENS is a parse fragment.
        return [c for c in _object_content(doc, cue) if c[1] > c[0]]
    return [c for c in contents if _token_count(doc, c) >= MIN_CONTENT_TOKENS]


def _rejoined(doc: Doc, contents: list[CharSpan]) -> list[CharSpan]:
    """Clauses of one cue with nothing but a space or comma between them are one clause the
    parser broke in two (`discovered that attempts to enter | were made by ...`)."""
    text = doc_text(doc)
    joined: list[CharSpan] = []
    for content in contents:
        if joined and not text[joined[-1][1] : content[0]].strip(" ,"):
            joined[-1] = (joined[-1][0], content[1])
        else:
            joined.append(content)
    return joined


def _add_light_verb_report(found: _Found, verb: Token) -> None:
    """`made clear that ...`, `made the case that ...`, `made comments about X`."""
    doc = found.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and _has_clause_marker(c)]
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in light_verb_nouns()]
    clauses += [clause for noun in nouns for clause in _marked_clauses_on(noun)]
    if clauses:
        clause = clauses[0]
        _add_reported(found, verb, _trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1))
        return
    for noun in nouns:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in LIGHT_VERB_NOUN_PREPOSITIONS:
                topic = _preposition_object(doc, prep, ("pobj",))
                if topic is not None:
                    _add_reported(found, verb, topic)
                    return


def _is_light_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") and token.lower_ in light_verbs()


def _is_stance(token: Token) -> bool:
    """`are concerned about X`, `was critical of X`: a stance adjective after a copula."""
    return token.dep_ == "acomp" and token.lower_ in stance_adjectives()


def _is_lone_pronoun(doc: Doc, content: CharSpan) -> bool:
    piece = doc.char_span(*content, alignment_mode="expand")
    return piece is not None and len(piece) == 1 and piece[0].pos_ == "PRON"


def _views_as(token: Token) -> bool:
    """`saw the remark as a dig`: a verb of seeing or painting with an object and `as`."""
    if not token.tag_.startswith("VB") or token.lower_ not in as_view_verbs():
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    holders = [token, *objects]  # the parser hangs `as` on the verb or on its object
    return bool(objects) and any(
        c.dep_ == "prep" and c.lower_ == "as" for holder in holders for c in holder.children
    )


def _is_topic_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") and token.lower_ in topic_verbs()


def _is_intention(token: Token) -> bool:
    return token.tag_.startswith("VB") and token.lower_ in intention_verbs()


def _object_content(doc: Doc, cue: Token) -> list[CharSpan]:
    """`vowed to cut taxes`, `urged voters to stay home`: what the speaker wants done.

    The intention (an infinitive clause) and the person it is asked of form the content. An
    object that holds a report of its own (`rejected the senator's claim that ...`) is still
    the content: PolNeAR annotates the outer report, and the inner one gives way to it.
    """
    if cue.lower_ in object_stop_verbs():
        return []
    complements = [c for c in cue.rights if c.dep_ in OBJECT_LINKS]
    if not complements:
        return _topic_content(doc, cue)
    complements += [c for c in cue.rights if _completes_object(c, complements[0])]
    first, last = complements[0].left_edge.i, max(c.right_edge.i for c in complements)
    return [_trimmed(doc, first, _before_trailing_aside(doc, complements[0], last + 1))]


def _completes_object(child: Token, first: Token) -> bool:
    """What follows a cue's object and belongs with it: the ground (`accused the firm of
    fraud`) and the predicate (`called the charges unfounded`)."""
    if child.i <= first.i:
        return False
    if child.dep_ == "prep":
        return child.lower_ in GROUND_PREPOSITIONS or _modifies_object(child)
    if child.dep_ == "advcl" and child.left_edge.lower_ == "to":  # `funds to help states`
        return child.doc[child.left_edge.i - 1].text != ","
    if child.dep_ == "conj":  # `wants to cut taxes and raise wages`: more of the infinitive
        return first.dep_ == "xcomp" and child.tag_ == "VB" and _is_bare_verb(child)
    return child.dep_ in ("oprd", "dative")


def _modifies_object(prep: Token) -> bool:
    """A phrase the parser hung on the verb that describes the object: `held a concert in
    support of X`; not when, where or how long the verb happened (`in March`, `at the rally`)."""
    doc = prep.doc
    if doc[prep.i - 1].text == "," or prep.lower_ in CIRCUMSTANCE_PREPOSITIONS:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return not any(o.ent_type_ in CIRCUMSTANCE_ENTITIES for o in objects)


def _is_bare_verb(verb: Token) -> bool:
    """A verb with no subject, auxiliary or negation of its own: `(to) grow`, not `didn't reply`."""
    return not any(child.dep_ in BARE_VERB_EXCLUDES for child in verb.children)


def _topic_content(doc: Doc, cue: Token) -> list[CharSpan]:
    """`called for new elections`, `warned of delays`: the object of the cue's preposition.

    `called for the city to act` is parsed as a clause marked by `for`: its words after the
    `for` are the content.
    """
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in _topic_prepositions(cue):
            topic = _preposition_object(doc, child, ("pobj", "pcomp"))
            if topic is not None:
                return [topic]
        marker = _for_marker(child)
        if marker is not None:
            return [_trimmed(doc, marker.i + 1, child.right_edge.i + 1)]
    return []


def _preposition_object(doc: Doc, prep: Token, links: tuple[str, ...]) -> CharSpan | None:
    """The words of a preposition's first object linked by one of `links`, if it has one."""
    objects = [c for c in prep.children if c.dep_ in links]
    if not objects:
        return None
    return _trimmed(doc, objects[0].left_edge.i, objects[0].right_edge.i + 1)


def _for_marker(clause: Token) -> Token | None:
    """The `for` opening an infinitive clause with a subject (`for the city to act`)."""
    if clause.dep_ != "advcl" or not _has_subject(clause):
        return None
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECTS for child in verb.children)


def _topic_prepositions(cue: Token) -> frozenset[str]:
    return TOPIC_PREPOSITIONS | topic_prepositions().get(cue.lower_, frozenset())


def _is_reported_clause(child: Token) -> bool:
    if child.dep_ in CLAUSE_LINKS:
        return True
    # "Abuza said ..., nor that Moscow was ...": a second clause coordinated onto the cue.
    return child.dep_ == "conj" and _has_clause_marker(child)


def _statement_clauses(cue: Token) -> list[Token]:
    """`said in a statement that ...`: the parser hangs the clause on the noun."""
    nouns = [g for c in cue.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return [clause for noun in nouns for clause in _marked_clauses_on(noun)]


def _marked_clauses_on(noun: Token) -> list[Token]:
    """Clauses hung on a noun and opened by `that`, `whether` or `if`."""
    return [c for c in noun.children if c.dep_ in ("acl", "relcl") and _has_clause_marker(c)]


def _has_clause_marker(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKERS for c in clause.children)


def _clause_content(doc: Doc, clause: Token) -> CharSpan:
    """The clause's words, stopping before a second reporting verb coordinated onto it.

    The parser reads "said A but said B" as "said (A but said B)"; the second `said` has its
    own clause and is handled as a cue of its own. A coordinated clause with its own `that`
    ("that A and that one was found") is a second part of the same report, whatever its verb.
    """
    last = clause.right_edge.i + 1
    for child in clause.rights:
        if child.dep_ == "conj" and is_cue(child) and not _has_clause_marker(child):
            coordinator = [c for c in clause.rights if c.dep_ == "cc" and c.i < child.i]
            last = (coordinator[-1] if coordinator else child).left_edge.i
            break
    return _trimmed(doc, clause.left_edge.i, _before_trailing_aside(doc, clause, last))


def _before_trailing_aside(doc: Doc, head: Token, last: int) -> int:
    """Where the content under `head` ends when a comma and an aside close it.

    `said he would run, arguing that ...`: the participle is a second report of its own.
    `said the city would sue Acme, which owns the plant`: a gloss that closes the content is
    the writer's (`_closes_as_gloss`). The content stops at the comma.
    """
    for token in doc[head.i + 1 : last]:
        comma = token.left_edge.i - 1
        if (
            comma > head.i
            and doc[comma].text == ","
            and (_is_reporting_participle(token) or _closes_as_gloss(token, last))
            and not _opens_unclosed_quote(doc_text(doc)[head.idx : doc[comma].idx])
        ):
            return comma
    return last


def _is_reporting_participle(token: Token) -> bool:
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and is_cue(token)
        and token.left_edge.i == token.i
    )


def _closes_as_gloss(token: Token, last: int) -> bool:
    """The writer's gloss running to the content's end: a relative clause or apposition on a
    name (`, which owns ...`, `, the mayor`) or a concessive clause (`, although ...`).

    Only names: after a common noun the clause more often says what the speaker meant.
    """
    doc = token.doc
    if any(not t.is_punct for t in doc[token.right_edge.i + 1 : last]):
        return False
    if token.dep_ == "appos":
        return token.head.pos_ == "PROPN"
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKERS for c in token.children)
    return (
        token.dep_ == "relcl"
        and token.left_edge.lower_ in GLOSS_RELATIVES
        and token.head.pos_ == "PROPN"
    )


def _opens_unclosed_quote(text: str) -> bool:
    """Whether `text` leaves a double quotation open, so that what follows is quoted words."""
    curly_open = text.count("“") > text.count("”")
    straight_open = text.count('"') % 2 == 1
    doubled_open = text.count(DOUBLED_APOSTROPHE) % 2 == 1
    return curly_open or straight_open or doubled_open


def _around_aside(doc: Doc, cue: Token) -> CharSpan:
    """`One reason, he said, is that ...`: the sentence the cue interrupts."""
    head = cue.head
    first, last = head.left_edge.i, head.right_edge.i + 1
    if cue.right_edge.i + 1 >= last - 1:
        last = cue.left_edge.i
    elif cue.left_edge.i <= first:
        first = cue.right_edge.i + 1
    return _trimmed(doc, first, last)


def _according_to_content(doc: Doc, cue: Token) -> list[CharSpan]:
    """`According to X, ...` and `..., according to X.`: the rest of the sentence."""
    phrase_first, phrase_last = cue.left_edge.i, cue.right_edge.i + 1
    sentence = cue.sent
    before = _trimmed(doc, sentence.start, phrase_first)
    after = _trimmed(doc, phrase_last, sentence.end)
    return [before if before[1] - before[0] > after[1] - after[0] else after]


def _kind_of(found: _Found, content: CharSpan) -> QuoteKind:
    text = doc_text(found.doc)
    if any(_same_extent(text, q, content) for q in found.quotes):
        return QuoteKind.DIRECT
    carries_quote = any(_overlaps(q.content, content) for q in found.quotes)
    return QuoteKind.MIXED if carries_quote else QuoteKind.INDIRECT


def _same_extent(text: str, quote: QuotedSpan, content: CharSpan) -> bool:
    return content[0] <= quote.opening + 1 and _is_just_the_quotation(text, content, quote)


def _run_on_into_quotes(found: _Found) -> None:
    """`said she had what the job needs: "Steadiness, and strength."`: a quotation nothing
    claims, right after an indirect report with only punctuation between, carries it on."""
    text = doc_text(found.doc)
    openings = [quote.opening for quote in found.quotes]
    for attribution in found.attributions:
        if attribution.kind is not QuoteKind.INDIRECT:
            continue
        index = bisect_left(openings, attribution.content[1])
        if index >= len(found.quotes) or index in found.by_quote:
            continue
        quote = found.quotes[index]
        gap = text[attribution.content[1] : quote.opening]
        if len(gap) > MAX_RUN_ON_GAP or gap.strip(RUN_ON_PUNCTUATION) or not quote.closed:
            continue
        if _attributed(found, quote):
            continue
        attribution.content = (attribution.content[0], quote.closing)
        attribution.kind = QuoteKind.MIXED
        found.by_quote[index] = attribution


# Pass 3: continuation paragraphs ----------------------------------------------------------------


def _carry_on_speakers(found: _Found) -> None:
    text = doc_text(found.doc)
    for index, quote in enumerate(found.quotes):
        if index in found.by_quote or _attributed(found, quote):
            continue
        if not (quote.continues or _is_quote_paragraph(text, quote)):
            continue
        previous = _previous_in_paragraph_before(found, quote)
        if previous is None:
            continue
        if quote.continues and previous.kind is QuoteKind.DIRECT:
            # A quotation run on over a paragraph break is one quotation in two parts.
            previous.gaps = (*previous.gaps, (previous.content[1], quote.content[0]))
            previous.content = (previous.content[0], quote.content[1])
            found.by_quote[index] = previous
            continue
        attribution = Attribution(quote.content, QuoteKind.DIRECT, None, previous.source)
        found.by_quote[index] = attribution
        found.add(attribution)


def _attributed(found: _Found, quote: QuotedSpan) -> bool:
    return any(_overlaps(quote.content, a.content) for a in found.attributions)


def _is_quote_paragraph(text: str, quote: QuotedSpan) -> bool:
    """A paragraph that is one quoted sentence or more, and not a heading in quote marks."""
    line_start = text.rfind("\n", 0, quote.opening) + 1
    line_end = text.find("\n", quote.closing)
    line_end = len(text) if line_end == -1 else line_end
    alone = not text[line_start : quote.opening].strip() and not text[
        quote.closing : line_end
    ].strip(" .,")
    words = text[quote.content[0] : quote.closing]
    return alone and any(mark in words for mark in SENTENCE_END)


def _previous_in_paragraph_before(found: _Found, quote: QuotedSpan) -> Attribution | None:
    """The last attribution of the paragraph just before the quote's."""
    text = doc_text(found.doc)
    line_start = text.rfind("\n", 0, quote.opening)
    previous_start = _previous_paragraph_start(text, line_start)
    candidates = [
        a
        for a in found.attributions
        if previous_start <= a.content[0] < line_start and a.source is not None
    ]
    return max(candidates, key=lambda a: a.content[0], default=None)


def _previous_paragraph_start(text: str, line_start: int) -> int:
    end = line_start
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    return text.rfind("\n", 0, end) + 1


# Shared helpers -------------------------------------------------------------------------------


def _heading_paragraphs(text: str) -> list[CharSpan]:
    """Headlines, bylines, captions and section headings: short lines without final punctuation."""
    headings = []
    for index, (start, end) in enumerate(paragraphs(text)):
        line = text[start:end].strip()
        if line[-1] in PARAGRAPH_FINAL:
            continue
        if index == 0 or len(line.split()) < HEADING_MAX_WORDS:
            headings.append((start, end))
    return headings


def _in_line_of(cue: Token, span: CharSpan) -> CharSpan:
    return clip(span, line_bounds(doc_text(cue.doc), cue.idx))


def _inside(offset: int, ranges: list[CharSpan]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _overlaps(first: CharSpan, second: CharSpan) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _trimmed(doc: Doc, first: int, last: int) -> CharSpan:
    """Character span of tokens [first, last) without the punctuation at its edges."""
    if first >= last:
        return (
            (doc[first].idx, doc[first].idx)
            if first < len(doc)
            else (len(doc_text(doc)), len(doc_text(doc)))
        )
    text = doc_text(doc)
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    while start < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    return start, end


def _token_count(doc: Doc, span: CharSpan) -> int:
    piece = doc.char_span(*span, alignment_mode="expand")
    return 0 if piece is None else len(piece)
