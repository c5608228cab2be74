"""Pure string functions on names: titles off names, canonical forms, affiliations, countries.

Nothing here needs spaCy; `mentions` and `speakers` feed these the words they read off the parse.
"""

from __future__ import annotations

import re

from quotecli.nlp.wordlists import demonyms, fold, honorifics, place_aliases, title_words

POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
LEADING_ARTICLES = ("the", "a", "an")
# Function words and time adverbs stripped from the front of an affiliation, so every affiliation
# starts with the content word: "a professor at X" -> "professor at X", "of the X Center" ->
# "X Center", "now the majority leader" -> "majority leader".
AFFILIATION_LEADING = frozenset({"the", "a", "an", "another", "of", "from", "with", "now", "also"})
EDGE_PUNCTUATION = " ,;:-–—\"'“”‘’()"


def is_title_word(word: str) -> bool:
    """True for a word that can be (part of) a title: "President", "Sen.", "Prime", "Mr."."""
    key = fold(word)
    if key.endswith("s") and key[:-1] in title_words():
        return True  # "Senators Ann Lee and Tom Baker"
    return is_listed_title(word) or key in honorifics()


def is_listed_title(word: str) -> bool:
    """In the title list: dots ignored, unless the entry is written with its final dot ("del."
    for Delegate, so the particle "del" is no title)."""
    return fold(word) in title_words() or (word.endswith(".") and word.lower() in title_words())


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run of words into (title words, name words).

    The title is the longest prefix that ends in a title word and leaves a name that does not
    itself start with a title word, so "Prime Minister John Major" keeps "Major" in the name
    and "Federal Reserve Chair Jerome Powell" gives the title "Federal Reserve Chair".

    Args:
        words: the run as written, e.g. ["Russian", "President", "Vladimir", "Putin"].

    Returns:
        (title words, name words); the title is empty when no title word leads the run.
    """
    best = 0
    for end in range(1, len(words)):
        if is_title_word(words[end - 1]) and not is_title_word(words[end]):
            best = end
    if best == 0 and len(words) == 2 and fold(words[0]) in honorifics():
        best = 1  # "Mr. King": after a courtesy title, a title word is a surname
    return words[:best], words[best:]


def title_text(words: list[str]) -> str | None:
    """The title to show: honorifics dropped ("Mr." is no title), None when nothing is left."""
    kept = [w for w in words if fold(w) not in honorifics() or is_listed_title(w)]
    if not any(is_listed_title(w) for w in kept):
        return None
    return " ".join(kept) or None


def honorific_gender(words: list[str]) -> str | None:
    """ "male"/"female" when a courtesy title ("Mr.", "Mrs.") says so, else None."""
    for word in words:
        gender = honorifics().get(fold(word))
        if gender in ("male", "female"):
            return gender
    return None


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text.strip())


def drop_leading_article(text: str) -> str:
    """ "The Federal Reserve" -> "Federal Reserve"; canonical names never start with an article."""
    head, _, rest = text.strip().partition(" ")
    return rest if head.lower() in LEADING_ARTICLES and rest else text.strip()


def clean_affiliation(text: str) -> str | None:
    """Normalise an appositive into an affiliation.

    Convention: an affiliation starts with its first content word. Leading articles and
    linking prepositions are dropped ("a professor at the US National War College" ->
    "professor at the US National War College"; "of the Hawaii-based Inouye Center" ->
    "Hawaii-based Inouye Center"; "the union's general secretary" -> "union's general
    secretary"). Articles inside the phrase stay as written.
    """
    words = text.strip(EDGE_PUNCTUATION).split()
    while words and words[0].lower() in AFFILIATION_LEADING:
        words = words[1:]
    cleaned = " ".join(words).strip(EDGE_PUNCTUATION)
    return cleaned or None


def place_of(word: str) -> str | None:
    """The place a country word or demonym names.

    "Vietnamese" -> "Vietnam", "U.S." -> "United States", "Hanoi's" -> "Hanoi".
    """
    key = fold(strip_possessive(word))
    if key in demonyms():
        return demonyms()[key] or None
    if key in place_aliases():
        return place_aliases()[key]
    return strip_possessive(word) if word[:1].isupper() else None


def normalise_place(text: str) -> str:
    """Generic normalisation of a place mention, then the alias table.

    Drops a leading "the" and a possessive, and compares without dots and case, so "the U.S.",
    "US" and "America's" all give "United States".
    """
    bare = strip_possessive(drop_leading_article(text))
    return place_aliases().get(fold(bare), bare)


def name_key(name: str) -> str:
    """Comparison key for a person's name: case- and dot-insensitive."""
    return " ".join(fold(word) for word in name.split())
