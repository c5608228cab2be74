"""Organisation nouns standing alone ("the union said", "police said") resolved to the
organisation the article names (named `(text, sources, expected)` cases on short texts
written for these tests)."""

from __future__ import annotations

import pytest

from quotecli.records import SpeakerKind
from tests.support.speakers import resolve_last

pytestmark = pytest.mark.model


CASES = [
    pytest.param(
        "Tekron Electronics Co. reported lower profits. Tekron said chip demand had slowed.",
        ["Tekron Electronics Co.", "Tekron"],
        "Tekron Electronics Co.",
        id="company_short_name_after_its_full_name_spoke",
    ),
    pytest.param(
        "The House Intelligence Committee met on Monday. The House said the vote would wait.",
        ["The House Intelligence Committee", "The House"],
        "House",
        id="chamber_is_not_its_committee",
    ),
    pytest.param(
        "The Association of Rural Nurses backed the bill on Monday. The union said the vote "
        "was historic.",
        ["The union"],
        "Association of Rural Nurses",
        id="union_to_association_named_before",
    ),
    pytest.param(
        "Nurses' union backs the bill\n\nThe nurses' union said it was pleased. The "
        "Association of Rural Nurses has 40,000 members. The union said the vote was "
        "historic.",
        ["The nurses' union", "The union"],
        "Association of Rural Nurses",
        id="named_organisation_before_an_unnamed_speaker_of_that_kind",
    ),
    pytest.param(
        "A Dayton police officer shot a man on Monday night. Police said the officer had "
        "been hurt.",
        ["Police"],
        "Dayton police",
        id="police_to_the_force_named_by_a_place",
    ),
    pytest.param(
        "The Supreme Court declined the case last year. On Friday the Fourth Circuit Court "
        "of Appeals heard it again, as the Supreme Court had asked. The appeals court said "
        "the law was void.",
        ["The appeals court"],
        "Fourth Circuit Court of Appeals",
        id="noun_modifier_must_be_in_the_name",
    ),
    pytest.param(
        "The city of Dayton is demanding that the campaign stop using its logo. The city "
        "sent a letter on Thursday. It says the ad broke the law.",
        ["The city of Dayton", "It"],
        "City of Dayton",
        id="city_named_by_its_place_and_it_after",
    ),
    pytest.param(
        "A reporter for the Daily Courier spotted the senator at the airport and reported "
        "her arrival on Twitter.",
        ["A reporter for the Daily Courier"],
        "Daily Courier",
        id="reporter_speaks_for_the_outlet",
    ),
    pytest.param(
        "Hackers attacked voter databases this summer, a Justice Department official said "
        "on Friday.",
        ["a Justice Department official"],
        "Justice Department",
        id="unnamed_official_speaks_for_the_organisation_before_the_role",
    ),
    pytest.param(
        "Maria Lopez spoke in Denver on Monday. The rally was moved indoors, a Lopez "
        "campaign aide said.",
        ["a Lopez campaign aide"],
        "Lopez campaign",
        id="unnamed_aide_speaks_for_the_campaign",
    ),
    pytest.param(
        "Senator Jane Harlow's campaign raised money in May. The Harlow team said the "
        "figure was final.",
        ["The Harlow team"],
        "Harlow campaign",
        id="team_of_a_person_whose_campaign_the_article_names_is_the_campaign",
    ),
    pytest.param(
        "Senator Jane Harlow spoke in May. The Harlow team said the figure was final.",
        ["The Harlow team"],
        "Harlow team",
        id="team_stays_a_team_without_a_named_campaign",
    ),
    pytest.param(
        "A three-judge panel of the U.S. Court of Appeals for the Ninth Circuit heard the case "
        "on Monday. The appeals court said the rule was lawful.",
        ["The appeals court"],
        "U.S. Court of Appeals for the Ninth Circuit",
        id="organisation_name_cut_at_for_is_joined",
    ),
    pytest.param(
        "Regulators fined Altamont Capital on Monday. Lawmakers grilled the chief of "
        "Altamont Capital on Tuesday, and Altamont Capital shares fell after the hearing. "
        "The bank said it regretted the firings.",
        ["The bank"],
        "Altamont Capital",
        id="organisation_noun_to_the_organisation_the_article_is_about",
    ),
    pytest.param(
        "The Senate met on Monday. The Senate voted on Tuesday, and the Senate adjourned "
        "early. The bank said it was pleased.",
        ["The bank"],
        None,
        id="organisation_named_by_another_kind_of_noun_is_no_bank",
    ),
    pytest.param(
        "The Broadcasting Board of Governors oversees Radio Ankara. The network said its "
        "reporters were safe.",
        ["The network"],
        None,
        id="name_with_another_kind_of_organisation_noun_is_no_match",
    ),
]


@pytest.mark.parametrize(("text", "sources", "expected"), CASES)
def test_organisation_noun_resolves_to(  # type: ignore[no-untyped-def]
    nlp, text: str, sources: list[str], expected: str | None
) -> None:
    entity = resolve_last(nlp, text, sources)
    assert entity is not None and entity.kind is SpeakerKind.ORGANIZATION
    assert (entity.name if entity.named else None) == expected


def test_a_named_persons_family_is_an_unnamed_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dana Roe was hurt in the crash on Friday. Roe's family said she was recovering."
    entity = resolve_last(nlp, text, ["Roe's family"])
    assert entity is not None
    assert (entity.kind, entity.named) == (SpeakerKind.GROUP, False)


def test_an_owned_organisation_is_named_without_the_possessive(nlp) -> None:  # type: ignore[no-untyped-def]
    entity = resolve_last(nlp, "Rivera’s campaign said the vote was rigged.", ["Rivera’s campaign"])
    assert entity is not None and entity.named and entity.name == "Rivera campaign"
