"""Who-said-what errors: the speech pairs whose speaker name is wrong or whose role is missing.

Pairs are made as in `quotecli.eval.speakers` (gold speech attributions, predictions reported
as speech, one to one by overlap), so the counts here add up to the misses there. Each wrong
name falls in one group by what went wrong, largest group first:

- a name given where the gold speaker is unnamed, or none given for a named speaker;
- a wrong name reached through a pronoun or relative pronoun, or through a role noun;
- the right person under a shorter or longer form (one name holds the other's words);
- any other wrong name.

Missing roles are grouped by whether the speaker was named right.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quotecli.errors import QuotecliError
from quotecli.eval.core import ArticleOutcome
from quotecli.eval.matching import MatchMode, match_spans
from quotecli.eval.prediction import Prediction
from quotecli.eval.spans import Span, span_text
from quotecli.eval.speakers import SpeakerGold, names_agree, normalise_name, role_agrees

PERSONAL = ["he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i"]
PRONOUNS = frozenset([*PERSONAL, "you", "who", "which", "that", "whom", "whose"])
NAME_UNWANTED = "name given, gold speaker unnamed"
NAME_MISSING = "no name given, gold speaker named"
NAME_VIA_PRONOUN = "wrong name through a pronoun"
NAME_FORM = "same speaker, shorter or longer form of the name"
NAME_OTHER = "other wrong name"
ROLE_NAMED = "role missing, speaker named right"
ROLE_MISNAMED = "role missing, speaker named wrong"
CONTEXT_CHARS = 160


@dataclass(frozen=True, slots=True)
class SpeakerError:
    """One speech pair with a wrong name or a missing role."""

    group: str
    article: str
    gold: SpeakerGold
    pred: Prediction
    mention: str | None
    context: str


def speaker_errors(
    outcomes: Iterable[ArticleOutcome], speakers: dict[str, dict[str, SpeakerGold]]
) -> list[SpeakerError]:
    """Every wrong name and missing role over the articles that have annotations."""
    found: list[SpeakerError] = []
    for outcome in outcomes:
        annotations = speakers.get(outcome.article.name)
        if annotations is not None:
            found += article_errors(outcome, annotations)
    return found


def article_errors(
    outcome: ArticleOutcome, annotations: dict[str, SpeakerGold]
) -> list[SpeakerError]:
    text = outcome.article.text
    golds = [g for g in outcome.article.attributions if g.event in annotations]
    preds = [p for p in outcome.predictions if p.act is None or p.act == "speech"]
    pairs = match_spans(
        [g.content for g in golds], [p.content for p in preds], text, MatchMode.OVERLAP
    )
    errors = []
    for g, p in sorted(pairs.items()):
        label, pred = annotations[golds[g].event], preds[p]
        if not label.speech:
            continue
        mention = None if pred.source is None else span_text(pred.source, text)
        context = around(text, golds[g].content)
        group = name_group(label, pred, mention)
        if group is not None:
            errors.append(SpeakerError(group, outcome.article.name, label, pred, mention, context))
        if label.kind == "person" and label.role and not role_agrees(label.role, pred.role):
            role = ROLE_NAMED if group is None else ROLE_MISNAMED
            errors.append(SpeakerError(role, outcome.article.name, label, pred, mention, context))
    return errors


def name_group(gold: SpeakerGold, pred: Prediction, mention: str | None) -> str | None:
    """The group of a wrong name, None when the name is right."""
    if names_agree(gold, pred):
        return None
    if gold.names is None:
        return NAME_UNWANTED
    if pred.speaker is None:
        return NAME_MISSING
    if mention is not None and mention.strip().lower() in PRONOUNS:
        return NAME_VIA_PRONOUN
    said = set(normalise_name(pred.speaker).split())
    if any(
        said <= set(w) or set(w) <= said for w in (normalise_name(n).split() for n in gold.names)
    ):
        return NAME_FORM
    return NAME_OTHER


def around(text: str, span: Span) -> str:
    start = max(span[0][0] - CONTEXT_CHARS, 0)
    end = min(span[-1][1] + CONTEXT_CHARS, len(text))
    return " ".join(text[start:end].split())


def render_speaker_errors(errors: list[SpeakerError]) -> str:
    """The errors as a Markdown section: a table of groups, then every case."""
    groups: dict[str, list[SpeakerError]] = defaultdict(list)
    for error in errors:
        groups[error.group].append(error)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = [
        "## Who said what: wrong names and missing roles",
        "",
        "| cases | group |",
        "|---:|---|",
        *(f"| {len(cases)} | {group} |" for group, cases in ordered),
    ]
    for group, cases in ordered:
        lines += ["", f"### {group} ({len(cases)})", ""]
        for case in cases:
            gold_name = " / ".join(case.gold.names) if case.gold.names else "(unnamed)"
            lines += [
                f"- **{case.article}**: mention `{case.mention}`; predicted "
                f"`{case.pred.speaker}` ({case.pred.speaker_kind}), role `{case.pred.role}`; "
                f"gold `{gold_name}` ({case.gold.kind}), role `{case.gold.role}`",
                f"  > {case.context}",
            ]
    return "\n".join(lines) + "\n"


def append_speaker_errors(
    path: Path, outcomes: Iterable[ArticleOutcome], speakers: dict[str, dict[str, SpeakerGold]]
) -> None:
    """Add the section to the error report at `path`.

    Raises:
        QuotecliError: the file cannot be written.
    """
    try:
        with path.open("a", encoding="utf-8") as report:
            report.write("\n" + render_speaker_errors(speaker_errors(outcomes, speakers)))
    except OSError as error:
        raise QuotecliError(f"cannot write errors to {path}: {error.strerror}") from error
