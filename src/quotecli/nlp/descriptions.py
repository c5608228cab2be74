"""Roles an article gives a person in other sentences: "the attorney general", "the Republican
presidential nominee", "the South Carolina senator" standing for someone named nearby.

A definite role phrase that is no part of a name goes to the person it most likely stands for:
among the people named in it or the sentences just before, agreeing in gender with a gendered
role, the one the article names most often (the article's subject), then the latest named. The
phrases become the person's `described` roles, which fill a missing title or affiliation and
let later role nouns ("the nominee") find the person.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from quotecli.nlp.mentions import People, Person, role_texts
from quotecli.nlp.nominals import singular
from quotecli.nlp.spans import CharSpan
from quotecli.nlp.wordlists import (
    fold,
    gendered_roles,
    generic_person_nouns,
    kin_nouns,
    person_nouns,
    personal_pronouns,
    role_equivalents,
)

DONE_KEY = "quotecli.descriptions"
# Sentences before a role phrase in which the person it stands for must be named.
LOOK_BACK = 2
QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
POSTMODIFIER_PREPOSITIONS = frozenset({"of", "for", "at", "on", "from", "to"})
MAX_WORDS = 9
# Clauses of their own inside a sentence: a possessive there may be anyone's.
EMBEDDED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis"})
# A lede that holds back a name ("A former party chairman says ...") is one of the article's
# first sentences (the headline counts), and the name comes within this many sentences.
LEDE_SENTENCES = 2
LEDE_LOOK_AHEAD = 3


def add_descriptions(doc: Doc, people: People, sources: list[CharSpan]) -> None:
    """Give each person the role phrases that stand for them (once per Doc).

    A phrase that is itself a quote's source ("The nominee said") is left to the speaker
    resolver: taking the speaker from the role is its job, and a guess here would decide it.
    """
    if doc.user_data.get(DONE_KEY) or not people.persons:
        return
    doc.user_data[DONE_KEY] = True
    starts = [sent.start for sent in doc.sents]
    named = named_sentences(people, starts)
    for token in doc:
        if not is_described_role(token, people) or inside(token.idx, sources):
            continue
        here = bisect_right(starts, token.i) - 1
        person = likely_holder(people, named, here, token)
        if person is not None:
            person.described.append(role_phrase(token))


def is_described_role(token: Token, people: People) -> bool:
    """ "the attorney general", "the GOP presidential nominee": a definite, singular role noun
    of nobody else ("the Clinton spokesman" is not Clinton), outside any name."""
    if token.tag_ != "NN" or not token.text.islower() or token.i in people.by_token:
        return False
    if token.dep_ in ("compound", "poss") or fold(token.text) not in person_nouns():
        return False
    if fold(token.text) in generic_person_nouns():
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    return not any(
        c.dep_ == "poss"
        or (c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS"))  # "the senator, Ann Lee": hers
        or (c.dep_ == "compound" and c.i in people.by_token)
        for c in children
    )


def named_sentences(people: People, starts: list[int]) -> list[list[tuple[int, int]]]:
    """For each sentence, (person, token) of every name mention in it."""
    found: list[list[tuple[int, int]]] = [[] for _ in starts]
    for number, person in enumerate(people.persons):
        for mention in person.mentions:
            found[bisect_right(starts, mention.start) - 1].append((number, mention.start))
    return found


def likely_holder(
    people: People, named: list[list[tuple[int, int]]], here: int, role: Token
) -> Person | None:
    gender = gendered_roles().get(fold(role.text)) or own_clause_gender(role)
    best: tuple[int, int] | None = None
    chosen: Person | None = None
    for sentence in range(max(here - LOOK_BACK, 0), here + 1):
        for number, position in named[sentence]:
            person = people.persons[number]
            if position >= role.i or (gender and person.gender not in (None, gender)):
                continue
            if holds_other_role(person, role):
                continue  # "the Indiana governor" is not the one known as the nominee
            rank = (len(person.mentions), position)
            if best is None or rank > best:
                best, chosen = rank, person
    return chosen


def own_clause_gender(role: Token) -> str | None:
    """The gender a subject role phrase shows by the first possessive after it in its clause,
    before anyone else is named: "The Democratic nominee attacked her opponent" is a woman."""
    if role.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(t.ent_type_ == "PERSON" for t in role.doc[role.sent.start : role.i]):
        return None  # "As Trump faces backlash, the widow comes to his defense": his
    own = [
        token
        for child in role.head.children
        if child.i > role.i and child.dep_ not in EMBEDDED_CLAUSE_DEPS
        for token in child.subtree
    ]
    for token in sorted(own, key=lambda t: t.i):
        if token.ent_type_ in ("PERSON", "ORG", "NORP"):
            return None  # "The senator praised Ann Lee and her staff": hers, maybe not his
        if token.tag_ == "PRP$" and token.lower_ in ("his", "her"):
            following = token.doc[token.i + 1 : token.i + 3]
            if any(t.lower_ in ("or", "and") for t in following):
                return None  # "his or her": anyone's
            return personal_pronouns()[token.lower_].gender
    return None


def role_phrase(head: Token) -> str:
    """The role as written, without its article: "Republican presidential nominee",
    "secretary of the economy" (a short postmodifier stays)."""
    doc = head.doc
    modifiers = [c for c in head.lefts if c.dep_ in QUALIFIER_DEPS or is_named_kin(head, c)]
    start = min((c.left_edge.i for c in modifiers), default=head.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in POSTMODIFIER_PREPOSITIONS:
            last = child.right_edge.i + 1
            if last - start <= MAX_WORDS and not any(t.is_punct for t in doc[end:last]):
                end = last
            break
    return doc[start:end].text


def is_named_kin(head: Token, modifier: Token) -> bool:
    """A named possessor of a kin noun is part of the role: "Keith Scott's wife" (a bare "wife"
    says nothing of whom)."""
    return (
        modifier.dep_ == "poss"
        and modifier.tag_ in ("NNP", "NNPS")
        and fold(head.text) in kin_nouns()
    )


def inside(offset: int, spans: list[CharSpan]) -> bool:
    return any(start <= offset < end for start, end in spans)


def holder_nearby(doc: Doc, people: People, role: Token) -> int | None:
    """The person a definite role phrase most likely stands for (as for descriptions)."""
    if not is_described_role(role, people):
        return None
    starts = [sent.start for sent in doc.sents]
    here = bisect_right(starts, role.i) - 1
    person = likely_holder(people, named_sentences(people, starts), here, role)
    if person is None or role_texts(person):
        return None  # a holder of this very role was refused by its qualifiers ("former")
    return people.persons.index(person)


def holds_other_role(person: Person, role: Token) -> bool:
    """Whether the article gives the person roles, none of them this one."""
    texts = role_texts(person)
    if not texts:
        return False
    wanted = role_equivalents(singular(fold(role.text)))
    return not any(
        word in wanted or singular(word) in wanted for text in texts for word in text.split()
    )


def lede_holder(doc: Doc, people: People, role: Token) -> int | None:
    """The person a lede's role phrase names before the article gives the name: "A former
    party chairman says ... . '...,' said Ann Roe" -> Ann Roe. Only for an indefinite or bare
    role ("a former chairman", headline "Former chairman") in the first sentences; the holder
    is the first person named after them (those the lede names are whom it talks about),
    soon after."""
    if role.tag_ != "NN" or role.i in people.by_token or not is_role_noun_word(role):
        return None
    if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in role.children):
        return None  # "the chairman", "his lawyer": someone named or known already
    starts = [sent.start for sent in doc.sents]
    if bisect_right(starts, role.i) - 1 >= LEDE_SENTENCES or len(starts) <= LEDE_SENTENCES:
        return None
    after_lede = starts[LEDE_SENTENCES]
    gender = gendered_roles().get(fold(role.text))
    first: tuple[int, int] | None = None
    for number, person in enumerate(people.persons):
        start = person.mentions[0].start
        if start < after_lede or (gender and person.gender not in (None, gender)):
            continue
        if first is None or start < first[0]:
            first = (start, number)
    if first is None or bisect_right(starts, first[0]) - 1 >= LEDE_SENTENCES + LEDE_LOOK_AHEAD:
        return None
    return first[1]


def is_role_noun_word(token: Token) -> bool:
    word = fold(token.text)
    return word in person_nouns() and word not in generic_person_nouns()
