"""Running the rules and refinements over a Doc in their declared order."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import groupby

from spacy.tokens import Doc

from quotecli.nlp.attribution.candidate import Candidate, Refinement, Rule
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.refinements import REFINEMENTS
from quotecli.nlp.attribution.resolver import resolve
from quotecli.nlp.attribution.rules import RULES
from quotecli.nlp.types import Attribution

Step = Rule | Refinement
STEPS: tuple[Step, ...] = tuple(sorted((*RULES, *REFINEMENTS), key=lambda step: step.priority))
STEP_NAMES: frozenset[str] = frozenset(step.name for step in STEPS)


def find_attributions(doc: Doc, exclude: Collection[str] = ()) -> list[Attribution]:
    """Every attributed quotation in `doc`, direct, indirect and mixed, in text order.

    Args:
        doc: a Doc parsed with a dependency parser (tags, entities and sentences are used).
        exclude: names of rules and refinements to leave out (see `STEP_NAMES`).

    Returns:
        Attributions with character offsets into `doc.text`; `entity` is left None.

    Raises:
        ValueError: `exclude` names a step that does not exist.
    """
    check_step_names(exclude)
    context = Context.of(doc)
    accepted: list[Candidate] = []
    for group in _groups(step for step in STEPS if step.name not in exclude):
        if isinstance(group, Refinement):
            accepted = group.refine(context, accepted)
        else:
            found = [c for rule in group for c in rule.find(context)]
            accepted = resolve(context, accepted, sorted(found, key=lambda c: c.trigger))
    return [c.to_attribution() for c in sorted(accepted, key=lambda c: c.content)]


def check_step_names(names: Collection[str]) -> None:
    """Raise ValueError naming every entry of `names` that is no rule or refinement."""
    unknown = sorted(set(names) - STEP_NAMES)
    if unknown:
        raise ValueError(
            f"unknown quotecli rule(s): {', '.join(unknown)}; "
            f"known: {', '.join(step.name for step in STEPS)}"
        )


def _groups(steps: Iterator[Step]) -> Iterator[Refinement | list[Rule]]:
    """Refinements one by one; rules gathered by priority, to be settled together."""
    for _, same_priority in groupby(steps, key=lambda step: (step.priority, type(step))):
        members = list(same_priority)
        if isinstance(members[0], Refinement):
            yield from (m for m in members if isinstance(m, Refinement))
        else:
            yield [m for m in members if isinstance(m, Rule)]
