"""Sentence starts at paragraph breaks, set before the parser runs.

The small English model's parser runs sentences across blank lines, so a headline or a
paragraph's last sentence gets glued to the next paragraph's first, and a cue in one paragraph
then governs words in the other. Placed before the parser
(`nlp.add_pipe("quotecli_paragraphs", before="parser")`), this component marks the first word
after every blank line as a sentence start; the parser keeps preset starts and decides the
rest itself.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Two line breaks with only whitespace between them: a blank line, i.e. a paragraph break.
MIN_BREAKS = 2


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set `is_sent_start` on each non-space token that follows a blank line.

    Args:
        doc: a tokenised Doc, not yet parsed.

    Returns:
        The same Doc, with sentence starts preset at paragraph breaks.
    """
    text = doc.text
    previous_end = 0
    for token in doc:
        if token.is_space:
            continue
        if token.i > 0 and text.count("\n", previous_end, token.idx) >= MIN_BREAKS:
            token.is_sent_start = True
        previous_end = token.idx + len(token)
    return doc


@Language.factory("quotecli_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_quotecli_paragraphs(nlp: Language, name: str) -> object:
    return mark_paragraph_starts
