"""How far a report reaches, on hand-parsed Docs: no model needed."""

from __future__ import annotations

from spacy.tokens import Doc

from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.rules.contents import Construction, construction_of, contents_of

from .helpers import context_of


def _vocab():  # type: ignore[no-untyped-def]
    """An English vocabulary, so that words have their lower-case forms."""
    return context_of("").doc.vocab


def test_an_aside_in_a_sentence_without_a_verb_reports_the_rest_of_it() -> None:
    # "Another slide, he said, a disaster." parsed with a noun for root.
    words = ["Another", "slide", ",", "he", "said", ",", "a", "disaster", "."]
    heads = [1, 1, 4, 4, 1, 4, 7, 1, 1]
    deps = ["det", "ROOT", "punct", "nsubj", "parataxis", "punct", "det", "appos", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "DET", "NOUN", "PUNCT"]
    spaces = [True, False, True, True, False, True, True, False, False]
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    cue = doc[4]
    assert construction_of(cue) is Construction.ASIDE
    [content] = contents_of(Context.of(doc), cue, Construction.ASIDE)
    assert doc.text[content[0] : content[1]] == "Another slide, he said, a disaster"


def test_a_that_clause_parsed_as_adverbial_is_a_reported_clause() -> None:
    # "Lee tweeted early that Park was dishonest." with the clause parsed as an advcl.
    words = ["Lee", "tweeted", "early", "that", "Park", "was", "dishonest", "."]
    heads = [1, 1, 1, 5, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "advmod", "advmod", "nsubj", "advcl", "acomp", "punct"]
    spaces = [True, True, True, True, True, True, False, False]
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=heads, deps=deps)
    cue = doc[1]
    assert construction_of(cue) is Construction.CLAUSE
    [content] = contents_of(Context.of(doc), cue, Construction.CLAUSE)
    assert doc.text[content[0] : content[1]] == "that Park was dishonest"


def _thanked_for(addition: list[str], tags: list[str]) -> str:
    """The object content of "Cruz thanked Trump for backing it — <addition> ." parsed with the
    addition hung on the object as an apposition."""
    words = ["Cruz", "thanked", "Trump", "for", "backing", "it", "—", *addition, "."]
    after = len(addition)
    heads = [1, 1, 1, 1, 3, 4, 5] + [7 + after - 1] * (after - 1) + [5, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj", "punct"]
    deps += ["det"] * (after - 1) + ["appos", "punct"]
    all_tags = ["NNP", "VBD", "NNP", "IN", "VBG", "PRP", ":", *tags, "."]
    spaces = [True] * (len(words) - 2) + [False, False]
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=heads, deps=deps, tags=all_tags)
    cue = doc[1]
    assert construction_of(cue) is Construction.OBJECT
    [content] = contents_of(Context.of(doc), cue, Construction.OBJECT)
    return doc.text[content[0] : content[1]]


def test_an_object_stops_before_the_writers_addition_after_a_dash() -> None:
    assert _thanked_for(["a", "move"], ["DT", "NN"]) == "Trump for backing it"


def test_an_object_keeps_what_it_stands_for_after_a_dash() -> None:
    assert _thanked_for(["the", "bill"], ["DT", "NN"]) == "Trump for backing it — the bill"


def _aside_content(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> str:
    spaces = [words[i + 1] not in (",", ".") for i in range(len(words) - 1)] + [False]
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    [cue] = [t for t in doc if t.dep_ == "parataxis"]
    assert construction_of(cue) is Construction.ASIDE
    [content] = contents_of(Context.of(doc), cue, Construction.ASIDE)
    return doc.text[content[0] : content[1]]


def test_an_aside_closing_a_clause_before_the_main_one_reports_the_sentence() -> None:
    # "Though it was easy, he said, replacing him would be hard." with the aside on `was`.
    words = [
        "Though",
        "it",
        "was",
        "easy",
        ",",
        "he",
        "said",
        ",",
        "replacing",
        "him",
        "would",
        "be",
        "hard",
        ".",
    ]
    heads = [2, 2, 11, 2, 6, 6, 2, 6, 11, 8, 11, 11, 11, 11]
    deps = ["mark", "nsubj", "advcl", "acomp", "punct", "nsubj", "parataxis", "punct"]
    deps += ["csubj", "dobj", "aux", "ROOT", "acomp", "punct"]
    pos = ["SCONJ", "PRON", "AUX", "ADJ", "PUNCT", "PRON", "VERB", "PUNCT"]
    pos += ["VERB", "PRON", "AUX", "AUX", "ADJ", "PUNCT"]
    content = _aside_content(words, heads, deps, pos)
    assert content == "Though it was easy, he said, replacing him would be hard"


def test_an_aside_goes_on_through_a_clause_coordinated_after_it() -> None:
    # "Many were older, she said, and I had to go."
    words = ["Many", "were", "older", ",", "she", "said", ",", "and", "I", "had", "to", "go", "."]
    heads = [1, 1, 1, 5, 5, 1, 5, 1, 9, 1, 11, 9, 1]
    deps = ["nsubj", "ROOT", "acomp", "punct", "nsubj", "parataxis", "punct"]
    deps += ["cc", "nsubj", "conj", "aux", "xcomp", "punct"]
    pos = ["PRON", "AUX", "ADJ", "PUNCT", "PRON", "VERB", "PUNCT"]
    pos += ["CCONJ", "PRON", "VERB", "PART", "VERB", "PUNCT"]
    assert _aside_content(words, heads, deps, pos) == "Many were older, she said, and I had to go"


def test_a_second_object_hung_on_the_cue_is_more_of_the_object() -> None:
    # "Trump mentioned refinancing loans and forcing schools to pay." with `forcing` parsed as
    # a conjunct of the cue.
    words = ["Trump", "mentioned", "refinancing", "loans", "and", "forcing", "schools", "to"]
    words += ["pay", "."]
    heads = [1, 1, 3, 1, 1, 1, 5, 8, 5, 1]
    deps = ["nsubj", "ROOT", "amod", "dobj", "cc", "conj", "dobj", "aux", "xcomp", "punct"]
    tags = ["NNP", "VBD", "VBG", "NNS", "CC", "VBG", "NNS", "TO", "VB", "."]
    spaces = [True] * 8 + [False, False]
    doc = Doc(_vocab(), words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
    cue = doc[1]
    assert construction_of(cue) is Construction.OBJECT
    [content] = contents_of(Context.of(doc), cue, Construction.OBJECT)
    assert doc.text[content[0] : content[1]] == "refinancing loans and forcing schools to pay"
