"""Finding quotations by their marks: pure text scanning, no spaCy.

Handles straight and curly double quotes, curly and straight single quotes (British style,
where `’` doubles as the apostrophe), and quotes that run on over line breaks. Single
quotes inside a double-quoted passage are nested quotations and are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quotecli.nlp.spans import CharSpan

DOUBLE_OPEN = "“"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
DOUBLED_APOSTROPHE = "''"
# Stripped from the inside edges of a quotation: the comma of `"...," she said` is the
# writer's punctuation, not the speaker's words.
TRAILING_NOISE = " \t,;"
LINE = re.compile(r"[^\n]+")
# The end of a sentence: its final mark, before a space or the line's end.
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
DIGITS = "0123456789"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """One quotation found by its marks, within one line.

    Attributes:
        opening: offset of the opening mark.
        closing: offset just past the closing mark, or the line end if the quote runs on.
        content: the quoted words, without marks and edge punctuation.
        closed: False when the line ends before the quote closes.
        continues: True when this piece carries on a quote opened on an earlier line.
    """

    opening: int
    closing: int
    content: CharSpan
    closed: bool = True
    continues: bool = False


def lines(text: str) -> list[CharSpan]:
    """The (start, end) of each non-blank line: news text puts a paragraph on a line of its
    own, and often with no blank line between paragraphs."""
    return [match.span() for match in LINE.finditer(text) if match.group().strip()]


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quotation in `text`, in order, one piece per line.

    A line that opens a quote and does not close it runs on: the next line's piece,
    if that line starts with an opening mark, is marked `continues`.
    """
    original = text
    # Some papers write a double quote as two apostrophes (''Like this,'' he said); the
    # same-length replacement keeps every offset valid.
    text = text.replace(DOUBLED_APOSTROPHE, '" ')
    spans: list[QuotedSpan] = []
    runs_on = False
    every_line = lines(text)
    for index, (start, end) in enumerate(every_line):
        may_run_on = index + 1 < len(every_line) and _opens_line(text, every_line[index + 1])
        scanned = _scan_line(text, start, end, may_run_on)
        pieces = [_past_doubled_mark(original, piece) for piece in scanned]
        if runs_on and pieces and _starts_line(text, start, pieces[0].opening):
            first = pieces[0]
            pieces[0] = QuotedSpan(first.opening, first.closing, first.content, first.closed, True)
        spans.extend(pieces)
        runs_on = bool(pieces) and not pieces[-1].closed
    return spans


def _past_doubled_mark(text: str, piece: QuotedSpan) -> QuotedSpan:
    if not (piece.closed and text[piece.closing - 1 : piece.closing + 1] == DOUBLED_APOSTROPHE):
        return piece
    return QuotedSpan(
        piece.opening, piece.closing + 1, piece.content, piece.closed, piece.continues
    )


def _starts_line(text: str, line_start: int, offset: int) -> bool:
    return not text[line_start:offset].strip()


def _scan_line(text: str, start: int, end: int, may_run_on: bool) -> Iterator[QuotedSpan]:
    """The quotations of one line.

    A mark that never closes runs the quotation on to the line's end when the next line opens
    a quotation to carry it (`may_run_on`). Otherwise the closing mark is missing, and the
    quotation ends with its sentence: what follows is not hidden inside it.
    """
    position = start
    while position < end:
        opening = _next_opening(text, position, end)
        if opening is None:
            return
        mark = text[opening]
        closing = _find_closing(text, mark, opening + 1, end)
        if closing is not None:
            yield _quoted(text, opening, closing, closing + 1, closed=True)
            position = closing + 1
            continue
        stop = end if may_run_on else _sentence_end(text, opening + 1, end)
        yield _quoted(text, opening, stop, stop, closed=False)
        position = stop


def _sentence_end(text: str, position: int, end: int) -> int:
    """Just past the first sentence end from `position` on the line, else the line's end."""
    found = SENTENCE_END.search(text, position, end)
    return end if found is None else found.end()


def _opens_line(text: str, line: CharSpan) -> bool:
    """Whether the line's first character opens a quotation."""
    first = text[line[0] : line[1]].lstrip()[:1]
    return first in (DOUBLE_OPEN, STRAIGHT_DOUBLE, SINGLE_OPEN, STRAIGHT_SINGLE)


def _next_opening(text: str, position: int, end: int) -> int | None:
    for index in range(position, end):
        character = text[index]
        if character == STRAIGHT_DOUBLE and index > 0 and text[index - 1] in DIGITS:
            continue  # inches (`a 12" screen`), not a quotation
        if character in (DOUBLE_OPEN, STRAIGHT_DOUBLE, SINGLE_OPEN):
            return index
        if character == STRAIGHT_SINGLE and _opens_single(text, index, end):
            return index
    return None


def _opens_single(text: str, index: int, end: int) -> bool:
    """A straight `'` opens a quote at a word start (not `it's`, not `'90s`)."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < end else " "
    return (before.isspace() or before in "([—–-") and after.isalpha()


def _find_closing(text: str, mark: str, position: int, end: int) -> int | None:
    if mark in (DOUBLE_OPEN, STRAIGHT_DOUBLE):
        # A double quotation may close with either kind of double mark (`“...."`): writers
        # and their software mix them, and a mismatched pair must not run on to the line end.
        closers = (
            text.find(DOUBLE_CLOSE, position, end),
            text.find(STRAIGHT_DOUBLE, position, end),
        )
        closing = min((i for i in closers if i != -1), default=None)
        reopened = text.find(DOUBLE_OPEN, position, end) if mark == DOUBLE_OPEN else -1
        if closing is not None and -1 < reopened < closing:
            return None  # `“A. She said “B.”`: the first quotation never closed
        return closing
    closer = SINGLE_CLOSE if mark == SINGLE_OPEN else STRAIGHT_SINGLE
    return _find_single_closing(text, closer, position, end)


def _find_single_closing(text: str, closer: str, position: int, end: int) -> int | None:
    """The `’` that ends a single-quoted passage rather than serving as an apostrophe.

    `It’s` (a letter follows) is an apostrophe. A plural possessive (`councils’ job`) looks
    like a closing mark, so one after `s` is passed over when a later candidate exists.
    """
    candidates = [
        index
        for index in range(position, end)
        if text[index] == closer and not (index + 1 < end and text[index + 1].isalnum())
    ]
    for index in candidates:
        is_plural_possessive = text[index - 1] == "s" and index + 1 < end and text[index + 1] == " "
        if not (is_plural_possessive and index != candidates[-1]):
            return index
    return None


def _quoted(text: str, opening: int, content_end: int, closing: int, closed: bool) -> QuotedSpan:
    start, end = opening + 1, content_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING_NOISE:
        end -= 1
    return QuotedSpan(opening, closing, (start, end), closed)
