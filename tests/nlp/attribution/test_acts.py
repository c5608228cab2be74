"""Speech or thought, through the production pipeline (texts written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from quotecli.records import Act

pytestmark = pytest.mark.model

SPEECH, THOUGHT = Act.SPEECH, Act.THOUGHT

CASES = {
    "reporting_verb_is_speech": ("The mayor said the bridge would reopen in May.", [SPEECH]),
    "quotation_is_speech": ('"The bridge will reopen," the mayor said.', [SPEECH]),
    "belief_verb_is_thought": ("The mayor believes the bridge is perfectly safe.", [THOUGHT]),
    "knowing_is_thought": ("The mayor knows the bridge needs new cables.", [THOUGHT]),
    "intention_is_thought": ("The mayor wants to rebuild the old bridge.", [THOUGHT]),
    "passive_expectation_is_thought": ("The bridge is expected to reopen in May.", [THOUGHT]),
    "evidence_as_source_is_thought": ("Polls show the mayor well ahead of her rival.", [THOUGHT]),
    "according_to_evidence_is_thought": (
        "According to the data, the bridge carries twice the traffic it was built for.",
        [THOUGHT],
    ),
    "according_to_a_person_is_speech": (
        "According to the mayor, the bridge carries twice the traffic it was built for.",
        [SPEECH],
    ),
    "endorsing_is_speech": ("The teachers' union endorsed the mayor for a second term.", [SPEECH]),
    "supporting_is_thought": (
        "The teachers' union supported the mayor for a second term.",
        [THOUGHT],
    ),
    "encouraging_is_speech": ("The mayor encouraged drivers to avoid the old bridge.", [SPEECH]),
    "negated_report_is_no_speech": (
        "The mayor did not immediately respond to questions about the bridge.",
        [THOUGHT],
    ),
    "negation_in_the_quotation_is_speech": (
        '"Probably not," the mayor said on Monday.',
        [SPEECH],
    ),
    "possibility_is_no_speech": (
        "The ruling could decide the fate of the bridge.",
        [THOUGHT],
    ),
    "what_may_be_said_is_no_speech": (
        "The mayor may announce a new bridge next week.",
        [THOUGHT],
    ),
    "what_will_be_said_is_speech": (
        "The mayor will announce a new bridge next week.",
        [SPEECH],
    ),
    "a_thing_suggesting_is_evidence": (
        "The long delay suggests that the bridge is in worse shape than the city admits.",
        [THOUGHT],
    ),
    "a_person_suggesting_is_speech": (
        "The engineer suggested that the bridge is in worse shape than the city admits.",
        [SPEECH],
    ),
    "a_death_which_confirmed_is_evidence": (
        "Her father died of cancer, which confirmed what the family had feared for years.",
        [THOUGHT],
    ),
    "according_to_a_database_is_evidence": (
        "According to a state database, the bridge has failed three inspections since 2010.",
        [THOUGHT],
    ),
    "refraining_from_a_report_is_no_speech": (
        "The senator refrained from criticizing the new budget plan.",
        [THOUGHT],
    ),
    "avoiding_a_report_is_no_speech": (
        "The senator avoided mentioning the bridge in her speech.",
        [THOUGHT],
    ),
    "without_saying_is_no_speech": ("It goes without saying that the bridge is old.", [THOUGHT]),
    "seeing_as_is_thought": ("The senator saw the closure as a setback.", [THOUGHT]),
    "what_would_have_been_said_is_no_speech": (
        "Few people would have described the mayor as a builder when she took office.",
        [THOUGHT],
    ),
    "a_supposition_is_no_speech": (
        "Let's say you think the bridge will cost $160,000 in 18 years.",
        [THOUGHT],
    ),
    "telling_oneself_is_thought": ("She told herself that the bridge would hold.", [THOUGHT]),
    "describing_oneself_is_speech": (
        "The mayor described herself as a builder of bridges.",
        [SPEECH],
    ),
    "hearing_is_thought": ("Many drivers have heard that the bridge is unsafe.", [THOUGHT]),
    "agreeing_that_is_speech": ("The mayor agreed that the bridge was unsafe.", [SPEECH]),
    "agreeing_to_act_is_thought": ("The mayor agreed to rebuild the old bridge.", [THOUGHT]),
    "a_study_showing_is_speech": (
        "The study shows that the bridge carries twice its planned traffic.",
        [SPEECH],
    ),
    "footage_showing_is_thought": (
        "The video shows that the bridge carries twice its planned traffic.",
        [THOUGHT],
    ),
    "stance_is_thought": ("Residents are worried about the closure of the bridge.", [THOUGHT]),
    "claim_noun_is_speech": (
        "The senator's claim that the vote was rigged fell apart.",
        [SPEECH],
    ),
    "belief_noun_is_thought": (
        "The senator's belief that the vote was rigged never wavered.",
        [THOUGHT],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_act(nlp: Any, text: str, expected: list[Act]) -> None:
    assert [quote.act for quote in nlp(text)._.quotes] == expected
