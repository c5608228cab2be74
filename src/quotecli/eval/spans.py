"""Character spans that may be discontinuous, and the two ways two spans can agree.

A span is a tuple of `(start, end)` pieces in article coordinates, sorted, non-empty.
"""

from __future__ import annotations

from collections.abc import Iterable

Piece = tuple[int, int]
Span = tuple[Piece, ...]

#: Characters trimmed before an exact comparison: quote marks, punctuation, whitespace.
TRIMMABLE = frozenset("\"'‘’“”«»„‟‹›`.,;:!?()[]{}-–—… \t\r\n\u00a0")
#: Marks that make a gold content count as quoted (the "quoted" subset).
QUOTE_MARKS = frozenset('"“”«»„‘')
# Some newspapers (the NYT among PolNeAR's) write quotation marks as two apostrophes: ''Yes.''
DOUBLED_APOSTROPHE = "''"


def make_span(pieces: Iterable[Piece]) -> Span:
    """Sort pieces, drop empty ones and merge those that touch or overlap."""
    merged: list[Piece] = []
    for start, end in sorted(piece for piece in pieces if piece[1] > piece[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def span_length(span: Span) -> int:
    return sum(end - start for start, end in span)


def shared_length(a: Span, b: Span) -> int:
    """Characters two spans have in common (pieces within a span never overlap)."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def hull(span: Span) -> Piece:
    """The smallest contiguous piece holding the whole span."""
    return span[0][0], max(end for _, end in span)


def overlap_ratio(a: Span, b: Span) -> float:
    """Shared characters divided by the length of the longer span (0.0 for empty spans)."""
    longer = max(span_length(a), span_length(b))
    if longer == 0:
        return 0.0
    return shared_length(a, b) / longer


def significant_chars(span: Span, text: str) -> frozenset[int]:
    """Offsets of a span's characters once each piece is trimmed of marks and spaces at its ends.

    Two spans are an exact match when these sets are equal, so a quote predicted without
    its marks matches a gold content annotated with them.
    """
    kept: set[int] = set()
    for start, end in span:
        while start < end and text[start] in TRIMMABLE:
            start += 1
        while end > start and text[end - 1] in TRIMMABLE:
            end -= 1
        kept.update(range(start, end))
    return frozenset(kept)


def exact_match(a: Span, b: Span, text: str) -> bool:
    """Same span once leading/trailing punctuation, quote marks and whitespace are trimmed."""
    core = significant_chars(a, text)
    return bool(core) and core == significant_chars(b, text)


def span_text(span: Span, text: str) -> str:
    """The span's text, pieces joined by a space (as brat writes discontinuous text)."""
    return " ".join(text[start:end] for start, end in span)


def is_quoted(span: Span, text: str) -> bool:
    """Whether the span holds a quotation mark or sits directly between quotation marks."""
    inside = span_text(span, text)
    if DOUBLED_APOSTROPHE in inside or any(char in QUOTE_MARKS for char in inside):
        return True
    start, end = hull(span)
    before = text[:start].rstrip()
    after = text[end:].lstrip(" .,;:!?")  # a closing mark may follow the final stop
    if before.endswith(DOUBLED_APOSTROPHE) and after.startswith(DOUBLED_APOSTROPHE):
        return True
    return before[-1:] in QUOTE_MARKS and after[:1] in QUOTE_MARKS | {"”", "’"}
