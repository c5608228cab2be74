"""The read-only view of one Doc that every rule works from, built once per Doc."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotecli.nlp.attribution.quote_marks import QuotedSpan, find_quoted_spans, lines
from quotecli.nlp.attribution.triggers import Trigger, is_cue_noun, trigger_of
from quotecli.nlp.doctext import doc_text
from quotecli.nlp.spans import CharSpan, clip, inside, line_bounds, overlaps
from quotecli.records import QuoteKind

# A line ending in none of these, if short or the first, is a headline, byline or heading.
LINE_FINAL = frozenset('.?!"”’:…)')
HEADING_MAX_WORDS = 15
EDGE_PUNCTUATION = " \t\n,;:.—–-"


@dataclass(frozen=True, slots=True)
class Context:
    """A parsed Doc with what rules look up in it: its text, lines, headings and quotations.

    Attributes:
        doc: the parsed Doc.
        text: `doc.text`, built once.
        lines: every non-blank line (see `quote_marks.lines`).
        headings: the lines that are headlines, bylines, captions or section headings.
        quotes: the quotations found by their marks, outside headings, in text order.
        quoted: each quotation's (opening, closing) marks.
        token_starts: each token's offset, for finding tokens by offset.
        triggers: the words of each trigger kind outside quotations and headings, in order.
        cue_nouns: the reporting nouns outside quotations and headings, in order.
    """

    doc: Doc
    text: str
    lines: tuple[CharSpan, ...]
    headings: tuple[CharSpan, ...]
    quotes: tuple[QuotedSpan, ...]
    quoted: tuple[CharSpan, ...]
    token_starts: tuple[int, ...]
    openings: frozenset[int]
    triggers: dict[Trigger, tuple[Token, ...]]
    cue_nouns: tuple[Token, ...]

    @classmethod
    def of(cls, doc: Doc) -> Context:
        text = doc_text(doc)
        every_line = tuple(lines(text))
        headings = heading_lines(text, every_line)
        quotes = tuple(q for q in find_quoted_spans(text) if not inside(q.opening, headings))
        quoted = tuple((q.opening, q.closing) for q in quotes)
        by_trigger: dict[Trigger, list[Token]] = {trigger: [] for trigger in Trigger}
        cue_nouns = []
        for token in doc:
            trigger, noun = trigger_of(token), is_cue_noun(token)
            if (trigger is None and not noun) or _hidden(token.idx, quoted, headings):
                continue
            if trigger is not None:
                by_trigger[trigger].append(token)
            if noun:
                cue_nouns.append(token)
        return cls(
            doc=doc,
            text=text,
            lines=every_line,
            headings=headings,
            quotes=quotes,
            quoted=quoted,
            token_starts=tuple(token.idx for token in doc),
            openings=frozenset(q.opening for q in quotes),
            triggers={trigger: tuple(tokens) for trigger, tokens in by_trigger.items()},
            cue_nouns=tuple(cue_nouns),
        )

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self.token_starts, offset)

    def opens_quote(self, token: Token) -> bool:
        return token.idx in self.openings

    def in_quoted_or_heading(self, offset: int) -> bool:
        """Whether `offset` falls inside a quotation's marks or a heading."""
        return _hidden(offset, self.quoted, self.headings)

    def trimmed(self, first: int, last: int) -> CharSpan:
        """Character span of tokens [first, last) without the punctuation at its edges."""
        doc = self.doc
        if first >= last:
            edge = doc[first].idx if first < len(doc) else len(self.text)
            return edge, edge
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        while start < end and self.text[start] in EDGE_PUNCTUATION:
            start += 1
        while end > start and self.text[end - 1] in EDGE_PUNCTUATION:
            end -= 1
        return start, end

    def in_line_of(self, token: Token, span: CharSpan) -> CharSpan:
        """`span` cut to the line `token` stands on."""
        return clip(span, line_bounds(self.text, token.idx))

    def words(self, span: CharSpan) -> Span | None:
        return self.doc.char_span(*span, alignment_mode="expand")

    def token_count(self, span: CharSpan) -> int:
        piece = self.words(span)
        return 0 if piece is None else len(piece)

    def words_beyond(self, outer: CharSpan, inner: CharSpan) -> bool:
        """Whether `outer` has words of its own around `inner`, not just marks and punctuation."""
        around = self.text[outer[0] : inner[0]] + self.text[inner[1] : outer[1]]
        return any(char.isalnum() for char in around)

    def kind_of(self, content: CharSpan) -> QuoteKind:
        """Direct when `content` is one quotation, mixed when it carries one, else indirect."""
        if any(self.is_quotation(quote, content) for quote in self.quotes):
            return QuoteKind.DIRECT
        carries_quote = any(overlaps(quote.content, content) for quote in self.quotes)
        return QuoteKind.MIXED if carries_quote else QuoteKind.INDIRECT

    def is_quotation(self, quote: QuotedSpan, content: CharSpan) -> bool:
        """Whether `content` is `quote`, give or take its marks and one word outside them."""
        return content[0] <= quote.opening + 1 and self.is_just(quote, content)

    def is_just(self, quote: QuotedSpan, content: CharSpan) -> bool:
        """Whether `content` holds nothing but `quote` and at most one word beside it."""
        outside = self.text[content[0] : quote.opening] + self.text[quote.closing : content[1]]
        return len(outside.split()) <= 1 and content[0] <= quote.opening

    def quotation_in(self, content: CharSpan) -> CharSpan:
        """The words of the quotation that `content` is (`kind_of` said direct)."""
        return next(q.content for q in self.quotes if self.is_quotation(q, content))

    def through_closing_mark(self, content: CharSpan) -> CharSpan:
        """A mixed quote that ends with a quoted fragment keeps the fragment's closing mark."""
        for quote in self.quotes:
            if quote.closed and quote.content[1] <= content[1] < quote.closing:
                return content[0], quote.closing
        return content


def _hidden(offset: int, quoted: tuple[CharSpan, ...], headings: tuple[CharSpan, ...]) -> bool:
    """Inside a quotation's marks or a heading, where no word starts a report."""
    return inside(offset, quoted) or inside(offset, headings)


def heading_lines(text: str, every_line: tuple[CharSpan, ...]) -> tuple[CharSpan, ...]:
    """Headlines, bylines, captions and section headings: short lines without final punctuation."""
    headings = []
    for index, (start, end) in enumerate(every_line):
        line = text[start:end].strip()
        if line[-1] in LINE_FINAL:
            continue
        if index == 0 or len(line.split()) < HEADING_MAX_WORDS:
            headings.append((start, end))
    return tuple(headings)
