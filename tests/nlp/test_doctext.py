from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotecli.nlp.doctext import doc_text


def test_doc_text_equals_doc_text_and_is_built_once() -> None:
    doc = Doc(Vocab(), words=["He", "said", "so", "."], spaces=[True, True, False, False])
    first = doc_text(doc)
    assert first == doc.text == "He said so."
    assert doc_text(doc) is first
