"""Word lists for finding quotations, read once from `quotecli/nlp/data/`."""

from __future__ import annotations

from functools import cache

from quotecli.nlp.datafiles import read_json, read_words


@cache
def reporting_verbs() -> frozenset[str]:
    """Reporting verbs in every inflected form, lower-cased ("said", "tells", "warned")."""
    return read_words("reporting_verbs.txt")


@cache
def speaker_label_stopwords() -> frozenset[str]:
    """Paragraph labels before a colon that name no speaker ("update", "the latest")."""
    return read_words("speaker_labels.txt")


@cache
def intention_verbs() -> frozenset[str]:
    """Verbs of intention and request in every form ("wants", "vowed", "urging")."""
    return read_words("intention_verbs.txt")


@cache
def object_stop_verbs() -> frozenset[str]:
    """Reporting verbs whose direct object is not reported content ("concluded the pact")."""
    return read_words("object_stop_verbs.txt")


@cache
def addressee_verbs() -> frozenset[str]:
    """Reporting verbs whose object can be the listener ("told Reuters", "warned the council")."""
    return read_words("addressee_verbs.txt")


@cache
def indication_verbs() -> frozenset[str]:
    """Verbs reporting what a speaker says or a thing indicates ("suggests", "revealed")."""
    return read_words("indication_verbs.txt")


@cache
def avoidance_words() -> frozenset[str]:
    """Words that hold a report back ("avoids condemning", "declined to say", "without")."""
    return read_words("avoidance_words.txt")


@cache
def cue_nouns() -> frozenset[str]:
    """Nouns that report their owner's words or mind with a clause ("claim", "plan")."""
    return read_words("cue_nouns.txt")


@cache
def object_control_verbs() -> frozenset[str]:
    """Verbs whose object does what the infinitive after them says ("forced him to admit")."""
    return read_words("object_control_verbs.txt")


@cache
def topic_verbs() -> frozenset[str]:
    """Verbs reporting what someone spoke of ("discussed", "talked"), never quotation cues."""
    return read_words("topic_verbs.txt")


@cache
def topic_prepositions() -> dict[str, frozenset[str]]:
    """Verb form -> the prepositions naming what it speaks of ("pointed" -> {"to"})."""
    return _prepositions_by_word("topic_prepositions.json")


@cache
def as_view_verbs() -> frozenset[str]:
    """Verbs that report a view with "as" ("saw the remark as a dig"), every form."""
    return read_words("as_view_verbs.txt")


@cache
def light_verbs() -> frozenset[str]:
    """Verbs that report only through a noun they take ("made the case that"), every form."""
    return read_words("light_verbs.txt")


@cache
def light_verb_nouns() -> frozenset[str]:
    """Nouns that make a light verb a report ("case", "comments", "pledge")."""
    return read_words("light_verb_nouns.txt")


@cache
def stance_adjectives() -> frozenset[str]:
    """Adjectives reporting a stance after a copula ("are concerned about X")."""
    return read_words("stance_adjectives.txt")


@cache
def agreement_verbs() -> frozenset[str]:
    """Verbs of agreement ("agreed"): speech with a clause or `with`, thought otherwise."""
    return read_words("agreement_verbs.txt")


@cache
def written_reports() -> frozenset[str]:
    """Documents and publications that state what they show ("the study shows": speech)."""
    return read_words("written_reports.txt")


@cache
def thought_verbs() -> frozenset[str]:
    """Verbs reporting a belief, wish, decision, perception or evidence ("believes", "shows")."""
    return read_words("thought_verbs.txt")


@cache
def evidence_nouns() -> frozenset[str]:
    """Evidence that shows rather than says ("polls", "data", "footage")."""
    return read_words("evidence_nouns.txt")


@cache
def thought_nouns() -> frozenset[str]:
    """Reporting nouns holding a belief, wish or plan ("belief", "plan", "decision")."""
    return read_words("thought_nouns.txt")


@cache
def topic_nouns() -> dict[str, frozenset[str]]:
    """Noun form -> the prepositions naming what it reports ("allegations" -> {"of", ...})."""
    return _prepositions_by_word("topic_nouns.json")


def _prepositions_by_word(name: str) -> dict[str, frozenset[str]]:
    """A data file listing words under each preposition, read word -> its prepositions."""
    by_word: dict[str, set[str]] = {}
    for preposition, words in read_json(name).items():
        for word in words:
            by_word.setdefault(word, set()).add(preposition)
    return {word: frozenset(prepositions) for word, prepositions in by_word.items()}


@cache
def phrasal_topics() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Verb form -> each (joining word, prepositions) that makes it report a topic
    ("weighed" -> (("in", {"on", "about"}),), "touched" -> (("", {"on", "upon"}),))."""
    by_verb: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for phrase in read_json("phrasal_topics.json")["phrases"]:
        joined = (str(phrase["via"]).lower(), frozenset(phrase["prepositions"]))
        for verb in phrase["verbs"]:
            by_verb.setdefault(verb, []).append(joined)
    return {verb: tuple(ways) for verb, ways in by_verb.items()}


@cache
def hearsay_nouns() -> frozenset[str]:
    """Reporting nouns that always give others' words ("allegations", "rumors")."""
    return read_words("hearsay_nouns.txt")


@cache
def hearsay_adverbs() -> frozenset[str]:
    """Adverbs marking a clause as others' words ("reportedly", "allegedly")."""
    return read_words("hearsay_adverbs.txt")


@cache
def judging_verbs() -> frozenset[str]:
    """Participles whose passive subject was judged, not said ("criticised", "praised")."""
    return read_words("judging_verbs.txt")


@cache
def channel_nouns() -> frozenset[str]:
    """Occasions and channels of speaking ("interview", "tweets", "news"): where, not what."""
    return read_words("channel_nouns.txt")
