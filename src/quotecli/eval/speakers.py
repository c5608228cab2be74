"""Who said what: speech, speaker names and roles scored against hand-made speaker annotations.

The annotations (`<speakers dir>/<article>.json`, PolNeAR's `dev/speakers` layout) give, per
brat event of an article, whether it reports speech, the speaker's canonical name (a string,
a list of strings, or null), kind and role. Four figures, each for all attributions and for
the quoted ones (gold contents with quotation marks, predictions of kind direct or mixed):

- speech: gold is the speech attributions only. Predictions (those a system reports as
  speech, when it says) are paired one to one with every gold content by overlap (at least
  half of the longer, largest overlap first); a prediction paired with a speech attribution
  is right, every other prediction is wrong, non-speech pairs included.
- who said what: as speech, and the speaker's name must equal the gold name once case,
  honorifics, a leading "the", a trailing "'s" and middle initials are set aside. A null gold
  name is matched by a null name or a group or unknown speaker; a list by any of its names.
- name accuracy: of the speech pairs, the share with the right name.
- role recall: of the speech pairs whose gold speaker is a person with a role, the share whose
  predicted title and affiliation together hold at least half of the role's content words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotecli.errors import GoldDataError
from quotecli.eval.core import ArticleOutcome
from quotecli.eval.matching import MatchMode, match_spans
from quotecli.eval.prediction import Prediction
from quotecli.eval.scoring import SUBSETS, Counts
from quotecli.eval.spans import is_quoted

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "at",
        "in",
        "on",
        "to",
        "and",
        "or",
        "by",
        "with",
        "from",
        "as",
        "its",
        "his",
        "her",
        "their",
        "who",
        "which",
        "that",
    ]
)
UNNAMED_KINDS = frozenset({"group", "unknown"})
MIN_ROLE_SHARE = 0.5
SPEECH_ACT = "speech"


@dataclass(frozen=True, slots=True)
class SpeakerGold:
    """The speaker annotation of one gold attribution."""

    speech: bool
    names: tuple[str, ...] | None  # None: the gold name is null
    kind: str
    role: str | None


@dataclass(frozen=True, slots=True)
class SpeakerScores:
    """The four figures for one subset."""

    speech: Counts
    who_said_what: Counts
    named: int = 0  # speech pairs with the right name
    with_role: int = 0  # speech pairs whose gold speaker is a person with a role
    role_found: int = 0

    def __add__(self, other: SpeakerScores) -> SpeakerScores:
        return SpeakerScores(
            self.speech + other.speech,
            self.who_said_what + other.who_said_what,
            self.named + other.named,
            self.with_role + other.with_role,
            self.role_found + other.role_found,
        )

    @property
    def name_accuracy(self) -> float:
        return self.named / self.speech.matched if self.speech.matched else 0.0

    @property
    def role_recall(self) -> float:
        return self.role_found / self.with_role if self.with_role else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "speech": self.speech.to_dict(),
            "who_said_what": self.who_said_what.to_dict(),
            "name_accuracy": round(self.name_accuracy, 4),
            "role_recall": round(self.role_recall, 4),
            "named": self.named,
            "with_role": self.with_role,
            "role_found": self.role_found,
        }


def read_speakers(directory: Path) -> dict[str, dict[str, SpeakerGold]]:
    """Every article's annotations: {article name: {event id: annotation}}.

    Raises:
        GoldDataError: the directory is missing or a file is not the expected JSON.
    """
    if not directory.is_dir():
        raise GoldDataError(f"speaker directory {directory} does not exist")
    found: dict[str, dict[str, SpeakerGold]] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            found[path.stem] = {item["id"]: _gold(item) for item in record["items"]}
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GoldDataError(f"{path}: not a speaker annotation file ({error})") from error
    return found


def score_speakers(
    outcomes: Iterable[ArticleOutcome], speakers: dict[str, dict[str, SpeakerGold]]
) -> dict[str, SpeakerScores]:
    """The figures for the subsets "all" and "quoted", summed over the articles.

    Raises:
        GoldDataError: an article's attribution has no speaker annotation.
    """
    totals = {subset: SpeakerScores(Counts(), Counts()) for subset in SUBSETS}
    for outcome in outcomes:
        annotations = speakers.get(outcome.article.name)
        if annotations is None:
            raise GoldDataError(f"no speaker annotations for gold article {outcome.article.name}")
        for subset in SUBSETS:
            totals[subset] += _score_article(outcome, annotations, quoted=subset == "quoted")
    return totals


def _score_article(
    outcome: ArticleOutcome, annotations: dict[str, SpeakerGold], quoted: bool
) -> SpeakerScores:
    text = outcome.article.text
    golds = [g for g in outcome.article.attributions if not quoted or is_quoted(g.content, text)]
    preds = [
        p for p in outcome.predictions if _reported_as_speech(p) and (p.is_quoted or not quoted)
    ]
    for gold in golds:
        if gold.event not in annotations:
            raise GoldDataError(f"{outcome.article.name}: no speaker annotation for {gold.event}")
    labels = [annotations[g.event] for g in golds]
    pairs = match_spans(
        [g.content for g in golds], [p.content for p in preds], text, MatchMode.OVERLAP
    )
    speech_pairs = [(labels[g], preds[p]) for g, p in pairs.items() if labels[g].speech]
    named = sum(names_agree(label, pred) for label, pred in speech_pairs)
    roles = [(label, pred) for label, pred in speech_pairs if label.kind == "person" and label.role]
    role_found = sum(role_agrees(label.role or "", pred.role) for label, pred in roles)
    speech_golds = sum(label.speech for label in labels)
    return SpeakerScores(
        speech=Counts(len(speech_pairs), len(preds), speech_golds),
        who_said_what=Counts(named, len(preds), speech_golds),
        named=named,
        with_role=len(roles),
        role_found=role_found,
    )


def names_agree(gold: SpeakerGold, pred: Prediction) -> bool:
    """Whether the predicted speaker name is the gold name (see the module's rules)."""
    if gold.names is None:
        return pred.speaker is None or pred.speaker_kind in UNNAMED_KINDS
    if pred.speaker is None:
        return False
    return normalise_name(pred.speaker) in {normalise_name(name) for name in gold.names}


def normalise_name(name: str) -> str:
    """Case, honorifics, a leading "the", a trailing "'s" and middle initials set aside."""
    words = re.sub(r"['’]s$", "", name.strip()).casefold().replace(".", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    words = [w for w in words if w not in HONORIFICS]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


def role_agrees(role: str, predicted: str | None) -> bool:
    """Whether the predicted title and affiliation hold half of the role's content words."""
    wanted = _content_words(role)
    if not wanted:
        return False
    found = _content_words(predicted or "")
    return len(wanted & found) >= MIN_ROLE_SHARE * len(wanted)


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[\w’'-]+", text.casefold())
    return {w for w in words if w not in FUNCTION_WORDS}


def _reported_as_speech(pred: Prediction) -> bool:
    return pred.act is None or pred.act == SPEECH_ACT


def _gold(item: dict[str, Any]) -> SpeakerGold:
    name = item["name"]
    names: tuple[str, ...] | None
    if name is None:
        names = None
    elif isinstance(name, list):
        names = tuple(str(n) for n in name)
    else:
        names = (str(name),)
    return SpeakerGold(bool(item["speech"]), names, str(item["kind"]), item.get("role"))
