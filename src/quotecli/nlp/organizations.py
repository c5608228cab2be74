"""One organisation under one name: "the Times" is the "New York Times" the article names,
"IMF" the "International Monetary Fund" it spells out, "Peabody" the "Peabody Energy" it
mentions.

The candidates are the article's own organisation names (the model's ORG entities, without a
leading "The"); a shorter form goes to the fullest name that ends with it, or starts with it
for a bare word, or whose initials it is, the most often named first.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from quotecli.nlp.wordlists import fold

CACHE_KEY = "quotecli.organizations"
# Small words left out of an acronym ("International Monetary Fund" -> IMF, "Alliance to
# Reclaim Our Schools" -> AROS keeps "Our").
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "to", "on", "in", "at", "&"})
MIN_ACRONYM, MAX_ACRONYM = 2, 6
MAX_NAME_WORDS = 12


def organization_names(doc: Doc) -> Counter[str]:
    """The article's organisation names and how often each is used (once per Doc)."""
    cached = doc.user_data.get(CACHE_KEY)
    if isinstance(cached, Counter):
        return cached
    names: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ == "ORG":
            start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
            names[doc[start : ent.end].text] += 1
    for defined in defined_acronyms(doc):
        names[defined] += 1
    doc.user_data[CACHE_KEY] = names
    return names


def defined_acronyms(doc: Doc) -> list[str]:
    """Names spelled out before their acronym in brackets: "Alliance to Reclaim Our Schools
    (AROS)", whatever the model made of them."""
    found = []
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        for start in range(i - 1, max(i - 1 - MAX_NAME_WORDS, -1), -1):
            words = doc[start:i]
            if words[0].lower_ in ACRONYM_SKIPS:
                continue
            if not words[0].text[:1].isupper():
                break
            if is_acronym_of(acronym, words.text):
                found.append(words.text)
                break
    return found


def full_organization_name(doc: Doc, name: str, bare: bool = False) -> str | None:
    """The fullest name the article gives the organisation `name` refers to, None if none
    is fuller. `bare`: `name` is a single word that may start a longer name ("Peabody")."""
    words = fold(name).split()
    if not words:
        return None
    best: tuple[int, int, str] | None = None
    for candidate, count in organization_names(doc).items():
        held = fold(candidate).split()
        if len(held) <= len(words) and not is_acronym_of(name, candidate):
            continue
        if held[-len(words) :] == words or (bare and held[: len(words)] == words):
            pass
        elif not is_acronym_of(name, candidate):
            continue
        rank = (count, len(held), candidate)
        best = rank if best is None or rank > best else best
    return None if best is None else best[2]


def is_acronym_of(acronym: str, name: str) -> bool:
    """ "IMF" for "International Monetary Fund"."""
    letters = acronym.replace(".", "")
    if not (MIN_ACRONYM <= len(letters) <= MAX_ACRONYM and letters.isupper()):
        return False
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIPS]
    return len(words) == len(letters) and all(
        w[:1].upper() == c for w, c in zip(words, letters, strict=True)
    )


def organization_of_kind(doc: Doc, noun: str, before: int) -> str | None:
    """The organisation named before character `before` whose name holds `noun` ("the
    commission" -> "Commission on Presidential Debates"), the most often named first."""
    best: tuple[int, int, str] | None = None
    counts = organization_names(doc)
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.start_char >= before:
            continue
        name = ent.text[4:] if ent[0].lower_ == "the" else ent.text
        words = fold(name).replace("-", " ").split()
        if noun not in words or words == [noun] or not name[:1].isupper():
            continue  # the model's "the bank" names no bank
        rank = (counts[name], len(name), name)
        best = rank if best is None or rank > best else best
    return None if best is None else best[2]
