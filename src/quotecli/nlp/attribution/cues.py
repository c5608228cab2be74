"""The extent of a cue and the speaker that goes with it.

A cue is a reporting word (`triggers.is_cue`), widened to the reporting expression it heads
("was quoted as saying", "according to"). Its source is the verb's grammatical subject,
written out as PolNeAR annotates Sources: the whole noun phrase (appositions and relative
clauses included), before the cue and after it ("said Carlyle Thayer, emeritus professor at
...").
"""

from __future__ import annotations

from spacy.tokens import Token

from quotecli.nlp.attribution.triggers import is_cue
from quotecli.nlp.doctext import doc_text
from quotecli.nlp.lexicon import object_control_verbs, reporting_verbs, topic_prepositions
from quotecli.nlp.spans import CharSpan, clip, line_bounds

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A coordinated or subordinate verb without a subject of its own shares its head's subject:
# "X said A but said B", "X was quoted as saying"; so does an adjective after a copula
# ("X was critical of B").
INHERITS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Words before a reporting verb that annotators count as part of its cue.
CUE_LEFT_LINKS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Prepositions after a reporting verb that belong to its cue: `called for`, `talked about`.
CUE_PREPOSITIONS = frozenset({"for", "about", "of", "with", "against"})
# A participle hung on the speaker's noun: `Trump, speaking in Ohio, said`.
PARTICIPLE_LINKS = frozenset({"acl", "advcl"})
PARTICIPLE_TAGS = frozenset({"VBG"})
# How many heads to climb looking for a subject before giving up.
MAX_CLIMB = 3


def cue_span(token: Token) -> CharSpan:
    """The reporting expression `token` heads: "said", "according to", "was quoted as saying"."""
    if token.lower_ == "according":
        to = next(child for child in token.children if child.lower_ == "to")
        return token.idx, to.idx + len(to)
    start, end = _auxiliaries_start(token), _particle_end(token)
    if token.lower_ == "quoted":
        end = _quoted_as_saying_end(token) or token
    return start.idx, end.idx + len(end)


def _auxiliaries_start(verb: Token) -> Token:
    """The first of the auxiliaries, negation and adverbs written just before the verb.

    PolNeAR cues take them in: "has said", "did not say", "also warned", "to argue".
    """
    start = verb
    while start.i > 0:
        before = verb.doc[start.i - 1]
        if before.head.i != verb.i or before.dep_ not in CUE_LEFT_LINKS:
            break
        start = before
    return start


def _particle_end(verb: Token) -> Token:
    """The particle or topic preposition right after the verb: "pointed out", "called for"."""
    if verb.i + 1 >= len(verb.doc):
        return verb
    after = verb.doc[verb.i + 1]
    if after.head.i == verb.i and (after.dep_ == "prt" or after.lower_ in _cue_prepositions(verb)):
        return after
    return verb


def _cue_prepositions(verb: Token) -> frozenset[str]:
    return CUE_PREPOSITIONS | topic_prepositions().get(verb.lower_, frozenset())


def _quoted_as_saying_end(token: Token) -> Token | None:
    for child in token.rights:
        if child.lower_ == "as":
            verbs = [
                c for c in child.children if c.dep_ == "pcomp" and c.lower_ in reporting_verbs()
            ]
            if verbs:
                return verbs[0]
    return None


def find_source(cue: Token) -> CharSpan | None:
    """The speaker phrase of `cue` as written, or None when the parse gives no subject."""
    if cue.lower_ == "according":
        return _according_to_source(cue)
    subject = _subject(cue)
    if subject is None:
        return _acl_head_source(cue)
    return _written_source(subject, cue)


def subject_token(cue: Token) -> Token | None:
    """The head token of the speaker phrase, for callers that need more than offsets."""
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return _subject(cue)


def _subject(cue: Token) -> Token | None:
    line = line_bounds(doc_text(cue.doc), cue.idx)
    verb = cue
    for _ in range(MAX_CLIMB):
        # Two subjects are a misparse of `"..., the last words," said X`: the nearer is X.
        subjects = [
            c
            for c in verb.children
            if c.dep_ in SUBJECTS
            and _within(c, line)
            and (_quoted(verb, line) or not _quoted(c, line))
        ]
        if subjects:
            return min(subjects, key=lambda subject: abs(subject.i - verb.i))
        if verb.dep_ not in INHERITS_SUBJECT or verb.head.i == verb.i:
            return None
        controller = _object_controller(verb)
        if controller is not None:
            return controller
        verb = _subject_bearer(verb)
    return None


def _object_controller(verb: Token) -> Token | None:
    """`forced the banker to admit`, `led the journalist to fear`: the object of the verb
    above an infinitive is the one who admits or fears."""
    if verb.dep_ != "xcomp" or verb.head.lower_ not in object_control_verbs():
        return None
    head = verb.head
    return next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)


def _subject_bearer(verb: Token) -> Token:
    """The verb whose subject `verb` shares.

    "X said A but said B" is parsed with the second `said` coordinated onto clause A, and
    "X said A, citing B" with `citing` hung on clause A; in both, the subject is the first
    `said`'s, not A's.
    """
    head = verb.head
    if head.pos_ == "ADP":
        return head.head
    reports_on = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    if reports_on and head.dep_ == "ccomp" and is_cue(head.head) and is_cue(verb):
        return head.head
    return head


def _written_source(subject: Token, cue: Token) -> CharSpan:
    if subject.lower_ in RELATIVE_PRONOUNS:
        return subject.idx, subject.idx + len(subject)
    if subject.i > cue.i:
        first, last = subject.left_edge, subject.right_edge
        end = last.idx + len(last) if last.is_alpha or last.is_digit else _before(last)
        return clip((first.idx, end), line_bounds(doc_text(cue.doc), cue.idx))
    return clip(_full_phrase(subject), line_bounds(doc_text(cue.doc), cue.idx))


def _before(token: Token) -> int:
    """The end of the word before `token`: a phrase's closing punctuation stays out."""
    previous = token.doc[token.i - 1]
    return previous.idx + len(previous)


def _full_phrase(head: Token) -> CharSpan:
    """The whole noun phrase, with the comma that closes an apposition before the cue.

    A participle set off by commas (`Trump, speaking in Ohio, said`) tells what the speaker
    was doing, not who they are: the phrase stops before it.
    """
    first, last = head.left_edge, head.right_edge
    doc = head.doc
    aside = next((c for c in head.rights if _is_participle_aside(c)), None)
    if aside is not None:
        return first.idx, _before(doc[aside.left_edge.i - 1])
    has_aside = any(token.text == "," for token in doc[first.i : last.i + 1])
    if has_aside and last.i + 1 < len(doc) and doc[last.i + 1].text == ",":
        last = doc[last.i + 1]
    return first.idx, last.idx + len(last)


def _is_participle_aside(token: Token) -> bool:
    before = token.left_edge.i - 1
    return (
        token.dep_ in PARTICIPLE_LINKS
        and token.tag_ in PARTICIPLE_TAGS
        and token.left_edge.i == token.i
        and before >= 0
        and token.doc[before].text == ","
    )


def _according_to_source(cue: Token) -> CharSpan | None:
    head = subject_token(cue)
    if head is None:
        return None
    return head.left_edge.idx, head.right_edge.idx + len(head.right_edge)


def _acl_head_source(cue: Token) -> CharSpan | None:
    """`a plan critics called "reckless"`: the parser hangs the verb on the noun before it."""
    head = cue.head
    if cue.dep_ in ("acl", "relcl") and head.i == cue.i - 1 and head.pos_ in ("NOUN", "PROPN"):
        return head.idx, head.idx + len(head)
    return None


def _quoted(token: Token, line: CharSpan) -> bool:
    """Whether `token` stands inside quotation marks opened earlier on its line. A verb outside
    them has no subject inside them: that is a title (`said on "Fox and Friends"`) or the
    quoted words."""
    before = doc_text(token.doc)[line[0] : token.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _within(token: Token, bounds: CharSpan) -> bool:
    return bounds[0] <= token.idx < bounds[1]
