"""Speaker resolution on short texts, with attributions built by hand where the source is known."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotecli.nlp.mentions import NameMention, cluster, find_people, trim_to_known_names
from quotecli.records import SpeakerKind
from tests.support.speakers import resolve_all

pytestmark = pytest.mark.model

PERSON, ORG, GROUP = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.GROUP


CASES = [
    pytest.param(
        "Costs rose, said Grace Odinga, an economist. Odinga said the terms were fair.",
        ["Grace Odinga", "Odinga"],
        ("Grace Odinga", PERSON),
        id="surname_to_full_name",
    ),
    pytest.param(
        "Rates will fall, Haskell said. The analyst, Nora Haskell, has studied the market "
        "for years.",
        ["Haskell"],
        ("Nora Haskell", PERSON),
        id="surname_to_later_full_name",
    ),
    pytest.param(
        'The deal was signed, said Ruth Camden. "We lost," Camden said.',
        ["Ruth Camden", "Camden"],
        ("Ruth Camden", PERSON),
        id="surname_tagged_as_place",
    ),
    pytest.param(
        "Mo Sanders won. Sanders said he was glad.",
        ["Mo Sanders", "Sanders"],
        ("Mo Sanders", PERSON),
        id="surname_tagged_as_plural_noun",
    ),
    pytest.param(
        "Ruth Ellen Vance spoke first. Ruth Vance said she was ready.",
        ["Ruth Vance"],
        ("Ruth Ellen Vance", PERSON),
        id="middle_name_is_no_epithet",
    ),
    pytest.param(
        "Maria Lopez Obrador spoke first. Later, Lopez Obrador said the plan was fair.",
        ["Lopez Obrador"],
        ("Maria Lopez Obrador", PERSON),
        id="two_word_surname_after_introduction",
    ),
    pytest.param(
        "Lawmakers Slam Donald Trump Over Tax Plan\n\nDonald Trump defended his plan. "
        "Trump said it was fair.",
        ["Trump"],
        ("Donald Trump", PERSON),
        id="headline_run_cut_to_known_name",
    ),
    pytest.param(
        "Seamus O’Brennan took office. O'Brennan said the city was safe.",
        ["O'Brennan"],
        ("Seamus O’Brennan", PERSON),
        id="surname_with_other_apostrophe",
    ),
    pytest.param(
        "Leaders denounce N. Korea test; Obama vows action.\n\nThe test was the fifth. "
        "South Korea said the North was reckless.",
        ["South Korea"],
        ("South Korea", ORG),
        id="country_word_is_no_surname_of_a_misread_person",
    ),
    pytest.param(
        "The vote failed, said Tomas Brandt. Brandt added that the party had lost its way.",
        ["Tomas Brandt", "Brandt"],
        ("Tomas Brandt", PERSON),
        id="surname_tagged_as_org",
    ),
    pytest.param(
        "Mayor Ann Lee met Tom Baker on Monday. Baker said the plan was sound. "
        "He added that costs would fall.",
        ["Baker", "He"],
        ("Tom Baker", PERSON),
        id="pronoun_he",
    ),
    pytest.param(
        "Ms. Dana Whitfield opened the meeting. Mr. Tom Reyes spoke after her. "
        "She said the budget was final.",
        ["She"],
        ("Dana Whitfield", PERSON),
        id="pronoun_she_gender_agreement",
    ),
    pytest.param(
        "Local farmers said the drought was the worst in memory. "
        "They added that prices would rise.",
        ["Local farmers", "They"],
        ("Local farmers", GROUP),
        id="pronoun_they_group",
    ),
    pytest.param(
        "The plan was attacked by Senator Maria Ortiz, who said it was reckless.",
        ["who"],
        ("Maria Ortiz", PERSON),
        id="relative_who",
    ),
    pytest.param(
        "French President Emmanuel Macron hosted the summit. US President Joe Biden arrived late. "
        "France's president said the talks had gone well.",
        ["France's president"],
        ("Emmanuel Macron", PERSON),
        id="nominal_role_possessive_country",
    ),
    pytest.param(
        "French President Emmanuel Macron hosted the summit. US President Joe Biden arrived late. "
        "The French president said the talks had gone well.",
        ["The French president"],
        ("Emmanuel Macron", PERSON),
        id="nominal_role_demonym",
    ),
    pytest.param(
        "The French president said the talks had gone well. French President Emmanuel Macron "
        "hosted the summit.",
        ["The French president"],
        ("Emmanuel Macron", PERSON),
        id="nominal_role_before_name",
    ),
    pytest.param(
        "Ana Ruiz, the union's general secretary, called a strike on Monday. Talks had failed, "
        "the union's general secretary said.",
        ["the union's general secretary"],
        ("Ana Ruiz", PERSON),
        id="nominal_role_union",
    ),
    pytest.param(
        "Republican vice presidential nominee Mark Dale spoke first. Republican presidential "
        "nominee Ruth Vance spoke next. The Republican presidential nominee said taxes would fall.",
        ["The Republican presidential nominee"],
        ("Ruth Vance", PERSON),
        id="nominal_role_not_the_vice",
    ),
    pytest.param(
        "Republican presidential nominee Ruth Vance spoke first. "
        "The Democratic presidential nominee said taxes would rise.",
        ["The Democratic presidential nominee"],
        ("Democratic presidential nominee", PERSON),
        id="nominal_role_other_party_is_unnamed",
    ),
    pytest.param(
        "Turnout will be high, 74 percent of likely voters said in the poll.",
        ["74 percent of likely voters"],
        ("likely voters", GROUP),
        id="group_counted_by_quantity",
    ),
    pytest.param(
        "The Federal Reserve said in a statement that rates would stay where they are.",
        ["The Federal Reserve"],
        ("Federal Reserve", ORG),
        id="organization_statement",
    ),
    pytest.param(
        "A French embassy statement this week said no country should help the regime.",
        ["A French embassy statement"],
        ("French embassy", ORG),
        id="document_speaks_for_organization",
    ),
    pytest.param(
        "Local farmers said the drought was the worst in memory.",
        ["Local farmers"],
        ("Local farmers", GROUP),
        id="group_speaker",
    ),
    pytest.param(
        "The sanctions hurt Russia, which Beijing calls a partner.",
        ["Beijing"],
        ("Beijing", ORG),
        id="city_as_speaker_metonymy",
    ),
    pytest.param(
        "A ministry spokesperson in Paris said the border would open. "
        "The spokesperson added that checks would continue.",
        ["A ministry spokesperson in Paris", "The spokesperson"],
        ("ministry spokesperson", PERSON),
        id="unnamed_person_and_its_nominal",
    ),
    pytest.param(
        "Tom Reyes, a campaign spokesman, spoke first. The spokeswoman said the event was off.",
        ["The spokeswoman"],
        ("spokeswoman", PERSON),
        id="gendered_role_not_the_other_gender",
    ),
    pytest.param(
        "Ana Ruiz, the campaign's press secretary, spoke first. The former secretary said the "
        "plan was sound.",
        ["The former secretary"],
        ("former secretary", PERSON),
        id="nominal_former_role_not_the_serving_one",
    ),
    pytest.param(
        "Larry King hosted the show. Mr. King said he was proud.",
        ["Mr. King"],
        ("Larry King", PERSON),
        id="honorific_and_title_word_surname",
    ),
    pytest.param(
        "The arbitration panel ruled on Monday. The panel said the claim had no merit.",
        ["The panel"],
        ("panel", ORG),
        id="organisation_noun_panel",
    ),
    pytest.param(
        "The ad ran on Monday. The narrator said the plan would fail.",
        ["The narrator"],
        ("narrator", PERSON),
        id="unnamed_role_noun_narrator",
    ),
    pytest.param(
        "A questioner asked whether the deal was fair, and the questioner said it was not.",
        ["the questioner"],
        ("questioner", PERSON),
        id="unnamed_role_noun_person",
    ),
    pytest.param(
        "The border stays shut for now, the United States and its allies, who have protested "
        "for weeks, said on Monday.",
        ["who"],
        ("United States and its allies", GROUP),
        id="relative_who_coordination",
    ),
    pytest.param(
        "Harvard and the University of California at Berkeley said the study was flawed.",
        ["Harvard and the University of California at Berkeley"],
        ("Harvard and the University of California at Berkeley", GROUP),
        id="coordinated_names_whole",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), CASES)
def test_last_source_resolves(
    nlp, text: str, sources: list[str], expected: tuple[str, SpeakerKind]
) -> None:  # type: ignore[no-untyped-def]
    entity = resolve_all(nlp, text, sources)[-1]
    assert entity is not None
    assert (entity.name, entity.kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Senator Warren Hammers Bank Chief Over Fees\n\nSen. Ellen Warren questioned the "
            "bank's chief. Warren said he should resign.",
            {"Ellen Warren": {"Ellen Warren", "Warren"}},
            id="headline_run_without_known_name_dropped",
        ),
        pytest.param(
            'Maria Santos Goes After Her Rival\n\nThe governor spoke in Ohio. "We will win," '
            "Santos said.",
            {"Maria Santos": {"Maria Santos", "Santos"}},
            id="headline_full_name_whose_surname_the_body_uses",
        ),
        pytest.param(
            "The executive director of AROS said the schools were failing.",
            {},
            id="what_a_title_is_of_is_no_name",
        ),
        pytest.param(
            "Former DNC chairman Don Fowler spoke. Clinton spokesman Nick Merrill said it was "
            "fine.",
            {"Don Fowler": {"Don Fowler"}, "Nick Merrill": {"Nick Merrill"}},
            id="name_modifying_a_role_noun_is_no_person",
        ),
    ],
)
def test_people_and_their_aliases(nlp, text: str, expected: dict[str, set[str]]) -> None:  # type: ignore[no-untyped-def]
    people = find_people(nlp(text)).persons
    assert {p.name: set(p.aliases) for p in people} == expected


def hand_built_people(words: list[str], runs: list[tuple[int, int]]) -> dict[str, set[str]]:
    """People from name runs marked by hand on a hand-built Doc (no model): each run is a
    certain mention, so only the clustering and trimming rules decide."""
    doc = Doc(
        Vocab(),
        words=words,
        tags=["NNP" if w[:1].isupper() else "NN" for w in words],
        sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))],
    )
    candidates = [
        (NameMention(start, end, start, words[start:end], None, None, None, False), True)
        for start, end in runs
    ]
    people = cluster(doc, trim_to_known_names(doc, candidates))
    return {p.name: set(p.aliases) for p in people.persons}


@pytest.mark.parametrize(
    ("text", "runs", "expected"),
    [
        pytest.param(
            "Mary Vance spoke . Critics mocked Crooked Mary Vance .",
            [(0, 2), (6, 9)],
            {"Mary Vance": {"Mary Vance"}},
            id="epithet_after_introduction",
        ),
        pytest.param(
            "Mary Vance spoke . Crooked Mary Vance lost . Crooked Mary cried .",
            [(0, 2), (4, 7), (9, 11)],
            {"Mary Vance": {"Mary Vance", "Mary"}},
            id="epithet_off_every_mention",
        ),
        pytest.param(
            "Ana Lopez Obrador spoke . Lopez Obrador left .",
            [(0, 3), (5, 7)],
            {"Ana Lopez Obrador": {"Ana Lopez Obrador", "Lopez Obrador"}},
            id="longer_name_first_is_an_introduction",
        ),
    ],
)
def test_epithets_on_hand_built_runs(
    text: str, runs: list[tuple[int, int]], expected: dict[str, set[str]]
) -> None:
    assert hand_built_people(text.split(), runs) == expected


def test_same_entity_for_every_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Costs rose, said Grace Odinga, an economist. Odinga said the terms were fair. "
        "She added that the bank had erred."
    )
    entities = resolve_all(nlp, text, ["Grace Odinga", "Odinga", "She"])
    assert [e.name if e else None for e in entities] == ["Grace Odinga"] * 3
    assert entities[0] is entities[2]


@pytest.mark.parametrize(
    ("text", "source", "title", "affiliation"),
    [
        pytest.param(
            "Russian President Vladimir Putin said he wanted security.",
            "Russian President Vladimir Putin",
            "Russian President",
            None,
            id="title_split",
        ),
        pytest.param(
            "Markets fell, said Carl Voss, emeritus professor at the Baltic Defence Academy, "
            "listing the risks.",
            "Carl Voss",
            None,
            "emeritus professor at the Baltic Defence Academy",
            id="apposition_affiliation",
        ),
        pytest.param(
            "Markets fell, said Ivan Petrov, "
            "of the Hawaii-based Pacific Center for Policy Studies.",
            "Ivan Petrov",
            None,
            "Hawaii-based Pacific Center for Policy Studies",
            id="apposition_of_affiliation",
        ),
        pytest.param(
            "Relations are good, said Zora Patel, a professor at the US National War College.",
            "Zora Patel",
            None,
            "professor at the US National War College",
            id="apposition_indefinite_affiliation",
        ),
        pytest.param(
            "Zora Patel, a professor at the Royal Institute, spoke first. "
            '"It is over," Patel said.',
            "Patel",
            None,
            "professor at the Royal Institute",
            id="affiliation_carried_to_surname",
        ),
        pytest.param(
            "The vote was rigged, said Omar Quist, a claim his rivals deny.",
            "Omar Quist",
            None,
            None,
            id="appositive_thing_is_no_affiliation",
        ),
        pytest.param(
            "Sam Ode, a book analyzing his debates, said no.",
            "Sam Ode",
            None,
            None,
            id="appositive_work_is_no_affiliation",
        ),
        pytest.param(
            "Tom Ode, of Springfield, said the plant would close.",
            "Tom Ode",
            None,
            None,
            id="home_town_is_no_affiliation",
        ),
        pytest.param(
            "Costs rose, said Ada Finch, an economist who once ran the budget office.",
            "Ada Finch",
            None,
            "economist",
            id="affiliation_cut_at_relative_clause",
        ),
        pytest.param(
            "Prices will rise, said Kofi Mensah, a veteran of the city council.",
            "Kofi Mensah",
            None,
            "veteran of the city council",
            id="affiliation_role_of_body",
        ),
        pytest.param(
            "Taxes will rise, said Dan Mercer, her Republican opponent.",
            "Dan Mercer",
            None,
            None,
            id="relational_appositive_is_no_affiliation",
        ),
    ],
)
def test_title_and_affiliation(  # type: ignore[no-untyped-def]
    nlp, text: str, source: str, title: str | None, affiliation: str | None
) -> None:
    entity = resolve_all(nlp, text, [source])[0]
    assert entity is not None
    assert (entity.title, entity.affiliation) == (title, affiliation)


def test_aliases_hold_surface_forms_not_pronouns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Costs rose, said Grace Odinga. Odinga said the terms were fair. She added more."
    entity = resolve_all(nlp, text, ["Grace Odinga", "Odinga", "She"])[0]
    assert entity is not None
    assert set(entity.aliases) == {"Grace Odinga", "Odinga"}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "The vote came in chief Wednesday, and Wednesday said the deal was off.",
            "Wednesday",
            id="date_is_no_speaker",
        ),
        pytest.param(
            "The problem, the report said, is cost. The problem said nothing.",
            "The problem",
            id="thing_is_no_speaker",
        ),
    ],
)
def test_source_that_is_nobody(nlp, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert resolve_all(nlp, text, [source]) == [None]


def test_unresolvable_pronoun_has_no_entity(nlp) -> None:  # type: ignore[no-untyped-def]
    assert resolve_all(nlp, "He said the plan was sound.", ["He"]) == [None]


def test_two_people_sharing_a_surname_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bill Harlow said the bill would pass. Later Jane Harlow, his sister, disagreed. "
        "Harlow said the vote was lost."
    )
    first, last = resolve_all(nlp, text, ["Bill Harlow", "Harlow"])
    assert first is not None and last is not None
    assert (first.name, last.name) == ("Bill Harlow", "Jane Harlow")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Zelvia Marwood, the senator's eldest daughter, spoke on Monday.",
            "female",
            id="appositive_kin_noun",
        ),
        pytest.param(
            "Quon Abbett, husband of the mayor, spoke on Monday.",
            "male",
            id="kin_noun_before_preposition",
        ),
        pytest.param(
            "Quon Abbett, a lawyer for the mayor's wife, spoke on Monday.",
            None,
            id="gendered_noun_after_preposition_tells_nothing",
        ),
    ],
)
def test_gender_from_appositive(nlp, text: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    people = find_people(nlp(text)).persons
    assert [p.gender for p in people] == [expected]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("white paper", False),
        ("His campaign", False),
        ("Cameron’s spokesman", False),
        ("McDonald's", True),
        ("al-Qaeda", True),
        ("Our Principles PAC", True),
        ("Carlyle Thayer", True),
    ],
)
def test_only_a_phrase_that_looks_like_a_name_is_given_as_one(name: str, expected: bool) -> None:
    from quotecli.nlp.speakers import looks_like_a_name

    assert looks_like_a_name(name) is expected
