"""Parses kept on disk between evaluation runs, so that changing a rule costs seconds.

A parse depends on the text, the model and quotecli's own components that run before the
parser (sentence starts at paragraph breaks, the attribute rules); it does not depend on
the attribution rules, which run again on every read. Each text's parse is one DocBin file
named by a hash of those inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from quotecli.errors import QuotecliError

# Bump when a component that runs before the attribution rules changes what it assigns.
PARSE_VERSION = "1"
# The last component whose annotations a DocBin keeps (tags, parse and entities included).
STORED_UP_TO = "ner"


class ParseCache:
    """Parsed Docs of one pipeline, read from and written to `directory`."""

    def __init__(self, directory: Path, nlp: Language, model_label: str) -> None:
        self.directory = directory
        self.nlp = nlp
        self.model_label = model_label
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QuotecliError(f"cannot use parse cache {directory}: {error.strerror}") from error

    def parse(self, texts: list[str]) -> list[Doc]:
        """Docs for `texts`, each through the whole pipeline: parsed once, then read back and
        given to the components after the parser (the attribution rules and the rest)."""
        docs: dict[int, Doc] = {}
        missing = []
        for index, text in enumerate(texts):
            path = self._path(text)
            if path.exists():
                docs[index] = self._finish(DocBin().from_disk(path).get_docs(self.nlp.vocab))
            else:
                missing.append(index)
        parsed = self.nlp.pipe(texts[i] for i in missing)
        for index, doc in zip(missing, parsed, strict=True):
            store = DocBin(store_user_data=False)
            store.add(doc)
            store.to_disk(self._path(texts[index]))
            docs[index] = doc
        return [docs[index] for index in range(len(texts))]

    def _finish(self, stored: Iterator[Doc]) -> Doc:
        """Run the components after the entity recogniser, whose work the file does not hold."""
        doc = next(stored)
        for name in self.nlp.pipe_names[self.nlp.pipe_names.index(STORED_UP_TO) + 1 :]:
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def _path(self, text: str) -> Path:
        key = f"{PARSE_VERSION}\0{self.model_label}\0{text}".encode()
        return self.directory / f"{hashlib.sha256(key).hexdigest()[:32]}.spacy"
