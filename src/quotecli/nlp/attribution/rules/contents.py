"""How far a report reaches: the extent of what a reporting word reports, read off the parse.

`construction_of` names the one way a trigger word holds its content (a clause, an aside it
interrupts, a pro-form, an object, a topic); `contents_of` gives that content. Rules name
their candidates after these constructions.
"""

from __future__ import annotations

from enum import StrEnum

from spacy.tokens import Token

from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import SUBJECTS
from quotecli.nlp.attribution.quote_marks import DOUBLED_APOSTROPHE
from quotecli.nlp.attribution.rules.quoted import SENTENCE_END
from quotecli.nlp.attribution.triggers import is_cue, is_reporting_participle
from quotecli.nlp.lexicon import (
    addressee_verbs,
    channel_nouns,
    object_stop_verbs,
    topic_prepositions,
)
from quotecli.nlp.spans import CharSpan
from quotecli.nlp.wordlists import organization_nouns, person_nouns

MIN_CONTENT_TOKENS = 3
CLAUSE_LINKS = frozenset({"ccomp"})
CLAUSE_MARKERS = frozenset({"that", "whether", "if"})
# What a cue without a reported clause may report: an intention (`vowed to ...`), with the
# person it is asked of (`urged voters to ...`).
OBJECT_LINKS = frozenset({"xcomp", "dobj"})
# Prepositions of a time phrase after a listener (`told CNN on Monday`), which says nothing more.
TIME_PREPOSITIONS = frozenset({"on", "in", "at", "during", "after", "before", "since", "last"})
# Entity labels of an object that is a listener (`told Reuters`), not what was said.
LISTENER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Prepositions after a cue's object that give what the object is accused, praised or taken
# for: `accused the firm of fraud`, `criticized the mayor for the delay`.
GROUND_PREPOSITIONS = frozenset({"of", "for", "as"})
# Entities that make a prepositional phrase a circumstance of the verb, not part of its object.
CIRCUMSTANCE_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
CIRCUMSTANCE_PREPOSITIONS = frozenset({"at", "during", "after", "before", "since", "until"})
# Prepositions naming where words were said when their object is a channel (`in a tweet`).
CHANNEL_PREPOSITIONS = frozenset({"in", "on"})
# Words opening a relative clause that glosses rather than restricts (`, which ...`).
GLOSS_RELATIVES = frozenset({"which", "who", "whom", "whose"})
# Dashes that, spaced, open the writer's addition after an object.
DASHES = frozenset({"—", "–", "--", "-"})
# Words after a dash that open the writer's addition to an object (`— a move that ...`).
DASH_ADDITIONS = frozenset(
    {"a", "an", "all", "one", "another", "with", "even", "especially", "like", "from"}
)
# Tags of the words opening an embedded question (`how`, `what`, `whether` is IN: not here).
QUESTION_TAGS = frozenset({"WRB", "WP", "WDT"})
# Conjunctions opening a closing clause of the writer's (`, although he refused to ...`).
CONCESSIVE_MARKERS = frozenset({"although", "though", "while", "whereas"})
# Conjunctions opening a reason or consequence that goes on with what the speaker said.
REASON_MARKERS = frozenset({"because", "so"})
# Words that stand for a whole answer or statement after a cue: `said so`, `said no`.
PRO_FORM_ANSWERS = frozenset({"so", "yes", "no"})
# What a verb coordinated onto an infinitive may not have if it continues the infinitive.
BARE_VERB_EXCLUDES = SUBJECTS | {"aux", "auxpass", "neg"}
# Prepositions whose object is what a cue is about: `called for`, `warned of`, `argued against`.
TOPIC_PREPOSITIONS = frozenset({"for", "of", "about", "against"})


class Construction(StrEnum):
    """How a trigger word holds what it reports."""

    ACCORDING_TO = "according_to"
    CLAUSE = "clause"
    ASIDE = "aside"
    PRO_FORM = "pro_form"
    OBJECT = "object"
    TOPIC = "topic"
    NONE = "none"


def construction_of(cue: Token) -> Construction:
    """The first construction that applies to `cue`, in the order listed in `Construction`."""
    if cue.lower_ == "according":
        return Construction.ACCORDING_TO
    if clause_heads(cue):
        return Construction.CLAUSE
    if cue.dep_ == "parataxis":
        return Construction.ASIDE
    if pro_form_answer(cue) is not None:
        return Construction.PRO_FORM
    if cue.lower_ in object_stop_verbs():
        return Construction.NONE
    return Construction.OBJECT if object_heads(cue) else Construction.TOPIC


def contents_of(context: Context, cue: Token, construction: Construction) -> list[CharSpan]:
    """What `cue` reports through `construction` (possibly nothing)."""
    if construction is Construction.ACCORDING_TO:
        return according_to_content(context, cue)
    if construction is Construction.CLAUSE:
        contents = _rejoined(context, sorted(clause_content(context, c) for c in clause_heads(cue)))
        return [c for c in contents if context.token_count(c) >= MIN_CONTENT_TOKENS]
    if construction is Construction.ASIDE:
        aside = _around_aside(context, cue)
        return [aside] if context.token_count(aside) >= MIN_CONTENT_TOKENS else []
    if construction is Construction.PRO_FORM:
        answer = pro_form_answer(cue)
        return [] if answer is None else [context.trimmed(*answer)]
    if construction is Construction.OBJECT:
        content = _object_content(context, cue)
        return [content] if content[1] > content[0] else []
    if construction is Construction.TOPIC:
        return [c for c in _topic_content(context, cue) if c[1] > c[0]]
    return []


def clause_heads(cue: Token) -> list[Token]:
    """The heads of the clauses `cue` reports: its complement clauses, a clause coordinated onto
    it with a marker of its own, and `said in a statement that ...`."""
    clauses = [child for child in cue.children if _is_reported_clause(child)]
    return clauses + _statement_clauses(cue)


def object_heads(cue: Token) -> list[Token]:
    """The infinitive or object after `cue` that holds what it reports (`vowed to ...`); not
    the listener (`told Reuters`, `warned the council`)."""
    return [c for c in cue.rights if c.dep_ in OBJECT_LINKS and not is_addressee(cue, c)]


def is_addressee(cue: Token, obj: Token) -> bool:
    """An object that is only who was spoken to: a person, organisation or people, after a verb
    whose object can be the listener, with nothing said after it (`told Reuters on Monday`,
    `briefed reporters`; not `told a lie`, nor `told voters to stay home`, where PolNeAR
    reads the listener with what they were told)."""
    if obj.dep_ != "dobj" or cue.lower_ not in addressee_verbs():
        return False
    if any(c.i > obj.i and _tells_more(c) for c in [*cue.rights, *obj.rights]):
        return False  # `reminded voters of his record`: what the listener heard follows
    doc = obj.doc
    if any(t.is_quote for t in doc[obj.left_edge.i : obj.right_edge.i + 3]):
        return False  # `told the AP, "We ..."`: the quotation follows the listener
    if obj.ent_type_ in LISTENER_LABELS or obj.tag_ == "PRP":
        return True
    word = obj.lower_
    singular = word[:-1] if word.endswith("s") else word
    return bool({word, singular} & (person_nouns() | organization_nouns()))


def _tells_more(child: Token) -> bool:
    """A complement after a listener that says what they were told: a clause, an infinitive,
    or a phrase that is no time (`about the dangers`, not `on Monday`)."""
    if child.dep_ == "prep" and child.lower_ in TIME_PREPOSITIONS:
        return not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
    return child.dep_ in ("prep", "xcomp", "ccomp", "advcl", "oprd", "dative", "dobj")


def pro_form_answer(cue: Token) -> tuple[int, int] | None:
    """`said so`, `said as much`, `said yes, yes, yes`, `doesn't think so`: the tokens
    [first, last) of a word standing for what was said, the whole content however short."""
    doc = cue.doc
    words = [t.lower_ for t in doc[cue.i + 1 : cue.i + 3]]
    if words[:2] == ["as", "much"] and doc[cue.i + 2].head.i in (cue.i, cue.i + 1):
        return cue.i + 1, cue.i + 3
    if words[:1] != [] and words[0] in PRO_FORM_ANSWERS and doc[cue.i + 1].head.i == cue.i:
        last = cue.i + 1
        while last < len(doc) and doc[last].lower_ in PRO_FORM_ANSWERS | {","}:
            last += 1
        return cue.i + 1, last
    return None


def marked_clauses_on(noun: Token) -> list[Token]:
    """Clauses hung on a noun and opened by `that`, `whether` or `if`."""
    return [c for c in noun.children if c.dep_ in ("acl", "relcl") and has_clause_marker(c)]


def has_clause_marker(clause: Token) -> bool:
    return _has_marker(clause, CLAUSE_MARKERS)


def preposition_object(context: Context, prep: Token, links: tuple[str, ...]) -> CharSpan | None:
    """The words of a preposition's first object linked by one of `links`, if it has one."""
    objects = [c for c in prep.children if c.dep_ in links]
    if not objects:
        return None
    return context.trimmed(objects[0].left_edge.i, objects[0].right_edge.i + 1)


def clause_content(context: Context, clause: Token) -> CharSpan:
    """The clause's words, stopping before a second reporting verb coordinated onto it.

    The parser reads "said A but said B" as "said (A but said B)"; the second `said` has its
    own clause and is handled as a cue of its own. A coordinated clause with its own `that`
    ("that A and that one was found") is a second part of the same report, whatever its verb.
    """
    last = clause.right_edge.i + 1
    for child in clause.rights:
        if child.dep_ == "conj" and is_cue(child) and not has_clause_marker(child):
            coordinator = [c for c in clause.rights if c.dep_ == "cc" and c.i < child.i]
            last = (coordinator[-1] if coordinator else child).left_edge.i
            break
    last = _before_trailing_aside(context, clause, last)
    last = _through_reason(clause, last)
    content = context.trimmed(clause.left_edge.i, _through_colon(context, clause, last))
    return _through_open_quotation(context, content)


def _through_open_quotation(context: Context, content: CharSpan) -> CharSpan:
    """`said the country has spent "hundreds of years fighting racism, to have that debate
    again, young people do not want ..."`: a clause the parser ends inside a quotation it
    opened goes on to the quotation's end."""
    for quote in context.quotes:
        if content[0] <= quote.opening < content[1] < quote.closing and quote.closed:
            return content[0], quote.closing
    return content


def _through_reason(clause: Token, last: int) -> int:
    """`said the claim smacked of hypocrisy, because Democrats ...`: a reason or consequence the
    parser hung on the cue, right after its clause, is the speaker's (`, because`, `, so`)."""
    cue = clause.head
    if cue.i > clause.i or last != clause.right_edge.i + 1:
        return last
    for child in cue.rights:
        if child.i > clause.i and child.dep_ == "advcl" and _has_marker(child, REASON_MARKERS):
            return child.right_edge.i + 1
    return last


def _has_marker(clause: Token, markers: frozenset[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in markers for c in clause.children)


def _through_colon(context: Context, clause: Token, last: int) -> int:
    """`said three things happen at once: prices rise, rates fall and ...`: a colon right after
    a reported clause opens what the clause announces, up to the end of its sentence."""
    doc = context.doc
    if last + 1 >= len(doc) or doc[last].text != ":" or clause.head.i > clause.i:
        return last
    if context.opens_quote(doc[last + 1]):
        return last  # a quotation after the colon carries the report on (`run_on`)
    end = last + 1
    while end < len(doc) and doc[end].text not in SENTENCE_END and "\n" not in doc[end].text:
        end += 1
    return end


def according_to_content(context: Context, cue: Token) -> list[CharSpan]:
    """`According to X, ...` and `..., according to X.`: the rest of the sentence."""
    phrase_first, phrase_last = cue.left_edge.i, cue.right_edge.i + 1
    sentence = cue.sent
    before = context.trimmed(sentence.start, phrase_first)
    after = context.trimmed(phrase_last, sentence.end)
    return [before if before[1] - before[0] > after[1] - after[0] else after]


def _is_reported_clause(child: Token) -> bool:
    if child.dep_ in CLAUSE_LINKS:
        return True
    # "tweeted early on Monday that A": the parser may take the clause for an adverbial one.
    if child.dep_ == "advcl" and child.i > child.head.i and _opened_by_that(child):
        return True
    # "Abuza said ..., nor that Moscow was ...": a second clause coordinated onto the cue.
    return child.dep_ == "conj" and has_clause_marker(child)


def _statement_clauses(cue: Token) -> list[Token]:
    """`said in a statement that ...`, `tweeted in the early hours that ...`: the parser hangs
    the clause on the noun."""
    nouns = [g for c in cue.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    marked = [clause for noun in nouns for clause in marked_clauses_on(noun)]
    hung = [c for noun in nouns for c in noun.children if c.dep_ == "relcl" and _opened_by_that(c)]
    return marked + [clause for clause in hung if clause not in marked]


def _opened_by_that(clause: Token) -> bool:
    """A clause whose first word is a `that` the parser took for an adverb or marker: a
    complement clause, not a relative one (whose `that` is its subject or object)."""
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ in ("mark", "advmod") and first.head.i == clause.i


def _rejoined(context: Context, contents: list[CharSpan]) -> list[CharSpan]:
    """Clauses of one cue with nothing but a space or comma between them are one clause the
    parser broke in two (`discovered that attempts to enter | were made by ...`)."""
    joined: list[CharSpan] = []
    for content in contents:
        if joined and not context.text[joined[-1][1] : content[0]].strip(" ,"):
            joined[-1] = (joined[-1][0], content[1])
        else:
            joined.append(content)
    return joined


def _before_trailing_aside(
    context: Context, head: Token, last: int, of_object: bool = False
) -> int:
    """Where the content under `head` ends when a comma and an aside close it.

    `said he would run, arguing that ...`: the participle is a second report of its own.
    `said the city would sue Acme, which owns the plant`: a gloss that closes the content is
    the writer's (`_closes_as_gloss`). The content stops at the comma.
    """
    doc = context.doc
    for token in doc[head.i + 1 : last]:
        comma = token.left_edge.i - 1
        if (
            comma > head.i
            and doc[comma].text == ","
            and (is_reporting_participle(token) or _closes_as_gloss(token, last, of_object))
            and not _opens_unclosed_quote(context.text[head.idx : doc[comma].idx])
        ):
            return comma
    return last


def _closes_as_gloss(token: Token, last: int, of_object: bool = False) -> bool:
    """The writer's gloss running to the content's end: a relative clause or apposition on a
    name (`, which owns ...`, `, the mayor`) or a concessive clause (`, although ...`).

    Only names in a reported clause: after a common noun the clause more often says what the
    speaker meant. A cue's object is a thing named, not a statement: `criticized the tax plan,
    which takes effect in May` glosses it whatever the noun, unless the relative clause holds a
    report of its own (`backed the strikers, who have protested that ...`: the outer report).
    """
    doc = token.doc
    if any(not (t.is_punct or t.is_space) for t in doc[token.right_edge.i + 1 : last]):
        return False
    if token.dep_ == "appos":
        return token.head.pos_ == "PROPN"
    if token.dep_ == "advcl":
        return _has_marker(token, CONCESSIVE_MARKERS)
    return (
        token.dep_ == "relcl"
        and token.left_edge.lower_ in GLOSS_RELATIVES
        and (token.head.pos_ == "PROPN" or (of_object and not any(map(is_cue, token.subtree))))
    )


def _opens_unclosed_quote(text: str) -> bool:
    """Whether `text` leaves a double quotation open, so that what follows is quoted words."""
    curly_open = text.count("“") > text.count("”")
    straight_open = text.count('"') % 2 == 1
    doubled_open = text.count(DOUBLED_APOSTROPHE) % 2 == 1
    return curly_open or straight_open or doubled_open


def _around_aside(context: Context, cue: Token) -> CharSpan:
    """`One reason, he said, is that ...`: the sentence the cue interrupts, up to a statement
    of its own coordinated after the cue (`..., she said, and the mayor said ...` is two) and
    before a gloss of the writer's closing it (`..., it said, was its biggest, although ...`)."""
    head = _interrupted_clause(cue)
    first, last = head.left_edge.i, _before_own_clause(head, cue)
    last = _before_trailing_aside(context, cue, last)
    aside_first = _aside_start(cue)
    if cue.right_edge.i + 1 >= last - 1:
        last = aside_first
    elif aside_first <= first:
        first = cue.right_edge.i + 1
    return context.trimmed(first, last)


def _interrupted_clause(cue: Token) -> Token:
    """The head of the clause an aside interrupts: the parser may hang the aside on that
    clause's subject (`The difference now, he told me, is that ...`)."""
    head = cue.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    while _ends_at(head, cue) and head.dep_ == "advcl" and head.head.i > cue.i:
        head = head.head  # `Though A, he said, B`: the aside closes A and interrupts B
    return head


def _ends_at(clause: Token, cue: Token) -> bool:
    return clause.right_edge.i <= cue.right_edge.i + 1


def _aside_start(cue: Token) -> int:
    """Where the aside's own words start: its subject, not a clause before it that the parser
    gave the aside (`Though A, he said, B`)."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECTS and c.i < cue.i]
    return subjects[0].left_edge.i if subjects else cue.left_edge.i


def _before_own_clause(head: Token, cue: Token) -> int:
    """Where `head`'s words end before a conjunct after `cue` that is a statement of its own."""
    for child in head.rights:
        if child.i > cue.i and child.dep_ == "conj" and _ends_statement(head, child, cue):
            coordinators = [c for c in head.rights if c.dep_ == "cc" and cue.i < c.i < child.i]
            return (coordinators[-1] if coordinators else child).left_edge.i
    return head.right_edge.i + 1


def _ends_statement(head: Token, conjunct: Token, cue: Token) -> bool:
    """Whether a clause coordinated onto `head` after the aside is a statement of its own: one
    with a reporting verb (`..., she said, and the mayor said ...`), or any clause with a
    subject when the aside opens the sentence (`But, he added, "A, and B"`: the quotation is
    its own report). `Many were older, she said, and "I had to step back"` goes on."""
    if not _has_subject(conjunct):
        return False
    return is_cue(conjunct) or head.i > cue.i


def _has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECTS for child in verb.children)


def _object_content(context: Context, cue: Token) -> CharSpan:
    """`vowed to cut taxes`, `urged voters to stay home`: what the speaker wants done.

    The intention (an infinitive clause) and the person it is asked of form the content. An
    object that holds a report of its own (`rejected the senator's claim that ...`) is still
    the content: PolNeAR annotates the outer report, and the inner one gives way to it.
    """
    complements = object_heads(cue)
    complements += [c for c in cue.rights if _completes_object(c, complements[0])]
    first, last = complements[0].left_edge.i, max(c.right_edge.i for c in complements)
    last = _before_trailing_aside(context, complements[0], last + 1, of_object=True)
    return context.trimmed(first, _before_dash_addition(context, complements[0], last))


def _before_dash_addition(context: Context, head: Token, last: int) -> int:
    """Where an object's content ends before an addition of the writer's after a spaced dash:
    `dismissed Estonia as being in the "suburbs" — a metaphor for ...`, `thanked Trump for
    backing his priority - delaying a planned end to ...`."""
    doc = context.doc
    for token in doc[head.i + 1 : last]:
        if _opens_addition(token, last) and not _opens_unclosed_quote(
            context.text[doc[head.i].idx : token.idx]
        ):
            return token.i
    return last


def _opens_addition(dash: Token, last: int) -> bool:
    """A spaced dash opening the writer's addition: a description (`— a move that ...`,
    `— all businesses he assailed`), a participle (`— saying ...`) or a circumstance (`— with
    Trump losing ...`); not a pair of dashes around a parenthesis, nor a dash before the names
    of what the object stands for (`the cause — gun control`)."""
    doc = dash.doc
    if dash.text not in DASHES or not dash.whitespace_ or not doc[dash.i - 1].whitespace_:
        return False
    if dash.i + 1 >= last or any(t.text == dash.text for t in doc[dash.i + 1 : last]):
        return False
    after = doc[dash.i + 1]
    return after.lower_ in DASH_ADDITIONS or after.tag_ == "VBG"


def _completes_object(child: Token, first: Token) -> bool:
    """What follows a cue's object and belongs with it: the ground (`accused the firm of
    fraud`) and the predicate (`called the charges unfounded`)."""
    if child.i <= first.i:
        return False
    if child.dep_ == "prep":
        return child.lower_ in GROUND_PREPOSITIONS or _modifies_object(child)
    if child.dep_ == "advcl" and child.left_edge.lower_ == "to":  # `funds to help states`
        return child.doc[child.left_edge.i - 1].text != ","
    if _is_question_conjunct(child):
        return True
    if child.dep_ == "conj":  # `wants to cut taxes and raise wages`: more of the infinitive
        if first.dep_ == "dobj" and _is_bare_verb(child) and _continues_object(child):
            return True
        return first.dep_ == "xcomp" and child.tag_ == "VB" and _is_bare_verb(child)
    return child.dep_ in ("oprd", "dative")


def _is_question_conjunct(conjunct: Token) -> bool:
    """`discussed trade and how he would fix it`: a question coordinated after the cue's
    object or topic, which the parser hangs on the cue, is more of what was spoken of."""
    first = conjunct.left_edge
    return (
        conjunct.dep_ == "conj"
        and conjunct.head.dep_ != "relcl"  # `who met X and who has ...`: a second relative
        and first.tag_ in QUESTION_TAGS
        and conjunct.doc[first.i - 1].lower_ in ("and", "or")
    )


def _continues_object(conjunct: Token) -> bool:
    """A conjunct the parser hung on the cue that is a second object: a noun, or a gerund
    after a cue that is not one (`mentioned refinancing loans and forcing universities to ...`)."""
    if conjunct.tag_ in ("NN", "NNS"):
        return True
    return conjunct.tag_ == "VBG" and conjunct.head.tag_ != "VBG"


def _modifies_object(prep: Token) -> bool:
    """A phrase the parser hung on the verb that describes the object: `held a concert in
    support of X`; not when, where or how long the verb happened (`in March`, `at the rally`)."""
    doc = prep.doc
    if doc[prep.i - 1].text == "," or prep.lower_ in CIRCUMSTANCE_PREPOSITIONS:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ in CHANNEL_PREPOSITIONS and any(o.lower_ in channel_nouns() for o in objects):
        return False  # `attacked Machado in early-morning tweets`: where it was said
    return not any(o.ent_type_ in CIRCUMSTANCE_ENTITIES for o in objects)


def _is_bare_verb(verb: Token) -> bool:
    """A verb with no subject, auxiliary or negation of its own: `(to) grow`, not `didn't reply`."""
    return not any(child.dep_ in BARE_VERB_EXCLUDES for child in verb.children)


def _topic_content(context: Context, cue: Token) -> list[CharSpan]:
    """`called for new elections`, `warned of delays`: the object of the cue's preposition.

    `called for the city to act` is parsed as a clause marked by `for`: its words after the
    `for` are the content.
    """
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in _topic_prepositions(cue):
            topic = preposition_object(context, child, ("pobj", "pcomp"))
            if topic is not None:
                topic = _through_as(context, cue, child, topic)
                questions = [c for c in cue.rights if c.i > child.i and _is_question_conjunct(c)]
                if questions:
                    topic = topic[0], context.trimmed(cue.i, questions[-1].right_edge.i + 1)[1]
                return [topic]
        marker = _for_marker(child)
        if marker is not None:
            return [context.trimmed(marker.i + 1, child.right_edge.i + 1)]
    return []


def _through_as(context: Context, cue: Token, prep: Token, topic: CharSpan) -> CharSpan:
    """`referred to the senator as "a liar"`: what the topic is taken for goes with it."""
    taken_as = [c for c in cue.rights if c.i > prep.i and c.dep_ == "prep" and c.lower_ == "as"]
    if not taken_as or context.doc[taken_as[0].i - 1].text == ",":
        return topic
    return topic[0], context.trimmed(taken_as[0].i, taken_as[0].right_edge.i + 1)[1]


def _for_marker(clause: Token) -> Token | None:
    """The `for` opening an infinitive clause with a subject (`for the city to act`)."""
    if clause.dep_ != "advcl" or not _has_subject(clause):
        return None
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)


def _topic_prepositions(cue: Token) -> frozenset[str]:
    return TOPIC_PREPOSITIONS | topic_prepositions().get(cue.lower_, frozenset())
