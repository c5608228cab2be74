"""The textacy baseline: `textacy.extract.triples.direct_quotations`, mapped to predictions.

textacy is a development-only dependency; it is imported here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Token

from quotecli.eval.prediction import Prediction
from quotecli.eval.spans import Piece, Span, make_span

QUOTE_CHARS = "\"'‘’“”«»„‟‹› \t\r\n"


def model_lemmatizer(model_name: str) -> Callable[[Doc], Doc] | None:
    """The model's own lemmatizer, or None if it has none.

    textacy finds reporting verbs by lemma, and quotecli's pipeline leaves the lemmatizer out
    for speed; the baseline borrows it so that it is scored on the model as shipped.
    """
    import spacy

    nlp = spacy.load(model_name)
    return nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None


def textacy_predictions(doc: Doc, offset: int = 0) -> list[Prediction]:
    """textacy's direct quotations of one Doc, as predictions in article coordinates.

    Content is the quoted span without its marks; source and cue are the character spans
    of textacy's speaker and cue tokens; the kind is always direct. textacy refuses a Doc
    with an odd number of quotation marks (ValueError); such a Doc yields no prediction,
    which is what the baseline would give a user.
    """
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return []
    return [
        Prediction(
            content=shift(
                content_span(doc.text, triple.content.start_char, triple.content.end_char), offset
            ),
            source=shift(tokens_span(triple.speaker), offset) or None,
            cue=shift(tokens_span(triple.cue), offset) or None,
            kind="direct",
        )
        for triple in triples
    ]


def content_span(text: str, start: int, end: int) -> Span:
    """The quoted text with its enclosing marks and spaces trimmed."""
    while start < end and text[start] in QUOTE_CHARS:
        start += 1
    while end > start and text[end - 1] in QUOTE_CHARS:
        end -= 1
    return make_span([(start, end)])


def tokens_span(tokens: Sequence[Token]) -> Span:
    """Character pieces of a token list: each run of consecutive tokens is one piece."""
    pieces: list[Piece] = []
    previous = -2
    for token in sorted(tokens, key=lambda t: t.i):
        end = token.idx + len(token.text)
        if token.i == previous + 1 and pieces:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((token.idx, end))
        previous = token.i
    return make_span(pieces)


def shift(span: Span, offset: int) -> Span:
    return tuple((start + offset, end + offset) for start, end in span)


def baseline_for_docs(docs: Iterable[tuple[int, Doc]]) -> list[Prediction]:
    """Predictions for an article parsed in (offset, Doc) chunks."""
    return [pred for offset, doc in docs for pred in textacy_predictions(doc, offset)]
