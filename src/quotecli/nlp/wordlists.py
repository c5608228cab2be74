"""Word lists for speaker and place resolution, read once from `quotecli/nlp/data/`.

Keeping titles, pronouns, roles, organisation nouns and place aliases as data means a new
title or country spelling is a one-line change, not a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from quotecli.nlp.datafiles import read_json, read_words


@dataclass(frozen=True, slots=True)
class PronounInfo:
    """Agreement of a pronoun: gender male/female/neutral/any, number singular/plural/any."""

    gender: str
    number: str


def fold(word: str) -> str:
    """The comparison key of a word: lowercase, without dots ("Sen." == "sen", "U.S." == "us"),
    with one apostrophe ("O’Neill" == "o'neill": articles mix typographic and straight ones)."""
    return word.replace(".", "").replace("’", "'").lower()


@cache
def title_words() -> frozenset[str]:
    """Words that form a title in front of a name ("President", "Chair", "Sen.")."""
    return read_words("titles.txt")


@cache
def honorifics() -> dict[str, str]:
    """Courtesy titles ("Mr.", "Ms.") and the gender each implies."""
    return {fold(k): str(v) for k, v in read_json("titles_honorifics.json").items()}


@cache
def personal_pronouns() -> dict[str, PronounInfo]:
    raw = read_json("pronouns.json")["personal"]
    return {word: PronounInfo(**features) for word, features in raw.items()}


@cache
def name_particles() -> frozenset[str]:
    """Lower-case particles inside names ("de" in "Bill de Blasio")."""
    return read_words("name_particles.txt")


@cache
def first_name_genders() -> dict[str, str]:
    """First names whose bearers are nearly all of one sex ("hillary" -> "female")."""
    pairs = (line.split("\t") for line in read_words("first_names.txt"))
    return {name: gender for name, gender in pairs}


@cache
def relative_pronouns() -> frozenset[str]:
    return frozenset(read_json("pronouns.json")["relative"])


@cache
def relative_role_verbs() -> dict[str, str | None]:
    """Verb form -> the preposition whose object is the role (None: the verb phrase is)."""
    entries = (line.split() for line in read_words("relative_role_verbs.txt"))
    return {words[0]: (words[1] if len(words) > 1 else None) for words in entries}


@cache
def _roles() -> dict[str, Any]:
    return read_json("roles.json")


def person_role_nouns() -> frozenset[str]:
    """Common nouns naming a person by role ("minister", "spokesperson", "analyst")."""
    return frozenset(_roles()["person_nouns"]) | title_words()


def kin_nouns() -> frozenset[str]:
    """Family relations ("wife", "son"): "Scott's wife" is a Scott the article may name."""
    return frozenset(_roles()["kin"])


def speaking_for_roles() -> frozenset[str]:
    """Roles that speak for an organisation ("spokesperson", "official")."""
    return frozenset(_roles()["speaking_for"])


def person_nouns() -> frozenset[str]:
    """Common nouns naming a person by role, title words ("State", "Sen.") left out."""
    return frozenset(_roles()["person_nouns"])


def generic_person_nouns() -> frozenset[str]:
    """Person nouns that hold no position ("man", "source"): no title in front of a name."""
    return frozenset(_roles()["generic"])


def role_equivalents(role: str) -> frozenset[str]:
    """The role itself plus the titles it can stand for ("leader" covers "president")."""
    return frozenset([role, *_roles()["equivalents"].get(role, [])])


def role_changing_words() -> frozenset[str]:
    """Modifiers that make another role ("vice", "deputy", "former")."""
    return frozenset(_roles()["role_changing"])


@cache
def gendered_roles() -> dict[str, str]:
    """Role nouns that tell a gender ("spokeswoman" -> female)."""
    return {word: gender for gender, words in _roles()["gendered"].items() for word in words}


@cache
def owned_organizations() -> frozenset[str]:
    """Organisations named after the one person running them ("the Clinton campaign")."""
    return frozenset(read_json("orgs.json")["owned_organizations"])


@cache
def owned_aliases() -> dict[str, str]:
    """A loose word for a person's organisation -> the one it stands for ("team" -> "campaign")."""
    table: dict[str, str] = read_json("orgs.json")["owned_aliases"]
    return {word: named for word, named in table.items() if not word.startswith("_")}


@cache
def organization_nouns() -> frozenset[str]:
    return frozenset(read_json("orgs.json")["organization_nouns"])


@cache
def organization_kind_words(noun: str) -> frozenset[str]:
    """Words in an organisation's name that show it is a `noun` ("union": "association")."""
    return frozenset([noun, *read_json("organization_kinds.json")["kind_words"].get(noun, [])])


@cache
def document_nouns() -> frozenset[str]:
    """Nouns for documents that speak for their author ("statement", "report")."""
    return frozenset(read_json("orgs.json")["document_nouns"])


@cache
def group_leading_words() -> frozenset[str]:
    """Determiners and quantifiers dropped from the front of a group's name."""
    return frozenset(read_json("groups.json")["dropped_leading"])


@cache
def distributive_words() -> frozenset[str]:
    """Words standing for the plural subject of the clause above them ("each", "both")."""
    return frozenset(read_json("groups.json")["distributive"])


@cache
def kin_groups() -> frozenset[str]:
    """Nouns for a person's family, an unnamed group whoever it belongs to."""
    return frozenset(read_json("groups.json")["kin_groups"])


@cache
def quantity_heads() -> frozenset[str]:
    """Nouns that count a group rather than name it ("74 percent of voters", "most of them")."""
    return frozenset(read_json("groups.json")["quantity_heads"])


@cache
def place_aliases() -> dict[str, str]:
    """Folded alias -> canonical place name, the canonical names included."""
    table: dict[str, str] = {}
    for canonical, aliases in read_json("places.json").items():
        table[fold(canonical)] = canonical
        for alias in aliases:
            table[fold(alias)] = canonical
    return table


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym or adjective -> the place it names ("" when it names no place)."""
    return {fold(word): str(place) for word, place in read_json("places_demonyms.json").items()}
