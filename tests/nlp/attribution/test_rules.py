"""Each attribution rule alone: its candidates on texts written for it, with no other rule,
resolver or refinement involved. Case ids are `rule_name/construction`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.rules import RULES
from quotecli.records import QuoteKind

pytestmark = pytest.mark.model

DIRECT, INDIRECT, MIXED = QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.MIXED

# Each expected candidate: (kind, content, source, cue); None where a field is absent.
Expected = tuple[QuoteKind, str, str | None, str | None]

CASES: dict[str, tuple[str, list[Expected]]] = {
    "cue_after/pronoun": (
        '"The bridge will open in May," she said.',
        [(DIRECT, "The bridge will open in May", "she", "said")],
    ),
    "cue_after/inverted_name": (
        '"We will not back down," said Maria Lopez.',
        [(DIRECT, "We will not back down", "Maria Lopez", "said")],
    ),
    "cue_after/lead_in": (
        'With two weeks left, "we can still win," she said.',
        [(MIXED, 'With two weeks left, "we can still win', "she", "said")],
    ),
    "cue_after/nested_quotation_closes_with_it": (
        "\"You said you 'accept the blame,'\" the senator said.",
        [(DIRECT, "You said you 'accept the blame,'", "the senator", "said")],
    ),
    "cue_after/long_subject_between": (
        '"The budget is late," committee chairman Rep. Ann Lee (D-Ore.) said on Friday.',
        [(DIRECT, "The budget is late", "committee chairman Rep. Ann Lee (D-Ore.)", "said")],
    ),
    "cue_after/far_cue_after_a_title_in_the_sentence": (
        'On an episode of "Morning Desk," the longtime Oregon state senate majority leader and '
        "veteran Democrat Ann Lee said she would run.",
        [],
    ),
    "cue_after/the_quotation_ends_with_a_noun_phrase": (
        '"The campaign is worried. Full panic mode," said Ann Lee, a party organiser.',
        [
            (
                DIRECT,
                "The campaign is worried. Full panic mode",
                "Ann Lee, a party organiser",
                "said",
            )
        ],
    ),
    "cue_after/speaker_the_parse_leaves_without_a_link": (
        "“He is right. There is a severe disconnect between this White House and frankly our "
        "military,” Lee, a top campaign surrogate, said Thursday morning on Channel Nine’s "
        "“Good Morning Friends.”",
        [
            (
                DIRECT,
                "He is right. There is a severe disconnect between this White House and frankly "
                "our military",
                "Lee, a top campaign surrogate",
                "said",
            )
        ],
    ),
    "cue_after/a_subordinate_clause_of_its_own": (
        'She begs him to stay in the car, "Don\'t you do it," until sirens are heard.',
        [],
    ),
    "cue_after/writers_sentence_goes_on": (
        '"Keep your hands in sight," the singer croons before leaving.',
        [],
    ),
    "cue_before/colon": (
        'The minister told reporters: "We will not back down."',
        [(DIRECT, "We will not back down.", "The minister", "told")],
    ),
    "cue_before/verb_in_the_gap_is_no_introduction": (
        'The minister said he was leaving and "the party is over."',
        [],
    ),
    "quoted_object/the_object_is_the_quotation": (
        'Critics called it "reckless and dangerous" on Monday.',
        [(DIRECT, "reckless and dangerous", "Critics", "called")],
    ),
    "quoted_object/several_quotations_in_one_object": (
        'The mayor called the plan "reckless," "costly" and "unfair."',
        [(MIXED, 'the plan "reckless," "costly" and "unfair', "The mayor", "called")],
    ),
    "quoted_object/the_parsed_object_does_not_hold_the_quotation": (
        "Meanwhile, the paper attacked the mayor, saying he “has offended voters, workers and "
        "veterans with his insults and bombast, and he has neither the temperament nor the "
        "judgment to lead the city.”",
        [],
    ),
    "quoted_object/a_longer_object": (
        'Ms Lee praised the firm, including its "remarkable patience with us".',
        [(MIXED, 'the firm, including its "remarkable patience with us"', "Ms Lee", "praised")],
    ),
    "quoted_object/a_title_where_it_was_said_is_no_quote": (
        'The senator said on CNN\'s "State of the Union" on Sunday.',
        [],
    ),
    "quoted_object/a_title_in_the_medium_is_no_quote": (
        'The governor said in a "Fox News Sunday" interview.',
        [],
    ),
    "quoted_object/a_preposition_of_what_was_said_stays": (
        'The senator blamed the delays on "a broken budget process."',
        [(MIXED, 'the delays on "a broken budget process', "The senator", "blamed")],
    ),
    "characterisation/as_phrase": (
        'She described the general as a "strong and decent leader" last week.',
        [],
    ),
    "characterisation/any_verb": (
        'Mr Hale admires the general as a "strong and decent leader" to this day.',
        [
            (
                MIXED,
                'the general as a "strong and decent leader" to this day',
                "Mr Hale",
                "admires",
            )
        ],
    ),
    "transcript_turn/name_and_colon": (
        "Smith: We will vote no on this bill.",
        [(INDIRECT, "We will vote no on this bill.", "Smith", ":")],
    ),
    "transcript_turn/name_and_outlet": (
        "Jane Moss, CNN: We will not back down on this bill.",
        [(INDIRECT, "We will not back down on this bill.", "Jane Moss", ":")],
    ),
    "transcript_turn/section_label_is_no_speaker": ("UPDATE: The vote was delayed.", []),
    "transcript_turn/label_named_again_below": (
        "Sanders: Clinton needs to get away from all of this personality stuff with Trump.\n\n"
        "Bernie Sanders offered some pointed advice.",
        [
            (
                INDIRECT,
                "Clinton needs to get away from all of this personality stuff with Trump.",
                "Sanders",
                ":",
            )
        ],
    ),
    "signed_quotation/dash_and_name": (
        'A headline\n\n"We will vote no on this bill." ― Jane Smith',
        [(DIRECT, "We will vote no on this bill.", "Jane Smith", "―")],
    ),
    "introduced_paragraph/plain": (
        "A headline\n\nThe mayor added:\n\nThe bridge will reopen in May.",
        [(INDIRECT, "The bridge will reopen in May.", "The mayor", "added")],
    ),
    "introduced_paragraph/quoted": (
        'A headline\n\nThe mayor added:\n\n"The bridge will reopen in May. We promise."',
        [(DIRECT, "The bridge will reopen in May. We promise.", "The mayor", "added")],
    ),
    "introduced_paragraph/light_verb_and_noun": (
        "A headline\n\nOn Monday, the mayor made the following comment:\n\nThe bridge is safe.",
        [(INDIRECT, "The bridge is safe.", "the mayor", "made")],
    ),
    "introduced_paragraph/a_list_is_no_report": (
        "A headline\n\nThe report lists three reasons:\n\nThe bridge is old.",
        [],
    ),
    "according_to/after": (
        "The bridge will reopen in May, according to the mayor.",
        [(INDIRECT, "The bridge will reopen in May", "the mayor", "according to")],
    ),
    "according_to/before": (
        "According to the mayor, the bridge will reopen in May.",
        [(INDIRECT, "the bridge will reopen in May", "the mayor", "According to")],
    ),
    "reported_clause/that_clause": (
        "The mayor said that the bridge would reopen in May.",
        [(INDIRECT, "that the bridge would reopen in May", "The mayor", "said")],
    ),
    "reported_clause/a_colon_opens_what_it_announces": (
        "The analyst noted that two things are happening at once: prices are rising and "
        "lenders are looser.",
        [
            (
                INDIRECT,
                "that two things are happening at once: prices are rising and lenders are looser",
                "The analyst",
                "noted",
            )
        ],
    ),
    "reported_clause/a_reason_goes_on_with_it": (
        "The senator said the claim smacked of hypocrisy, because his rivals had done the same.",
        [
            (
                INDIRECT,
                "the claim smacked of hypocrisy, because his rivals had done the same",
                "The senator",
                "said",
            )
        ],
    ),
    "reported_clause/hung_on_a_noun_before_it": (
        "Lee tweeted in the early morning hours that Park was “dishonest.”",
        [(MIXED, "that Park was “dishonest.”", "Lee", "tweeted")],
    ),
    "reported_clause/ending_in_a_quotation": (
        "The mayor said the plan was “a disaster for the city.”",
        [(MIXED, "the plan was “a disaster for the city.”", "The mayor", "said")],
    ),
    "reported_clause/carrying_a_quotation": (
        'The mayor said the bridge was "completely safe" again.',
        [(MIXED, 'the bridge was "completely safe" again', "The mayor", "said")],
    ),
    "reported_clause/passive_names_no_speaker": (
        "It was reported that the bridge would reopen in May.",
        [(INDIRECT, "that the bridge would reopen in May", None, "was reported")],
    ),
    "aside/concessive_clause_closing_it_is_the_writers": (
        "The latest test, the agency said, was its biggest yet, although it may take days to "
        "know how big it was.",
        [
            (
                INDIRECT,
                "The latest test, the agency said, was its biggest yet",
                "the agency",
                "said",
            )
        ],
    ),
    "aside/interrupting": (
        "The bridge, the mayor said, will reopen in May.",
        [(INDIRECT, "The bridge, the mayor said, will reopen in May", "the mayor", "said")],
    ),
    "aside/hung_on_the_subject": (
        "The difference now, he told me on Friday, is that he runs a news program.",
        [
            (
                INDIRECT,
                "The difference now, he told me on Friday, is that he runs a news program",
                "he",
                "told",
            )
        ],
    ),
    "aside/after_a_leading_clause": (
        "Though that transition was relatively smooth, he said, replacing her would be much "
        "more bitter.",
        [
            (
                INDIRECT,
                "Though that transition was relatively smooth, he said, replacing her would be "
                "much more bitter",
                "he",
                "said",
            )
        ],
    ),
    "pro_form/said_so": (
        "The mayor said so.",
        [(INDIRECT, "so", "The mayor", "said")],
    ),
    "cue_object/intention_asked_of_someone": (
        "The mayor urged drivers to avoid the bridge.",
        [(INDIRECT, "drivers to avoid the bridge", "The mayor", "urged")],
    ),
    "cue_object/listener_alone_is_no_content": (
        "The senator told reporters on Monday.",
        [],
    ),
    "cue_object/listener_with_what_they_were_told": (
        "The mayor told drivers to avoid the bridge.",
        [(INDIRECT, "drivers to avoid the bridge", "The mayor", "told")],
    ),
    "cue_object/a_told_story_is_content": (
        "The senator told a long story about the war.",
        [(INDIRECT, "a long story about the war", "The senator", "told")],
    ),
    "cue_object/ground": (
        "The union accused the firm of fraud.",
        [(INDIRECT, "the firm of fraud", "The union", "accused")],
    ),
    "cue_object/verb_of_praise_or_blame": (
        "The senator likened the deal to a surrender.",
        [(INDIRECT, "the deal to a surrender", "The senator", "likened")],
    ),
    "cue_object/blame_with_a_time": (
        "The governor lambasted the new tax plan on Monday.",
        [(INDIRECT, "the new tax plan", "The governor", "lambasted")],
    ),
    "cue_object/gloss_on_a_common_noun_is_the_writers": (
        "The senator criticized the new tax plan, which takes effect in May.",
        [(INDIRECT, "the new tax plan", "The senator", "criticized")],
    ),
    "cue_object/where_it_was_said_is_no_object": (
        "The senator attacked the governor in early-morning tweets.",
        [(INDIRECT, "the governor", "The senator", "attacked")],
    ),
    "reported_clause/the_writers_comment_with_an_empty_it": (
        "It is worth noting that the bridge was built in 1950.",
        [],
    ),
    "cue_object/a_kept_lead_is_no_content": (
        "The mayor maintains a wide lead over her two rivals.",
        [],
    ),
    "reported_clause/maintained_that": (
        "The mayor maintained that the bridge was safe.",
        [(INDIRECT, "that the bridge was safe", "The mayor", "maintained")],
    ),
    "cue_topic/called_for": (
        "The mayor called for a new bridge.",
        [(INDIRECT, "a new bridge", "The mayor", "called for")],
    ),
    "intention/infinitive": (
        "The mayor wants to rebuild the old bridge.",
        [(INDIRECT, "to rebuild the old bridge", "The mayor", "wants")],
    ),
    "intention/plans": (
        "She plans to run for the Senate next year.",
        [(INDIRECT, "to run for the Senate next year", "She", "plans")],
    ),
    "cue_object/passive_subject_names_no_speaker": (
        "The bridge is expected to reopen in May.",
        [(INDIRECT, "The bridge is expected to reopen in May", None, "is expected")],
    ),
    "topic_verb/object": (
        "The council discussed the bridge repairs on Monday.",
        [(INDIRECT, "the bridge repairs", "The council", "discussed")],
    ),
    "topic_verb/what_the_topic_is_taken_as": (
        "The senator often referred to the mayor as a liar.",
        [(INDIRECT, "the mayor as a liar", "The senator", "often referred to")],
    ),
    "topic_verb/question_coordinated_after_the_topic": (
        "He talked about trade and how he would improve it as president.",
        [(INDIRECT, "trade and how he would improve it as president", "He", "talked about")],
    ),
    "topic_verb/question_coordinated_after_the_object": (
        "She discussed her work overseas and what she learned from it.",
        [(INDIRECT, "her work overseas and what she learned from it", "She", "discussed")],
    ),
    "views_as/object_and_as": (
        "The mayor saw the closure as a setback.",
        [(INDIRECT, "the closure as a setback", "The mayor", "saw")],
    ),
    "as_put_it/after": (
        "The primary requirement is a lawful source of income, as a Homeland Security memo put it.",
        [
            (
                INDIRECT,
                "The primary requirement is a lawful source of income",
                "a Homeland Security memo",
                "put it",
            )
        ],
    ),
    "as_put_it/before": (
        "As the mayor put it, the bridge is a disaster.",
        [(INDIRECT, "the bridge is a disaster", "the mayor", "put it")],
    ),
    "as_put_it/a_thing_put_somewhere_is_no_report": ("She put it on the table.", []),
    "stance/about": (
        "Residents are worried about the closure of the bridge.",
        [(INDIRECT, "the closure of the bridge", "Residents", "worried about")],
    ),
    "stance/lone_pronoun_is_no_content": ("Residents were proud of it.", []),
    "light_verb/made_clear": (
        "Officials made clear Monday that they have no plans to close it.",
        [(INDIRECT, "that they have no plans to close it", "Officials", "made")],
    ),
    "light_verb/noun_about": (
        "The mayor made comments about the bridge.",
        [(INDIRECT, "the bridge", "The mayor", "made")],
    ),
    "as_reported/before": (
        "As the Post reported, the bridge will reopen in May.",
        [(INDIRECT, "the bridge will reopen in May", "the Post", "reported")],
    ),
    "as_reported/after": (
        "The bridge will reopen in May, as the mayor has pointed out.",
        [(INDIRECT, "The bridge will reopen in May", "the mayor", "has pointed out")],
    ),
    "as_reported/inside_the_clause": (
        "The bridge, as the mayor noted, will reopen in May.",
        [(INDIRECT, "The bridge, as the mayor noted, will reopen in May", "the mayor", "noted")],
    ),
    "as_reported/by_phrase": (
        "As reported by the Post, the bridge will reopen in May.",
        [(INDIRECT, "the bridge will reopen in May", "the Post", "reported")],
    ),
    "as_reported/passive_without_speaker": ("As expected, the bridge will reopen in May.", []),
    "as_reported/not_set_off": ("The crowd cheered as the mayor spoke.", []),
    "as_reported/own_object": ("She left early, as she said she would.", []),
    "as_reported/a_saying": ("The bridge, as they say, is falling down.", []),
    "mistagged_cue/after_the_clause": (
        "The vote was rigged, the former mayor maintains.",
        [(INDIRECT, "The vote was rigged", "the former mayor", "maintains")],
    ),
    "mistagged_cue/speaker_taken_for_the_head": (
        "Trump claims that the vote was rigged.",
        [(INDIRECT, "that the vote was rigged", "Trump", "claims")],
    ),
    "mistagged_cue/a_noun_with_a_determiner": ("The claims that the vote was rigged fell.", []),
    "mistagged_cue/a_noun_with_an_owner": ("His claims that the vote was rigged fell.", []),
    "phrasal_topic/particle": (
        "The mayor lashed out at the bridge builders.",
        [(INDIRECT, "the bridge builders", "The mayor", "lashed out at")],
    ),
    "phrasal_topic/object_between": (
        "The senator took aim at the new tax on Monday.",
        [(INDIRECT, "the new tax", "The senator", "took aim at")],
    ),
    "phrasal_topic/up_to_a_clause_set_off": (
        "Officials weighed in on whether the video should be released, even as it spread.",
        [
            (
                INDIRECT,
                "whether the video should be released",
                "Officials",
                "weighed in on",
            )
        ],
    ),
    "phrasal_topic/verb_alone": ("The mayor took the bus at noon.", []),
    "phrasal_topic/no_preposition": ("The mayor lashed out.", []),
    "passive_agent/subject": (
        "The plan was first reported by the Post.",
        [(INDIRECT, "The plan", "the Post", "was first reported by")],
    ),
    "passive_agent/with_its_object": (
        "The senator has been called a charlatan by fellow physicians.",
        [(INDIRECT, "The senator", "fellow physicians", "has been called a charlatan by")],
    ),
    "passive_agent/relative_pronoun_subject": (
        "The plan, which was praised by the mayor, failed.",
        [],
    ),
    "passive_agent/a_verb_of_judging": ("The plan was criticised by the mayor.", []),
    "passive_agent/without_by": ("The plan was first reported on Monday.", []),
    "nominal/claim_that": (
        "The senator's claim that the vote was rigged fell apart.",
        [(INDIRECT, "that the vote was rigged", "The senator's", "claim")],
    ),
    "nominal/hearsay_without_owner": (
        "The mayor was dogged by allegations that he took bribes.",
        [(INDIRECT, "that he took bribes", None, "allegations")],
    ),
    "nominal/hearsay_with_an_infinitive": ("Reports to close the bridge were denied.", []),
    "nominal/without_owner": ("The claim that the vote was rigged fell apart.", []),
    "hearsay_adverb/inside_the_clause": (
        "The bridge was reportedly closed for repairs.",
        [(INDIRECT, "The bridge was reportedly closed for repairs", None, "reportedly")],
    ),
    "hearsay_adverb/without_the_clause_marker": (
        "Police arrived after he allegedly took the money from the till.",
        [(INDIRECT, "he allegedly took the money from the till", None, "allegedly")],
    ),
    "hearsay_adverb/opening_the_sentence": (
        "Reportedly, the mayor resigned on Monday.",
        [(INDIRECT, "the mayor resigned on Monday", None, "Reportedly")],
    ),
    "hearsay_adverb/on_an_adjective": ("The reportedly rich mayor resigned.", []),
    "noun_topic/owner": (
        "The mayor's calls for a new bridge went unheeded.",
        [(INDIRECT, "a new bridge", "The mayor's", "calls for")],
    ),
    "noun_topic/subject_of_the_verb_and_what_follows_the_noun": (
        "She made a strong condemnation of the new tax on Monday.",
        [(INDIRECT, "the new tax on Monday", "She", "condemnation of")],
    ),
    "noun_topic/from_phrase": (
        "Calls from the union for a new vote went unheeded.",
        [(INDIRECT, "a new vote", "the union", "Calls")],
    ),
    "noun_topic/without_a_source": ("The allegations of fraud were dismissed.", []),
    "noun_topic/a_date_is_no_topic": ("His remarks on Saturday were short.", []),
}

RULES_BY_NAME = {rule.name: rule for rule in RULES}


def candidates(nlp: Any, rule_name: str, text: str) -> list[Expected]:
    context = Context.of(nlp(text))

    def words(span: tuple[int, int] | None) -> str | None:
        return None if span is None else text[span[0] : span[1]]

    return [
        (c.kind, text[c.content[0] : c.content[1]], words(c.source), words(c.cue))
        for c in RULES_BY_NAME[rule_name].find(context)
    ]


@pytest.mark.parametrize(
    ("case", "text", "expected"), [(k, *v) for k, v in CASES.items()], ids=list(CASES)
)
def test_rule_alone(nlp: Any, case: str, text: str, expected: list[Expected]) -> None:
    rule_name = case.split("/")[0]
    found = candidates(nlp, rule_name, text)
    assert found == expected
    assert all(c.rule == rule_name for c in RULES_BY_NAME[rule_name].find(Context.of(nlp(text))))


def test_every_rule_has_a_case_that_finds_something() -> None:
    finding = {case.split("/")[0] for case, (_, expected) in CASES.items() if expected}
    assert finding == set(RULES_BY_NAME)


def test_every_case_names_a_real_rule() -> None:
    assert {case.split("/")[0] for case in CASES} <= set(RULES_BY_NAME)


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_rule_finds_its_own_example(nlp: Any, rule: Any) -> None:
    """The README lists these examples: each must be one its rule finds, as a paragraph of an
    article under a headline (a signed quotation never stands first)."""
    context = Context.of(nlp(f"A headline\n\n{rule.example}"))
    assert any(c.rule == rule.name for c in rule.find(context))


def test_readme_lists_every_rule_and_refinement_with_its_example() -> None:
    from quotecli.nlp.attribution import STEPS

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    names = {step.name for step in STEPS}
    listed = [line.split("`")[1] for line in readme.splitlines() if line.startswith("| `")]
    assert [name for name in listed if name in names] == [step.name for step in STEPS]
    assert all(step.example.replace("\n\n", " ⏎ ") in readme for step in STEPS)
