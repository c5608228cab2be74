"""Speakers named by a label rather than a reporting verb, found per paragraph.

Two layouts carry no verb at all:

- transcripts, where a turn opens with the speaker's name and a colon
  (`SMITH: We will vote no.`); the colon is the cue;
- signed quotations, where a quoted paragraph ends with a dash and the speaker's name
  (`"We will vote no." ― Jane Smith`); the dash is the cue.

Both are read from the text of one paragraph and the tags of its first or last words, so the
pass is linear in the length of the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from quotecli.nlp.doctext import doc_text
from quotecli.nlp.lexicon import speaker_label_stopwords
from quotecli.nlp.spans import CharSpan

# `NAME:` or `"NAME:` at a paragraph start: one to three capitalised words, then the colon;
# `Name, Outlet:` names the speaker and where they spoke.
TRANSCRIPT_LABEL = re.compile(
    r"""["“']?(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2})"""
    r"""(?:, [A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3})?:\s+\S"""
)
# A dash and one to five capitalised words closing a paragraph: `― Jane Smith`.
SIGNATURE = re.compile(r"\s*[―—–]\s*(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})\s*$")
QUOTE_MARKS = "\"“”'‘’"
SENTENCE_FINAL = frozenset(".?!…—-")
NAME_TAGS = frozenset({"NNP", "NNPS"})
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG"})


@dataclass(frozen=True, slots=True)
class Labelled:
    """Content, cue and source offsets of one labelled turn or signed quotation."""

    content: CharSpan
    cue: CharSpan
    source: CharSpan
    # A signed quotation is the speaker's own words in quote marks; a transcript turn may be
    # direct, indirect or mixed depending on the marks it carries.
    signed: bool = False


def transcript_turns(doc: Doc, paragraphs: list[CharSpan]) -> Iterator[Labelled]:
    """`NAME: words.` paragraphs; the name must be a proper noun and not a section label.

    Args:
        doc: the parsed Doc (tags decide whether the label is a name).
        paragraphs: the (start, end) of each paragraph to look at (headings left out).
    """
    text = doc_text(doc)
    named: Counter[str] | None = None  # words of people's and organisations' names, counted
    for start, end in paragraphs:
        match = TRANSCRIPT_LABEL.match(text, start, end)
        if match is None or match.group("name").lower() in speaker_label_stopwords():
            continue
        name = match.span("name")
        colon = text.index(":", name[1])
        content = strip_marks(text, (colon + 1, end))
        if not _is_name(doc, name):
            if named is None:
                named = _name_words(doc)
            if not _named_elsewhere(doc, name, named):
                continue
        if content[1] > content[0] and _ends_sentence(text, content):
            yield Labelled(content, (colon, colon + 1), name)


def signed_quotations(doc: Doc, paragraphs: list[CharSpan]) -> Iterator[Labelled]:
    """`"Words." ― Jane Smith` paragraphs: a quotation signed with a dash and a name."""
    text = doc_text(doc)
    for start, end in paragraphs:
        match = SIGNATURE.search(text, start, end)
        if match is None or text[start] not in QUOTE_MARKS:
            continue
        name = match.span("name")
        dash = text.index(text[match.start() : name[0]].strip()[0], match.start())
        content = strip_marks(text, (start, match.start()))
        if _is_name(doc, name) and content[1] > content[0]:
            yield Labelled(content, (dash, dash + 1), name, signed=True)


def _is_name(doc: Doc, span: CharSpan) -> bool:
    words = doc.char_span(*span, alignment_mode="expand")
    return words is not None and all(t.tag_ in NAME_TAGS or t.is_punct for t in words)


def _name_words(doc: Doc) -> Counter[str]:
    return Counter(t.lower_ for t in doc if t.ent_type_ in SPEAKER_ENTITIES)


def _named_elsewhere(doc: Doc, span: CharSpan, named: Counter[str]) -> bool:
    """Whether every word of the label is part of a person's or organisation's name somewhere
    else in the article (the model tags a label before a colon, `Sanders:`, as a plain noun)."""
    words = doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    here = Counter(t.lower_ for t in words if t.ent_type_ in SPEAKER_ENTITIES)
    return all(named[t.lower_] > here[t.lower_] for t in words if not t.is_punct)


def strip_marks(text: str, span: CharSpan) -> CharSpan:
    """`span` without the spaces and quotation marks at its edges."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS):
        end -= 1
    return start, end


def _ends_sentence(text: str, span: CharSpan) -> bool:
    return text[span[0] : span[1]].rstrip(QUOTE_MARKS + " ")[-1:] in SENTENCE_FINAL
