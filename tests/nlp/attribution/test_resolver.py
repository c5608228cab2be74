"""The overlap policy on hand-built candidates."""

from __future__ import annotations

from dataclasses import replace

from quotecli.nlp.attribution.candidate import Evidence
from quotecli.nlp.attribution.resolver import Verdict, resolve, settle
from quotecli.records import QuoteKind

from .helpers import candidate, context_of

TEXT = "she said the mayor told police that the bridge was unsafe, and he agreed."


def test_an_outer_report_replaces_the_report_it_holds_and_takes_its_quotations() -> None:
    context = context_of(TEXT)
    inner = candidate(TEXT, "the bridge was unsafe", cue="told", source="the mayor")
    inner = replace(inner, claims=frozenset({3}))
    outer = candidate(TEXT, "the mayor told police that the bridge was unsafe")
    [kept] = resolve(context, [inner], [outer])
    assert kept.content == outer.content
    assert kept.claims == frozenset({3})


def test_a_report_that_clashes_with_an_accepted_one_yields() -> None:
    context = context_of(TEXT)
    accepted = candidate(TEXT, "the mayor told police", cue="told", source="the mayor")
    clashing = candidate(TEXT, "police that the bridge was unsafe", cue="said")
    assert settle(context, clashing, accepted) is Verdict.YIELD
    assert resolve(context, [accepted], [clashing]) == [accepted]


def test_a_label_never_displaces_anything() -> None:
    context = context_of(TEXT)
    accepted = candidate(TEXT, "the bridge was unsafe", cue="told", source="the mayor")
    label = candidate(TEXT, "the bridge was unsafe, and he agreed", evidence=Evidence.LABEL)
    assert settle(context, label, accepted) is Verdict.YIELD


def test_quotations_claimed_twice_go_to_the_first_claim() -> None:
    text = '"We will win," she said.'
    context = context_of(text)
    first = candidate(text, "We will win", evidence=Evidence.MARKS, claims=frozenset({0}))
    second = candidate(
        text, "We will win", rule="cue_before", evidence=Evidence.MARKS, claims=frozenset({0})
    )
    assert resolve(context, [first], [second]) == [first]


def test_quotations_overlapping_in_text_but_claiming_different_marks_keep_both() -> None:
    text = 'She called it "a plan" and "a trap," he said.'
    context = context_of(text)
    mixed = candidate(
        text,
        'it "a plan" and "a trap',
        evidence=Evidence.MARKS,
        kind=QuoteKind.MIXED,
        cue="called",
        source="She",
        claims=frozenset({0}),
    )
    direct = candidate(
        text,
        "a trap",
        evidence=Evidence.MARKS,
        kind=QuoteKind.DIRECT,
        source="he",
        claims=frozenset({1}),
    )
    assert resolve(context, [mixed], [direct]) == [mixed, direct]


def test_candidates_that_do_not_meet_keep_both() -> None:
    context = context_of(TEXT)
    one = candidate(TEXT, "the mayor told police", cue="told", source="the mayor")
    other = candidate(TEXT, "he agreed", cue="agreed", source="he")
    assert settle(context, other, one) is Verdict.KEEP_BOTH
