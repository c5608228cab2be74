"""Candidates whose cue reports nothing said, whatever rule found them: the writer's own
comment with an empty `it` for a speaker (`It is worth noting that ...`)."""

from __future__ import annotations

from spacy.tokens import Token

from quotecli.nlp.attribution.cues import subject_token


def reports_nothing(cue: Token) -> bool:
    """Whether `cue` reports nobody's words at all (see the module)."""
    return writers_comment(cue)


def writers_comment(cue: Token) -> bool:
    """`It is worth noting that ...`: a cue under an adjective whose subject is an empty `it`
    is the writer's comment; nobody is reported."""
    subject = subject_token(cue)
    return subject is not None and subject.lower_ == "it" and cue.head.pos_ == "ADJ"
