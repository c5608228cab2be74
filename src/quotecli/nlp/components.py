"""The spaCy components: `nlp.add_pipe("quotecli")` fills `doc._.quotes`, `doc._.speakers`
and `doc._.places`.

`quotecli` runs the three steps in order; `quotecli_quotes`, `quotecli_speakers` and
`quotecli_places` run one step each, for pipelines that want only part of the work. The
quote-finding components take `exclude_rules`, names of attribution rules or refinements to
switch off (`nlp.add_pipe("quotecli", config={"exclude_rules": ["nominal"]})`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from quotecli.nlp.attribution import check_step_names, find_attributions
from quotecli.nlp.places import find_places
from quotecli.nlp.speakers import resolve_speakers

EXTENSIONS = ("quotes", "speakers", "places")
Component = Callable[[Doc], Doc]
PARSE = ["token.dep", "token.tag", "token.pos", "doc.sents"]


def register_extensions() -> None:
    """Add the Doc extensions once, however often components are created."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class QuoteFinder:
    """Fills `doc._.quotes` with the attribution rules, less those excluded."""

    def __init__(self, exclude_rules: list[str]) -> None:
        check_step_names(exclude_rules)
        self.exclude_rules = frozenset(exclude_rules)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_attributions(doc, self.exclude_rules)
        return doc


def annotate_speakers(doc: Doc) -> Doc:
    doc._.speakers = resolve_speakers(doc, doc._.quotes or [])
    return doc


def annotate_places(doc: Doc) -> Doc:
    doc._.places = find_places(doc)
    return doc


def annotate_all(doc: Doc, find_quotes: Component | None = None) -> Doc:
    """Quotes (every rule unless `find_quotes` says otherwise), speakers, then places."""
    return annotate_places(annotate_speakers((find_quotes or QuoteFinder([]))(doc)))


@Language.factory(
    "quotecli",
    assigns=["doc._.quotes", "doc._.speakers", "doc._.places"],
    requires=[*PARSE, "doc.ents"],
    default_config={"exclude_rules": []},
)
def make_quotecli(nlp: Language, name: str, exclude_rules: list[str]) -> Component:
    register_extensions()
    find_quotes = QuoteFinder(exclude_rules)
    return lambda doc: annotate_all(doc, find_quotes)


@Language.factory(
    "quotecli_quotes",
    assigns=["doc._.quotes"],
    requires=PARSE,
    default_config={"exclude_rules": []},
)
def make_quotecli_quotes(nlp: Language, name: str, exclude_rules: list[str]) -> Component:
    register_extensions()
    return QuoteFinder(exclude_rules)


@Language.factory(
    "quotecli_speakers", assigns=["doc._.speakers"], requires=["doc._.quotes", "doc.ents"]
)
def make_quotecli_speakers(nlp: Language, name: str) -> Component:
    register_extensions()
    return annotate_speakers


@Language.factory("quotecli_places", assigns=["doc._.places"], requires=["doc.ents"])
def make_quotecli_places(nlp: Language, name: str) -> Component:
    register_extensions()
    return annotate_places
