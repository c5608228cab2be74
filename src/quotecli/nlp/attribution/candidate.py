"""What rules produce and how they are declared: frozen candidates, named rules, refinements."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from quotecli.nlp.spans import CharSpan
from quotecli.nlp.types import Attribution
from quotecli.records import Act, QuoteKind

if TYPE_CHECKING:
    from quotecli.nlp.attribution.context import Context


class Evidence(StrEnum):
    """What a candidate rests on; it decides how the candidate settles an overlap
    (`quotecli.nlp.attribution.resolver.settle`)."""

    MARKS = "marks"  # a quotation claimed by its marks and a cue next to it
    VERB = "verb"  # a report read off the parse: a reporting word and its clause or object
    LABEL = "label"  # a label, a dash or a reporting noun: weaker than either


@dataclass(frozen=True, slots=True)
class Candidate:
    """One attribution a rule proposes, before the resolver settles overlaps.

    Attributes:
        rule: the name of the rule that found it.
        evidence: what it rests on (see `Evidence`).
        content: the reported words, without enclosing quotation marks.
        kind: direct, indirect or mixed.
        cue: the reporting expression, or None (a quotation carried on from the speaker
            before it).
        source: the speaker phrase as written, or None when no speaker is named.
        trigger: offset of the word that started it; orders candidates of equal priority.
        gaps: stretches of `content` that are not the speaker's words (split quotes).
        claims: indices into `Context.quotes` of the quotations this candidate speaks for.
        act: speech, or thought (a belief, intention, attitude, perception or evidence).
        reach: the words the rule read off the text, when `content` differs from them: a
            clause narrowed to the quotation it is, widened to a closing mark or to the
            subject of a passive. Whether a candidate collides with another is judged on
            its reach (`resolver.settle`); None means the content itself.
    """

    rule: str
    evidence: Evidence
    content: CharSpan
    kind: QuoteKind
    cue: CharSpan | None
    source: CharSpan | None
    trigger: int
    gaps: tuple[CharSpan, ...] = ()
    claims: frozenset[int] = frozenset()
    act: Act = Act.SPEECH
    reach: CharSpan | None = None

    @property
    def extent(self) -> CharSpan:
        """The reach, or the content when the rule read no other words."""
        return self.content if self.reach is None else self.reach

    def to_attribution(self) -> Attribution:
        return Attribution(
            content=self.content,
            kind=self.kind,
            cue=self.cue,
            source=self.source,
            gaps=self.gaps,
            rule=self.rule,
            act=self.act,
        )


@dataclass(frozen=True, slots=True)
class Rule:
    """A named construction: `find` yields its candidates from the context alone.

    Rules run in order of `priority`; the candidates of rules sharing a priority are settled
    together in text order. No rule reads another rule's output.
    """

    name: str
    priority: int
    find: Callable[[Context], Iterable[Candidate]]
    example: str


@dataclass(frozen=True, slots=True)
class Refinement:
    """A named step over the settled candidates: a pure function to a new list."""

    name: str
    priority: int
    refine: Callable[[Context, list[Candidate]], list[Candidate]]
    example: str
