"""Who speaks and in what role: names behind descriptors, and roles from every construction
that gives one (named `(text, source, expected)` cases on short texts)."""

from __future__ import annotations

import pytest

from quotecli.records import SpeakerKind
from tests.support.speakers import resolve_last

pytestmark = pytest.mark.model

PERSON, ORG, GROUP = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.GROUP


ROLE_CASES = [
    pytest.param(
        "Rebecca Lindqvist, 34, a nurse who works nights, said the ward was full.",
        ["Rebecca Lindqvist"],
        ("Rebecca Lindqvist", "nurse"),
        id="role_after_an_age",
    ),
    pytest.param(
        "Tom Reed, a hydrologist at the University of Leeds who studies floods, said the river "
        "would rise.",
        ["Tom Reed"],
        ("Tom Reed", "hydrologist at the University of Leeds"),
        id="occupation_known_by_its_ending",
    ),
    pytest.param(
        "The MP, Daniel Okafor, said the vote would fail.",
        ["The MP, Daniel Okafor,"],
        ("Daniel Okafor", "MP"),
        id="title_set_off_before_the_name",
    ),
    pytest.param(
        "Nova Scotia Liberal MP Sean Fraser said the plan was sound.",
        ["Nova Scotia Liberal MP Sean Fraser"],
        ("Sean Fraser", "Nova Scotia Liberal MP"),
        id="member_of_parliament_title",
    ),
    pytest.param(
        "Sen. Tom Udall, a Democrat from Oregon and the bill's lead sponsor, said it would pass.",
        ["Sen. Tom Udall"],
        ("Tom Udall", "Sen. Democrat from Oregon and the bill's lead sponsor"),
        id="party_member_appositive",
    ),
    pytest.param(
        "Rep. Ann Roe, the top Republican on the budget committee, said the plan was dead.",
        ["Rep. Ann Roe"],
        ("Ann Roe", "Rep. top Republican on the budget committee"),
        id="party_member_appositive_with_a_seat",
    ),
    pytest.param(
        "Ann Roe, her fellow Democrat, said the plan was dead.",
        ["Ann Roe"],
        ("Ann Roe", None),
        id="party_member_of_someone_is_no_position",
    ),
    pytest.param(
        "The bridge is safe, city engineer Tom Ochoa said on Monday.",
        ["city engineer Tom Ochoa"],
        ("Tom Ochoa", "city engineer"),
        id="prenominal_role",
    ),
    pytest.param(
        "Republican presidential nominee Dana Whitlock spoke in Ohio. "
        "Taxes are too high, Whitlock said.",
        ["Whitlock"],
        ("Dana Whitlock", "Republican presidential nominee"),
        id="prenominal_role_carried_to_surname",
    ),
    pytest.param(
        "Rates will fall, Holt's colleague Mara Lind said.",
        ["Mara Lind"],
        ("Mara Lind", "Holt's colleague"),
        id="prenominal_role_with_owner",
    ),
    pytest.param(
        "The deal is done, said the event organizer Alliance for Better Schools.",
        ["Alliance for Better Schools"],
        ("Alliance for Better Schools", None),
        id="prenominal_role_before_organisation_is_no_title",
    ),
    pytest.param(
        "A lawyer for the news outlets, Ruth Adebayo, said the files should be public.",
        ["A lawyer for the news outlets, Ruth Adebayo,"],
        ("Ruth Adebayo", "lawyer for the news outlets"),
        id="descriptor_then_appositive_name",
    ),
    pytest.param(
        "One of the family's attorneys, Owen Pratt, said the video was clear.",
        ["One of the family's attorneys, Owen Pratt,"],
        ("Owen Pratt", "One of the family's attorneys"),
        id="one_of_descriptor_then_appositive_name",
    ),
    pytest.param(
        "Susan Miller spoke to donors in Ohio. She occupies the post as the attorney general, "
        "the first from her state. Crime is falling, Miller said.",
        ["Miller"],
        ("Susan Miller", "attorney general"),
        id="role_from_other_sentence",
    ),
    pytest.param(
        "Paul Hirst met the donors. The crowd cheered the Republican presidential nominee. "
        "We will win, Hirst said.",
        ["Hirst"],
        ("Paul Hirst", "Republican presidential nominee"),
        id="role_from_other_sentence_as_object",
    ),
    pytest.param(
        "Carla Dunne and Peter Voss met. The chairman spoke first. Rates will rise, Dunne said.",
        ["Dunne"],
        ("Carla Dunne", None),
        id="gendered_role_not_given_to_other_gender",
    ),
    pytest.param(
        "Democratic nominee Susan Miller spoke in Ohio. The nominee said taxes must rise.",
        ["The nominee"],
        ("Susan Miller", "Democratic nominee"),
        id="role_noun_source_to_role_holder",
    ),
    pytest.param(
        "Paul Hirst toured Ohio on Monday. The GOP nominee said taxes were too high.",
        ["The GOP nominee"],
        ("Paul Hirst", "GOP nominee"),
        id="role_source_to_person_named_just_before",
    ),
    pytest.param(
        "Senator Ruth Kale met Paul Hirst, the party's nominee, and Paul Hirst spoke twice. "
        "The senator said taxes were too high.",
        ["The senator"],
        ("Ruth Kale", "Senator"),
        id="role_source_skips_person_known_in_another_role",
    ),
    pytest.param(
        "Ruth Kale toured Florida, the Sunshine state. Taxes are high, Kale said.",
        ["Kale"],
        ("Ruth Kale", None),
        id="title_word_is_no_described_role",
    ),
    pytest.param(
        "His lawyer, Zhang Wei, said the charges were false.",
        ["His lawyer, Zhang Wei,"],
        ("Zhang Wei", None),
        id="relational_descriptor_then_name",
    ),
    pytest.param(
        "Rates will fall, said Nora Bell, who served as trade envoy to Peru from 2010 until "
        "last year.",
        ["Nora Bell"],
        ("Nora Bell", "trade envoy to Peru"),
        id="relative_clause_served_as_without_dates",
    ),
    pytest.param(
        "Rates will fall, said Omar Diaz, who heads the Institute for Water Studies in Lima.",
        ["Omar Diaz"],
        ("Omar Diaz", "heads the Institute for Water Studies in Lima"),
        id="relative_clause_heads_organisation",
    ),
    pytest.param(
        "Omar Diaz, who runs the mayor's housing effort for older tenants, said rates will "
        "fall. Rents are too high, Diaz said.",
        ["Diaz"],
        ("Omar Diaz", "runs the mayor's housing effort for older tenants"),
        id="relative_clause_role_carried_to_surname",
    ),
    pytest.param(
        "Omar Diaz, who led the march, said rates will fall.",
        ["Omar Diaz"],
        ("Omar Diaz", None),
        id="relative_clause_act_is_no_role",
    ),
    pytest.param(
        "Omar Diaz, who ran for mayor in 2010, said rates will fall.",
        ["Omar Diaz"],
        ("Omar Diaz", None),
        id="relative_clause_other_verb_is_no_role",
    ),
    pytest.param(
        "On Sunday, Republican vice-presidential nominee\xa0 Gov.\xa0 Ann Roe said taxes are high.",
        ["Ann Roe"],
        ("Ann Roe", "Republican vice-presidential nominee Gov."),
        id="title_across_non_breaking_spaces",
    ),
    pytest.param(
        "Taxes are high, said Sen.\xa0Ann\xa0Roe. Roe spoke in Ohio. Rates will rise, Roe said.",
        ["Sen.\xa0Ann\xa0Roe", "Roe"],
        ("Ann Roe", "Sen."),
        id="name_across_non_breaking_spaces",
    ),
    pytest.param(
        "Sens. Jon Kale (D-Mont.) and Ed Roe (R-S.C.) spoke. Banks are too big, Kale said.",
        ["Kale"],
        ("Jon Kale", "D-Mont."),
        id="party_and_state_tag_when_no_position",
    ),
    pytest.param(
        "Rep. Ed Roe (R-S.C.), the panel's chairman, spoke. Banks are too big, Roe said.",
        ["Roe"],
        ("Ed Roe", "Rep. panel's chairman"),
        id="position_before_party_and_state_tag",
    ),
    pytest.param(
        "Ann Lee (D) spoke. Banks are too big, Lee said.",
        ["Lee"],
        ("Ann Lee", None),
        id="party_initial_alone_is_no_role",
    ),
    pytest.param(
        "Debates rarely matter, noted Acme News’s Dana Kirby.",
        ["Acme News’s Dana Kirby"],
        ("Dana Kirby", "Acme News"),
        id="organisation_possessive_before_name",
    ),
    pytest.param(
        "Debates rarely matter, noted ACN's Dana Kirby.",
        ["ACN's Dana Kirby"],
        ("Dana Kirby", "ACN"),
        id="acronym_possessive_before_name",
    ),
    pytest.param(
        "Taxes are high, said Ohio's Dana Kirby.",
        ["Ohio's Dana Kirby"],
        ("Dana Kirby", None),
        id="place_possessive_before_name_is_no_affiliation",
    ),
    pytest.param(
        "Former city treasurer warns of deficit\n\nA former city treasurer says the budget "
        'will fail. "Rates must rise," said Omar Diaz, who left office in 2012.',
        ["A former city treasurer"],
        ("Omar Diaz", "former city treasurer"),
        id="lede_role_named_further_on",
    ),
    pytest.param(
        "The budget will fail. The mayor disagrees. Rates are high. A former city treasurer "
        'says the budget will fail. "Rates must rise," said Omar Diaz.',
        ["A former city treasurer"],
        ("former city treasurer", "former city treasurer"),
        id="indefinite_role_after_the_lede_stays_unnamed",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), ROLE_CASES)
def test_speaker_name_and_role(  # type: ignore[no-untyped-def]
    nlp, text: str, sources: list[str], expected: tuple[str, str | None]
) -> None:
    entity = resolve_last(nlp, text, sources)
    assert entity is not None
    role = " ".join(part for part in (entity.title, entity.affiliation) if part) or None
    assert (entity.name, role) == expected


PRONOUN_CASES = [
    pytest.param(
        "The Tampa Bay Times checked the claim. It said the claim was false.",
        ["It"],
        "Tampa Bay Times",
        id="it_to_organisation_named_before",
    ),
    pytest.param(
        "Karen Holt met Victor Lane on Monday. She said the plan was dead.",
        ["She"],
        "Karen Holt",
        id="she_skips_male_first_name",
    ),
    pytest.param(
        "Victor Lane met Karen Holt on Monday. He said the plan was dead.",
        ["He"],
        "Victor Lane",
        id="he_skips_female_first_name",
    ),
    pytest.param(
        "Karen Holt chaired the hearing in May. Later a judge wrote to Nora Bell about the "
        "bank. She said the plan was dead.",
        ["She"],
        "Karen Holt",
        id="subject_pronoun_continues_earlier_subject",
    ),
    pytest.param(
        "Karen Holt chaired the hearing in May. The bank hired new lawyers. Later a judge "
        "wrote to Nora Bell about the bank. She said the plan was dead.",
        ["She"],
        "Nora Bell",
        id="subject_pronoun_takes_much_nearer_object",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), PRONOUN_CASES)
def test_pronoun_agrees_with_first_name(  # type: ignore[no-untyped-def]
    nlp, text: str, sources: list[str], expected: str
) -> None:
    entity = resolve_last(nlp, text, sources)
    assert entity is not None and entity.name == expected


def test_organisation_word_is_no_person_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from quotecli.nlp.mentions import find_people

    doc = nlp("Ada Ruiz, a dean at the Wayne State University School of Medicine, spoke.")
    assert [p.name for p in find_people(doc).persons] == ["Ada Ruiz"]


NAME_CASES = [
    pytest.param(
        "Prices will rise, a source said.", ["a source"], (None, PERSON), id="unnamed_source"
    ),
    pytest.param("The plan is dead, critics said.", ["critics"], (None, GROUP), id="unnamed_group"),
    pytest.param(
        "Omar Haddad met donors. The Haddad campaign said the poll was wrong.",
        ["The Haddad campaign"],
        ("Haddad campaign", ORG),
        id="campaign_named_after_its_candidate",
    ),
    pytest.param(
        "Omar Haddad met donors. Omar Haddad's campaign said the poll was wrong.",
        ["Omar Haddad's campaign"],
        ("Haddad campaign", ORG),
        id="possessive_campaign_named_after_its_candidate",
    ),
    pytest.param(
        "Omar Haddad met donors. His campaign said the poll was wrong.",
        ["His campaign"],
        ("Haddad campaign", ORG),
        id="pronoun_owner_of_campaign",
    ),
    pytest.param(
        "Voters are angry, the latest Reuters/Ipsos opinion poll showed.",
        ["the latest Reuters/Ipsos opinion poll"],
        ("Reuters/Ipsos", ORG),
        id="poll_speaks_for_its_issuer",
    ),
    pytest.param(
        "Lena Ortiz ran in 2008. A memorable Lena Ortiz ad said she was ready.",
        ["A memorable Lena Ortiz ad"],
        ("Lena Ortiz", PERSON),
        id="ad_speaks_for_its_person",
    ),
    pytest.param(
        "Secretary General Ban Ki-moon spoke first. The tests must stop, Ban said.",
        ["Ban"],
        ("Ban Ki-moon", PERSON),
        id="hyphenated_name_kept_whole",
    ),
    pytest.param(
        "Tax cuts work, said Douglas Holtz-Eakin. Mr. Holtz-Eakin said deficits would grow.",
        ["Mr. Holtz-Eakin"],
        ("Douglas Holtz-Eakin", PERSON),
        id="hyphenated_surname",
    ),
    pytest.param(
        'Rep. Robert C. "Bobby" Scott spoke first. Taxes are too high, Scott said.',
        ["Scott"],
        ('Robert C. "Bobby" Scott', PERSON),
        id="quoted_nickname_inside_name",
    ),
    pytest.param(
        "Mayor Bill de Blasio visited the site. De Blasio said the city was safe.",
        ["De Blasio"],
        ("Bill de Blasio", PERSON),
        id="name_particle",
    ),
    pytest.param(
        "Michelle Okafor spoke on Monday and Ken Okafor on Tuesday, and Michelle Okafor again."
        " Mr. Okafor said the school would open.",
        ["Mr. Okafor"],
        ("Ken Okafor", PERSON),
        id="honorific_gender_picks_the_right_namesake",
    ),
    pytest.param(
        "The International Monetary Fund met in May. Growth will slow, the IMF said.",
        ["the IMF"],
        ("International Monetary Fund", ORG),
        id="acronym_to_the_name_spelled_out",
    ),
    pytest.param(
        "The Alliance to Reclaim Our Schools (AROS) met. Schools need money, AROS said.",
        ["AROS"],
        ("Alliance to Reclaim Our Schools", ORG),
        id="defined_acronym",
    ),
    pytest.param(
        "The New York Times reported the loss. The Times said the returns were real.",
        ["The Times"],
        ("New York Times", ORG),
        id="short_form_of_organisation",
    ),
    pytest.param(
        "Coal producers such as Peabody Energy have struggled. Peabody said it would appeal.",
        ["Peabody"],
        ("Peabody Energy", ORG),
        id="first_word_of_organisation",
    ),
    pytest.param(
        "Growth will slow, an IMF report said. The International Monetary Fund met in May.",
        ["an IMF report"],
        ("International Monetary Fund", ORG),
        id="report_speaks_for_its_issuer_spelled_out",
    ),
    pytest.param(
        "The rules are clear, a spokesman for the Justice Department said.",
        ["a spokesman for the Justice Department"],
        ("Justice Department", ORG),
        id="spokesperson_for_organisation",
    ),
    pytest.param(
        "Nobody was hurt, officials at the Federal Aviation Administration said.",
        ["officials at the Federal Aviation Administration"],
        ("Federal Aviation Administration", ORG),
        id="officials_at_organisation",
    ),
    pytest.param(
        "Reporters met John Bentel, a staffer who said he knew nothing.",
        ["who"],
        ("John Bentel", PERSON),
        id="relative_pronoun_after_descriptor_of_a_name",
    ),
    pytest.param(
        "Retired General said the war was lost.",
        ["Retired General"],
        (None, PERSON),
        id="title_alone_is_no_name",
    ),
    pytest.param(
        "Officials at the Commission on Presidential Debates met on Friday. "
        "The commission said the microphone had failed.",
        ["The commission"],
        ("Commission on Presidential Debates", ORG),
        id="bare_organisation_noun_to_the_one_named_before",
    ),
    pytest.param(
        "Taxes are high, the top British medical journal said.",
        ["the top British medical journal"],
        (None, ORG),
        id="described_organisation_is_unnamed",
    ),
    pytest.param(
        "Chris Oduya hosted the debate.\n\nODUYA: Let us start with the budget.",
        ["ODUYA"],
        ("Chris Oduya", PERSON),
        id="transcript_tag_in_capitals",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), NAME_CASES)
def test_speaker_name_is_a_proper_name_or_none(  # type: ignore[no-untyped-def]
    nlp, text: str, sources: list[str], expected: tuple[str | None, SpeakerKind]
) -> None:
    entity = resolve_last(nlp, text, sources)
    assert entity is not None
    assert (entity.name if entity.named else None, entity.kind) == expected


def test_a_band_leader_is_no_president_and_keeps_the_role_as_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Ann Roe spoke first. Then the band leader said the show would go on."
    entity = resolve_last(nlp, text, ["Ann Roe", "the band leader"])
    assert entity is not None and not entity.named
    assert entity.title == "band leader"


def test_a_state_attorney_general_is_the_attorney_general(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Attorney General Eric Lund opened an inquiry on Monday. The state attorney general "
        "said the charity was not registered."
    )
    entity = resolve_last(nlp, text, ["The state attorney general"])
    assert entity is not None and entity.name == "Eric Lund"


def test_a_word_that_tells_no_position_is_no_title(nlp) -> None:  # type: ignore[no-untyped-def]
    entity = resolve_last(nlp, "A source said the talks had stalled.", ["A source"])
    assert entity is not None and not entity.named and entity.title is None


def test_a_kin_role_keeps_its_named_possessor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police shot Mark Dale on Tuesday. Lena Dale filmed the encounter. Mark Dale's wife "
        "said he was unarmed."
    )
    entity = resolve_last(nlp, text, ["Mark Dale's wife"])
    assert entity is not None and entity.name == "Lena Dale"
    assert entity.title == "Mark Dale's wife"
