"""The spaCy components: `nlp.add_pipe("quotecli")` fills `doc._.quotes`, `doc._.speakers`
and `doc._.places`.

`quotecli` runs the three steps in order; `quotecli_quotes`, `quotecli_speakers` and
`quotecli_places` run one step each, for pipelines that want only part of the work.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from quotecli.nlp.attribution import find_attributions
from quotecli.nlp.places import find_places
from quotecli.nlp.speakers import resolve_speakers

EXTENSIONS = ("quotes", "speakers", "places")


def register_extensions() -> None:
    """Add the Doc extensions once, however often components are created."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def annotate_quotes(doc: Doc) -> Doc:
    doc._.quotes = find_attributions(doc)
    return doc


def annotate_speakers(doc: Doc) -> Doc:
    doc._.speakers = resolve_speakers(doc, doc._.quotes or [])
    return doc


def annotate_places(doc: Doc) -> Doc:
    doc._.places = find_places(doc)
    return doc


def annotate_all(doc: Doc) -> Doc:
    return annotate_places(annotate_speakers(annotate_quotes(doc)))


@Language.factory(
    "quotecli",
    assigns=["doc._.quotes", "doc._.speakers", "doc._.places"],
    requires=["token.dep", "token.tag", "doc.ents", "doc.sents"],
)
def make_quotecli(nlp: Language, name: str) -> object:
    register_extensions()
    return annotate_all


@Language.factory("quotecli_quotes", assigns=["doc._.quotes"], requires=["token.dep", "doc.sents"])
def make_quotecli_quotes(nlp: Language, name: str) -> object:
    register_extensions()
    return annotate_quotes


@Language.factory("quotecli_speakers", assigns=["doc._.speakers"], requires=["doc.ents"])
def make_quotecli_speakers(nlp: Language, name: str) -> object:
    register_extensions()
    return annotate_speakers


@Language.factory("quotecli_places", assigns=["doc._.places"], requires=["doc.ents"])
def make_quotecli_places(nlp: Language, name: str) -> object:
    register_extensions()
    return annotate_places
