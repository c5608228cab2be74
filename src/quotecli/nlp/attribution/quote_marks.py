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
    for start, end in lines(text):
        pieces = [_past_doubled_mark(original, piece) for piece in _scan_line(text, start, end)]
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


def _scan_line(text: str, start: int, end: int) -> Iterator[QuotedSpan]:
    position = start
    while position < end:
        opening = _next_opening(text, position, end)
        if opening is None:
            return
        mark = text[opening]
        closing = _find_closing(text, mark, opening + 1, end)
        if closing is None:
            yield _quoted(text, opening, end, end, closed=False)
            return
        yield _quoted(text, opening, closing, closing + 1, closed=True)
        position = closing + 1


def _next_opening(text: str, position: int, end: int) -> int | None:
    for index in range(position, end):
        character = text[index]
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
    if mark == DOUBLE_OPEN:
        found = text.find(DOUBLE_CLOSE, position, end)
        return None if found == -1 else found
    if mark == STRAIGHT_DOUBLE:
        found = text.find(STRAIGHT_DOUBLE, position, end)
        return None if found == -1 else found
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
