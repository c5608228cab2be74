"""People named in a Doc: capitalised name runs, titles split off, appositive affiliations, and
one `Person` per individual however often and however fully the article names them.

The small model's entity labels are one signal among several: a run is a person when the model
says PERSON, when a title stands in front of it ("President To Lam", where "To" is parsed as a
preposition), when an appositive role follows it, or when it repeats a word of someone already
known to be a person ("Abuza" tagged GPE after "Zachary Abuza").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Token

from quotecli.nlp.names import (
    clean_affiliation,
    honorific_gender,
    is_title_word,
    name_key,
    place_of,
    split_title,
    title_text,
)
from quotecli.nlp.wordlists import (
    demonyms,
    first_name_genders,
    fold,
    gendered_roles,
    generic_person_nouns,
    honorifics,
    name_particles,
    organization_nouns,
    person_role_nouns,
    place_aliases,
    relative_role_verbs,
)

PROPER_TAGS = frozenset({"NNP", "NNPS"})
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
# Labels under which a run is certainly not a person unless other evidence says so.
NON_PERSON_LABELS = frozenset(
    {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# Dependencies that make a bare capitalised run look like someone acting or speaking.
TIME_LABELS = frozenset({"DATE", "TIME"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "appos"})
TITLE_MODIFIER_TAGS = frozenset({"JJ", "NN", "NNP", "NNPS", "POS", "HYPH"})
MAX_TITLE_MODIFIERS = 4
# Longest role phrase taken from in front of a name in apposition, in tokens.
MAX_DESCRIPTOR = 12
AFFILIATION_PREPOSITIONS = frozenset({"of", "from", "at", "with"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Endings of words for a person by occupation ("hydrologist", "historian", "analysts").
OCCUPATION_SUFFIXES = ("ist", "ists", "ian", "ians")
CACHE_KEY = "quotecli.people"
# Pronouns that tell a person's gender, and how far after a name to look for one.
GENDERED_PRONOUNS = {
    "he": "male",
    "his": "male",
    "him": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
GENDER_WINDOW = 15
# Longer words in capitals are a name in capitals ("WALLACE"), not an acronym ("CNS", "NATO").
MAX_ACRONYM = 4
WORD = re.compile(r"[^\W\d_]+")
HYPHENS = frozenset({"-", "‐", "‑"})
# A party initial (Democrat, Republican, Independent) and a state after a name: "(R-Ohio)".
PARTY_TAG = re.compile(r"\(\s*([DRI]\s?-\s?[A-Z][A-Za-z.]{1,8})\s*\)")
NICKNAME = re.compile(r'["“] (\w[^"”]*?) ["”]')


@dataclass(slots=True)
class NameMention:
    """One written occurrence of a person's name, tokens [start, end) in the Doc."""

    start: int
    end: int
    title_start: int
    words: list[str]
    title: str | None
    affiliation: str | None
    gender: str | None
    is_subject: bool
    party: str | None = None  # a party-and-state tag after the name: "D-Mont."


@dataclass(slots=True)
class Person:
    """Everything the article says about one named individual."""

    mentions: list[NameMention] = field(default_factory=list)
    learned_gender: str | None = None
    described: list[str] = field(default_factory=list)  # "the attorney general" elsewhere

    @property
    def name(self) -> str:
        """The fullest form the article uses; the earliest when several are as full."""
        longest = max(len(m.words) for m in self.mentions)
        return readable(next(m.words for m in self.mentions if len(m.words) == longest))

    @property
    def words(self) -> set[str]:
        return {fold(word) for m in self.mentions for word in m.words}

    @property
    def title(self) -> str | None:
        """The commonest title; a possessive form ("Russia's President") loses ties."""
        counts = Counter(m.title for m in self.mentions if m.title)
        if not counts:
            described = self.description
            return None if described == self.told_affiliation else described
        return max(counts, key=lambda t: (counts[t], "'" not in t and "’" not in t))

    @property
    def affiliation(self) -> str | None:
        """The position; else the party-and-state tag after the name ("D-Mont.")."""
        return self.position or next((m.party for m in self.mentions if m.party), None)

    @property
    def position(self) -> str | None:
        """The appositive role; else a role phrase from elsewhere, when a title is known."""
        told = self.told_affiliation
        if told is not None or not any(m.title for m in self.mentions):
            return told
        described, title = self.description, self.title
        if described is None or set(fold(described).split()) <= set(fold(title or "").split()):
            return None  # "nominee" adds nothing to "Democratic nominee"
        return described

    @property
    def told_affiliation(self) -> str | None:
        return next((m.affiliation for m in self.mentions if m.affiliation), None)

    @property
    def description(self) -> str | None:
        """The fullest role phrase standing for the person elsewhere, the commonest first."""
        if not self.described:
            return None
        counts = Counter(self.described)
        return max(counts, key=lambda d: (len(d.split()) > 1, counts[d], len(d)))

    @property
    def gender(self) -> str | None:
        told = next((m.gender for m in self.mentions if m.gender), None)
        # A first name borne by one sex in at least 95% of births outweighs the pronouns
        # after the person's mentions, which often belong to someone else ("Warren's
        # grilling of Stumpf, he said").
        return told or self.name_gender or self.learned_gender

    @property
    def name_gender(self) -> str | None:
        """What a first name says, when the article says nothing ("Hillary" -> female)."""
        words = self.name.split()
        return first_name_genders().get(fold(words[0])) if len(words) >= 2 else None

    @property
    def aliases(self) -> list[str]:
        return list(dict.fromkeys(readable(m.words) for m in self.mentions))


def readable(words: list[str]) -> str:
    """A name as written, hyphens closed up ("Ban Ki-moon"); a name in capitals ("WALLACE:"
    in a transcript) in the usual case: "Wallace"."""
    if all(w.isupper() and len(w) > MAX_ACRONYM for w in words):
        words = [w.capitalize() for w in words]
    text = " ".join(words)
    for hyphen in HYPHENS:
        text = text.replace(f" {hyphen} ", hyphen)
    return NICKNAME.sub(r'"\1"', text)


@dataclass(slots=True)
class People:
    """The persons of a Doc and which tokens name each of them."""

    persons: list[Person]
    by_token: dict[int, int]


def find_people(doc: Doc) -> People:
    """The article's persons, computed once per Doc (speakers and places both need them)."""
    cached = doc.user_data.get(CACHE_KEY)
    if isinstance(cached, People):
        return cached
    people = cluster(doc, trim_to_known_names(doc, candidate_mentions(doc)))
    doc.user_data[CACHE_KEY] = people
    return people


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs [start, end) of capitalised proper-noun tokens."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not is_name_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc):
            if is_name_token(doc[j]) or is_bridge(doc, j) or is_particle(doc, j) or is_gap(doc, j):
                j += 1
            elif is_name_hyphen(doc, j):
                j += 2  # "Ban Ki-moon", "Jo-Renee", "Holtz-Eakin": one name
            elif is_quoted_nickname(doc, j):
                j += 3  # 'Robert C. "Bobby" Scott': the nickname is part of the name
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def is_name_token(token: Token) -> bool:
    """A capitalised proper noun, or a capitalised noun the model calls a PERSON: the tagger
    reads some surnames as plural common nouns ("Sanders told ...")."""
    proper = token.tag_ in PROPER_TAGS or (
        token.ent_type_ == "PERSON" and token.tag_ in COMMON_NOUN_TAGS
    )
    return proper and token.text[:1].isupper() and token.text[:1].isalpha()


def is_gap(doc: Doc, j: int) -> bool:
    """A stray space inside a name ("Ann\xa0Roe"), but no line break."""
    token = doc[j]
    return (
        token.is_space and "\n" not in token.text and j + 1 < len(doc) and is_name_token(doc[j + 1])
    )


def is_bridge(doc: Doc, j: int) -> bool:
    """A capitalised function word between a title and a name is part of the name: the model
    reads "President To Lam" as "President" + preposition "To"."""
    token = doc[j]
    return (
        not token.is_sent_start
        and token.text[:1].isupper()
        and j + 1 < len(doc)
        and is_name_token(doc[j + 1])
        and is_title_word(doc[j - 1].text)
    )


def is_name_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen joining two parts of one name, with no space on either side."""
    return (
        doc[j].text in HYPHENS
        and j + 1 < len(doc)
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].is_alpha
        and is_name_token(doc[j - 1])
    )


def is_quoted_nickname(doc: Doc, j: int) -> bool:
    """'Robert C. "Bobby" Scott': a quoted name between two parts of a name."""
    return (
        j + 3 < len(doc)
        and doc[j].is_quote
        and is_name_token(doc[j + 1])
        and doc[j + 2].is_quote
        and is_name_token(doc[j + 3])
        and is_name_token(doc[j - 1])
    )


def is_particle(doc: Doc, j: int) -> bool:
    """ "de" in "Bill de Blasio": a lower-case particle between two parts of a name."""
    return (
        doc[j].text in name_particles()
        and j + 1 < len(doc)
        and is_name_token(doc[j + 1])
        and is_name_token(doc[j - 1])
    )


def candidate_mentions(doc: Doc) -> list[tuple[NameMention, bool]]:
    """Every name run as a mention, with whether it is certainly a person."""
    found = []
    for start, end in name_runs(doc):
        mention = read_mention(doc, start, end)
        if mention is not None:
            found.append((mention, is_certain_person(doc, mention)))
    return found


def read_mention(doc: Doc, start: int, end: int) -> NameMention | None:
    """Split the title off a run (looking left for "Vietnam's", "former", "Vietnamese")."""
    left = title_extension(doc, start)
    kept = [t.i for t in doc[left:end] if not t.is_space]
    title_words, _ = split_title([doc[i].text for i in kept])
    if not title_words:
        left, title_words = start, []
    name_start = kept[len(title_words)] if title_words and len(title_words) < len(kept) else end
    if not title_words:
        name_start = left
    # "Republican Donald Trump": a party or place word in front of a name is no part of it.
    while end - name_start > 1 and is_party_or_place(doc[name_start]):
        name_start += 1
    if start > 0 and party_tag(doc, start - 1) is not None:
        return None  # "(R-Ohio)": a party and a state, no name
    if name_start >= end or all(t.ent_type_ in TIME_LABELS for t in doc[name_start:end]):
        return None  # "commander in chief Wednesday": a day is no name
    if end - name_start >= 2 and all(is_title_word(t.text) for t in doc[name_start:end]):
        return None  # "Retired General": a title without a name (but "Dean", "King" are)
    if not doc[name_start].text[:1].isupper() or modifies_role_noun(doc, end):
        return None  # "director of AROS", "DNC chairman": what or whom a role is of
    title_words = [t.text for t in doc[left:name_start] if not t.is_space]
    head = doc[end - 1]
    title = shown_title(doc, modifier_start(doc, left), name_start, title_words)
    if title is None and left == name_start:
        title_start = prenominal_role_start(doc, name_start, end)
        if title_start is not None:
            left, title = title_start, doc[title_start:name_start].text
    affiliation = affiliation_of(doc, head)
    if affiliation is None and title is None and left == name_start:
        affiliation = owner_before(doc, name_start)
    return NameMention(
        start=name_start,
        end=end,
        title_start=left,
        words=[t.text for t in doc[name_start:end] if not t.is_space],
        title=title,
        affiliation=None if affiliation and title and affiliation in title else affiliation,
        gender=honorific_gender(title_words)
        or role_gender(title_words)
        or affiliation_gender(affiliation),
        is_subject=head.dep_ in ("nsubj", "nsubjpass"),
        party=party_tag(doc, end) if end < len(doc) else None,
    )


def owner_before(doc: Doc, name_start: int) -> str | None:
    """The organisation whose possessive stands right before an untitled name: "Acme News's
    Ann Roe" -> "Acme News", "ACN's Ann Roe" -> "ACN"."""
    owner = name_start - 2
    if owner < 0 or doc[owner + 1].tag_ != "POS" or doc[owner].ent_type_ != "ORG":
        return None
    first = owner
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    if first == owner and not doc[owner].text.isupper():
        return None  # "Trump's Ann Roe": a lone capitalised word may be a person's surname
    return clean_affiliation(doc[first : owner + 1].text)


def party_tag(doc: Doc, i: int) -> str | None:
    """The tag in brackets opening at token `i` when it is a party initial and a state: "(D-Mont.)"
    -> "D-Mont.", "(R-S.C.)" -> "R-S.C."."""
    if doc[i].text != "(":
        return None
    match = PARTY_TAG.match(doc.text, doc[i].idx)
    return re.sub(r"\s+", "", match.group(1)) if match else None


def trim_to_known_names(
    doc: Doc, candidates: list[tuple[NameMention, bool]]
) -> list[tuple[NameMention, bool]]:
    """Cut words off a name run that the article's own names show are not part of the name.

    A run ending in a full name the article introduced earlier has an epithet in front
    ("Crooked Hillary Clinton" after "Hillary Clinton"): the epithet goes, from that run and
    from every run it starts. A longer name that comes first is an introduction, not an
    epithet ("Chandler Van Voorhis", later "Van Voorhis"). In a title-case line (a headline)
    a run may swallow verbs and other names ("Warren Hammers Wells Fargo CEO"): it is cut to
    the known name it holds, and dropped when it holds none.
    """
    starts, flags = headline_lines(doc)
    headline = [flags[bisect_right(starts, doc[m.start].idx) - 1] for m, _ in candidates]
    first_seen: dict[str, int] = {}
    for (mention, certain), in_headline in zip(candidates, headline, strict=True):
        if certain and len(mention.words) >= 2 and not in_headline:
            first_seen.setdefault(name_key(" ".join(mention.words)), mention.start)
    surnames = {
        fold(mention.words[0])
        for (mention, certain), in_headline in zip(candidates, headline, strict=True)
        if certain and len(mention.words) == 1 and not in_headline
    }
    epithets: set[str] = set()
    trimmed = []
    for (mention, certain), in_headline in zip(candidates, headline, strict=True):
        own = len(doc) if in_headline else first_seen.get(name_key(" ".join(mention.words)))
        cut = known_sub_run(mention.words, first_seen, own or mention.start, in_headline)
        if cut is not None:
            epithets.update(fold(w) for w in mention.words[: cut[0]])
            mention = narrowed(mention, *cut)
        elif in_headline and opens_with_full_name(mention, surnames):
            mention, certain = narrowed(mention, 0, 2), True
        elif in_headline and len(mention.words) >= 2:
            continue
        trimmed.append((mention, certain))
    return [(drop_epithet(m, epithets), certain) for m, certain in trimmed]


def opens_with_full_name(mention: NameMention, surnames: set[str]) -> bool:
    """A headline run that opens with a first name and a surname the article's body uses alone
    for a person: "Ann Lee Slams Plan" names Ann Lee when the body says "Lee said"."""
    words = mention.words
    return (
        len(words) >= 2
        and starts_with_first_name(mention)
        and fold(words[1]) in surnames
        and not any(fold(w) in organization_nouns() for w in words)
    )


def known_sub_run(
    words: list[str], first_seen: dict[str, int], before: int, anywhere: bool
) -> tuple[int, int] | None:
    """(start, end) of the longest name inside `words`, shorter than `words`, that the article
    used before token `before`: only a suffix, unless `anywhere`."""
    size = len(words)
    for length in range(size - 1, 1, -1):
        starts = range(size - length + 1) if anywhere else [size - length]
        for start in starts:
            seen = first_seen.get(name_key(" ".join(words[start : start + length])))
            if seen is not None and seen < before:
                return start, start + length
    return None


def narrowed(mention: NameMention, first: int, last: int) -> NameMention:
    """The mention cut to its words [first, last); the cut words stay with it as its title
    span, so a source phrase naming the longer run still finds the person."""
    return replace(
        mention,
        start=mention.start + first,
        end=mention.start + last,
        title_start=min(mention.title_start, mention.start + first),
        words=mention.words[first:last],
    )


def drop_epithet(mention: NameMention, epithets: set[str]) -> NameMention:
    """ "Crooked Hillary" -> "Hillary" once "Crooked" is known to be an epithet."""
    if len(mention.words) >= 2 and fold(mention.words[0]) in epithets:
        return narrowed(mention, 1, len(mention.words))
    return mention


def headline_lines(doc: Doc) -> tuple[list[int], list[bool]]:
    """Line start offsets, and for each line whether it is headline-style: four words or more,
    every word of four letters or more capitalised ("Lawmakers Slam Tax Plan As A Fraud")."""
    starts, flags, offset = [], [], 0
    for line in doc.text.split("\n"):
        words = WORD.findall(line)
        starts.append(offset)
        flags.append(len(words) >= 4 and all(w[:1].isupper() for w in words if len(w) >= 4))
        offset += len(line) + 1
    return starts, flags


def modifies_role_noun(doc: Doc, end: int) -> bool:
    """A run right before the role noun it modifies ("the Clinton spokesman", "Former DNC
    chairman") names whom the role serves, not the one speaking."""
    if end >= len(doc) or doc[end - 1].dep_ != "compound" or doc[end - 1].head.i != end:
        return False
    role = doc[end]
    return role.text[:1].islower() and is_role_noun(role.text)


def modifies_common_noun(doc: Doc, end: int) -> bool:
    """A run that is a compound modifier of a common noun after it ("the Gannett newspaper
    chain", "the Trump campaign"): it names an owner, and is a person only if named so elsewhere."""
    last = doc[end - 1]
    head = last.head
    return (
        last.dep_ == "compound"
        and head.i >= end
        and head.tag_ in ("NN", "NNS")
        and head.text[:1].islower()
    )


def prenominal_role_start(doc: Doc, name_start: int, end: int) -> int | None:
    """Where a lower-case role in front of a name begins ("Republican presidential nominee
    Donald Trump", "city engineer Tom Ochoa"), or None when no role noun stands right there."""
    before = name_start - 1
    if before < 0 or not doc[before].text.islower() or doc[before].tag_ not in ("NN", "NNP"):
        return None
    if not is_role_noun(doc[before].text) or fold(doc[before].text) in generic_person_nouns():
        return None
    if any(t.ent_type_ in NON_PERSON_LABELS - PLACE_LABELS for t in doc[name_start:end]):
        return None  # "the event organizer Alliance for Schools": an organisation
    start = modifier_start(doc, before)
    while doc[start].tag_ in ("POS", "HYPH"):
        start += 1  # "Holt's liberal colleague Matt Lauer": the owner is no part of the title
    return start


def modifier_start(doc: Doc, left: int) -> int:
    """Where the modifiers of a title begin: "Green Party presidential candidate", "White
    House spokesman". Only nominal and adjectival words count; a determiner is left out."""
    reach = min((doc[i].left_edge.i for i in range(left, min(left + 3, len(doc)))), default=left)
    reach = max(reach, left - MAX_TITLE_MODIFIERS)
    start = left
    for i in range(left - 1, reach - 1, -1):
        if doc[i].tag_ not in TITLE_MODIFIER_TAGS:
            break
        start = i
    return start


def title_extension(doc: Doc, start: int) -> int:
    """How far left a title reaches beyond the capitalised run: modifiers like "Russian",
    "Vietnam 's", "former", "of" (in "Secretary of State"), across stray spaces ("Gov.\xa0")."""
    i = start
    while (step := title_step(doc, i)) < i:
        i = step
    return i


def title_step(doc: Doc, i: int) -> int:
    """Where the title reaches with the words just before token `i`; `i` when it stops."""
    if i <= 0:
        return i
    token = doc[i - 1]
    if i >= 2 and (is_place_possessive(doc, i - 1) or is_title_of(doc, i - 1)):
        return i - 2
    if is_title_word(token.text) or token.ent_type_ in ("NORP", "GPE"):
        return i - 1
    if token.is_space and i >= 2:
        beyond = title_step(doc, i - 1)
        return beyond if beyond < i - 1 else i
    return i


def is_place_possessive(doc: Doc, i: int) -> bool:
    """ "Vietnam 's" in "Vietnam's President To Lam"."""
    return doc[i].tag_ == "POS" and doc[i - 1].ent_type_ in ("GPE", "ORG", "NORP")


def is_title_of(doc: Doc, i: int) -> bool:
    """ "Secretary of" in "Secretary of State John Kerry"."""
    return doc[i].lower_ == "of" and is_title_word(doc[i - 1].text)


def shown_title(doc: Doc, first: int, name_start: int, words: list[str]) -> str | None:
    """The title as written ("Vietnam's President"), None when it holds no title word."""
    kept = title_text(words)
    if kept is None:
        return None
    while first < name_start and (fold(doc[first].text) in honorifics() or doc[first].is_space):
        first += 1
    return " ".join(doc[first:name_start].text.split()) or None


def affiliation_gender(affiliation: str | None) -> str | None:
    """The gender the head noun of an appositive tells: "the nominee's eldest daughter" ->
    female, "husband of the senator" -> male (the noun before the first preposition)."""
    words: list[str] = []
    for word in (affiliation or "").replace(",", " ").split():
        if word.lower() in AFFILIATION_PREPOSITIONS or word.lower() in ("for", "in", "and"):
            break
        words.append(word)
    return gendered_roles().get(fold(words[-1])) if words else None


def role_gender(words: list[str]) -> str | None:
    return next((gendered_roles()[fold(w)] for w in words if fold(w) in gendered_roles()), None)


def is_certain_person(doc: Doc, mention: NameMention) -> bool:
    tokens = doc[mention.start : mention.end]
    if any(fold(w) in organization_nouns() for w in mention.words):
        return False  # "Wayne State University School", even if the model says PERSON
    if modifies_common_noun(doc, mention.end):
        return False  # "the Gannett newspaper chain": a name that says whose thing it is
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return True
    if mention.title is not None or mention.gender is not None:
        return True
    if starts_with_first_name(mention) and all(t.ent_type_ in ("", "ORG") for t in tokens):
        return True  # "Karen Holt" read as an organisation
    if any(t.ent_type_ in NON_PERSON_LABELS for t in tokens):
        return False
    head = tokens[-1]
    # "Ana Ruiz, the union's general secretary, said": two bare capitalised words acting.
    return len(tokens) >= 2 and (head.dep_ in ACTOR_DEPS or mention.affiliation is not None)


def is_party_or_place(token: Token) -> bool:
    """A word labelled as a party, place or organisation that is no known first name."""
    labelled = token.ent_type_ in ("NORP", "GPE", "ORG")
    return labelled and fold(token.text) not in first_name_genders()


def starts_with_first_name(mention: NameMention) -> bool:
    return len(mention.words) >= 2 and fold(mention.words[0]) in first_name_genders()


def affiliation_of(doc: Doc, head: Token) -> str | None:
    """The appositive after a name ("X, a professor at Y"; "X, of Y") or the role phrase a
    name is in apposition to ("the union's general secretary, X")."""
    for child in head.rights:
        if (
            child.dep_ == "appos"
            and follows_comma(doc, head, child)
            and (is_role_appositive(child) or is_party_appositive(child))
        ):
            return clean_affiliation(phrase_until_comma(doc, child.left_edge.i, child.right_edge.i))
        if (
            child.dep_ == "prep"
            and child.lower_ in AFFILIATION_PREPOSITIONS
            and doc[child.i - 1].text == ","
            and child.i - 1 == comma_after(doc, head)
            and not names_a_place(child)
        ):
            return clean_affiliation(phrase_until_comma(doc, child.i, child.right_edge.i))
    if head.dep_ == "appos" and head.head.i < head.i:
        return descriptor_before(doc, head)
    return relative_role(doc, head)


def relative_role(doc: Doc, head: Token) -> str | None:
    """The position a relative clause right after "Name," gives: "X, who heads the Y Center"
    -> "heads the Y Center"; "X, who served as envoy to Z from 2010" -> "envoy to Z"."""
    comma = comma_after(doc, head)
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    clause = next((c for c in head.rights if c.dep_ == "relcl"), None)
    if clause is None or clause.left_edge.i != comma + 1 or clause.left_edge.lower_ != "who":
        return None
    verbs = relative_role_verbs()
    if clause.lower_ not in verbs:
        return None
    preposition = verbs[clause.lower_]
    if preposition is None:
        if not any(c.dep_ == "dobj" and names_an_organization(c) for c in clause.children):
            return None  # "who led the march": an act, not a position
        first = clause.i
    else:
        found = next((c for c in clause.children if c.lower_ == preposition), None)
        if found is None or found.i + 1 > clause.right_edge.i:
            return None
        first = found.i + 1
    last = first
    while last <= clause.right_edge.i and not ends_role(doc[last]):
        last += 1
    return clean_affiliation(doc[first:last].text) if last > first else None


def names_an_organization(obj: Token) -> bool:
    """ "the Y Center", "the mayor's housing effort", "the agency": something one can head."""
    if fold(obj.text) in organization_nouns():
        return True
    return any(t.tag_ in PROPER_TAGS or t.tag_ == "POS" for t in obj.subtree)


def ends_role(token: Token) -> bool:
    """Where a role phrase in a relative clause stops: a comma, another clause, or a time
    ("from 2012 until last year")."""
    if token.text == "," or is_relative_start(token) or token.ent_type_ in TIME_LABELS:
        return True
    return token.dep_ == "prep" and any(c.ent_type_ in TIME_LABELS for c in token.children)


def descriptor_before(doc: Doc, name: Token) -> str | None:
    """The role phrase a name is in apposition to: "the union's general secretary, X"; "A
    lawyer for the news outlets, X"; "one of the family's attorneys, X"."""
    role = name.head
    if role.lower_ == "one":
        role = next((c for p in role.children if p.lower_ == "of" for c in p.children), role)
    if role.tag_ not in ("NN", "NNS") and not is_set_off_title(doc, role, name):
        return None
    if not singular_role(role.text):
        return None
    if fold(role.text) in generic_person_nouns():
        return None
    start = name.head.left_edge.i
    if doc[start].tag_ == "PRP$":
        return None  # "his lawyer": a relation to someone, not a position
    end = name.left_edge.i
    while end > start and doc[end - 1].is_punct:
        end -= 1
    phrase = doc[start:end]
    if any(t.text == "," for t in phrase) or len(phrase) > MAX_DESCRIPTOR:
        return clean_affiliation(doc[role.left_edge.i : role.i + 1].text)
    return clean_affiliation(phrase.text)


def is_set_off_title(doc: Doc, role: Token, name: Token) -> bool:
    """A title word the model tagged as a name, set off from the name by a comma: "The MP,
    Daniel Okafor," (not "President Barack Obama", one name with its title)."""
    return is_title_word(role.text) and doc[name.left_edge.i - 1].text == ","


def is_role_appositive(appos: Token) -> bool:
    """An appositive is an affiliation only when it names a position ("a professor at X", "the
    union's general secretary"), not a thing ("a book analyzing his debates")."""
    if appos.tag_ not in ("NN", "NNS") or appos.left_edge.tag_ == "PRP$":
        return False  # "her opponent", "our senator": a relation to someone, not a position
    return is_occupation(appos.text) or any(
        c.dep_ == "conj" and is_occupation(c.text) for c in appos.children
    )


def is_occupation(word: str) -> bool:
    """A role noun, or a word made like one: "hydrologist", "historian"."""
    return singular_role(word) or fold(word).endswith(OCCUPATION_SUFFIXES)


def is_party_appositive(appos: Token) -> bool:
    """ "a Democrat from Oregon", "the top Democrat on the committee", "the panel's ranking
    Republican": a party member with an article or an owner, which says where they sit."""
    if appos.tag_ != "NNP" or appos.ent_type_ != "NORP" or appos.left_edge.tag_ == "PRP$":
        return False
    return any(c.dep_ in ("det", "poss") for c in appos.children)


def singular_role(word: str) -> bool:
    key = fold(word)
    return is_role_noun(key) or (key.endswith("s") and is_role_noun(key[:-1]))


def names_a_place(preposition: Token) -> bool:
    """ "X, of Springfield": a home town is no affiliation; "X, of the Y Center" is."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].ent_type_ in PLACE_LABELS


def follows_comma(doc: Doc, head: Token, appos: Token) -> bool:
    """An affiliation starts right after "Name,": not bracketed ("To Lam (L)"), not a phrase
    the parser hung on the name from further away, not a time ("1:21 p.m.")."""
    first = appos.left_edge
    comma = comma_after(doc, head)
    return first.i == comma + 1 and doc[comma].text == "," and not first.like_num


def comma_after(doc: Doc, head: Token) -> int:
    """Where the comma after a name would stand: right after it, or after a party-and-state
    tag ("Ed Roe (R-S.C.), the panel's chairman")."""
    after = head.i + 1
    if after < len(doc) and party_tag(doc, after) is not None:
        while after < len(doc) and doc[after].text != ")":
            after += 1
        after += 1
    if is_age(doc, after + 1) and after + 2 < len(doc) and doc[after + 2].text == ",":
        after += 2  # "Rebecca Lindqvist, 34, a nurse": the age stands before the role
    return min(after, len(doc) - 1)


def is_age(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].text.isdigit() and 0 < int(doc[i].text) < 120


def phrase_until_comma(doc: Doc, first: int, last: int) -> str:
    """The words first..last, cut at the first comma (an apposition ends there) or at a relative
    pronoun ("an economist who served as ..." -> "an economist")."""
    end = first
    while end <= last and doc[end].text != "," and not is_relative_start(doc[end]):
        end += 1
    return doc[first:end].text


def is_relative_start(token: Token) -> bool:
    return token.tag_ in ("WP", "WDT", "WP$") and token.dep_ != "pobj"


def cluster(doc: Doc, candidates: list[tuple[NameMention, bool]]) -> People:
    """Group mentions into persons: full names by their words, lone words to the nearest full
    name containing them (so "Clinton" goes to whichever Clinton was named last)."""
    persons: list[Person] = []
    by_key: dict[str, int] = {}
    for mention, certain in candidates:
        if certain and len(mention.words) >= 2:
            key = name_key(" ".join(mention.words))
            if key not in by_key:
                by_key[key] = len(persons)
                persons.append(Person())
            persons[by_key[key]].mentions.append(mention)
    merge_contained_names(persons)
    persons = [p for p in persons if p.mentions]
    index = WordIndex(persons)
    for mention, certain in candidates:
        if len(mention.words) >= 2 and certain:
            continue
        if not certain and is_place_mention(doc, mention):
            continue  # "Korea" tagged GPE is the country, even after a person "N. Korea"
        found = nearest_person(persons, mention, index)
        if found is not None:
            persons[found].mentions.append(mention)
            index.add(found, mention)
        elif certain:
            persons.append(Person([mention]))
            index.add(len(persons) - 1, mention)
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
        person.learned_gender = learned_gender(doc, person)
    return People(persons, token_index(persons))


def is_place_mention(doc: Doc, mention: NameMention) -> bool:
    """A lone word the model tags as a place that the place tables know ("Korea", "Syria")."""
    tokens = doc[mention.start : mention.end]
    return (
        len(mention.words) == 1
        and all(t.ent_type_ in PLACE_LABELS for t in tokens)
        and fold(mention.words[0]) in place_words()
    )


@cache
def place_words() -> frozenset[str]:
    """Folded names of places the tables know, and the places demonyms name ("korea")."""
    return frozenset(place_aliases()) | {fold(place) for place in demonyms().values() if place}


def learned_gender(doc: Doc, person: Person) -> str | None:
    """The gender the article's own pronouns give a person: the first he/his/she/her after
    each of their mentions in the same sentence, before any other name ("Clinton said she")."""
    votes: Counter[str] = Counter()
    for mention in person.mentions:
        sentence_end = doc[mention.end - 1].sent.end
        for token in doc[mention.end : min(sentence_end, mention.end + GENDER_WINDOW)]:
            if token.tag_ in PROPER_TAGS or token.tag_ in ("WP", "WDT"):
                break  # another name, or a clause about another noun ("the nominee, who ...")
            gender = GENDERED_PRONOUNS.get(token.lower_)
            if gender is not None:
                votes[gender] += 1
                break
    if not votes:
        return None
    (top, count), *rest = votes.most_common()
    return top if not rest or count > 2 * rest[0][1] else None


def merge_contained_names(persons: list[Person]) -> None:
    """Fold a shorter full name into a longer one holding all its words ("Hillary Clinton"
    into "Hillary Rodham Clinton")."""
    ordered = sorted(persons, key=lambda p: -len(p.name.split()))
    # A longer person only gains words it already holds, so each word set is read once.
    words = [p.words for p in ordered]
    holders: dict[str, set[int]] = {}
    for position, held in enumerate(words):
        for word in held:
            holders.setdefault(word, set()).add(position)
    for i in range(len(ordered) - 1, -1, -1):
        short = ordered[i]
        if not short.mentions:
            continue
        within = set.intersection(*(holders[w] for w in words[i])) if words[i] else set(range(i))
        for j in sorted(p for p in within if p < i):
            if words[i] < words[j]:
                ordered[j].mentions.extend(short.mentions)
                short.mentions.clear()
                break


class WordIndex:
    """Each person's folded name words, and the persons holding each word, kept up to date as
    mentions join them (so a lone name looks only at the persons sharing its words)."""

    def __init__(self, persons: list[Person]) -> None:
        self.words: list[set[str]] = []
        self.holders: dict[str, set[int]] = {}
        for number, person in enumerate(persons):
            for mention in person.mentions:
                self.add(number, mention)

    def add(self, number: int, mention: NameMention) -> None:
        while len(self.words) <= number:
            self.words.append(set())
        for word in mention.words:
            folded = fold(word)
            self.words[number].add(folded)
            self.holders.setdefault(folded, set()).add(number)

    def holding(self, words: set[str]) -> list[int]:
        """The persons whose name words include all of `words`, in order."""
        if not words:
            return list(range(len(self.words)))
        return sorted(set.intersection(*(self.holders.get(w, set()) for w in words)))


def nearest_person(persons: list[Person], mention: NameMention, index: WordIndex) -> int | None:
    """The person whose name holds all of `mention`'s words, named closest before it (or after)."""
    words = {fold(w) for w in mention.words}
    best: tuple[int, int, int] | None = None
    for number in index.holding(words):
        person = persons[number]
        if mention.gender and person.gender not in (None, mention.gender):
            continue  # "Mr. Obama" is not Michelle Obama
        # The person named more often wins ("Clinton" is the candidate, not her daughter
        # named once); between equals, the one named closest before.
        distance = min(distance_to(m.start, mention.start) for m in person.mentions)
        rank = (-len(person.mentions), distance, number)
        best = rank if best is None or rank < best else best
    return None if best is None else best[2]


def distance_to(candidate: int, position: int) -> int:
    """Distance with mentions before `position` preferred over mentions after it."""
    return position - candidate if candidate <= position else 1_000_000 + candidate - position


def token_index(persons: list[Person]) -> dict[int, int]:
    """Token index -> person, for every token of every mention (title included)."""
    index: dict[int, int] = {}
    for number, person in enumerate(persons):
        for mention in person.mentions:
            for i in range(mention.title_start, mention.end):
                index[i] = number
    return index


def person_places(person: Person) -> set[str]:
    """Places a person's titles name ("Vietnamese President" -> {"Vietnam"})."""
    places: set[str] = set()
    for mention in person.mentions:
        for word in (mention.title or "").replace("’s", "").replace("'s", "").split():
            if not is_title_word(word):
                place = place_of(word)
                if place:
                    places.add(place)
    return places


def role_texts(person: Person) -> list[str]:
    """Each distinct title and affiliation of a person, folded, for matching nominal mentions."""
    parts = [m.title or "" for m in person.mentions] + [person.affiliation or ""]
    parts += person.described
    return list(dict.fromkeys(fold(part).replace("-", " ") for part in parts if part))


def is_role_noun(word: str) -> bool:
    return fold(word) in person_role_nouns()
