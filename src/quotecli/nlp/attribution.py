"""Finding quotations and their cues and sources in a parsed Doc. (Placeholder: being written.)"""

from __future__ import annotations

from spacy.tokens import Doc

from quotecli.nlp.types import Attribution


def find_attributions(doc: Doc) -> list[Attribution]:
    return []
