"""What a paragraph is: blocks between blank lines, the same for records, views and chunks."""

from __future__ import annotations

from quotecli.paragraphs import paragraph_index, paragraph_spans, paragraph_starts


def test_paragraph_index() -> None:
    text = "one\n\ntwo\n\n\nthree"
    starts = paragraph_starts(text)
    assert [paragraph_index(starts, text.index(word)) for word in ("one", "two", "three")] == [
        0,
        1,
        2,
    ]


def test_paragraph_spans_skip_blank_paragraphs_and_keep_single_newlines() -> None:
    text = "\n\none\nstill one\n\n  \n\ntwo"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["one\nstill one", "two"]
