"""Nominal speaker phrases: noun-phrase names and the person who holds a role in the article.

"Vietnam's president" and "the Vietnamese president" both ask for a person whose title names a
president of Vietnam ("Vietnamese President To Lam"); "the Russian leader" accepts any title
that `roles.json` lists as a kind of leader.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from quotecli.nlp.mentions import People, Person, person_places, role_texts
from quotecli.nlp.names import place_of
from quotecli.nlp.wordlists import (
    fold,
    gendered_roles,
    group_leading_words,
    role_changing_words,
    role_equivalents,
)
from quotecli.records import SpeakerKind

MODIFIER_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "case", "quantmod"})
# Marks a qualifier word the role's holder must have in their title.
REQUIRED = "!"
# Marks a noun qualifier the holder must have when their title names the role another way:
# a "band leader" is no president, while a "state attorney general" is an attorney general.
KIND = "~"
QUALIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


@dataclass(frozen=True, slots=True)
class Referent:
    """What a speaker phrase refers to, before it becomes an Entity.

    `key` identifies the entity within the article; `alias` is the surface form to remember;
    `person` is the index of a named `Person` when there is one.
    """

    kind: SpeakerKind
    key: tuple[str, str]
    name: str
    alias: str | None
    person: int | None = None
    named: bool = True  # False for "a source", "critics", "the agency": no proper name
    title: str | None = None  # an unnamed person's role: "band leader"


def has_proper_noun(head: Token) -> bool:
    """Whether the phrase up to `head` is named by its modifiers: all of them capitalised."""
    doc = head.doc
    modifiers = [c for c in head.lefts if c.dep_ in MODIFIER_DEPS]
    start = min((c.left_edge.i for c in modifiers), default=head.i)
    words = [t for t in doc[start : head.i] if t.tag_ not in ("DT", "POS") and not t.is_punct]
    # Every modifier capitalised: "House panel", "Saudi government"; not "top British journal".
    return bool(words) and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in words)


def singular(word: str) -> str:
    """A rough singular for role nouns: "officials" -> "official", "secretaries" -> "secretary"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def noun_phrase_core(head: Token, with_conjuncts: bool = False) -> str:
    """The phrase up to its head, without a leading determiner or quantifier and without
    postmodifiers: "An EU delegation spokesperson in Vietnam" -> "EU delegation spokesperson".
    With conjuncts: "the United States and its allies" -> "United States and its allies"."""
    doc = head.doc
    modifiers = [c for c in head.lefts if c.dep_ in MODIFIER_DEPS]
    start = min((c.left_edge.i for c in modifiers), default=head.i)
    end = head.i + 1
    if with_conjuncts:
        conjuncts = [c for c in head.rights if c.dep_ == "conj"]
        if conjuncts:
            end = _name_end(conjuncts[-1])
    while start < head.i and doc[start].lower_ in group_leading_words():
        start += 1
    return doc[start:end].text


def _name_end(token: Token) -> int:
    """Past `token`, or past the whole name it stands in ("Harvard and the University of
    California at Berkeley": the second name does not stop at "University")."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return token.i + 1 if entity is None else max(entity.end, token.i + 1)


def resolve_role(
    head: Token, people: People, unnamed: list[tuple[str, tuple[str, str]]]
) -> Referent | None:
    """The person (named, else unnamed) who holds the role `head` names, nearest first."""
    own = singular(fold(head.text))
    roles = role_equivalents(own)
    gender = gendered_roles().get(own)
    place, qualifiers = read_qualifiers(head)
    best: tuple[int, int, int] | None = None
    for index, person in enumerate(people.persons):
        if gender is not None and person.gender not in (None, gender):
            continue  # "the chairman" is no woman
        score = role_score(person, own, place, qualifiers)
        if score is None:
            continue
        rank = (-score, nearest(person, head.i), index)
        best = rank if best is None or rank < best else best
    if best is not None:
        person = people.persons[best[2]]
        alias = noun_phrase_core(head)
        return Referent(SpeakerKind.PERSON, ("person", str(best[2])), person.name, alias, best[2])
    for name, key in reversed(unnamed):
        if fold(name.split()[-1]) in roles:
            return Referent(SpeakerKind.PERSON, key, name, noun_phrase_core(head), named=False)
    return None


def read_qualifiers(head: Token) -> tuple[str | None, set[str]]:
    """The place qualifying a role ("Vietnam's", "Vietnamese") and its other qualifier words."""
    place: str | None = None
    words: set[str] = set()
    for child in head.lefts:
        if child.dep_ not in QUALIFIER_DEPS:
            continue
        found = place_of(child.text) if child.ent_type_ in ("GPE", "NORP") else None
        found = found or demonym_place(child)
        if found:
            place = found
        elif child.text[:1].isupper() and not child.is_sent_start:
            # A proper adjective ("the Democratic nominee") must be in the title: it tells
            # this nominee from the other party's.
            words.add(REQUIRED + fold(child.text))
        elif child.dep_ == "compound" and child.tag_ == "NN":
            words.add(KIND + fold(child.text))
        else:
            words.add(fold(child.text))
    return place, words


def demonym_place(token: Token) -> str | None:
    """A lower-case-tagged adjective like "Vietnamese" still names a place."""
    return place_of(token.text) if token.text[:1].isupper() else None


def role_score(person: Person, role: str, place: str | None, words: set[str]) -> int | None:
    """How well a person fits a role; None when they do not hold it or are from elsewhere."""
    scores = [title_score(text, role, words) for text in role_texts(person)]
    held = [score for score in scores if score is not None]
    if not held:
        return None
    score = max(held)
    if place is not None:
        places = person_places(person)
        if places and place not in places:
            return None
        score += 2 if place in places else 0
    return score


def title_score(text: str, role: str, words: set[str]) -> int | None:
    """How many qualifier words one title shares with the nominal `role`; None if it is
    another role ("vice presidential nominee" for "the presidential nominee")."""
    held = text.split()
    if not any(holds_role(text, held, title) for title in role_equivalents(role)):
        return None
    if not holds_role(text, held, role) and any(
        word.startswith(KIND) and word[1:] not in held for word in words
    ):
        return None
    if any(word in role_changing_words() and word not in words for word in held):
        return None
    if any(word in role_changing_words() and word not in held for word in words):
        return None  # "the former secretary" is not the serving press secretary
    if any(word.startswith(REQUIRED) and word[1:] not in held for word in words):
        return None
    return sum(1 for word in words if word.lstrip(REQUIRED + KIND) in held)


def holds_role(text: str, held: list[str], role: str) -> bool:
    """Whether a title names `role`: a word of it, or a phrase within it ("prime minister")."""
    return role in held if " " not in role else role in text


def nearest(person: Person, position: int) -> int:
    """Distance to the person's closest mention, mentions before `position` first."""
    return min(
        position - m.start if m.start <= position else 1_000_000 + m.start - position
        for m in person.mentions
    )
