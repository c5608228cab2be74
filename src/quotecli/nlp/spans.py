"""Character spans: the one toolkit every rule and resolver measures text with.

A span is `(start, end)` in character offsets of the article text, end exclusive. Offsets,
not Token objects, are what the components store: they survive serialisation, the chunking
of long texts and the hop into `quotecli.extract`.
"""

from __future__ import annotations

from collections.abc import Iterable

CharSpan = tuple[int, int]


def overlaps(first: CharSpan, second: CharSpan) -> bool:
    """Whether the two spans share at least one character."""
    return first[0] < second[1] and second[0] < first[1]


def contains(outer: CharSpan, inner: CharSpan) -> bool:
    """Whether `inner` lies wholly within `outer`."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def inside(offset: int, spans: Iterable[CharSpan]) -> bool:
    """Whether `offset` falls in any of `spans`."""
    return any(start <= offset < end for start, end in spans)


def clip(span: CharSpan, bounds: CharSpan) -> CharSpan:
    """`span` cut to `bounds` (empty, at the cut, when they do not meet)."""
    start, end = max(span[0], bounds[0]), min(span[1], bounds[1])
    return start, max(start, end)


def line_bounds(text: str, offset: int) -> CharSpan:
    """The line holding `offset`, without its newline.

    A line is the widest unit a rule lets a quotation or report span: news text often
    breaks paragraphs with a single newline, and the parser may run sentences across them.
    """
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end
