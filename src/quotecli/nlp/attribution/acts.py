"""Speech or thought: whether a report gives words someone communicated, or a belief,
intention, attitude, perception or piece of evidence (`records.Act`).

A rule knows its default (intentions, stances, views and characterisations are thought);
a reporting word of belief or perception (`believes`, `knows`, `shows`) or a source that is
evidence rather than a speaker (`polls show`, `according to the data`) makes any report
thought, unless a document states it (`the study shows`: a publication says so in writing);
so does a verb of indication whose subject is a thing that cannot speak (`the story
suggests`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from quotecli.nlp.attribution.cues import subject_token
from quotecli.nlp.lexicon import (
    agreement_verbs,
    avoidance_words,
    evidence_nouns,
    indication_verbs,
    thought_nouns,
    thought_verbs,
    written_reports,
)
from quotecli.nlp.nominals import has_proper_noun, singular
from quotecli.nlp.wordlists import (
    document_nouns,
    generic_person_nouns,
    kin_groups,
    kin_nouns,
    organization_nouns,
    person_nouns,
    quantity_heads,
)
from quotecli.records import Act

# How far before its verb a negation may stand: `did not immediately respond`.
NEGATION_REACH = 3
# Entity types of a source that can speak: people, organisations, nationalities, countries.
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Relative pronouns that stand for the noun their clause hangs on (`his death, which ...`).
THING_RELATIVES = frozenset({"which", "that"})
# Links climbed from a cue to the word that may hold it back: `avoids condemning` (xcomp),
# `steering clear of criticizing` (pcomp, prep, advmod), `declined to say` (xcomp).
HELD_BACK_LINKS = frozenset({"xcomp", "pcomp", "prep", "advmod", "acomp", "acl"})
HELD_BACK_REACH = 3
# Modals of possibility: `could deny`, `may highlight` say what might be, not what was said.
POSSIBILITY_MODALS = frozenset({"can", "could", "may", "might"})
# Subjects of `let` in a supposition: `Let's say you think ...`, `let us say ...`.
SUPPOSING_SUBJECTS = frozenset({"'s", "us"})
# Objects that make a telling talk to oneself: `told herself that ...`.
REFLEXIVES = frozenset(
    {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}
)


def act_of(cue: Token, default: Act = Act.SPEECH) -> Act:
    """The act of a report whose cue is `cue`, for a rule whose reports are `default`."""
    if default is Act.THOUGHT or is_negated(cue) or is_hypothetical(cue) or is_held_back(cue):
        return Act.THOUGHT
    if is_self_talk(cue):
        return Act.THOUGHT
    subject = subject_token(cue)
    said_in_writing = subject is not None and subject.lower_ in written_reports()
    if cue.lower_ in thought_verbs() and not (said_in_writing or _voices_agreement(cue)):
        return Act.THOUGHT
    if subject is not None and subject.lower_ in evidence_nouns():
        return Act.THOUGHT
    if subject is not None and cue.lower_ in indication_verbs() and not can_speak(subject, cue):
        return Act.THOUGHT
    return Act.SPEECH


def can_speak(subject: Token, cue: Token) -> bool:
    """Whether the subject of `cue` is someone or something that can say things: a name, a
    pronoun, a person, group or organisation noun, or a document; not a thing such as a
    story, a debate or a death (`which` and `that` stand for the noun they hang on)."""
    if subject.lower_ in THING_RELATIVES and cue.dep_ == "relcl":
        subject = cue.head
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_ in SPEAKER_ENTITIES:
        return True
    if has_proper_noun(subject):
        return True
    return bool({subject.lower_, singular(subject.lower_)} & _speaking_nouns())


@cache
def _speaking_nouns() -> frozenset[str]:
    return (
        person_nouns()
        | generic_person_nouns()
        | kin_nouns()
        | kin_groups()
        | organization_nouns()
        | document_nouns()
        | quantity_heads()
        | written_reports()
    )


def _voices_agreement(cue: Token) -> bool:
    """`agreed that ...`, `agreed with the analysis`: agreement stated, not an undertaking
    (`agreed to pay`, thought)."""
    if cue.lower_ not in agreement_verbs():
        return False
    return any(
        child.dep_ == "ccomp" or (child.dep_ == "prep" and child.lower_ == "with")
        for child in cue.children
    )


def is_negated(cue: Token) -> bool:
    """`did not respond to`, `has not said`: a report that no words were said. The negation
    stands among the cue's auxiliaries, not in a quotation before it (`"Probably not," she
    said`)."""
    return any(
        child.dep_ == "neg" and cue.i - NEGATION_REACH <= child.i < cue.i for child in cue.children
    )


def is_held_back(cue: Token) -> bool:
    """`avoids condemning`, `steering clear of criticizing`, `declined to say`, `without
    saying`: a report governed by a word that holds it back communicated nothing."""
    word = cue
    for _ in range(HELD_BACK_REACH):
        if word.dep_ not in HELD_BACK_LINKS or word.head.i == word.i:
            return False
        word = word.head
        if word.lower_ in avoidance_words():
            return True
    return False


def is_hypothetical(cue: Token) -> bool:
    """`could deny`, `may highlight`, `would have described`, `Let's say ...`: what a source
    might say or might have said, or the writer's supposition, not a report that it was said."""
    auxiliaries = {
        child.lower_ for child in cue.children if child.dep_ == "aux" and child.i < cue.i
    }
    if auxiliaries & POSSIBILITY_MODALS or {"would", "have"} <= auxiliaries:
        return True
    supposing = any(c.dep_ == "nsubj" and c.lower_ in SUPPOSING_SUBJECTS for c in cue.children)
    return supposing and cue.head.lower_ == "let"


def is_self_talk(cue: Token) -> bool:
    """`told herself that ...`, `asked himself whether ...`: a clause told to oneself is a
    thought (`described himself as ...` is no clause, and stays speech)."""
    has_clause = any(child.dep_ == "ccomp" for child in cue.children)
    to_self = any(
        child.lower_ in REFLEXIVES and child.dep_ in ("dobj", "dative") for child in cue.children
    )
    return has_clause and to_self


def act_of_noun(noun: Token) -> Act:
    """`her claim that ...` reports speech; `her belief that ...` thought."""
    return Act.THOUGHT if noun.lower_ in thought_nouns() else Act.SPEECH
