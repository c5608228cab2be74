"""The systems `quotecli eval --baseline` compares, sharing one parse per article.

Each article is parsed once by the quotecli pipeline; quotecli's records come from that Doc
through `quotecli.extract`, and the textacy baseline reads the same Doc (our component only
adds `Doc._` extensions, which textacy ignores). quotecli leaves the lemmatizer out; textacy
needs lemmas, so the model's own lemmatizer is run on the shared Doc for the baseline.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cached_property

from spacy.tokens import Doc

from quotecli.errors import MissingDependencyError
from quotecli.eval.baseline import baseline_for_docs, model_lemmatizer
from quotecli.eval.brat import GoldArticle
from quotecli.eval.core import Predict
from quotecli.eval.parse_cache import ParseCache
from quotecli.eval.prediction import Prediction, from_quote
from quotecli.extract import Extractor, assemble, doc_to_parts, split_for_model
from quotecli.records import Article


class SharedParse:
    """Parses each article once with the extractor's pipeline and remembers the last one."""

    def __init__(self, extractor: Extractor, cache: ParseCache | None = None) -> None:
        self.extractor = extractor
        self.cache = cache
        self._key: str | None = None
        self._docs: list[tuple[int, Doc]] = []

    def docs(self, article: GoldArticle) -> list[tuple[int, Doc]]:
        """(offset, Doc) chunks of the article, parsed on first request (or read from the
        parse cache)."""
        if self._key != str(article.text_path):
            chunks = list(split_for_model(article.text, self.extractor.nlp.max_length))
            texts = [text for _, text in chunks]
            parsed = self.cache.parse(texts) if self.cache else self.extractor.nlp.pipe(texts)
            self._docs = [(offset, doc) for (offset, _), doc in zip(chunks, parsed, strict=True)]
            self._key = str(article.text_path)
        return self._docs

    def quotecli(self, article: GoldArticle) -> list[Prediction]:
        """quotecli's predictions, assembled from the shared Docs."""
        parts = [doc_to_parts(doc, offset) for offset, doc in self.docs(article)]
        record = Article(path=str(article.text_path), text=article.text)
        extraction = assemble(record, parts, self.extractor.version)
        return [from_quote(quote) for quote in extraction.quotes]

    @cached_property
    def _lemmatizer(self) -> Callable[[Doc], Doc] | None:
        """The model's lemmatizer, loaded when a baseline first needs it."""
        return model_lemmatizer(self.extractor.model_name)

    def baseline(self, name: str) -> Predict:
        """The named baseline's predict function.

        Raises:
            MissingDependencyError: the baseline's package is not installed.
        """
        if name != "textacy":
            raise ValueError(f"unknown baseline {name!r}")
        if importlib.util.find_spec("textacy") is None:
            raise MissingDependencyError(
                "the textacy baseline needs textacy; install it with: pip install textacy==0.13.0"
            )
        return self.textacy

    def textacy(self, article: GoldArticle) -> list[Prediction]:
        """The textacy baseline's predictions on the same Docs, lemmatised."""
        docs = self.docs(article)
        lemmatize = self._lemmatizer
        if lemmatize is not None:
            docs = [(offset, lemmatize(doc)) for offset, doc in docs]
        return baseline_for_docs(docs)
