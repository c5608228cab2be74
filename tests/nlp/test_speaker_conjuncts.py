"""Conjuncts of a speaker phrase's head, on parses built by hand (no model needed)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotecli.nlp.speakers import has_conjunct

# (word, tag, dependency, head index)
Row = tuple[str, str, str, int]

# "Even Chile, Lima's closest ally and its biggest lender, said ...": the parser joins the
# role to the name as a conjunct although commas set it off as an appositive.
APPOSITIVE_AS_CONJUNCT: list[Row] = [
    ("Even", "RB", "advmod", 1),
    ("Chile", "NNP", "nsubj", 12),
    (",", ",", "punct", 1),
    ("Lima", "NNP", "poss", 6),
    ("'s", "POS", "case", 3),
    ("closest", "JJS", "amod", 6),
    ("ally", "NN", "conj", 1),
    ("and", "CC", "cc", 6),
    ("its", "PRP$", "poss", 10),
    ("biggest", "JJS", "amod", 10),
    ("lender", "NN", "conj", 6),
    (",", ",", "punct", 1),
    ("said", "VBD", "ROOT", 12),
    (".", ".", "punct", 12),
]

# "Chile, Peru and Bolivia said ...": a real list of names.
LIST_OF_NAMES: list[Row] = [
    ("Chile", "NNP", "nsubj", 5),
    (",", ",", "punct", 0),
    ("Peru", "NNP", "conj", 0),
    ("and", "CC", "cc", 2),
    ("Bolivia", "NNP", "conj", 2),
    ("said", "VBD", "ROOT", 5),
    (".", ".", "punct", 5),
]

# "Chile, its neighbour and the bank said ...": no comma closes the phrase, so a list.
UNCLOSED_LIST: list[Row] = [
    ("Chile", "NNP", "nsubj", 7),
    (",", ",", "punct", 0),
    ("its", "PRP$", "poss", 3),
    ("neighbour", "NN", "conj", 0),
    ("and", "CC", "cc", 3),
    ("the", "DT", "det", 6),
    ("bank", "NN", "conj", 3),
    ("said", "VBD", "ROOT", 7),
    (".", ".", "punct", 7),
]


def built(rows: list[Row]) -> Doc:
    return Doc(
        Vocab(),
        words=[r[0] for r in rows],
        tags=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
    )


def test_role_set_off_by_commas_is_no_conjunct() -> None:
    doc = built(APPOSITIVE_AS_CONJUNCT)
    assert not has_conjunct(doc[1])


def test_list_of_names_has_conjuncts() -> None:
    doc = built(LIST_OF_NAMES)
    assert has_conjunct(doc[0])


def test_list_not_closed_by_a_comma_has_conjuncts() -> None:
    doc = built(UNCLOSED_LIST)
    assert has_conjunct(doc[0])
