"""The words that can start an attribution, each tested by its written form (never a lemma).

Every test a rule makes of a single token lives here: reporting verbs (`said`), `according
to`, intentions (`vowed`), topic verbs (`discussed`), views (`saw X as Y`), stances (`was
critical of`), light verbs (`made clear`) and reporting nouns (`his claim that`).
"""

from __future__ import annotations

from enum import StrEnum

from spacy.tokens import Token

from quotecli.nlp.lexicon import (
    as_view_verbs,
    cue_nouns,
    intention_verbs,
    light_verbs,
    reporting_verbs,
    stance_adjectives,
    topic_nouns,
    topic_verbs,
)

# Tagged as nouns now and then by the small model, but reporting verbs all the same.
ALWAYS_VERBS = frozenset({"said", "says"})


class Trigger(StrEnum):
    """What sort of word heads a report found from the parse."""

    REPORTING = "reporting"
    INTENTION = "intention"
    TOPIC = "topic"
    VIEW = "view"
    STANCE = "stance"
    LIGHT_VERB = "light_verb"


def trigger_of(token: Token) -> Trigger | None:
    """The one trigger `token` is, tested in this order, or None."""
    if is_cue(token):
        return Trigger.REPORTING
    if is_intention(token):
        return Trigger.INTENTION
    if is_topic_verb(token):
        return Trigger.TOPIC
    if views_as(token):
        return Trigger.VIEW
    if is_stance(token):
        return Trigger.STANCE
    if is_light_verb(token):
        return Trigger.LIGHT_VERB
    return None


def is_cue(token: Token) -> bool:
    """A reporting verb, or "according" of "according to"."""
    word = token.lower_
    if word == "according":
        return any(child.lower_ == "to" for child in token.children)
    if word not in reporting_verbs():
        return False
    return token.tag_.startswith("VB") or word in ALWAYS_VERBS


def is_intention(token: Token) -> bool:
    """`vowed`, `wants`, `urging`: a verb of intention or request."""
    return token.tag_.startswith("VB") and token.lower_ in intention_verbs()


def is_topic_verb(token: Token) -> bool:
    """`discussed`, `talked`: a verb that reports what was spoken of."""
    return token.tag_.startswith("VB") and token.lower_ in topic_verbs()


def views_as(token: Token) -> bool:
    """`saw the remark as a dig`: a verb of seeing or painting with an object and `as`."""
    if not token.tag_.startswith("VB") or token.lower_ not in as_view_verbs():
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    holders = [token, *objects]  # the parser hangs `as` on the verb or on its object
    return bool(objects) and any(
        c.dep_ == "prep" and c.lower_ == "as" for holder in holders for c in holder.children
    )


def is_stance(token: Token) -> bool:
    """`are concerned about X`, `was critical of X`: a stance adjective after a copula."""
    return token.dep_ == "acomp" and token.lower_ in stance_adjectives()


def is_light_verb(token: Token) -> bool:
    """`made` of `made clear that ...`: a verb whose noun or adjective does the reporting."""
    return token.tag_.startswith("VB") and token.lower_ in light_verbs()


def is_cue_noun(token: Token) -> bool:
    """`claim`, `plan`, `warning`: a noun that can hold a reported clause."""
    return token.tag_ in ("NN", "NNS") and token.lower_ in cue_nouns()


def noun_topic_prepositions(token: Token) -> frozenset[str]:
    """`allegations` of `allegations of fraud`: the prepositions by which a reporting noun
    names what was said (empty for any other word)."""
    if token.tag_ not in ("NN", "NNS"):
        return frozenset()
    return topic_nouns().get(token.lower_, frozenset())


def is_reporting_participle(token: Token) -> bool:
    """`..., arguing that ...`: a participle opening a clause that reports on its own."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and is_cue(token)
        and token.left_edge.i == token.i
    )
