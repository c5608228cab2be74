"""The systems compared by `make eval`, sharing one parse per article.

Each article is parsed once by the quotecli pipeline; quotecli's records come from that Doc
through `quotecli.extract`, and the textacy baseline reads the same Doc (our component only
adds `Doc._` extensions, which textacy ignores). quotecli leaves the lemmatizer out; textacy
needs lemmas, so the model's own lemmatizer is run on the shared Doc for the baseline.
"""

from __future__ import annotations

from spacy.tokens import Doc

from quotecli.eval.baseline import baseline_for_docs, model_lemmatizer
from quotecli.eval.brat import GoldArticle
from quotecli.eval.core import Predict
from quotecli.eval.prediction import Prediction, from_quote
from quotecli.extract import Extractor, assemble, doc_to_parts, split_for_model
from quotecli.records import Article


class SharedParse:
    """Parses each article once with the extractor's pipeline and remembers the last one."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self._lemmatize = model_lemmatizer(extractor.model_name)
        self._key: str | None = None
        self._docs: list[tuple[int, Doc]] = []

    def docs(self, article: GoldArticle) -> list[tuple[int, Doc]]:
        """(offset, Doc) chunks of the article, parsed on first request."""
        if self._key != str(article.text_path):
            chunks = list(split_for_model(article.text, self.extractor.nlp.max_length))
            parsed = self.extractor.nlp.pipe(text for _, text in chunks)
            self._docs = [(offset, doc) for (offset, _), doc in zip(chunks, parsed, strict=True)]
            self._key = str(article.text_path)
        return self._docs

    def quotecli(self, article: GoldArticle) -> list[Prediction]:
        """quotecli's predictions, assembled from the shared Docs."""
        parts = [doc_to_parts(doc, offset) for offset, doc in self.docs(article)]
        record = Article(path=str(article.text_path), text=article.text)
        extraction = assemble(record, parts, self.extractor.version)
        return [from_quote(quote) for quote in extraction.quotes]

    def textacy(self, article: GoldArticle) -> list[Prediction]:
        """The textacy baseline's predictions on the same Docs, lemmatised."""
        docs = self.docs(article)
        if self._lemmatize is not None:
            docs = [(offset, self._lemmatize(doc)) for offset, doc in docs]
        return baseline_for_docs(docs)


def extractor_predict(extractor: Extractor) -> Predict:
    """quotecli through the public `Extractor` API: what `quotecli eval` scores."""

    def predict(article: GoldArticle) -> list[Prediction]:
        record = Article(path=str(article.text_path), text=article.text)
        return [from_quote(quote) for quote in extractor.extract(record).quotes]

    return predict
