"""Domain errors. The core raises these; only the CLI turns them into a message and a code."""

from __future__ import annotations


class QuotecliError(Exception):
    """Base of every foreseeable error; its message is one line meant for a person."""


class InputError(QuotecliError):
    """An input path or text could not be read."""


class ModelError(QuotecliError):
    """The spaCy pipeline could not be loaded."""


class LibraryError(QuotecliError):
    """The quote library (SQLite file) is unusable: corrupt, not SQLite, or too new."""


class GoldDataError(QuotecliError):
    """An annotated gold file (brat standoff) is malformed or missing."""


class WorkerError(QuotecliError):
    """A worker process failed without reporting an exception (killed, crashed, or unpicklable)."""


class OutputError(QuotecliError):
    """Standard output cannot be written: closed, a full disk, an I/O error."""


class MissingDependencyError(QuotecliError):
    """An optional package that the requested work needs is not installed."""
