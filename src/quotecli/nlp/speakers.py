"""Resolving each quote's speaker phrase to one canonical entity of the article.

A source phrase is read from its syntactic head:
- a name ("Thayer", "Russian President Vladimir Putin") -> the `Person` of `mentions`;
- a pronoun ("he", "they", relative "who") -> an earlier entity that agrees with it;
- a role noun ("the minister", "Vietnam's president") -> the person holding that role, else an
  unnamed person named by the noun phrase ("EU delegation spokesperson");
- an organisation, a place speaking by metonymy ("Moscow"), or a document ("A US embassy
  statement") -> an organisation; plural and coordinated phrases -> a group.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotecli.nlp.attribution.quote_marks import find_quoted_spans
from quotecli.nlp.descriptions import add_descriptions, holder_nearby, lede_holder, role_phrase
from quotecli.nlp.doctext import doc_text
from quotecli.nlp.mentions import People, find_people, is_role_noun, readable, role_texts
from quotecli.nlp.names import is_title_word
from quotecli.nlp.nominals import (
    Referent,
    has_proper_noun,
    noun_phrase_core,
    resolve_role,
    singular,
)
from quotecli.nlp.organizations import (
    full_organization_name,
    organization_names,
    organization_of_kind,
    stem,
)
from quotecli.nlp.pronouns import Candidate, pick_antecedent, relative_antecedent
from quotecli.nlp.types import Attribution, CharSpan, Entity
from quotecli.nlp.wordlists import (
    distributive_words,
    document_nouns,
    fold,
    gendered_roles,
    generic_person_nouns,
    kin_groups,
    kin_nouns,
    organization_kind_words,
    organization_nouns,
    owned_aliases,
    owned_organizations,
    personal_pronouns,
    quantity_heads,
    relative_pronouns,
    speaking_for_roles,
)
from quotecli.records import QuoteKind, SpeakerKind

NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
ORG_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
NON_SPEAKER_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
SOURCE_DEPS = ("nsubj", "nsubjpass", "pobj", "appos", "ROOT")
# How many sentences back a bare "the report" looks for the document it repeats.
DOCUMENT_LOOKBACK = 4
DEFINITE = frozenset({"the", "this", "that"})
# Candidate numbers from here on are organisations named in the text, not yet speaking.
ORGANIZATION_OFFSET = 1_000_000
QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})
# A named owner's possessive mark before the organisation noun it owns.
OWNER_MARK = re.compile(r"(?<=[A-Za-z])['’]s (?=[a-z])")
# Words that never open a proper name: "His campaign", "this group", "my father".
NOT_NAME_STARTS = frozenset(
    {"his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "a", "an"}
)
# Mentions that make an organisation the one an article is about ("the bank" for it).
DOMINANT_COUNT = 3
SERVED_PREPOSITIONS = frozenset({"for", "at", "of", "with"})


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Entity]:
    """Resolve every attribution's source to an article entity.

    Sets `attribution.entity` to the index of its entity in the returned list (None when the
    source is missing or cannot be resolved). Attributions are read in text order so that a
    pronoun can lean on the speakers already resolved before it.

    Args:
        doc: the parsed article.
        attributions: the quotes found in it, each with its `source` span as written.

    Returns:
        One Entity per speaking person, organisation or group, in order of first quote.
    """
    people = find_people(doc)
    add_descriptions(doc, people, [a.source for a in attributions if a.source])
    resolver = SpeakerResolver(doc, people, attributions)
    unsourced_last = (len(doc_text(doc)), 0)
    for attribution in sorted(attributions, key=lambda a: a.source or unsourced_last):
        attribution.entity = resolver.resolve(attribution.source)
    resolver.refresh_roles()
    return resolver.entities


@dataclass(slots=True)
class SpeakerResolver:
    """The entity table of one article and the speaker mentions seen so far."""

    doc: Doc
    people: People
    attributions: list[Attribution]
    entities: list[Entity] = field(default_factory=list)
    keys: dict[tuple[str, str], int] = field(default_factory=dict)
    resolved: dict[CharSpan, int | None] = field(default_factory=dict)
    spoken: list[Candidate] = field(default_factory=list)
    genders: dict[int, str] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    named: list[Candidate] | None = None
    organizations: list[str] = field(default_factory=list)

    def resolve(self, source: CharSpan | None) -> int | None:
        if source is None:
            return None
        if source not in self.resolved:
            self.resolved[source] = self.resolve_span(source)
        return self.resolved[source]

    def resolve_span(self, source: CharSpan) -> int | None:
        span = self.doc.char_span(source[0], source[1], alignment_mode="expand")
        head = None if span is None else source_head(span)
        if head is None:
            return None
        referent = self.read_head(head)
        if referent is None:
            return None
        entity = self.entity_for(referent)
        self.spoken.append(Candidate(head.i, entity, referent.kind, True))
        if (
            referent.person is not None
            and head.tag_ == "NN"
            and is_role_noun(head.text)
            and head.i not in self.people.by_token
            and appositive_name(head, self.people.by_token) is None
        ):
            # "The Democratic nominee said", resolved to a named person: a role of theirs
            self.people.persons[referent.person].described.append(role_phrase(head))
        return entity

    def refresh_roles(self) -> None:
        """Titles and affiliations as the whole article gives them, role phrases included."""
        for (kind, key), index in self.keys.items():
            if kind == "person":
                person = self.people.persons[int(key)]
                self.entities[index].title = person.title
                self.entities[index].affiliation = person.affiliation

    def read_head(self, head: Token) -> Referent | None:
        """What the head token of a speaker phrase refers to."""
        if head.ent_type_ == "GPE":
            # a dateline: "WASHINGTON -- President Obama, dedicating the museum, said"
            for child in head.rights:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return self.read_head(child)
        if head.i in self.people.by_token:
            return self.person_referent(self.people.by_token[head.i], head)
        named = appositive_name(head, self.people.by_token)
        if named is not None:
            return self.person_referent(self.people.by_token[named.i], named)
        word = head.lower_
        if word in distributive_words() and head.tag_ == "DT":
            subject = governing_subject(head)  # "Lee and Roe vied, each touting ..."
            return None if subject is None else self.read_head(subject)
        if word in relative_pronouns() and head.tag_ in ("WP", "WDT", "IN"):
            antecedent = relative_antecedent(head, self.people.by_token)
            return None if antecedent is None else self.read_head(antecedent)
        if word in personal_pronouns() and head.tag_ in ("PRP", "NN", "NNP"):
            return self.pronoun_referent(head)
        if head.tag_ in PROPER_TAGS and head.text[:1].isupper():
            return self.proper_referent(head)
        if head.tag_ in NOUN_TAGS and head.text[:1].isupper() and not has_conjunct(head):
            known = self.person_named(fold(head.text))
            if known is not None:  # "Trump has called ...", the name tagged a common noun
                return self.person_referent(known, None)
        if head.tag_ in NOUN_TAGS:
            return self.common_referent(head)
        return None  # a number alone ("one of them") names nobody

    def person_referent(self, index: int, head: Token | None) -> Referent:
        person = self.people.persons[index]
        alias = None if head is None else self.name_as_written(head)
        return Referent(SpeakerKind.PERSON, ("person", str(index)), person.name, alias, index)

    def name_as_written(self, head: Token) -> str | None:
        """The name part of the mention around `head` ("Thayer", "Vladimir Putin")."""
        for mention in self.people.persons[self.people.by_token[head.i]].mentions:
            if mention.title_start <= head.i < mention.end:
                return readable(mention.words)
        return None

    def pronoun_referent(self, pronoun: Token) -> Referent | None:
        info = personal_pronouns()[pronoun.lower_]
        candidates = self.candidates_before(pronoun)
        named_after = self.named_in_own_clause(pronoun)
        if named_after:
            candidates = [c for c in candidates if self.person_of(c.entity) not in named_after]
        chosen = pick_antecedent(pronoun, candidates, info, self.gender, self.sentence_of)
        if chosen is None:
            return None
        if chosen.entity < 0:
            return self.person_referent(-1 - chosen.entity, None)
        if chosen.entity >= ORGANIZATION_OFFSET:  # an organisation named, not yet speaking
            name = self.organizations[chosen.entity - ORGANIZATION_OFFSET]
            return Referent(SpeakerKind.ORGANIZATION, ("org", fold(name)), name, None)
        found = self.entities[chosen.entity]
        key = next(k for k, v in self.keys.items() if v == chosen.entity)
        return Referent(found.kind, key, found.name, None)

    def named_in_own_clause(self, pronoun: Token) -> set[int]:
        """People named after a subject pronoun within its clause, as a subject or object,
        who cannot be what it stands for: in "He said Obama hopes ...", "he" is not Obama
        (news writing allows "He said Trump's plan ...", so a possessive does not count)."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return set()
        by_token = self.people.by_token
        return {
            by_token[t.i]
            for t in pronoun.head.subtree
            if t.i > pronoun.i and t.i in by_token and t.dep_ in ARGUMENT_DEPS
        }

    def person_of(self, entity: int) -> int | None:
        """The person a candidate's entity number stands for, if it is one."""
        if entity < 0:
            return -1 - entity
        if entity >= ORGANIZATION_OFFSET:
            return None
        key = next(k for k, v in self.keys.items() if v == entity)
        return int(key[1]) if key[0] == "person" else None

    def sentence_of(self, token: int) -> int:
        if not self.sentence_starts:
            self.sentence_starts = [sent.start for sent in self.doc.sents]
        return bisect_right(self.sentence_starts, token) - 1

    def candidates_before(self, pronoun: Token) -> list[Candidate]:
        """Speakers already resolved plus every named person, before the pronoun."""
        if self.named is None:
            self.named = self.named_outside_quotes()
        spoken = [c for c in self.spoken if c.token < pronoun.i]
        # Organisations not yet speaking stand for "it", not for "they" (mostly people).
        neutral = personal_pronouns()[pronoun.lower_].gender == "neutral"
        return spoken + [
            c
            for c in self.named
            if c.token < pronoun.i and (neutral or c.entity < ORGANIZATION_OFFSET)
        ]

    def named_outside_quotes(self) -> list[Candidate]:
        """Person and organisation mentions outside direct quotes (computed once per Doc)."""
        quoted = self.quoted_words()
        people = [
            Candidate(m.end - 1, -1 - number, SpeakerKind.PERSON, m.is_subject)
            for number, person in enumerate(self.people.persons)
            for m in person.mentions
            if not inside(self.doc[m.start].idx, quoted)
        ]
        return people + self.couples(people) + self.organizations_outside(quoted)

    def couples(self, people: list[Candidate]) -> list[Candidate]:
        """Named persons joined by "and" ("Grassley and Leahy said"), as antecedents of
        "they": the first of them stands for the pair."""
        found = []
        for candidate in people:
            token = self.doc[candidate.token]
            if token.dep_ != "conj" or token.head.i not in self.people.by_token:
                continue
            if not any(c.dep_ == "cc" and c.lower_ == "and" for c in token.head.children):
                continue
            first = -1 - self.people.by_token[token.head.i]
            subject = token.head.dep_ in ("nsubj", "nsubjpass")
            found.append(Candidate(candidate.token, first, SpeakerKind.GROUP, subject))
        return found

    def quoted_words(self) -> list[CharSpan]:
        """The speakers' own words: direct quotes whole, and the marked parts of mixed ones
        (a mixed quote's content also holds the writer's words, often the speaker's name:
        `Sen. Ann Roe scolded him: "..." she said`)."""
        spans = [a.content for a in self.attributions if a.kind is QuoteKind.DIRECT]
        mixed = [a.content for a in self.attributions if a.kind is QuoteKind.MIXED]
        if mixed:
            spans += [
                found.content
                for found in find_quoted_spans(doc_text(self.doc))
                if inside(found.content[0], mixed)
            ]
        return spans

    def organizations_outside(self, quoted: list[CharSpan]) -> list[Candidate]:
        """Organisations the model names, as antecedents for "it" and "they"."""
        found = []
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or inside(ent.start_char, quoted):
                continue
            if any(t.i in self.people.by_token for t in ent):
                continue
            name = strip_determiner(ent)
            name = full_organization_name(self.doc, name) or name
            self.organizations.append(name)
            number = ORGANIZATION_OFFSET + len(self.organizations) - 1
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            found.append(Candidate(ent.end - 1, number, SpeakerKind.ORGANIZATION, subject))
        return found

    def gender(self, entity: int) -> str | None:
        """Known gender of an entity (negative numbers are persons not yet speaking)."""
        if entity < 0:
            return self.people.persons[-1 - entity].gender
        if entity >= ORGANIZATION_OFFSET:
            return None
        return self.genders.get(entity)

    def proper_referent(self, head: Token) -> Referent | None:
        """A capitalised name that is not a person: an organisation, a place speaking by
        metonymy, a nationality group; an unknown bare name is taken for a person."""
        if has_conjunct(head):
            return group_referent(head)
        known = self.person_named(fold(head.text))
        if known is not None and not any(c.dep_ == "compound" for c in head.lefts):
            return self.person_referent(known, None)  # "WALLACE:" or "Trump" read as an ORG
        entity_span = entity_around(head)
        if entity_span is not None and entity_span.label_ in NON_SPEAKER_LABELS:
            return None  # "Wednesday", "September": a date is nobody
        if entity_span is not None and entity_span.label_ == "NORP" and is_the_member(head):
            member = self.party_member(head)
            if member is not None:  # "The Republican is also encouraging his supporters"
                return self.person_referent(member, None)
        if entity_span is not None and entity_span.label_ in ORG_LABELS:
            name = strip_determiner(entity_span)
            if entity_span.label_ == "ORG":
                name = full_organization_name(self.doc, name) or name
            kind = SpeakerKind.GROUP if entity_span.label_ == "NORP" else SpeakerKind.ORGANIZATION
            return Referent(kind, ("org", fold(name)), name, name)
        name = noun_phrase_core(head)
        if all(is_title_word(word) for word in name.split()):
            return self.common_referent(head)  # "Retired General", "Senator": a role, no name
        fuller = full_organization_name(self.doc, name, bare=True)
        if fuller is not None:  # "Peabody" for "Peabody Energy", "AROS" spelled out
            return Referent(SpeakerKind.ORGANIZATION, ("org", fold(fuller)), fuller, name)
        if head.tag_ == "NNPS" or any(fold(w) in organization_nouns() for w in name.split()):
            return Referent(SpeakerKind.ORGANIZATION, ("org", fold(name)), name, name)
        name = readable(name.split())
        for index, person in enumerate(self.people.persons):
            if fold(person.name) == fold(name):
                return self.person_referent(index, None)  # the name in a headline run
        return Referent(SpeakerKind.PERSON, ("name", fold(name)), name, name)

    def party_member(self, head: Token) -> int | None:
        """The person "the Republican" stands for: of those whose roles hold the word, the
        one named nearest before."""
        word = fold(head.text)
        best: tuple[int, int] | None = None
        for index, person in enumerate(self.people.persons):
            if not any(word in text.split() for text in role_texts(person)):
                continue
            before = [m.start for m in person.mentions if m.start < head.i]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), index)
        return None if best is None else best[1]

    def person_named(self, word: str) -> int | None:
        """The one person whose name holds `word` (any case), if exactly one does."""
        found = [i for i, p in enumerate(self.people.persons) if word in p.words]
        return found[0] if len(found) == 1 else None

    def common_referent(self, head: Token) -> Referent | None:
        if has_conjunct(head):
            return group_referent(head)
        word = fold(head.text)
        if word in quantity_heads():
            counted = of_object(head)
            return None if counted is None else self.read_head(counted)
        if word in document_nouns():
            return self.document_author(head)
        served = self.organization_served(head) or self.organization_modifying(head)
        if served is not None:
            return served
        if word in kin_groups():  # "Scott's family": unnamed, though Scott is named
            name = noun_phrase_core(head)
            return Referent(SpeakerKind.GROUP, ("group", fold(name)), name, name, named=False)
        if head.tag_ == "NNS" and not is_collective_organization(head):
            return group_referent(head)
        if word in organization_nouns():
            return self.organization_referent(head)
        if not is_role_noun(singular(word)):
            return None  # "the problem said": a parse error, not a person
        relative = self.named_relative(head)
        if relative is not None:
            return self.person_referent(relative, None)
        found = resolve_role(head, self.people, self.unnamed_roles())
        if found is not None:
            return found
        holder = holder_nearby(self.doc, self.people, head)
        if holder is not None:  # "The GOP nominee said", the nominee named just before
            return self.person_referent(holder, None)
        holder = lede_holder(self.doc, self.people, head)
        if holder is not None:  # "A former party chairman says ...", named further on
            return self.person_referent(holder, None)
        name = noun_phrase_core(head)
        named = names_organization(head)  # "EU delegation spokesperson"; not "a source"
        title = None if named else unnamed_title(head)
        key = ("role", fold(name))
        return Referent(SpeakerKind.PERSON, key, name, name, named=named, title=title)

    def named_relative(self, head: Token) -> int | None:
        """ "Keith Scott's wife" -> Rakeyia Scott: the one other person named in the article
        with the possessor's surname and a gender the relation allows."""
        if fold(head.text) not in kin_nouns():
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or owner.i not in self.people.by_token:
            return None
        possessor = self.people.by_token[owner.i]
        surname = fold(self.people.persons[possessor].name.split()[-1])
        gender = gendered_roles().get(fold(head.text))
        found = [
            index
            for index, person in enumerate(self.people.persons)
            if index != possessor
            and len(person.name.split()) > 1
            and fold(person.name.split()[-1]) == surname
            and person.gender in (None, gender)
        ]
        return found[0] if len(found) == 1 else None

    def organization_served(self, head: Token) -> Referent | None:
        """ "a spokesman for the Justice Department", "officials at the agency": the
        organisation speaks through them."""
        if singular(fold(head.text)) not in speaking_for_roles():
            return None
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in SERVED_PREPOSITIONS:
                served = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = None if served is None else self.read_head(served)
                if found is not None and found.kind is SpeakerKind.ORGANIZATION:
                    return found
        return None

    def organization_modifying(self, head: Token) -> Referent | None:
        """ "a Homeland Security Department official", "a Clinton campaign aide": an
        unnamed person speaking for the organisation named before the role."""
        if singular(fold(head.text)) not in speaking_for_roles():
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return None  # "the department official" may be someone the article names
        modifiers = [c for c in head.lefts if c.dep_ == "compound"]
        if not modifiers:
            return None
        words = self.doc[min(c.left_edge.i for c in modifiers) : head.i]
        if len(words) > 1 and fold(words[-1].text) in owned_organizations():
            before = words[-2]
            owner = self.people.by_token.get(before.i)
            if owner is None and before.tag_ in PROPER_TAGS:
                owner = self.person_named(fold(before.text))
            if owner is None:
                return None
            name = f"{self.people.persons[owner].name.split()[-1]} {words[-1].text}"
        elif all(t.ent_type_ == "ORG" for t in words):
            name = full_organization_name(self.doc, words.text) or words.text
        else:
            return None  # "a Clinton aide" serves a person
        return Referent(SpeakerKind.ORGANIZATION, ("org", fold(name)), name, name)

    def document_author(self, head: Token) -> Referent | None:
        """ "A US embassy statement" speaks for "US embassy"; "the ministry's report" for the
        ministry; "a statement from the bank" for the bank; "the council issued a statement
        saying" and "In a statement, the union said" for their subject; a bare "the report"
        for the author of the same document named before ("a Times article ... the
        article")."""
        found = self.issuer(head)
        if found is not None or any(c.dep_ in ("poss", "compound", "nmod") for c in head.lefts):
            return found
        for earlier in reversed(self.doc[: head.i]):
            if earlier.lower_ == head.lower_ and earlier.tag_ == head.tag_:
                found = self.issuer(earlier)
                if found is not None:
                    return found
        # "according to a Reuters survey ... The study found": the document just before;
        # "A web video by the party ... [two sentences] ... The ad says": the nearest one
        # a few sentences back whose issuer is named
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.lefts)
        previous = max(self.sentence_of(head.i) - (DOCUMENT_LOOKBACK if definite else 1), 0)
        start = self.sentence_starts[previous]
        for earlier in reversed(self.doc[start : head.sent.start]):
            if earlier.tag_ == head.tag_ and fold(earlier.text) in document_nouns():
                found = self.issuer(earlier)
                if found is not None:
                    return found
        return None

    def issuer(self, head: Token) -> Referent | None:
        """Who issued the document `head` names, from its own phrase or its verb."""
        found = self.written_issuer(head)
        if found is not None:
            return found
        verb = head.head
        if head.dep_ == "pobj" and verb.lower_ == "in":
            verb = verb.head  # "In a statement, the union said"
        elif head.dep_ != "dobj":
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or verb.pos_ != "VERB" or fold(subject.text) in document_nouns():
            return None
        found = self.read_head(subject)
        return found if found is not None and found.named else None

    def written_issuer(self, head: Token) -> Referent | None:
        """The issuer the document's own phrase names (possessive, "from", modifiers)."""
        for child in head.children:
            if child.dep_ == "poss" and child.tag_ == "PRP$":
                if child.lower_ not in personal_pronouns():
                    return None
                return self.pronoun_referent(child)  # "her account", "his response"
            if child.dep_ == "poss":
                return self.read_head(child)
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                found = self.read_head(objects[0]) if objects else None
                if child.lower_ == "of" and (found is None or found.kind is SpeakerKind.GROUP):
                    continue  # "a survey of voter lists" is not the lists' survey
                if objects:
                    return found
        author = self.clause_author(head)
        if author is not None:
            return author
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "amod")]
        if not modifiers:
            return None
        words = self.doc[min(c.left_edge.i for c in modifiers) : head.i]
        for token in words:
            if token.i in self.people.by_token:
                return self.person_referent(self.people.by_token[token.i], None)
        proper = [t.i for t in words if t.tag_ in PROPER_TAGS]
        if proper:  # "the latest Reuters/Ipsos opinion poll": the issuer's name only
            end = proper[-1] + 1
            while end < head.i and fold(self.doc[end].text) in organization_nouns():
                end += 1  # "A US embassy statement": the embassy
            name = self.doc[proper[0] : end].text
            name = full_organization_name(self.doc, name) or name
            return Referent(SpeakerKind.ORGANIZATION, ("org", fold(name)), name, name)
        return Referent(
            SpeakerKind.ORGANIZATION, ("org", fold(words.text)), words.text, None, named=False
        )

    def clause_author(self, head: Token) -> Referent | None:
        """ "a report released by the agency", "a speech Ann Roe delivered": the agent or
        subject of the clause that tells who made the document."""
        for clause in head.rights:
            if clause.dep_ == "acl" and clause.tag_ == "VBN":
                for agent in (c for c in clause.children if c.dep_ == "agent"):
                    found = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if found is not None:
                        return self.read_head(found)
            if clause.dep_ == "relcl":
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.tag_ not in ("WDT", "WP"):
                    return self.read_head(subject)
        return None

    def organization_referent(self, head: Token) -> Referent:
        """ "The ministry said": the organisation of that kind already speaking, if any."""
        word = fold(head.text)
        owner = self.owner_of(head)
        if owner is not None:  # "Donald Trump's campaign", "the Trump campaign"
            surname = self.people.persons[owner].name.split()[-1]
            name = f"{surname} {self.owned_noun(surname, head.text)}"
            return Referent(SpeakerKind.ORGANIZATION, ("org", fold(name)), name, name)
        name = noun_phrase_core(head)
        named = has_proper_noun(head)
        place = place_of_phrase(head)
        if place is not None and not any(c.dep_ in QUALIFIER_DEPS for c in head.lefts):
            # "The city of Phoenix": named by its place, as a proper name ("City of Phoenix")
            name = f"{head.text[:1].upper()}{head.text[1:]} of {place}"
            return Referent(SpeakerKind.ORGANIZATION, ("org", fold(name)), name, name)
        if not named:
            speaking = self.speaking_organization(word, named=True)
            if speaking is not None:
                return speaking
            # "the commission": the commission the article names
            required = frozenset(
                stem(fold(c.text))
                for c in head.lefts
                if c.dep_ == "compound" and c.tag_ in ("NN", "NNS")
            )
            found = organization_of_kind(self.doc, word, head.idx, required)
            if found is None and not required and not any(c.dep_ == "amod" for c in head.lefts):
                found = self.dominant_organization(word)
            if found is not None:
                return Referent(SpeakerKind.ORGANIZATION, ("org", fold(found)), found, name)
            speaking = self.speaking_organization(word, named=False)
            if speaking is not None:
                return speaking
        name = OWNER_MARK.sub(" ", name)  # "O'Malley's campaign" -> "O'Malley campaign"
        return Referent(SpeakerKind.ORGANIZATION, ("org", fold(name)), name, name, named=named)

    def owned_noun(self, surname: str, noun: str) -> str:
        """ "team" -> "campaign" when the article speaks of the "Trump campaign" (or "Trump's
        campaign") and this is the Trump team; the noun as written otherwise."""
        named = owned_aliases().get(fold(noun))
        if named is None:
            return noun
        pattern = rf"\b{re.escape(surname)}(?:['’]s)? {re.escape(named)}\b"
        return named if re.search(pattern, self.doc.text, re.IGNORECASE) else noun

    def dominant_organization(self, word: str) -> str | None:
        """The organisation the article is about, for "the bank" when no name shows the kind
        ("Wells Fargo"): named at least `DOMINANT_COUNT` times and twice as often as any
        other, no person's name, with no organisation noun of another kind in its name."""
        people_words = set().union(*(p.words for p in self.people.persons))
        counts = [
            (name, count)
            for name, count in organization_names(self.doc).most_common()
            if people_words.isdisjoint(fold(name).split())
        ]
        if not counts or counts[0][1] < DOMINANT_COUNT:
            return None
        if len(counts) > 1 and counts[0][1] < 2 * counts[1][1]:
            return None
        name = counts[0][0]
        kind = organization_kind_words(word)
        if any(w in organization_nouns() and w not in kind for w in fold(name).split()):
            return None
        return name

    def speaking_organization(self, word: str, named: bool) -> Referent | None:
        """The organisation already speaking whose name ends with `word`."""
        for (kind, key), index in self.keys.items():
            entity = self.entities[index]
            words = key.split()
            # "the ministry" for "Foreign Ministry", "the city" for "city of Phoenix"
            of_place = words[:1] == [word] and words[1:2] == ["of"]
            if kind == "org" and (words[-1:] == [word] or of_place) and entity.named == named:
                return Referent(
                    SpeakerKind.ORGANIZATION, (kind, key), entity.name, word, named=named
                )
        return None

    def owner_of(self, head: Token) -> int | None:
        """The person an organisation noun belongs to: "Trump's campaign", "the Clinton team"."""
        if fold(head.text) not in owned_organizations():
            return None  # "Scott's family" is no organisation named after Scott
        for child in head.lefts:
            if child.dep_ in ("poss", "compound") and child.i in self.people.by_token:
                return self.people.by_token[child.i]
            if child.dep_ == "poss" and child.lower_ in personal_pronouns():
                owner = self.pronoun_referent(child)  # "her campaign"
                return None if owner is None else owner.person
        return None

    def unnamed_roles(self) -> list[tuple[str, tuple[str, str]]]:
        """Unnamed persons already speaking ("EU delegation spokesperson"): "the spokesperson"."""
        return [(self.entities[i].name, key) for key, i in self.keys.items() if key[0] == "role"]

    def entity_for(self, referent: Referent) -> int:
        index = self.keys.get(referent.key)
        if index is None:
            index = len(self.entities)
            self.keys[referent.key] = index
            self.entities.append(self.new_entity(referent))
        entity = self.entities[index]
        if referent.alias and referent.alias not in entity.aliases:
            entity.aliases.append(referent.alias)
        return index

    def new_entity(self, referent: Referent) -> Entity:
        if referent.person is None:
            return Entity(
                referent.name,
                referent.kind,
                referent.title,
                aliases=[referent.name],
                named=referent.named and looks_like_a_name(referent.name),
            )
        person = self.people.persons[referent.person]
        if person.gender:
            self.genders[len(self.entities)] = person.gender
        return Entity(
            person.name, SpeakerKind.PERSON, person.title, person.affiliation, person.aliases
        )


def looks_like_a_name(name: str) -> bool:
    """The last check before a phrase is given as a speaker's name: a capital letter, and no
    possessive or demonstrative before common nouns ("white paper", "His campaign", "Cameron's
    spokesman" name nobody; "al-Qaeda" and "Our Principles PAC" are names)."""
    words = name.split()
    if words and fold(words[0]) in NOT_NAME_STARTS:
        return len(words) > 1 and all(word[:1].isupper() for word in words[1:])
    for number, word in enumerate(words[:-1]):
        if word.endswith(("'s", "’s")) and not any(w[:1].isupper() for w in words[number + 1 :]):
            return False  # "Cameron's spokesman": whose, and a role, not a name
    return any(char.isupper() for char in name)


def unnamed_title(head: Token) -> str | None:
    """The title of someone the article names only by role ("the band leader said" ->
    "band leader"); None for a word that tells no position ("a source", "my mother")."""
    word = singular(fold(head.text))
    if word in generic_person_nouns() or word in kin_nouns():
        return None
    return role_phrase(head)


def source_head(span: Span) -> Token | None:
    """The token of the phrase whose head lies outside it, preferring a subject or object."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    roots = [
        t
        for t in roots
        if t.tag_ in NOUN_TAGS
        or t.tag_ in ("PRP", "WP", "WDT", "IN", "CD")
        or (t.tag_ == "DT" and t.lower_ in distributive_words())
    ]
    preferred = [t for t in roots if t.dep_ in SOURCE_DEPS]
    # A misparsed phrase may leave its possessor as a root ("the candidate's former doctor
    # maintains", the verb read as a noun): the possessed noun after it is the speaker.
    owned = [t for t in roots if t.dep_ != "poss" and t.i > min(r.i for r in roots)]
    chosen = preferred or ([t for t in roots if t.dep_ != "poss"] if owned else roots)
    return chosen[0] if chosen else None


def is_the_member(head: Token) -> bool:
    """ "The Republican", "the Democrat": one member of a party or nation, not the group."""
    return (
        head.tag_ == "NNP"
        and not head.text.endswith("s")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and not has_conjunct(head)
    )


def place_of_phrase(head: Token) -> str | None:
    """ "Phoenix" in "the city of Phoenix": a place named by "of" after the noun."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            place = next((c for c in child.children if c.dep_ == "pobj"), None)
            if (
                place is not None
                and place.ent_type_ in ("GPE", "LOC", "ORG")  # "Dayton" is often an ORG
                and place.tag_ in PROPER_TAGS
                and not head.ent_type_
            ):
                start = min(t.i for t in place.subtree)
                return head.doc[start : place.i + 1].text
    return None


def governing_subject(word: Token) -> Token | None:
    """The coordinated subject of the clause a distributive word's clause hangs on."""
    for verb in word.head.ancestors:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject if has_conjunct(subject) or subject.tag_ == "NNS" else None
    return None


def appositive_name(head: Token, named: dict[int, int]) -> Token | None:
    """The person's name set beside a descriptor: "His lawyer, Zhang Dongshuo", "one of the
    family's attorneys, Ana Ruiz" (the name, not the descriptor, is who speaks)."""
    if head.tag_ not in ("NN", "NNS", "CD") and not is_title_word(head.text):
        return None  # a role the model tagged as a name ("The MP, Daniel Okafor,") is one
    if head.dep_ == "appos" and head.head.i in named:
        return head.head  # "John Bentel, a staffer at the department, who said"
    holders = [head, *(c for c in head.children if c.dep_ == "prep" and c.lower_ == "of")]
    for holder in holders:
        for child in holder.subtree if holder is not head else head.rights:
            if child.dep_ == "appos" and child.i in named:
                return child
    return None


def names_organization(head: Token) -> bool:
    """Whether a role phrase names the organisation it serves ("EU delegation spokesperson")."""
    if singular(fold(head.text)) not in speaking_for_roles():
        return False
    return any(t.ent_type_ == "ORG" for t in head.subtree if t.i < head.i)


def is_collective_organization(head: Token) -> bool:
    """ "police": an organisation noun tagged plural but with no singular of its own."""
    word = fold(head.text)
    return word in organization_nouns() and singular(word) == word and not has_conjunct(head)


def has_conjunct(head: Token) -> bool:
    return any(
        child.dep_ == "conj" and child.tag_ in NOUN_TAGS and not is_appositive_conjunct(child)
        for child in head.children
    )


def is_appositive_conjunct(conj: Token) -> bool:
    """A role set off by commas after a name that the parser joins as a conjunct: "China,
    Beijing's closest ally and biggest buyer, said" is China alone, unlike "China, Japan and
    Korea said". The role is a singular common noun with a possessive or determiner, right
    after the comma, and a comma closes it."""
    doc, head = conj.doc, conj.head
    first = min(t.i for t in conj.subtree)
    last = max(t.i for t in conj.subtree)
    return (
        head.tag_ in PROPER_TAGS
        and conj.tag_ == "NN"
        and first > 0
        and doc[first - 1].text == ","
        and doc[first].tag_ in ("DT", "PRP$", "NNP")
        and last + 1 < len(doc)
        and doc[last + 1].text == ","
    )


def group_referent(head: Token) -> Referent:
    """A plural or coordinated phrase: "Local farmers", "the United States and its allies"."""
    name = noun_phrase_core(head, with_conjuncts=True)
    conjuncts = [c for c in head.conjuncts if c.tag_ in NOUN_TAGS]
    # "Democrats", "Clinton and Kaine", "the United States and its allies"; not "critics",
    # not "the Times and the Gannett newspaper chain"
    named = head.tag_ in PROPER_TAGS and all(
        t.tag_ in PROPER_TAGS or any(c.tag_ == "PRP$" for c in t.lefts) for t in conjuncts
    )
    return Referent(SpeakerKind.GROUP, ("group", fold(name)), name, name, named=named)


def of_object(head: Token) -> Token | None:
    """ "74 percent of likely voters" -> "voters"."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def entity_around(token: Token) -> Span | None:
    return next((ent for ent in token.doc.ents if ent.start <= token.i < ent.end), None)


def strip_determiner(span: Span) -> str:
    start = span.start + 1 if span[0].tag_ == "DT" else span.start
    return span.doc[start : span.end].text


def inside(offset: int, spans: list[CharSpan]) -> bool:
    return any(start <= offset < end for start, end in spans)
