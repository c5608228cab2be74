"""Speaker resolution on short texts written for tests: every source phrase resolved together."""

from __future__ import annotations

import re
from typing import Any

from quotecli.nlp.speakers import resolve_speakers
from quotecli.nlp.types import Attribution, CharSpan, Entity
from quotecli.records import QuoteKind


def resolve_last(
    nlp: Any, text: str, sources: list[str], mixed: tuple[str, str] | None = None
) -> Entity | None:
    """The entity of the last of `sources` (found in order in `text`), all resolved together.
    `mixed`: the first and last words of a mixed quote's content, given to the last source."""
    return resolve_all(nlp, text, sources, mixed)[-1]


def resolve_all(
    nlp: Any, text: str, sources: list[str], mixed: tuple[str, str] | None = None
) -> list[Entity | None]:
    """The entity of each of `sources` (found in order in `text`), all resolved together."""
    doc = nlp(text)
    attributions, position = [], 0
    for phrase in sources:
        match = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)").search(text, position)
        assert match is not None, phrase
        position = match.end()
        content: CharSpan = (match.end(), min(match.end() + 5, len(text)))
        attributions.append(Attribution(content, QuoteKind.INDIRECT, source=match.span()))
    if mixed is not None:
        start, end = text.index(mixed[0]), text.index(mixed[1]) + len(mixed[1])
        attributions[-1] = Attribution(
            (start, end), QuoteKind.MIXED, source=attributions[-1].source
        )
    entities = resolve_speakers(doc, attributions)
    return [None if a.entity is None else entities[a.entity] for a in attributions]
