"""Pronoun speakers: "he said", "they said", relative "who".

A pronoun takes the closest compatible antecedent: agreement first (gender when known, person
vs. organisation vs. group from the pronoun), then the nearest sentence, then subjects before
other mentions, then the most recent. A pronoun that is a subject continues an earlier
subject: a mention in an earlier sentence that is no subject counts as one sentence further.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from spacy.tokens import Token

from quotecli.nlp.wordlists import PronounInfo
from quotecli.records import SpeakerKind

# Sentences to look back; beyond this a pronoun is left unresolved rather than guessed.
MAX_SENTENCES = 6
# Extra sentences a non-subject antecedent of a subject pronoun counts as, in earlier sentences.
NON_SUBJECT_PENALTY = 1
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
KINDS_BY_NUMBER = {
    "singular": frozenset({SpeakerKind.PERSON}),
    "plural": frozenset({SpeakerKind.GROUP, SpeakerKind.ORGANIZATION}),
    "any": frozenset({SpeakerKind.PERSON, SpeakerKind.GROUP, SpeakerKind.ORGANIZATION}),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible antecedent: a mention's head token and what it refers to.

    `entity` is an entity index, or `-1 - person` for a named person who has not spoken yet.
    """

    token: int
    entity: int
    kind: SpeakerKind
    is_subject: bool


def relative_antecedent(pronoun: Token, persons: Container[int] = ()) -> Token | None:
    """The noun a relative clause attaches to: "the allies, who have protested" -> "allies".

    `persons`: tokens of named people. A person named just before the pronoun is its
    antecedent even where the parser hangs the clause on another name of the list
    ("Ann Lee, Tom Roe and Ida Cole, who joked" -> Ida Cole)."""
    verb = pronoun.head
    before = previous_word(pronoun)
    if verb.dep_ != "relcl" or not verb.head.tag_.startswith("NN"):
        # "the Police Department which reported", the clause misread: the noun just before
        if (
            pronoun.lower_ in ("who", "which")
            and before is not None
            and (before.tag_ in ("NNP", "NNPS") or before.i in persons)
        ):
            return before
        return None
    noun = verb.head
    if (
        before is not None
        and before.i in persons
        and before.i != noun.i
        and (noun in before.ancestors or noun in before.conjuncts)
    ):
        return before
    # "the United States and its allies, who ...": the clause hangs on the last conjunct,
    # but refers to the whole coordination, whose head is the first conjunct; not so for a
    # person ("George Lee and his wife, Ann, who spoke").
    while (
        noun.dep_ == "conj"
        and noun.head.tag_.startswith("NN")
        and noun.i not in persons
        and not any(c.dep_ == "appos" and c.i in persons for c in noun.children)
    ):
        noun = noun.head
    return noun


def previous_word(token: Token) -> Token | None:
    """The word before `token`, past one comma."""
    i = token.i - 1
    if i >= 0 and token.doc[i].text == ",":
        i -= 1
    return token.doc[i] if i >= 0 else None


def allowed_kinds(info: PronounInfo) -> frozenset[SpeakerKind]:
    if info.gender == "neutral":
        return frozenset({SpeakerKind.ORGANIZATION})
    return KINDS_BY_NUMBER[info.number]


def pick_antecedent(
    pronoun: Token,
    candidates: list[Candidate],
    info: PronounInfo,
    gender_of: Callable[[int], str | None],
    sentence_of: Callable[[int], int],
) -> Candidate | None:
    """The best antecedent of `pronoun` among `candidates` (all before it), or None."""
    here = sentence_of(pronoun.i)
    kinds = allowed_kinds(info)
    best: tuple[int, bool, bool, int] | None = None
    chosen: Candidate | None = None
    for candidate in candidates:
        distance = here - sentence_of(candidate.token)
        if candidate.kind not in kinds or not 0 <= distance <= MAX_SENTENCES:
            continue
        gender = gender_of(candidate.entity)
        if info.gender in ("male", "female") and gender not in (None, info.gender):
            continue
        if distance > 0 and not candidate.is_subject and pronoun.dep_ in SUBJECT_DEPS:
            distance += NON_SUBJECT_PENALTY  # "Lee met Ann Roe. She said": Lee, if a woman
        # "Lee described Ann Roe as a disgrace after she ...": in the same sentence, a known
        # gender that agrees outweighs a subject of unknown gender ("Lee said Roe's ...
        # but he": not a possessive)
        sure = gender is not None and pronoun.doc[candidate.token].dep_ != "poss"
        unsure = distance == 0 and info.gender in ("male", "female") and not sure
        rank = (distance, unsure, not candidate.is_subject, -candidate.token)
        if best is None or rank < best:
            best, chosen = rank, candidate
    return chosen
