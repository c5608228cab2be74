"""What a paragraph is: a block of text between blank lines (`\\n\\n`).

The record's `paragraph`, the `show` views and the chunking of long texts all mean this. The
attribution rules work within a line instead (`nlp.attribution.quote_marks.lines`), because
news text often breaks paragraphs with a single newline.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

PARAGRAPH_BREAK = "\n\n"


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the article's paragraphs, the first at 0."""
    starts = [0]
    position = text.find(PARAGRAPH_BREAK)
    while position != -1:
        starts.append(position + len(PARAGRAPH_BREAK))
        position = text.find(PARAGRAPH_BREAK, position + len(PARAGRAPH_BREAK))
    return starts


def paragraph_index(starts: list[int], offset: int) -> int:
    """The 0-based paragraph holding `offset`, given `paragraph_starts`."""
    return max(bisect_right(starts, offset) - 1, 0)


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph that is not blank, in article offsets."""
    start = 0
    while start <= len(text):
        end = text.find(PARAGRAPH_BREAK, start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            yield start, end
        start = end + len(PARAGRAPH_BREAK)
