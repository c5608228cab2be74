"""One organisation under one name: "the Times" is the "New York Times" the article names,
"IMF" the "International Monetary Fund" it spells out, "Peabody" the "Peabody Energy" it
mentions.

The candidates are the article's own organisation names (the model's ORG entities, without a
leading "The"); a shorter form goes to the fullest name that ends with it, or starts with it
for a bare word or a company ("Samsung" for "Samsung Electronics Co."), or whose initials it
is, the most often named first.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from quotecli.nlp.doctext import doc_text
from quotecli.nlp.wordlists import fold, organization_kind_words, organization_nouns

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
    names: Counter[str] = Counter(name for name, _ in organization_mentions(doc))
    for defined in defined_acronyms(doc):
        names[defined] += 1
    doc.user_data[CACHE_KEY] = names
    return names


def organization_mentions(doc: Doc) -> list[tuple[str, int]]:
    """Each ORG entity's name (without a leading "the") and start character; an entity the
    model cut at "for" is joined to the rest of its name."""
    orgs = [ent for ent in doc.ents if ent.label_ == "ORG"]
    found: list[tuple[str, int]] = []
    joined: set[int] = set()
    for number, ent in enumerate(orgs):
        if number in joined:
            continue
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        end = ent.end
        following = orgs[number + 1] if number + 1 < len(orgs) else None
        if following is not None and continues_with_for(doc, end, following.start):
            end = following.end  # "U.S. Court of Appeals" + "for the Sixth Circuit"
            joined.add(number + 1)
        found.append((doc[start:end].text, ent.start_char))
    return found


def continues_with_for(doc: Doc, end: int, next_start: int) -> bool:
    """An organisation name the model cut at "for": "Court of Appeals" | "for" | "the Sixth
    Circuit", "Office" | "for" | "Civil Rights": the next entity follows "for" (and "the")."""
    gap = [t.lower_ for t in doc[end:next_start]]
    return gap in (["for"], ["for", "the"]) and doc[end - 1].text[:1].isupper()


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
        starts = held[: len(words)] == words
        if held[-len(words) :] == words or (starts and (bare or is_company_name(held))):
            pass
        elif not is_acronym_of(name, candidate):
            continue
        rank = (count, len(held), candidate)
        best = rank if best is None or rank > best else best
    return None if best is None else best[2]


def is_company_name(words: list[str]) -> bool:
    """ "Samsung Electronics Co.": a name ending in a company word, which its first words stand
    for ("Samsung said"); not "House Intelligence Committee" for "the House"."""
    return words[-1].rstrip(".") in organization_kind_words("company")


def is_acronym_of(acronym: str, name: str) -> bool:
    """ "IMF" for "International Monetary Fund"."""
    letters = acronym.replace(".", "")
    if not (MIN_ACRONYM <= len(letters) <= MAX_ACRONYM and letters.isupper()):
        return False
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIPS]
    return len(words) == len(letters) and all(
        w[:1].upper() == c for w, c in zip(words, letters, strict=True)
    )


def organization_of_kind(
    doc: Doc, noun: str, before: int, required: frozenset[str] = frozenset()
) -> str | None:
    """The organisation named before character `before` whose name holds `noun` ("the
    commission" -> "Commission on Presidential Debates"), the most often named first; else
    one whose name holds a word of that kind ("the union" -> "Association of Flight
    Attendants"); else the noun after a proper name ("police" -> "Tulsa police"). Names
    named before `before` come first. `required`: words the name must hold ("appeals" in
    "the appeals court")."""
    everywhere = len(doc_text(doc))
    kind = organization_kind_words(noun)
    return (
        named_of_kind(doc, frozenset([noun]), noun, before, required)
        or named_of_kind(doc, kind, noun, before, required)
        or qualified_noun(doc, noun, before, required)
        or named_of_kind(doc, kind, noun, everywhere, required)
        or qualified_noun(doc, noun, everywhere, required)
    )


def named_of_kind(
    doc: Doc, kind_words: frozenset[str], noun: str, before: int, required: frozenset[str]
) -> str | None:
    """The organisation named before `before` whose name holds one of `kind_words` and every
    `required` word, the most often named first."""
    best: tuple[int, int, str] | None = None
    counts = organization_names(doc)
    for name, start in organization_mentions(doc):
        if start >= before:
            continue
        words = fold(name).replace("-", " ").split()
        if kind_words.isdisjoint(words) or words == [noun] or not name[:1].isupper():
            continue  # the model's "the bank" names no bank
        if not required <= {stem(word) for word in words}:
            continue  # "the appeals court" is no "Supreme Court"
        if noun not in words and any(
            w in organization_nouns() and w not in kind_words for w in words
        ):
            continue  # "the network" is no "Broadcasting Board of Governors"
        rank = (counts[name], len(name), name)
        best = rank if best is None or rank > best else best
    return None if best is None else best[2]


def qualified_noun(doc: Doc, noun: str, before: int, required: frozenset[str]) -> str | None:
    """ "Charlotte-Mecklenburg police" for "police": the noun written after a run of proper
    nouns before character `before`, the most often written first, then the latest."""
    counts: Counter[str] = Counter()
    latest: dict[str, int] = {}
    for token in doc:
        if token.idx >= before:
            break
        if token.lower_ != noun:
            continue
        start = token.i
        while start > token.sent.start and (
            doc[start - 1].tag_ in ("NNP", "NNPS")
            or (
                doc[start - 1].tag_ == "HYPH"
                and start - 2 >= token.sent.start
                and doc[start - 2].tag_ == "NNP"
            )
        ):
            start -= 1
        if start == token.i or doc[start].ent_type_ in ("PERSON", "DATE", "TIME"):
            continue
        name = f"{doc[start : token.i].text} {token.text.lower()}"
        if not required <= {stem(word) for word in fold(name).split()}:
            continue
        counts[name] += 1
        latest[name] = token.i
    if not counts:
        return None
    return max(counts, key=lambda name: (counts[name], latest[name]))


def stem(word: str) -> str:
    """A word without a plural "s" ("appeals" and "appeal" compare equal)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
