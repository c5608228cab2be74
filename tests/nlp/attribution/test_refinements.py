"""The refinements on hand-built candidates: each returns a new list, leaving its input alone."""

from __future__ import annotations

from quotecli.nlp.attribution.candidate import Evidence
from quotecli.nlp.attribution.refinements import (
    carry_on_reports,
    carry_on_speakers,
    join_split_quotes,
)
from quotecli.records import QuoteKind

from .helpers import candidate, context_of, span

DIRECT, MIXED = QuoteKind.DIRECT, QuoteKind.MIXED


def quoted(text: str, content: str, index: int, rule: str = "cue_after", **fields: object):  # type: ignore[no-untyped-def]
    return candidate(
        text,
        content,
        rule=rule,
        evidence=Evidence.MARKS,
        kind=DIRECT,
        claims=frozenset({index}),
        **fields,  # type: ignore[arg-type]
    )


def test_split_quote_joins_the_second_part_and_drops_its_own_claim() -> None:
    text = '"The port is full," she said, "and the ships keep coming."'
    context = context_of(text)
    first = quoted(text, "The port is full", 0)
    second = quoted(text, "and the ships keep coming.", 1, rule="cue_before")
    before = [first, second]
    [joined] = join_split_quotes(context, before)
    assert text[joined.content[0] : joined.content[1]].startswith("The port is full")
    assert joined.content[1] == span(text, "coming.")[1]
    assert joined.gaps == ((span(text, "full")[1], span(text, "and the")[0]),)
    assert joined.claims == frozenset({0, 1})
    assert before == [first, second]


def test_split_quote_leaves_a_second_part_with_its_own_cue_after_it() -> None:
    text = '"We lost," she said, "and we know it," he added.'
    context = context_of(text)
    first = quoted(text, "We lost", 0)
    second = quoted(text, "and we know it", 1, cue="added", source="he")
    assert join_split_quotes(context, [first, second]) == [first, second]


def test_split_quote_joins_a_second_part_of_short_capitalised_sentences() -> None:
    text = '"Here comes the boss," she said, laughing. "The Boss. Big Man."'
    context = context_of(text)
    first = quoted(text, "Here comes the boss", 0)
    [joined] = join_split_quotes(context, [first])
    assert joined.content == (span(text, "Here")[0], span(text, "Man.")[1])
    assert joined.claims == frozenset({0, 1})


def test_split_quote_joins_past_a_speaker_with_a_long_apposition() -> None:
    text = (
        '"The tax plan is no reform," said Ann Lee, an economist who served as director of the '
        "budget office for six years and is now president of a research group, a small "
        'pro-growth advocacy institute based in the capital. "It only adds complexity."'
    )
    context = context_of(text)
    first = quoted(text, "The tax plan is no reform", 0, source="Ann Lee")
    [joined] = join_split_quotes(context, [first])
    assert joined.content[1] == span(text, "complexity.")[1]


def test_run_on_lets_an_unclaimed_quotation_carry_on_an_indirect_report() -> None:
    text = 'She said she had what the job needs: "Steadiness, and strength."'
    context = context_of(text)
    report = candidate(text, "she had what the job needs")
    [carried] = carry_on_reports(context, [report])
    assert carried.kind is MIXED
    assert text[carried.content[0] : carried.content[1]].endswith('strength."')
    assert carried.claims == frozenset({0})


def test_run_on_leaves_a_claimed_quotation_alone() -> None:
    text = 'She said she had what the job needs: "Steadiness, and strength."'
    context = context_of(text)
    report = candidate(text, "she had what the job needs")
    claim = quoted(text, "Steadiness, and strength.", 0, cue=None, source=None)
    assert carry_on_reports(context, [report, claim]) == [report, claim]


def test_continuation_gives_a_quotation_paragraph_the_previous_speaker() -> None:
    text = '"We will win," she said.\n\n"And we will win big."'
    context = context_of(text)
    first = quoted(text, "We will win", 0)
    result = carry_on_speakers(context, [first])
    assert result[0] == first
    carried = result[1]
    assert (carried.rule, carried.cue, carried.source) == ("continuation", None, first.source)
    assert text[carried.content[0] : carried.content[1]] == "And we will win big."


def test_continuation_joins_a_quotation_run_on_over_a_paragraph_break() -> None:
    text = 'Jane Moss said: "The river rose overnight.\n\n"By morning the valley was flooded."'
    context = context_of(text)
    first = candidate(
        text,
        "The river rose overnight.",
        rule="cue_before",
        evidence=Evidence.MARKS,
        kind=DIRECT,
        source="Jane Moss",
        claims=frozenset({0}),
    )
    [joined] = carry_on_speakers(context, [first])
    assert joined.content == (first.content[0], span(text, "flooded.")[1])
    assert joined.gaps == ((first.content[1], span(text, "By morning")[0]),)
    assert joined.claims == frozenset({0, 1})


def test_continuation_gives_a_quoted_sentence_after_a_report_its_speaker() -> None:
    text = 'She said the plan would fail. "It is a disaster."'
    context = context_of(text)
    report = candidate(text, "the plan would fail", source="She")
    result = carry_on_speakers(context, [report])
    assert [text[c.content[0] : c.content[1]] for c in result] == [
        "the plan would fail",
        "It is a disaster.",
    ]
    assert (result[1].rule, result[1].source) == ("continuation", report.source)


def test_continuation_leaves_a_quotation_inside_the_writers_sentence_alone() -> None:
    text = 'She said the plan would fail, and called it "a disaster" later.'
    context = context_of(text)
    report = candidate(text, "the plan would fail", source="She")
    assert carry_on_speakers(context, [report]) == [report]
