"""Places an article mentions, merged across surface forms ("US", "U.S.", "the United States").

Candidates are the model's GPE, LOC and FAC entities. Its errors are filtered out: a span
that is a person's name in this article ("Abuza" tagged GPE after "Zachary Abuza"), a
demonym ("Vietnamese"), or text that cannot be a place name (lower case, digits).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from quotecli.nlp.mentions import find_people
from quotecli.nlp.names import drop_leading_article, normalise_place, strip_possessive
from quotecli.nlp.types import Place
from quotecli.nlp.wordlists import demonyms, fold, organization_nouns, place_aliases

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def find_places(doc: Doc) -> list[Place]:
    """Every place the article mentions, once each, with all its mention offsets.

    Args:
        doc: the parsed article (speakers resolved or not; persons are read from the parse).

    Returns:
        Places in order of first mention; `aliases` holds the other spellings seen.
    """
    person_words = names_of_people(doc)
    places: dict[str, Place] = {}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or not is_place_name(ent, person_words):
            continue
        name = normalise_place(ent.text)
        place = places.setdefault(name, Place(name))
        place.mentions.append((ent.start_char, ent.end_char))
        written = strip_possessive(drop_leading_article(ent.text))
        if written != name and written not in place.aliases:
            place.aliases.append(written)
    return list(places.values())


def names_of_people(doc: Doc) -> frozenset[str]:
    """Folded words of the names of the article's persons and speaking persons."""
    words = {fold(word) for person in find_people(doc).persons for word in person.words}
    for entity in doc._.speakers or [] if doc.has_extension("speakers") else []:
        if str(entity.kind) == "person":
            words.update(fold(word) for word in entity.name.split())
    return frozenset(words)


def is_place_name(ent: Span, person_words: frozenset[str]) -> bool:
    """False for the model's non-places: names of people, demonyms, lower case, digits."""
    text = strip_possessive(drop_leading_article(ent.text))
    if not text[:1].isupper() or any(ch.isdigit() for ch in text):
        return False
    key = fold(text)
    if key in demonyms() and demonyms()[key] != text and key not in place_aliases():
        return False
    if any(t.ent_type_ == "PERSON" for t in ent):
        return False
    # "Green Party" tagged GPE: a name ending in an organisation noun is no town or country.
    if ent.label_ != "FAC" and fold(ent[-1].text) in organization_nouns():
        return False
    words = {fold(word) for word in text.split()}
    return key in place_aliases() or not words <= person_words
