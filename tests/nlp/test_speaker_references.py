"""Speakers reached through a reference: pronouns and the antecedents they may take
(named `(text, sources, expected)` cases on short texts written for these tests)."""

from __future__ import annotations

import pytest

from quotecli.nlp.speakers import resolve_speakers
from quotecli.nlp.types import Attribution
from quotecli.records import QuoteKind
from tests.support.speakers import resolve_last

pytestmark = pytest.mark.model


CASES = [
    pytest.param(
        "Karen Holt grilled the chief executive, and then he resigned. Mark Dunn spoke later. "
        "She said the bank had failed its customers.",
        ["She"],
        None,
        "Karen Holt",
        id="first_name_outweighs_a_pronoun_after_the_name",
    ),
    pytest.param(
        'Ellen Marsh questioned the witness. Sen. Ann Roe scolded him: "The plan is dead," '
        "she said.",
        ["she"],
        ("Sen. Ann Roe", "dead"),
        "Ann Roe",
        id="name_in_mixed_quote_outside_its_marks",
    ),
    pytest.param(
        "Senators Tom Reed and Paul Lang wrote to the agency on Monday. They said the "
        "program was broken.",
        ["They"],
        None,
        "Tom Reed",
        id="they_to_two_named_people",
    ),
    pytest.param(
        "Mara Quist and Leo Brandt courted voters on Wednesday, each touting their own record.",
        ["each"],
        None,
        "Mara Quist",
        id="each_to_the_coordinated_subject",
    ),
    pytest.param(
        "Robin Okafor thanked the mayor, who began his remarks late. Later, she said the "
        "plan was fine.",
        ["she"],
        None,
        "Robin Okafor",
        id="pronoun_in_a_relative_clause_tells_no_gender_of_the_name_before",
    ),
    pytest.param(
        "Press secretary Dan Moss spoke on Monday. President Tom Lee has long called for "
        "lower taxes. He said Lee hopes his successor will cut them.",
        ["He"],
        None,
        "Dan Moss",
        id="subject_pronoun_is_not_the_person_named_later_in_its_clause",
    ),
    pytest.param(
        "Gov. Robin Dale described Senator Ann Roe as a disgrace after she attacked the police.",
        ["she"],
        None,
        "Ann Roe",
        id="known_gender_outweighs_a_subject_of_unknown_gender_in_the_sentence",
    ),
    pytest.param(
        "Keith Dunn was shot on Tuesday. Lena Dunn spoke to reporters on Wednesday. Keith "
        "Dunn's wife said he had been unarmed.",
        ["Keith Dunn's wife"],
        None,
        "Lena Dunn",
        id="relative_of_a_named_person_to_the_other_person_of_that_surname",
    ),
    pytest.param(
        "WASHINGTON -- President Ada Brennan, opening the new bridge on Saturday, said the "
        "city would grow.",
        ["WASHINGTON -- President Ada Brennan"],
        None,
        "Ada Brennan",
        id="dateline_place_before_the_speaker",
    ),
    pytest.param(
        "Republican presidential nominee Dora Fitch spoke in Ohio on Monday. Her rival, Hal "
        "Mott, stayed home. The Republican said the race was close.",
        ["The Republican"],
        None,
        "Dora Fitch",
        id="the_party_member_to_the_person_of_that_party",
    ),
    pytest.param(
        "The gala drew Ann Lee, Tom Roe, Ida Cole and Max Hale, who joked that the hall was cold.",
        ["who"],
        None,
        "Max Hale",
        id="who_after_the_last_name_of_a_list",
    ),
    pytest.param(
        "Guests included Senator George Lee and his wife, Martha, who spoke of her early "
        "work at the museum.",
        ["who"],
        None,
        "Martha",
        id="who_after_an_appositive_name_in_a_coordination",
    ),
    pytest.param(
        "To solve this puzzle, they turned to the Dayton Police Department which reported "
        "“140 shooting incidents” in the city between May 1 and June 18.",
        ["which"],
        None,
        "Dayton Police Department",
        id="which_right_after_an_organisation",
    ),
]


@pytest.mark.parametrize(("text", "sources", "mixed", "expected"), CASES)
def test_reference_resolves_to(  # type: ignore[no-untyped-def]
    nlp, text: str, sources: list[str], mixed: tuple[str, str] | None, expected: str
) -> None:
    entity = resolve_last(nlp, text, sources, mixed)
    assert entity is not None and entity.name == expected


def test_relative_pronoun_of_a_misread_clause_takes_the_noun_before() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from quotecli.nlp.pronouns import relative_antecedent

    # "They turned to the Dayton Police which reported losses", the clause read as adverbial
    words = ["They", "turned", "to", "the", "Dayton", "Police", "which", "reported", "losses"]
    heads = [1, 1, 1, 5, 5, 2, 7, 1, 7]
    deps = ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "nsubj", "advcl", "dobj"]
    tags = ["PRP", "VBD", "IN", "DT", "NNP", "NNP", "WDT", "VBD", "NNS"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags)
    antecedent = relative_antecedent(doc[6])
    assert antecedent is not None and antecedent.text == "Police"


def test_known_surname_tagged_as_common_noun_is_the_person() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    # "Donna Vale won. Vale has called it a hoax.", the second "Vale" tagged NN
    words = ["Donna", "Vale", "won", ".", "Vale", "has", "called", "it", "a", "hoax", "."]
    heads = [1, 2, 2, 2, 6, 6, 6, 6, 9, 6, 6]
    deps = ["compound", "nsubj", "ROOT", "punct", "nsubj", "aux", "ROOT", "dobj", "det"]
    deps += ["oprd", "punct"]
    tags = ["NNP", "NNP", "VBD", ".", "NN", "VBZ", "VBN", "PRP", "DT", "NN", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    vale = doc[4]
    source = (vale.idx, vale.idx + len(vale.text))
    attribution = Attribution((source[1], source[1] + 4), QuoteKind.INDIRECT, source=source)
    entities = resolve_speakers(doc, [attribution])
    assert attribution.entity is not None
    assert entities[attribution.entity].name == "Donna Vale"


def test_the_judge_is_the_justice_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Circuit Court Justice Omar Reyes rejected the motion on Thursday. The judge said the "
        "records were private."
    )
    entity = resolve_last(nlp, text, ["The judge"])
    assert entity is not None and entity.name == "Omar Reyes"


def test_the_nominee_is_the_candidate_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Republican presidential candidate Ann Roe spoke in Ohio on Monday. The nominee said "
        "the plan was dead."
    )
    entity = resolve_last(nlp, text, ["The nominee"])
    assert entity is not None and entity.name == "Ann Roe"


def test_a_name_modifying_a_common_noun_is_no_person_of_its_own() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from quotecli.nlp.mentions import find_people

    # "The Halloran newspaper chain sued. Judge Omar Reyes ruled.", "Halloran" tagged PERSON
    words = ["The", "Halloran", "newspaper", "chain", "sued", ".", "Judge", "Omar", "Reyes"]
    words += ["ruled", "."]
    heads = [3, 3, 3, 4, 4, 4, 8, 8, 9, 9, 9]
    deps = ["det", "compound", "compound", "nsubj", "ROOT", "punct", "compound", "compound"]
    deps += ["nsubj", "ROOT", "punct"]
    tags = ["DT", "NNP", "NN", "NN", "VBD", ".", "NNP", "NNP", "NNP", "VBD", "."]
    ents = ["O", "B-PERSON", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    assert [person.name for person in find_people(doc).persons] == ["Omar Reyes"]


def test_a_role_phrase_takes_the_gender_of_its_own_possessive(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ann Lee and Tom Ray met for a debate on Monday. The Democratic nominee attacked her "
        "opponent as a fraud."
    )
    entity = resolve_last(nlp, text, ["The Democratic nominee"])
    assert entity is not None and entity.name == "Ann Lee"


def test_his_or_her_tells_no_gender() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from quotecli.nlp.descriptions import own_clause_gender

    # "The nominee praised his or her staff."
    words = ["The", "nominee", "praised", "his", "or", "her", "staff", "."]
    heads = [1, 2, 2, 6, 3, 3, 2, 2]
    deps = ["det", "nsubj", "ROOT", "poss", "cc", "conj", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "PRP$", "CC", "PRP$", "NN", "."]
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert own_clause_gender(doc[1]) is None
    doc = Doc(
        English().vocab,
        words=words[:3] + words[5:],
        heads=[1, 2, 2, 4, 2, 2],
        deps=["det", "nsubj", "ROOT", "poss", "dobj", "punct"],
        tags=["DT", "NN", "VBD", "PRP$", "NN", "."],
    )
    assert own_clause_gender(doc[1]) == "female"


def test_a_possessor_left_as_root_by_a_misparse_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # The model reads "maintains" as a noun, leaving "candidate's" a root of the phrase.
    text = "Ann Lee will win in May, the Republican candidate’s former adviser maintains."
    entity = resolve_last(nlp, text, ["the Republican candidate’s former adviser"])
    assert entity is not None and not entity.named
    assert entity.title == "adviser"
