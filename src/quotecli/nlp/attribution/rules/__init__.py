"""Every attribution rule, in the order of their priority (see `quotecli.nlp.attribution`)."""

from __future__ import annotations

from quotecli.nlp.attribution.candidate import Rule
from quotecli.nlp.attribution.rules import (
    as_reported,
    hearsay,
    introduced,
    labelled,
    mistagged,
    nominal,
    passive,
    phrasal,
    quoted,
    reported,
)

RULES: tuple[Rule, ...] = (
    *quoted.RULES,
    *labelled.RULES,
    *introduced.RULES,
    *reported.RULES,
    *as_reported.RULES,
    *mistagged.RULES,
    *phrasal.RULES,
    *passive.RULES,
    *nominal.RULES,
    *hearsay.RULES,
)
