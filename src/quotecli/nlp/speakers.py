"""Resolving speaker mentions to canonical entities. (Placeholder: being written.)"""

from __future__ import annotations

from spacy.tokens import Doc

from quotecli.nlp.types import Attribution, Entity


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Entity]:
    return []
