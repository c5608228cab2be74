"""The text of a Doc, built once.

`Doc.text` joins every token's text on each read; rules that look at the text inside loops
over quotes and clauses would rebuild the whole article thousands of times.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "quotecli.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed on first use and kept in the Doc's `user_data`."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
