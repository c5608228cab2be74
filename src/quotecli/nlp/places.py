"""Places an article mentions, merged across surface forms. (Placeholder: being written.)"""

from __future__ import annotations

from spacy.tokens import Doc

from quotecli.nlp.types import Place


def find_places(doc: Doc) -> list[Place]:
    return []
