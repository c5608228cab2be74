"""A vectorised stand-in for the model's `attribute_ruler`, for the attributes the rules read.

The English pipelines' attribute ruler maps fine-grained tags to coarse parts of speech
(`token.pos_`, which the cue rules read) through a few hundred Matcher patterns applied token
by token in Python: about a tenth of the pipeline's time. The same patterns, compiled to
column tests over `Doc.to_array`, set the same POS, TAG, DEP, MORPH and LEMMA values in a
fraction of the time, so the Doc is annotated exactly as the model ships it.

Only the pattern language the English models use is compiled (TAG, LOWER, DEP, IS_SPACE with
plain values, IN, NOT_IN and REGEX); `compile_rules` returns None for anything else and the caller
keeps the model's own ruler.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

COMPONENT = "quotecli_attributes"
# Columns of the array read from each Doc, in this order.
READ = (TAG, LOWER, DEP, IS_SPACE)
COLUMN = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# Attributes written back, in this order.
WRITTEN = (POS, TAG, DEP, MORPH, LEMMA)
OUTPUT = {"POS": 0, "TAG": 1, "DEP": 2, "MORPH": 3, "LEMMA": 4}

Values = Any  # a numpy array of uint64 attribute values


@dataclass(frozen=True, slots=True)
class Test:
    """One token test: the column's value is (or, negated, is not) one of `values`.

    With `regex`, the test is instead that the value's string matches it (`re.search`).
    """

    column: int
    values: Values
    negate: bool
    regex: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern: a tuple of tests per token; `writes` go to token `index` of each match."""

    tokens: tuple[tuple[Test, ...], ...]
    index: int
    writes: tuple[tuple[int, int], ...]


def compile_rules(patterns: Iterable[Mapping[str, Any]], vocab: Vocab) -> list[Rule] | None:
    """Compile `AttributeRuler.patterns` in order; None if one uses syntax not handled here."""
    rules: list[Rule] = []
    for entry in patterns:
        writes = _writes(entry["attrs"], vocab)
        if writes is None:
            return None
        for pattern in entry["patterns"]:
            tokens = [_token_tests(spec, vocab.strings) for spec in pattern]
            if any(tests is None for tests in tokens):
                return None
            index = int(entry.get("index", 0))
            index = index + len(tokens) if index < 0 else index  # as Span indexing counts
            if not 0 <= index < len(tokens):
                return None
            rules.append(Rule(tuple(t for t in tokens if t is not None), index, writes))
    return rules


def _writes(attrs: Mapping[str, Any], vocab: Vocab) -> tuple[tuple[int, int], ...] | None:
    writes = []
    for name, value in attrs.items():
        key = name.upper()
        if key not in OUTPUT or not isinstance(value, str):
            return None
        if key == "POS":
            code = POS_IDS.get(value)
            if code is None:
                return None
        elif key == "MORPH":
            code = int(vocab.morphology.add(value))  # the normalised analysis, as the ruler
        else:
            code = _string_id(value, vocab.strings)
        writes.append((OUTPUT[key], code))
    return tuple(writes)


def _token_tests(spec: Mapping[str, Any], strings: StringStore) -> tuple[Test, ...] | None:
    tests = []
    for name, value in spec.items():
        key = name.upper()
        if key not in COLUMN:
            return None
        test = _test(COLUMN[key], value, strings)
        if test is None:
            return None
        tests.append(test)
    return tuple(tests)


def _test(column: int, value: Any, strings: StringStore) -> Test | None:
    if isinstance(value, bool):
        return Test(column, np.array([int(value)], dtype=np.uint64), negate=False)
    if isinstance(value, str):
        return Test(column, _ids([value], strings), negate=False)
    if isinstance(value, dict) and len(value) == 1:
        operator, options = next(iter(value.items()))
        if operator in ("IN", "NOT_IN") and all(isinstance(o, str) for o in options):
            return Test(column, _ids(options, strings), negate=operator == "NOT_IN")
        if operator == "REGEX" and isinstance(options, str):
            return Test(column, _ids([], strings), negate=False, regex=re.compile(options))
    return None


def _ids(values: Iterable[str], strings: StringStore) -> Values:
    return np.array([_string_id(v, strings) for v in values], dtype=np.uint64)


def _string_id(value: str, strings: StringStore) -> int:
    return 0 if value == "" else int(strings.add(value))


class FastAttributes:
    """The pipeline component: applies compiled rules as the attribute ruler would.

    All patterns are matched against the Doc as it arrives, then applied in pattern order, so
    a later pattern overrides an earlier one on the same token (the ruler's precedence).
    """

    def __init__(self, rules: list[Rule] | None = None) -> None:
        self.rules = rules or []

    def __call__(self, doc: Doc) -> Doc:
        length = len(doc)
        if length == 0 or not self.rules:
            return doc
        columns: Values = doc.to_array(list(READ))
        written: Values = doc.to_array(list(WRITTEN))
        for rule in self.rules:
            span = len(rule.tokens)
            if span > length:
                continue
            starts = length - span + 1
            targets = np.flatnonzero(_matches(columns, rule, starts, doc.vocab.strings))
            targets += rule.index
            for output, value in rule.writes:
                written[targets, output] = value
        doc.from_array(list(WRITTEN), written)
        return doc


def _matches(columns: Values, rule: Rule, starts: int, strings: StringStore) -> Values:
    mask = np.ones(starts, dtype=bool)
    for offset, tests in enumerate(rule.tokens):
        for test in tests:
            window = columns[offset : offset + starts, test.column]
            if test.regex is not None:
                hit = np.isin(window, _regex_hits(window, test.regex, strings))
            elif len(test.values) == 1:
                hit = window == test.values[0]
            else:
                hit = np.isin(window, test.values)
            mask &= ~hit if test.negate else hit
    return mask


def _regex_hits(window: Values, regex: re.Pattern[str], strings: StringStore) -> Values:
    """The distinct values in `window` whose strings the pattern's REGEX finds a match in."""
    values = np.unique(window)
    return values[[bool(regex.search(strings[int(v)])) for v in values]]


@Language.factory(COMPONENT, assigns=["token.pos", "token.tag", "token.dep"])
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    """An empty component; `replace_attribute_ruler` fills it from the model's own ruler."""
    return FastAttributes()


def replace_attribute_ruler(nlp: Language, ruler_name: str = "attribute_ruler") -> bool:
    """Swap the model's attribute ruler for `FastAttributes` in place; False if kept.

    The ruler is kept when the model has none or its patterns use syntax not compiled here.
    """
    if ruler_name not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe(ruler_name)
    rules = compile_rules(ruler.patterns, nlp.vocab)
    if rules is None:
        return False
    component: Any = nlp.add_pipe(COMPONENT, before=ruler_name)
    component.rules = rules
    nlp.remove_pipe(ruler_name)
    return True
