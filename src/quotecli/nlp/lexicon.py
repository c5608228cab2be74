"""Word lists for finding quotations, read once from `quotecli/nlp/data/`."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

DATA = files("quotecli.nlp") / "data"


@cache
def reporting_verbs() -> frozenset[str]:
    """Reporting verbs in every inflected form, lower-cased ("said", "tells", "warned")."""
    return _word_list("reporting_verbs.txt")


@cache
def speaker_label_stopwords() -> frozenset[str]:
    """Paragraph labels before a colon that name no speaker ("update", "the latest")."""
    return _word_list("speaker_labels.txt")


@cache
def intention_verbs() -> frozenset[str]:
    """Verbs of intention and request in every form ("wants", "vowed", "urging")."""
    return _word_list("intention_verbs.txt")


@cache
def object_stop_verbs() -> frozenset[str]:
    """Reporting verbs whose direct object is not reported content ("concluded the pact")."""
    return _word_list("object_stop_verbs.txt")


@cache
def cue_nouns() -> frozenset[str]:
    """Nouns that report their owner's words or mind with a clause ("claim", "plan")."""
    return _word_list("cue_nouns.txt")


def _word_list(name: str) -> frozenset[str]:
    """One entry per line, lower-cased; blank lines and `#` comments skipped."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )
