"""The attribution rules end to end: short texts through the production pipeline (the same
model loading and components as the CLI), one case per construction, texts written for these
tests. Each rule alone is tested in `test_rules.py`."""

from __future__ import annotations

from typing import Any

import pytest

from quotecli.records import QuoteKind

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parser(nlp: Any) -> Any:
    """The production pipeline, shared with every other test that loads the model."""
    return nlp


DIRECT, INDIRECT, MIXED = QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.MIXED

# Each expected quote: (kind, content, source, cue); None where a field is absent.
Expected = tuple[QuoteKind, str, str | None, str | None]

CASES: dict[str, tuple[str, list[Expected]]] = {
    "straight_double_quotes": (
        '"The bridge will open in May," the mayor said.',
        [(DIRECT, "The bridge will open in May", "the mayor", "said")],
    ),
    "curly_double_quotes": (
        "“We have no plans to raise taxes,” Maria Lopez said.",
        [(DIRECT, "We have no plans to raise taxes", "Maria Lopez", "said")],
    ),
    "british_single_quotes_with_apostrophes": (
        "‘It’s the council’s job, and they’ve known it for years,’ she says.",
        [(DIRECT, "It’s the council’s job, and they’ve known it for years", "she", "says")],
    ),
    "split_quote_pronoun": (
        '"The port is full," she said, "and the ships keep coming."',
        [(DIRECT, 'The port is full," she said, "and the ships keep coming.', "she", "said")],
    ),
    "split_quotes_with_own_cues_stay_apart": (
        '"We lost," she said. "We will be back," he added.',
        [(DIRECT, "We lost", "she", "said"), (DIRECT, "We will be back", "he", "added")],
    ),
    "split_quote_across_sentences_after_long_apposition": (
        '"The harbour is silting up," said Tom Reed, a pilot who has worked the estuary and the '
        'river mouth for more than thirty years. "Big ships will not get in by next winter."',
        [
            (
                DIRECT,
                'The harbour is silting up," said Tom Reed, a pilot who has worked the estuary '
                'and the river mouth for more than thirty years. "Big ships will not get in by '
                "next winter.",
                "Tom Reed, a pilot who has worked the estuary and the river mouth for more than "
                "thirty years",
                "said",
            )
        ],
    ),
    "split_quote_with_writers_clause_in_the_gap_stays_apart": (
        '"We tried," she said, but the council had already voted. "It was too late."',
        [(DIRECT, "We tried", "she", "said")],
    ),
    "split_quote_across_a_clause_saying_when_it_was_said": (
        '"The bridge is safe," the mayor said as workers checked the cables on Monday. '
        '"It will open in May."',
        [
            (
                DIRECT,
                'The bridge is safe," the mayor said as workers checked the cables on Monday. '
                '"It will open in May.',
                "the mayor",
                "said",
            )
        ],
    ),
    "split_quote_across_a_question_put_to_the_speaker": (
        '"It was very nice," the tycoon told reporters when asked if he had met the senator. '
        '"He was charming."',
        [
            (
                DIRECT,
                'It was very nice," the tycoon told reporters when asked if he had met the '
                'senator. "He was charming.',
                "the tycoon",
                "told",
            )
        ],
    ),
    "split_quote_across_a_speaker_described_with_a_reporting_verb": (
        '"The race is open," said Tom Reed, a party elder who endorsed the governor in May. '
        '"Nobody has it won."',
        [
            (
                DIRECT,
                'The race is open," said Tom Reed, a party elder who endorsed the governor in '
                'May. "Nobody has it won.',
                "Tom Reed, a party elder who endorsed the governor in May",
                "said",
            )
        ],
    ),
    "split_quote_across_a_participle_saying_how_it_was_said": (
        '"My voice is low," he said, opening a soda as he sat down on the couch. '
        '"I am a military guy."',
        [
            (
                DIRECT,
                'My voice is low," he said, opening a soda as he sat down on the couch. '
                '"I am a military guy.',
                "he",
                "said",
            )
        ],
    ),
    "split_quote_across_a_participle_reporting_on_its_own_stays_apart": (
        '"Change is hard," she said, explaining why the past matters so much. '
        '"We have to know it."',
        [
            (DIRECT, "Change is hard", "she", "said"),
            (INDIRECT, "why the past matters so much", "she", "explaining"),
            (DIRECT, "We have to know it.", "she", None),
        ],
    ),
    "quoted_sentence_after_a_report_whose_cue_closes_it_is_one_more_part": (
        'The bridge will open late, the mayor said on Monday. "We knew it in May."',
        [
            (
                MIXED,
                'The bridge will open late, the mayor said on Monday. "We knew it in May.',
                "the mayor",
                "said",
            )
        ],
    ),
    "quotation_paragraph_after_a_report_whose_cue_closes_it_is_one_more_part": (
        'The bridge will open late, the mayor said on Monday.\n\n"We knew it in May. Nobody '
        'listened."',
        [
            (
                MIXED,
                'The bridge will open late, the mayor said on Monday.\n\n"We knew it in May. '
                "Nobody listened.",
                "the mayor",
                "said",
            )
        ],
    ),
    "quoted_sentence_after_a_report_and_another_cue_stays_apart": (
        "The bridge will open late, the mayor said while aides added that costs rose. "
        '"We knew it."',
        [
            (INDIRECT, "The bridge will open late", "the mayor", "said"),
            (INDIRECT, "that costs rose", "aides", "added"),
            (DIRECT, "We knew it.", "aides", None),
        ],
    ),
    "split_quote_across_a_clause_with_a_cue_of_its_own_stays_apart": (
        '"The fund is empty," she said before adding: "We will ask for more."',
        [
            (DIRECT, "The fund is empty", "she", "said"),
            (DIRECT, "We will ask for more.", "she", "adding"),
        ],
    ),
    "quote_ending_its_sentence_keeps_the_cue_before_it": (
        'The mayor says the plan "is dead and buried." She says it will cost the city millions.',
        [
            (MIXED, 'the plan "is dead and buried."', "The mayor", "says"),
            (INDIRECT, "it will cost the city millions", "She", "says"),
        ],
    ),
    "cue_after_a_clause_of_the_writers_is_not_the_quotes": (
        '"Keep your hands in sight," the singer croons to the crowd before asking them, '
        '"Where do we go from here?"',
        [(DIRECT, "Where do we go from here?", "the singer", "asking")],
    ),
    "split_quote_second_part_with_cue_before_it_stays_apart": (
        '"The fund is empty," she said, adding: "We will ask the council for more."',
        [
            (DIRECT, "The fund is empty", "she", "said"),
            (DIRECT, "We will ask the council for more.", "she", "adding"),
        ],
    ),
    "doubled_apostrophe_marks": (
        "The mill is for sale.\n\n''The mill will close in June,'' the owner said on Monday. "
        "''Nobody will buy it, and the workers will have to leave the valley.''",
        [
            (
                DIRECT,
                "The mill will close in June,'' the owner said on Monday. "
                "''Nobody will buy it, and the workers will have to leave the valley.",
                "the owner",
                "said",
            )
        ],
    ),
    "quotation_with_lead_in_words": (
        'With two weeks left, "we can still win this race," the candidate said.',
        [
            (
                MIXED,
                'With two weeks left, "we can still win this race',
                "the candidate",
                "said",
            )
        ],
    ),
    "cue_with_auxiliary_negation_and_adverb": (
        "The minister has also said that the mine will stay open. "
        "The board did not say whether it would appeal.",
        [
            (INDIRECT, "that the mine will stay open", "The minister", "has also said"),
            (INDIRECT, "whether it would appeal", "The board", "did not say"),
        ],
    ),
    "cue_with_particle": (
        "The auditors pointed out that two payments were missing.",
        [(INDIRECT, "that two payments were missing", "The auditors", "pointed out")],
    ),
    "coordinated_that_clause_with_reporting_verb_stays_in_content": (
        "Police said that witnesses saw a gun and that one was found nearby.",
        [
            (
                INDIRECT,
                "that witnesses saw a gun and that one was found nearby",
                "Police",
                "said",
            )
        ],
    ),
    "object_of_called_is_content": (
        'She called half of the board "cowards".',
        [(MIXED, 'half of the board "cowards"', "She", "called")],
    ),
    "colon_introduced": (
        'The minister told reporters: "We will not back down."',
        [(DIRECT, "We will not back down.", "The minister", "told")],
    ),
    "cue_before_speaker": (
        '"Prices will fall next year," said Tom Baker, an economist at the bank.',
        [(DIRECT, "Prices will fall next year", "Tom Baker, an economist at the bank", "said")],
    ),
    "speaker_added": (
        '"The talks went well," Baker added.',
        [(DIRECT, "The talks went well", "Baker", "added")],
    ),
    "present_tense_adds": (
        '"Nobody expected this," Baker adds.',
        [(DIRECT, "Nobody expected this", "Baker", "adds")],
    ),
    "quoted_as_saying": (
        '"The harvest was the best in a decade," the farmer was quoted as saying.',
        [(DIRECT, "The harvest was the best in a decade", "the farmer", "was quoted as saying")],
    ),
    "multi_paragraph": (
        'Jane Moss said: "The river rose overnight and the road was gone.\n\n'
        '"By morning the whole valley was under water."',
        [
            (
                DIRECT,
                'The river rose overnight and the road was gone.\n\n"By morning the whole valley '
                "was under water.",
                "Jane Moss",
                "said",
            ),
        ],
    ),
    "continuation_paragraph_joins_the_direct_quote_before": (
        '"We will rebuild the school," the governor said.\n\n"It will take two years at most."',
        [
            (
                DIRECT,
                'We will rebuild the school," the governor said.\n\n"It will take two years at '
                "most.",
                "the governor",
                "said",
            ),
        ],
    ),
    "continuation_paragraph_after_a_report": (
        'The governor said the school would be rebuilt.\n\n"It will take two years at most."',
        [
            (INDIRECT, "the school would be rebuilt", "The governor", "said"),
            (DIRECT, "It will take two years at most.", "The governor", None),
        ],
    ),
    "indirect_said_that": (
        "The company said that profits had doubled in the third quarter.",
        [(INDIRECT, "that profits had doubled in the third quarter", "The company", "said")],
    ),
    "indirect_said_without_that": (
        "Local farmers said the drought had ruined most of the wheat crop.",
        [(INDIRECT, "the drought had ruined most of the wheat crop", "Local farmers", "said")],
    ),
    "indirect_warned_that": (
        "The central bank warned that inflation could rise again next year.",
        [(INDIRECT, "that inflation could rise again next year", "The central bank", "warned")],
    ),
    "told_reporters": (
        "The coach told reporters he would stay with the club for another season.",
        [(INDIRECT, "he would stay with the club for another season", "The coach", "told")],
    ),
    "fronted_content": (
        "The vote will be held in the spring, the chairman said.",
        [(INDIRECT, "The vote will be held in the spring", "the chairman", "said")],
    ),
    "according_to": (
        "The factory will close next month, according to the union.",
        [(INDIRECT, "The factory will close next month", "the union", "according to")],
    ),
    "said_in_a_statement": (
        "The Federal Reserve said in a statement that rates would stay unchanged.",
        [(INDIRECT, "that rates would stay unchanged", "The Federal Reserve", "said")],
    ),
    "coordinated_verbs": (
        "A ministry spokesman said the talks had failed but said a new round was planned.",
        [
            (INDIRECT, "the talks had failed", "A ministry spokesman", "said"),
            (INDIRECT, "a new round was planned", "A ministry spokesman", "said"),
        ],
    ),
    "mixed_fronted": (
        'The treaty had brought "lasting calm" to the border, the ambassador said.',
        [(MIXED, 'The treaty had brought "lasting calm" to the border', "the ambassador", "said")],
    ),
    "called_by_critics": (
        'The council approved a plan critics called "reckless".',
        [(DIRECT, "reckless", "critics", "called")],
    ),
    "relative_clause_speaker": (
        "The strikers, who have protested that wages are too low, met on Monday.",
        [(INDIRECT, "that wages are too low", "who", "have protested")],
    ),
    "object_holding_a_report_is_the_outer_report": (
        "The union backed the strikers, who have protested that wages are too low.",
        [
            (
                INDIRECT,
                "the strikers, who have protested that wages are too low",
                "The union",
                "backed",
            )
        ],
    ),
    "apposition_before_cue": (
        "Ana Ruiz, the union's general secretary, said the strike would go ahead.",
        [
            (
                INDIRECT,
                "the strike would go ahead",
                "Ana Ruiz, the union's general secretary,",
                "said",
            )
        ],
    ),
    "aside_cue": (
        "The real problem, he said, is that nobody reads the reports.",
        [(INDIRECT, "The real problem, he said, is that nobody reads the reports", "he", "said")],
    ),
    "evidence_verb_shows_that": (
        "A new poll shows that most voters oppose the tax.",
        [(INDIRECT, "that most voters oppose the tax", "A new poll", "shows")],
    ),
    "finding_verb_without_that": (
        "The inspectors found the bridge had been badly maintained.",
        [(INDIRECT, "the bridge had been badly maintained", "The inspectors", "found")],
    ),
    "belief_verb": (
        "Many residents believe the factory will never reopen.",
        [(INDIRECT, "the factory will never reopen", "Many residents", "believe")],
    ),
    "transcript_colon": (
        "The senator spoke to the host on Sunday.\n\n"
        "HARRIS: We are not going to cut the budget for schools this year.",
        [
            (
                INDIRECT,
                "We are not going to cut the budget for schools this year.",
                "HARRIS",
                ":",
            )
        ],
    ),
    "section_label_colon_is_not_a_speaker": (
        "The council met on Monday.\n\nUPDATE: The vote has been moved to Friday.",
        [],
    ),
    "signed_quotation_dash": (
        "Readers wrote to us.\n\n"
        "“The city has ignored our street for a decade. Nobody answers.” ― Maria Gomez",
        [
            (
                DIRECT,
                "The city has ignored our street for a decade. Nobody answers.",
                "Maria Gomez",
                "―",
            )
        ],
    ),
    "intention_infinitive": (
        "The governor vowed to cut property taxes next year.",
        [(INDIRECT, "to cut property taxes next year", "The governor", "vowed")],
    ),
    "request_object_and_infinitive": (
        "The mayor urged residents to stay indoors during the storm.",
        [(INDIRECT, "residents to stay indoors during the storm", "The mayor", "urged")],
    ),
    "object_of_reporting_verb": (
        "The union criticized the new pension rules.",
        [(INDIRECT, "the new pension rules", "The union", "criticized")],
    ),
    "topic_preposition": (
        "Several lawmakers called for an independent inquiry into the crash.",
        [(INDIRECT, "an independent inquiry into the crash", "Several lawmakers", "called for")],
    ),
    "object_with_its_ground": (
        "The union criticized the mayor for the delay in paying the nurses.",
        [
            (
                INDIRECT,
                "the mayor for the delay in paying the nurses",
                "The union",
                "criticized",
            )
        ],
    ),
    "object_with_its_predicate": (
        "The coach called the penalty unfair.",
        [(INDIRECT, "the penalty unfair", "The coach", "called")],
    ),
    "outer_report_takes_the_place_of_an_inner_one": (
        "The mayor had warned that the bridge was unsafe, a city engineer said.",
        [
            (
                INDIRECT,
                "The mayor had warned that the bridge was unsafe",
                "a city engineer",
                "said",
            ),
        ],
    ),
    "outer_report_takes_the_place_of_an_inner_object_report": (
        "The council had promised new parks in the plan, residents said.",
        [
            (INDIRECT, "The council had promised new parks in the plan", "residents", "said"),
        ],
    ),
    "reported_clause_takes_the_place_of_an_inner_mixed_report": (
        'Aides said the senator had called the plan "a disaster for farmers" in private.',
        [
            (
                MIXED,
                'the senator had called the plan "a disaster for farmers" in private',
                "Aides",
                "said",
            ),
        ],
    ),
    "object_characterised_as_quotation": (
        'The mayor openly admires the general as a "strong leader" of the nation.',
        [
            (
                MIXED,
                'the general as a "strong leader" of the nation',
                "The mayor",
                "openly admires",
            )
        ],
    ),
    "stance_verb_object": (
        "The teachers' union endorsed the new contract for school staff.",
        [
            (
                INDIRECT,
                "the new contract for school staff",
                "The teachers' union",
                "endorsed",
            )
        ],
    ),
    "one_word_object": (
        "The governor has promised a veto.",
        [(INDIRECT, "a veto", "The governor", "has promised")],
    ),
    "ordinary_object_is_not_content": (
        "The minister concluded the trade talks on Friday.",
        [],
    ),
    "nominal_cue_claim_that": (
        "The senator's claim that the bridge was unsafe surprised the engineers.",
        [(INDIRECT, "that the bridge was unsafe", "The senator's", "claim")],
    ),
    "claim_rejected_as_an_object_is_the_outer_report": (
        "Officials rejected the senator's claim that the bridge was unsafe.",
        [(INDIRECT, "the senator's claim that the bridge was unsafe", "Officials", "rejected")],
    ),
    "nominal_cue_plan_to": (
        "Voters liked his plan to build more schools in the north.",
        [(INDIRECT, "to build more schools in the north", "his", "plan")],
    ),
    "scare_quotes_are_not_quotes": (
        'The so-called "reform" package was passed on Tuesday.',
        [],
    ),
    "heading_in_quotes_is_not_a_quote": (
        "\"We won,\" the captain said.\n\n'Quiet celebrations'\n\nThe team flew home on Sunday.",
        [(DIRECT, "We won", "the captain", "said")],
    ),
    "headline_and_caption_are_not_quotes": (
        "Minister says new ‘tough’ rules start Monday\n\n"
        "The minister at the launch in Leeds. Photo: REUTERS/Jo Smith\n\n"
        '"The rules start on Monday," the minister said.',
        [(DIRECT, "The rules start on Monday", "the minister", "said")],
    ),
    "reporting_participle_after_the_clause_is_a_second_report": (
        "The senator said the bill would fail, arguing that the votes were not there.",
        [
            (INDIRECT, "the bill would fail", "The senator", "said"),
            (INDIRECT, "that the votes were not there", "The senator", "arguing"),
        ],
    ),
    "citing_participle_reports_what_the_speaker_cites": (
        "The mayor said the budget would grow next year, citing higher tax receipts from the port.",
        [
            (INDIRECT, "the budget would grow next year", "The mayor", "said"),
            (INDIRECT, "higher tax receipts from the port", "The mayor", "citing"),
        ],
    ),
    "participle_aside_after_the_speaker_is_not_part_of_the_source": (
        "Trump, speaking to a veterans group in Virginia, said he would order a review.",
        [(INDIRECT, "he would order a review", "Trump", "said")],
    ),
    "object_of_a_control_verb_speaks_the_infinitive": (
        "The senator also forced the banker to admit that no executives had been fired.",
        [(INDIRECT, "that no executives had been fired", "the banker", "to admit")],
    ),
    "subject_speaks_an_infinitive_of_purpose": (
        "The minister used blunt language to denounce the strike as illegal.",
        [(INDIRECT, "the strike as illegal", "The minister", "to denounce")],
    ),
    "infinitives_coordinated_onto_an_intention_stay_together": (
        "She wants to triple the size of the program, grow the Peace Corps and create a new "
        "reserve.",
        [
            (
                INDIRECT,
                "to triple the size of the program, grow the Peace Corps and create a new reserve",
                "She",
                "wants",
            )
        ],
    ),
    "verb_with_its_own_auxiliary_is_not_more_of_the_infinitive": (
        "Several delegates declined to comment, didn't respond or sent short statements.",
        [(INDIRECT, "to comment", "Several delegates", "declined")],
    ),
    "object_keeps_whom_it_is_offered_to": (
        "The federal government offers loans to parents, too.",
        [(INDIRECT, "loans to parents", "The federal government", "offers")],
    ),
    "topic_verb_reports_what_was_discussed": (
        "The two leaders discussed the future of the trade pact.",
        [(INDIRECT, "the future of the trade pact", "The two leaders", "discussed")],
    ),
    "topic_verb_with_about": (
        "The governor talked about the drought and the price of water.",
        [(INDIRECT, "the drought and the price of water", "The governor", "talked about")],
    ),
    "topic_verb_between_the_parts_of_a_quote_claims_nothing": (
        '"We will not give up," said Ann Lee, speaking of the strike. "Not now."',
        [
            (
                DIRECT,
                'We will not give up," said Ann Lee, speaking of the strike. "Not now.',
                "Ann Lee",
                "said",
            )
        ],
    ),
    "topic_verb_never_claims_a_quotation": (
        'She said she would speak "directly to the voters of this state" next week.',
        [
            (
                MIXED,
                'she would speak "directly to the voters of this state" next week',
                "She",
                "said",
            )
        ],
    ),
    "to_phrase_of_pointed_is_what_was_pointed_to": (
        "Blackwell pointed to the senator's organizational strength.",
        [(INDIRECT, "the senator's organizational strength", "Blackwell", "pointed to")],
    ),
    "to_phrase_of_referring_is_what_was_referred_to": (
        "The mayor was referring to the flood of 2010.",
        [(INDIRECT, "the flood of 2010", "The mayor", "was referring to")],
    ),
    "to_phrase_of_speaking_is_not_a_topic": (
        "The mayor was speaking to reporters at the harbour.",
        [],
    ),
    "call_for_someone_to_act": (
        "Clinton is calling for the United States to step up military efforts against the group.",
        [
            (
                INDIRECT,
                "the United States to step up military efforts against the group",
                "Clinton",
                "is calling",
            )
        ],
    ),
    "phrase_hung_on_the_verb_describes_the_object": (
        "The senator questioned the judgment of the board in approving the merger.",
        [
            (
                INDIRECT,
                "the judgment of the board in approving the merger",
                "The senator",
                "questioned",
            )
        ],
    ),
    "infinitive_of_purpose_after_the_object_belongs_to_it": (
        "The governor promised nearly $1 billion in new funds to help cities treat addiction.",
        [
            (
                INDIRECT,
                "nearly $1 billion in new funds to help cities treat addiction",
                "The governor",
                "promised",
            )
        ],
    ),
    "where_and_when_the_verb_happened_stay_out_of_the_object": (
        "The mayor criticized the new budget at a meeting on Tuesday.",
        [(INDIRECT, "the new budget", "The mayor", "criticized")],
    ),
    "relative_clause_glossing_a_name_at_the_end_is_the_writers": (
        "The mayor said the city would sue Acme Corp., which owns the plant.",
        [(INDIRECT, "the city would sue Acme Corp", "The mayor", "said")],
    ),
    "relative_clause_on_a_common_noun_stays": (
        "The senator said she backed the bill, which passed in 2010.",
        [(INDIRECT, "she backed the bill, which passed in 2010", "The senator", "said")],
    ),
    "split_quote_joins_past_a_quoted_title_in_the_cue": (
        "“Of course we will release our records,” Sanders said during an interview on CNN’s "
        "“State of the Union” Sunday. “Thank God, I am very healthy.”",
        [
            (
                DIRECT,
                "Of course we will release our records,” Sanders said during an interview on "
                "CNN’s “State of the Union” Sunday. “Thank God, I am very healthy.",
                "Sanders",
                "said",
            )
        ],
    ),
    "clause_the_parser_broke_in_two_is_one_content": (
        "Federal investigators have also discovered that attempts to infiltrate the program "
        "were made by people with possible ties to foreign intelligence.",
        [
            (
                INDIRECT,
                "that attempts to infiltrate the program were made by people with possible ties "
                "to foreign intelligence",
                "Federal investigators",
                "have also discovered",
            )
        ],
    ),
    "clause_broken_at_a_comma_is_one_content": (
        "All the experts I interviewed said her proposals were more detailed than Mr. Trump's "
        "and, even more important, would not blow open a hole in the federal budget.",
        [
            (
                INDIRECT,
                "her proposals were more detailed than Mr. Trump's and, even more important, "
                "would not blow open a hole in the federal budget",
                "All the experts I interviewed",
                "said",
            )
        ],
    ),
    "apposition_glossing_a_name_at_the_end_is_the_writers": (
        "Schultz said he did not support Mr. Trump, the presumed favorite of the Kremlin.",
        [(INDIRECT, "he did not support Mr. Trump", "Schultz", "said")],
    ),
    "concessive_clause_at_the_end_is_the_writers": (
        "He argued that paying no income taxes was smart, although he again refused to "
        "release his returns.",
        [
            (INDIRECT, "that paying no income taxes was smart", "He", "argued"),
            (INDIRECT, "to release his returns", "he", "again refused"),
        ],
    ),
    "passive_expectation_names_no_speaker": (
        "About one of every nine voters this fall is expected to be Latino.",
        [
            (
                INDIRECT,
                "About one of every nine voters this fall is expected to be Latino",
                None,
                "is expected",
            )
        ],
    ),
    "passive_report_with_it_names_no_speaker": (
        "It was reported that the mayor would resign.",
        [(INDIRECT, "that the mayor would resign", None, "was reported")],
    ),
    "passive_pronoun_subject_is_still_the_speaker": (
        "He was asked to explain the delay.",
        [(INDIRECT, "to explain the delay", "He", "was asked")],
    ),
    "seeing_something_as_something_is_a_view": (
        "Some saw the comment as a dig at the military.",
        [(INDIRECT, "the comment as a dig at the military", "Some", "saw")],
    ),
    "painting_a_rival_as_something_is_a_view": (
        "She painted her rival as a plutocrat.",
        [(INDIRECT, "her rival as a plutocrat", "She", "painted")],
    ),
    "seeing_without_as_reports_nothing": (
        "We saw the film on Sunday.",
        [],
    ),
    "made_clear_reports_its_clause": (
        "Officials made clear Monday that they have no plans to spend money.",
        [(INDIRECT, "that they have no plans to spend money", "Officials", "made")],
    ),
    "made_the_case_reports_its_clause": (
        "Obama will make the case that Clinton is uniquely qualified.",
        [(INDIRECT, "that Clinton is uniquely qualified", "Obama", "will make")],
    ),
    "made_comments_about_reports_the_topic": (
        "Trump has made comments about the possibility of voter fraud.",
        [(INDIRECT, "the possibility of voter fraud", "Trump", "has made")],
    ),
    "made_without_a_reporting_noun_reports_nothing": (
        "She made a cake for the party.",
        [],
    ),
    "said_yes_is_the_whole_answer": (
        "Melanie said yes, yes, yes, over and over again.",
        [(INDIRECT, "yes, yes, yes", "Melanie", "said")],
    ),
    "think_so_stands_for_what_is_thought": (
        "He doesn't think so.",
        [(INDIRECT, "so", "He", "doesn't think")],
    ),
    "said_as_much": (
        "The campaign manager said as much on Sunday.",
        [(INDIRECT, "as much", "The campaign manager", "said")],
    ),
    "so_modifying_an_object_is_not_a_pro_form": (
        "He said so many things.",
        [(INDIRECT, "so many things", "He", "said")],
    ),
    "with_phrase_of_agreed_is_what_was_agreed_with": (
        "Anderson largely agreed with the analysis.",
        [(INDIRECT, "the analysis", "Anderson", "largely agreed with")],
    ),
    "in_phrase_of_believe_is_what_is_believed_in": (
        "I believe in the good sense of the American people.",
        [(INDIRECT, "the good sense of the American people", "I", "believe in")],
    ),
    "stance_adjective_with_its_topic": (
        "Republicans weren't too concerned about this shift in strategy.",
        [(INDIRECT, "this shift in strategy", "Republicans", "too concerned about")],
    ),
    "stance_adjective_with_a_clause": (
        "Officials are confident that the bridge will hold.",
        [(INDIRECT, "that the bridge will hold", "Officials", "confident")],
    ),
    "adjective_without_stance_reports_nothing": (
        "The senator was tired of the long debate.",
        [],
    ),
    "reported_clause_takes_in_the_quote_it_carries": (
        'The spokeswoman said that, "Of course the mayor is going to defend himself" against '
        "what the campaign sees as a coordinated attack.",
        [
            (
                MIXED,
                'that, "Of course the mayor is going to defend himself" against what the '
                "campaign sees as a coordinated attack",
                "The spokeswoman",
                "said",
            )
        ],
    ),
    "object_takes_in_the_quotes_it_carries": (
        'The senator cited the governor\'s references to the budget as "a disgrace" and '
        '"a sham" as examples of his contempt for voters.',
        [
            (
                MIXED,
                'the governor\'s references to the budget as "a disgrace" and "a sham" as '
                "examples of his contempt for voters",
                "The senator",
                "cited",
            )
        ],
    ),
    "quotation_right_after_a_report_carries_it_on": (
        'The general said she has the essential quality for the job: "Steadiness, and strength."',
        [
            (
                MIXED,
                'she has the essential quality for the job: "Steadiness, and strength."',
                "The general",
                "said",
            )
        ],
    ),
    "quotation_after_the_reports_sentence_is_a_quote_of_its_own_not_more_of_the_report": (
        'The mayor said the plan would work. "We are ready."',
        [
            (INDIRECT, "the plan would work", "The mayor", "said"),
            (DIRECT, "We are ready.", "The mayor", None),
        ],
    ),
    "participle_inside_quotation_marks_stays_in_the_quote": (
        "The veteran said he had served ''for the nation's rights, knowing that we had none at "
        "home,'' and he was proud of it.",
        [
            (
                MIXED,
                "he had served ''for the nation's rights, knowing that we had none at home,''",
                "The veteran",
                "said",
            )
        ],
    ),
    "aside_stops_before_a_coordinated_statement_of_its_own": (
        '"We will win," she said, and the mayor said the count was wrong.',
        [
            (DIRECT, "We will win", "she", "said"),
            (INDIRECT, "the count was wrong", "the mayor", "said"),
        ],
    ),
    "unclosed_quotation_ends_with_its_sentence": (
        "He called the plan “a disaster. The mayor said the count was wrong.",
        [
            (MIXED, "the plan “a disaster", "He", "called"),
            (INDIRECT, "the count was wrong", "The mayor", "said"),
        ],
    ),
    "mismatched_marks_close_their_quotation": (
        '“The bridge is safe," the mayor said. Critics said the cables were rusting.',
        [
            (DIRECT, "The bridge is safe", "the mayor", "said"),
            (INDIRECT, "the cables were rusting", "Critics", "said"),
        ],
    ),
    "inch_mark_opens_no_quotation": (
        'The screen is 12" wide, the maker said.',
        [(INDIRECT, 'The screen is 12" wide', "the maker", "said")],
    ),
}


def found(parser: Any, text: str) -> list[Expected]:
    attributions = parser(text)._.quotes

    def part(span: tuple[int, int] | None) -> str | None:
        return None if span is None else text[span[0] : span[1]]

    return [
        (a.kind, text[a.content[0] : a.content[1]], part(a.source), part(a.cue))
        for a in attributions
    ]


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_construction(parser: Any, text: str, expected: list[Expected]) -> None:
    assert found(parser, text) == expected


def test_direct_quote_offsets_give_the_quoted_words(parser: Any) -> None:
    text = 'He paused. "Keep going," the guide said.'
    (quote,) = parser(text)._.quotes
    assert text[quote.content[0] : quote.content[1]] == "Keep going"
    assert quote.rule == "cue_after"


def test_split_quote_records_the_cue_between_its_parts_as_a_gap(parser: Any) -> None:
    text = '"The port is full," she said, "and the ships keep coming."'
    (quote,) = parser(text)._.quotes
    ((gap_start, gap_end),) = quote.gaps
    assert text[gap_start:gap_end] == '," she said, "'
    assert text[quote.content[0] : gap_start] == "The port is full"
    assert text[gap_end : quote.content[1]] == "and the ships keep coming."


def test_quote_in_one_piece_has_no_gaps(parser: Any) -> None:
    (quote,) = parser('"The port is full," she said.')._.quotes
    assert quote.gaps == ()


def test_quote_run_on_over_a_paragraph_break_has_the_break_as_a_gap(parser: Any) -> None:
    text = 'Jane Moss said: "The river rose overnight.\n\n"By morning the valley was flooded."'
    (quote,) = parser(text)._.quotes
    ((gap_start, gap_end),) = quote.gaps
    assert text[quote.content[0] : gap_start] == "The river rose overnight."
    assert text[gap_end : quote.content[1]] == "By morning the valley was flooded."
