"""The quote library: extracted articles in one SQLite file, queried without spaCy."""

from quotecli.store.library import Library

__all__ = ["Library"]
