"""The one overlap policy: how a new candidate settles with each candidate already accepted.

Candidates are settled one at a time, in order of their rule's priority and, within one
priority, in text order of the word that triggered them. A new candidate meets every accepted
one it shares a quotation or text with, and for each pair `settle` says one of three things:

| new candidate's evidence | shares a quotation | its reach overlaps | its content overlaps |
| --- | --- | --- | --- |
| any | yields | | |
| marks (a quotation and its cue) | | keeps both | keeps both |
| label (a label, dash or noun) | | yields | |
| verb (a reported clause or object) | | yields if it clashes | replaces |

A candidate's reach is the words its rule read (`Candidate.extent`), its content what it
reports. If any pair says *yield*, the new candidate is dropped; otherwise it is accepted and
every candidate it *replaces* is removed, its quotations passing to the new one: an outer
report takes the place of the reports it holds, as PolNeAR annotates them. Pairs that meet
in none of these ways keep both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from enum import Enum

from quotecli.nlp.attribution.candidate import Candidate, Evidence
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.spans import contains, overlaps
from quotecli.records import QuoteKind


class Verdict(Enum):
    KEEP_BOTH = "keep both"
    YIELD = "yield"
    REPLACE = "replace"


def resolve(
    context: Context, accepted: list[Candidate], incoming: Iterable[Candidate]
) -> list[Candidate]:
    """`accepted` with `incoming` settled into it, one by one, in the order given."""
    result = list(accepted)
    for candidate in incoming:
        verdicts = [(other, settle(context, candidate, other)) for other in result]
        if any(verdict is Verdict.YIELD for _, verdict in verdicts):
            continue
        replaced = [other for other, verdict in verdicts if verdict is Verdict.REPLACE]
        if replaced:
            claims = candidate.claims.union(*(other.claims for other in replaced))
            candidate = replace(candidate, claims=claims)
            result = [o for o in result if all(o is not other for other in replaced)]
        result.append(candidate)
    return result


def settle(context: Context, new: Candidate, old: Candidate) -> Verdict:
    """What `new` does about `old`, already accepted (see the module's table)."""
    if new.claims & old.claims:
        return Verdict.YIELD
    if new.evidence is Evidence.MARKS:
        return Verdict.KEEP_BOTH
    reaches_it = overlaps(new.extent, old.content)
    if reaches_it and (new.evidence is Evidence.LABEL or clashes(context, new, old)):
        return Verdict.YIELD
    if new.evidence is Evidence.VERB and overlaps(new.content, old.content):
        return Verdict.REPLACE
    return Verdict.KEEP_BOTH


def clashes(context: Context, new: Candidate, old: Candidate) -> bool:
    """Whether a report's content collides with an overlapping `old` rather than holding it.

    A report may hold another whole, cue and all, and then takes its place
    (`A told police that B, the source added`): an inner indirect or mixed report anywhere,
    an inner direct quote when the outer content comes before its cue, and a quotation its
    own cue claimed first when the outer content has words of its own around it.
    """
    reach = new.extent
    holds_it = contains(reach, old.content)
    if holds_it and old.cue == new.cue and context.words_beyond(reach, old.content):
        return False  # `claimed that X is "A"`: the clause takes in the quote it carries
    if old.cue is None or not reach[0] <= old.cue[0] < reach[1]:
        return True
    fronted = reach[1] <= new.trigger
    return not (holds_it and (fronted or old.kind is not QuoteKind.DIRECT))
