"""Refinements: named steps that take the settled candidates and return a new list.

- `split_quote` joins the second part of a quotation its cue splits (`"A," she said, "B."`).
- `run_on` lets a quotation nobody claims carry on the indirect report just before it.
- `continuation` carries a speaker into a paragraph that is only a quotation, and joins it to
  a direct quote just before it (run on over the paragraph break or not): one quote in parts;
  a quoted sentence after a report whose cue closes its sentence joins that report too.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Span, Token

from quotecli.nlp.attribution.candidate import Candidate, Evidence, Refinement
from quotecli.nlp.attribution.context import Context
from quotecli.nlp.attribution.cues import SUBJECTS
from quotecli.nlp.attribution.quote_marks import QuotedSpan
from quotecli.nlp.attribution.rules.quoted import (
    SENTENCE_END,
    SPEAKER_CLAUSE_LINKS,
    writers_verb_in,
)
from quotecli.nlp.attribution.triggers import is_cue, is_reporting_participle
from quotecli.nlp.spans import line_bounds, overlaps
from quotecli.records import QuoteKind

# Tokens that may separate the two parts of a split quote: the cue and a speaker with a long
# apposition or two (`," said Ann Lee, a lawyer who ..., a group that ... . "`).
MAX_SPLIT_GAP = 50
# Quoted titles in the words between the parts of a split quote (`on "Meet the Press"`).
MAX_TITLE_WORDS = 6
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by"})
# What may stand between an indirect report and a quotation that carries it on (`...: "`).
RUN_ON_PUNCTUATION = " ,:;"
# What may stand between a report and a quotation that is the next sentence: its end.
SENTENCE_GAP = " .!?”\"’'"
CLOSING_MARKS = "”\"’'"
MAX_RUN_ON_GAP = 3
# Words opening a clause that says when or how a cue's words were said.
CIRCUMSTANCE_CONJUNCTIONS = frozenset({"as", "when", "while", "after", "before"})
# Links by which a participle has words of its own after it (`, popping a soda`).
OWN_WORDS = frozenset({"dobj", "ccomp", "prep", "xcomp", "prt", "acomp", "attr"})


def join_split_quotes(context: Context, candidates: list[Candidate]) -> list[Candidate]:
    """`"A," she said, "B."`: one quotation split by its cue, kept as one span, as annotators do.

    The second part joins when it follows the cue on the same line, sentence end or not
    (`"A," said X, a long apposition. "B."`), and has no cue of its own, before it or after it
    (`"A," she said. "B," he added.` and `"A," she said, adding: "B."` are two quotes each).
    A joined part's own candidate gives way.
    """
    by_quote = {index: c for c in candidates for index in c.claims}
    joined: dict[int, Candidate] = {}
    absorbed: set[int] = set()
    for index in range(len(context.quotes)):
        found = by_quote.get(index)
        if index in absorbed or found is None or found.rule != "cue_after":
            continue
        following = _second_part(context, index, found, by_quote)
        if following is None:
            continue
        first, second = context.quotes[index], context.quotes[following]
        parts = range(index + 1, following + 1)
        joined[id(found)] = replace(
            found,
            content=(first.content[0], second.content[1]),
            gaps=((first.content[1], second.content[0]),),
            claims=found.claims.union(parts),
        )
        absorbed.update(parts)
    gone = {id(by_quote[index]) for index in absorbed if index in by_quote}
    return [joined.get(id(c), c) for c in candidates if id(c) not in gone]


def carry_on_reports(context: Context, candidates: list[Candidate]) -> list[Candidate]:
    """`said she had what the job needs: "Steadiness, and strength."`: a quotation nothing
    claims, right after an indirect report with only punctuation between, carries it on."""
    result = list(candidates)
    openings = [quote.opening for quote in context.quotes]
    for position, found in enumerate(result):
        if found.kind is not QuoteKind.INDIRECT:
            continue
        index = bisect_left(openings, found.content[1])
        if index >= len(context.quotes) or _claimed(result, index):
            continue
        quote = context.quotes[index]
        gap = context.text[found.content[1] : quote.opening]
        if len(gap) > MAX_RUN_ON_GAP or gap.strip(RUN_ON_PUNCTUATION) or not quote.closed:
            continue
        if _attributed(result, quote):
            continue
        result[position] = replace(
            found,
            content=(found.content[0], quote.closing),
            kind=QuoteKind.MIXED,
            claims=found.claims | {index},
        )
    return result


def carry_on_speakers(context: Context, candidates: list[Candidate]) -> list[Candidate]:
    """A paragraph that is only a quotation keeps the speaker of the paragraph before; after a
    direct quote (`"A," she said.` or a quotation run on over the paragraph break) it joins
    that quote as one more part, as annotators take it, and so it does after a report whose
    cue closes its sentence (`A, she said.`). A quoted sentence on the same line joins such a
    report the same way (`A, she said. "B."`), and carries the speaker of one whose cue opens
    it."""
    result = list(candidates)
    for index, quote in enumerate(context.quotes):
        if _claimed(result, index) or _attributed(result, quote):
            continue
        if not (quote.continues or _is_quote_line(context.text, quote)):
            closing = _report_closed_before(context, result, quote)
            sentence_after = _sentence_after(context, result, quote)
            if closing is not None:
                position = next(i for i, c in enumerate(result) if c is closing)
                result[position] = _joined(closing, quote, index)
            elif sentence_after is not None:
                result.append(_carried(quote, index, sentence_after))
            continue
        previous = _last_in_line_before(context, result, quote)
        if previous is None:
            continue
        position = next(i for i, c in enumerate(result) if c is previous)
        if previous.kind is QuoteKind.DIRECT or _cue_closes(previous):
            result[position] = _joined(previous, quote, index)
            continue
        result.append(_carried(quote, index, previous))
    return result


def _report_closed_before(
    context: Context, candidates: list[Candidate], quote: QuotedSpan
) -> Candidate | None:
    """`The plan is late, Ann Lee said. "We knew it."`: a quoted sentence right after the
    sentence of a report whose cue comes after its words, on the same line, with nothing
    after the cue but its speaker and the circumstances of the saying (as for a split quote)."""
    text = context.text
    line_start, line_end = line_bounds(text, quote.opening)
    before = [
        c
        for c in candidates
        if line_start <= c.content[0]
        and c.source is not None
        and _cue_closes(c)
        and c.content[1] < quote.opening
    ]
    if not before or not quote.closed:
        return None
    report = max(before, key=lambda c: c.content[1])
    if report.cue is None:
        return None
    doc = context.doc
    sentence = doc[context.token_at(report.cue[0])].sent
    if sentence.end_char > quote.opening or text[sentence.end_char : quote.opening].strip(
        SENTENCE_GAP
    ):
        return None
    if not _only_the_cue_in(
        context, doc[context.token_at(report.content[1]) : sentence.end], report
    ):
        return None
    last_word = text[quote.content[0] : quote.closing].rstrip(CLOSING_MARKS)[-1:]
    after = text[quote.closing : line_end].lstrip()
    if last_word not in SENTENCE_END or (after and not after[0].isupper()):
        return None
    return report


def _cue_closes(report: Candidate) -> bool:
    """`A, she said.`: a report whose cue comes after its words."""
    return report.cue is not None and report.content[1] <= report.cue[0]


def _joined(report: Candidate, quote: QuotedSpan, index: int) -> Candidate:
    """The report with the quotation after it as one more part, as a split quote's (an
    indirect report becomes mixed)."""
    return replace(
        report,
        content=(report.content[0], quote.content[1]),
        gaps=(*report.gaps, (report.content[1], quote.content[0])),
        claims=report.claims | {index},
        kind=QuoteKind.MIXED if report.kind is QuoteKind.INDIRECT else report.kind,
    )


def _carried(quote: QuotedSpan, index: int, previous: Candidate) -> Candidate:
    """The quotation `index`, spoken by the speaker of `previous`, with no cue of its own."""
    return Candidate(
        rule="continuation",
        evidence=Evidence.MARKS,
        content=quote.content,
        kind=QuoteKind.DIRECT,
        cue=None,
        source=previous.source,
        trigger=quote.opening,
        claims=frozenset({index}),
        act=previous.act,
    )


def _sentence_after(
    context: Context, candidates: list[Candidate], quote: QuotedSpan
) -> Candidate | None:
    """`She said the plan would fail. "It is a disaster."`: a quotation that is a sentence of
    its own, right after a report with a speaker on the same line (nothing but the end of
    that sentence between them), carries that speaker."""
    text = context.text
    line_start, line_end = line_bounds(text, quote.opening)
    before = [c for c in candidates if line_start <= c.content[0] < c.content[1] <= quote.opening]
    if not before or not quote.closed:
        return None
    previous = max(before, key=lambda c: c.content[1])
    gap = text[previous.content[1] : quote.opening]
    if previous.source is None or gap.strip(SENTENCE_GAP) or not set(gap) & SENTENCE_END:
        return None
    last_word = text[quote.content[0] : quote.closing].rstrip(CLOSING_MARKS)[-1:]
    after = text[quote.closing : line_end].lstrip()
    if last_word not in SENTENCE_END or (after and not after[0].isupper()):
        return None
    return previous


def _second_part(
    context: Context, index: int, found: Candidate, by_quote: dict[int, Candidate]
) -> int | None:
    following = _next_part(context, index)
    if following is None:
        return None
    first, second = context.quotes[index], context.quotes[following]
    if "\n" in context.text[first.closing : second.opening]:
        return None
    has_own_cue = following in by_quote and by_quote[following].rule == "cue_after"
    if has_own_cue or _runs_into_a_sentence(context.text, second):
        return None
    gap = context.doc[context.token_at(first.closing) : context.token_at(second.opening)]
    return following if _only_the_cue_in(context, gap, found) else None


def _only_the_cue_in(context: Context, gap: Span, found: Candidate) -> bool:
    """Whether `gap` holds nothing but `found`'s cue, its speaker and the circumstances of
    the saying: no other cue and no clause of the writer's."""
    circumstances = _circumstances(context, gap, found)
    if len(gap) > MAX_SPLIT_GAP or _another_cue_in(gap, found, circumstances):
        return False
    return not any(
        writers_verb_in(words, skip=found.cue or (-1, -1))
        for words in _outside(context, gap, circumstances)
    )  # `"A?" she said, but he was drifting off, as the crowd chanted "B"`


def _circumstances(context: Context, gap: Span, found: Candidate) -> list[Token]:
    """Clauses in `gap` saying when or how the cue's words were said (`"A," she said as
    fighters worked out in the gym. "B."`, `"A," he told Reuters when asked if ... . "B."`):
    no statement of the writer's, so no reason to part the quotations around them."""
    if found.cue is None:
        return []
    cue = context.doc[context.token_at(found.cue[0])]
    return [
        clause
        for clause in cue.rights
        if clause.dep_ == "advcl"
        and gap.start <= clause.left_edge.i
        and clause.right_edge.i < gap.end
        and (clause.left_edge.lower_ in CIRCUMSTANCE_CONJUNCTIONS or _is_participle_clause(clause))
    ]


def _is_participle_clause(clause: Token) -> bool:
    """`, popping a soda as he sat down`, `, prompting loud cheers`: a participle after a
    comma with words of its own, not a report of its own (`, explaining why ...`)."""
    doc = clause.doc
    return (
        clause.tag_ == "VBG"
        and clause.left_edge.i == clause.i
        and doc[clause.i - 1].text == ","
        and _has_own_words(clause)
        and not is_reporting_participle(clause)
    )


def _has_own_words(verb: Token) -> bool:
    return any(c.dep_ in OWN_WORDS for c in verb.rights)


def _outside(context: Context, gap: Span, clauses: list[Token]) -> list[Span]:
    """The words of `gap` before, between and after `clauses`."""
    pieces, start = [], gap.start
    for clause in clauses:
        pieces.append(context.doc[start : clause.left_edge.i])
        start = clause.right_edge.i + 1
    pieces.append(context.doc[start : gap.end])
    return pieces


def _runs_into_a_sentence(text: str, quote: QuotedSpan) -> bool:
    """`"A," she said. "B" to cut costs, she added`: a fragment of words with the writer's
    going on after its closing mark is part of a sentence of its own."""
    after = text[quote.closing : quote.closing + 2].lstrip(" ")
    words = text[quote.content[0] : quote.content[1]]
    return after[:1].islower() and not any(mark in words for mark in SENTENCE_END)


def _next_part(context: Context, index: int) -> int | None:
    """The quotation that may carry on quote `index`, past titles quoted in the cue's words
    (`"A," she said on "Meet the Press." "B."`)."""
    text = context.text
    for following in range(index + 1, len(context.quotes)):
        quote = context.quotes[following]
        between = text[context.quotes[index].closing : quote.opening]
        if not _is_title(text, quote) or "\n" in between:
            return following
    return None


def _is_title(text: str, quote: QuotedSpan) -> bool:
    """A short quotation whose words are capitalised but for small ones: a programme or book,
    not a sentence (`"The Donald. Big Daddy."`)."""
    words = text[quote.content[0] : quote.content[1]].split()
    if not 0 < len(words) <= MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    if any(word[-1] in SENTENCE_END for word in words[:-1]):
        return False
    return all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def _another_cue_in(gap: Span, found: Candidate, circumstances: list[Token]) -> bool:
    """A reporting verb in the gap other than the first part's cue introduces a new quote
    (`"A," she said before adding: "B."`); not one inside a clause of circumstance (`after the
    hearing he was called to`) nor a question put to the speaker (`when asked if ...`)."""
    own_start = found.cue[0] if found.cue else -1
    inside = {
        token.i
        for clause in circumstances
        for token in clause.subtree
        if token.i != clause.i or _is_put_to_the_speaker(clause)
    }
    return any(
        is_cue(token)
        and token.idx != own_start
        and token.i not in inside
        and not _in_speaker_clause(token, gap)
        for token in gap
    )


def _in_speaker_clause(token: Token, gap: Span) -> bool:
    """A verb inside a description of the speaker (`said Ann Lee, who endorsed X,`)."""
    return any(
        t.dep_ in SPEAKER_CLAUSE_LINKS and gap.start <= t.i for t in (token, *token.ancestors)
    )


def _is_put_to_the_speaker(verb: Token) -> bool:
    """A participle with no subject of its own: `when asked`."""
    return verb.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in verb.children)


def _claimed(candidates: list[Candidate], index: int) -> bool:
    return any(index in c.claims for c in candidates)


def _attributed(candidates: list[Candidate], quote: QuotedSpan) -> bool:
    return any(overlaps(quote.content, c.content) for c in candidates)


def _is_quote_line(text: str, quote: QuotedSpan) -> bool:
    """A line that is one quoted sentence or more, and not a heading in quote marks."""
    line_start = text.rfind("\n", 0, quote.opening) + 1
    line_end = text.find("\n", quote.closing)
    line_end = len(text) if line_end == -1 else line_end
    before = text[line_start : quote.opening].strip()
    after = text[quote.closing : line_end].strip(" .,")
    words = text[quote.content[0] : quote.closing]
    return not before and not after and any(mark in words for mark in SENTENCE_END)


def _last_in_line_before(
    context: Context, candidates: list[Candidate], quote: QuotedSpan
) -> Candidate | None:
    """The last candidate with a speaker on the line before the quotation's line."""
    text = context.text
    line_start = text.rfind("\n", 0, quote.opening)
    end = line_start
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    previous_start = text.rfind("\n", 0, end) + 1
    on_previous_line = [
        c
        for c in candidates
        if previous_start <= c.content[0] < line_start and c.source is not None
    ]
    return max(on_previous_line, key=lambda c: c.content[0], default=None)


SPLIT_QUOTE = Refinement(
    "split_quote", 15, join_split_quotes, '"The port is full," he said, "and ships keep coming."'
)
RUN_ON = Refinement("run_on", 50, carry_on_reports, 'She said she had what it takes: "Steadiness."')
CONTINUATION = Refinement(
    "continuation",
    60,
    carry_on_speakers,
    'She said they would win.\n\n"And we will win big."',
)
REFINEMENTS = (SPLIT_QUOTE, RUN_ON, CONTINUATION)
