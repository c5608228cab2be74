"""Error groups: every missed gold attribution and every false positive, grouped by kind.

Groups are sorted by size, largest first, so the next rule to write is the one that fixes
the largest group. Content is paired one to one in overlap mode, as in the scores.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quotecli.errors import QuotecliError
from quotecli.eval.brat import GoldAttribution
from quotecli.eval.core import ArticleOutcome, EvalResult
from quotecli.eval.matching import MatchMode, match_spans, spans_agree
from quotecli.eval.prediction import Prediction
from quotecli.eval.spans import Span, hull, is_quoted, overlap_ratio, span_length, span_text

SCARE_QUOTE_WORDS = 4
CONTEXT_CHARS = 500

MISSED_QUOTED = "missed entirely: quoted content, no cue found"
MISSED_UNQUOTED = "missed entirely: content without quotation marks, no cue found"
MISSED_CUE_FOUND = "content missed although its cue was predicted elsewhere"
TOO_SHORT = "span too short (prediction covers under half of the gold content)"
TOO_LONG = "span too long (gold content is under half of the prediction)"
SPEAKER_MISSING = "speaker missing (content found, no mention predicted)"
WRONG_SPEAKER = "wrong speaker (content found, mention does not overlap gold source)"
EXTRA_SPEAKER = "speaker predicted where gold has none (Attribution-no-source)"
CUE_MISSING = "cue missing (content found, no cue predicted)"
WRONG_CUE = "wrong cue (content found, cue does not overlap gold cue)"
FRAGMENT = "extra fragment or duplicate of an attribution already found"
SCARE_QUOTE = f"scare quote: direct/mixed prediction of <= {SCARE_QUOTE_WORDS} words, no gold"
FALSE_POSITIVE = "false positive without gold"
NO_PREDICTION = "(no prediction: missed entirely)"
NO_RULE = "(no rule)"


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One miss or false positive: its group, article, and the gold and/or predicted record."""

    group: str
    article: ArticleOutcome
    gold: GoldAttribution | None
    pred: Prediction | None


def classify(outcome: ArticleOutcome) -> list[ErrorCase]:
    """All error cases of one article."""
    text = outcome.article.text
    golds, preds = outcome.article.attributions, outcome.predictions
    pairs = match_spans(
        [g.content for g in golds], [p.content for p in preds], text, MatchMode.OVERLAP
    )
    cases: list[ErrorCase] = []
    for g, gold in enumerate(golds):
        if g in pairs:
            pred = preds[pairs[g]]
            cases += [
                ErrorCase(group, outcome, gold, pred) for group in pair_errors(gold, pred, text)
            ]
        else:
            best = best_overlap(gold.content, preds)
            cases.append(ErrorCase(missed_group(gold, best, preds, text), outcome, gold, best))
    matched_golds = {golds[g].content for g in pairs}
    for p, pred in enumerate(preds):
        if p not in pairs.values():
            group = unmatched_group(pred, golds, matched_golds, text)
            if group:
                cases.append(ErrorCase(group, outcome, None, pred))
    return cases


def pair_errors(gold: GoldAttribution, pred: Prediction, text: str) -> list[str]:
    """Speaker and cue errors of a content pair that matched."""
    groups = []
    if gold.source is None and pred.source is not None:
        groups.append(EXTRA_SPEAKER)
    elif gold.source is not None and pred.source is None:
        groups.append(SPEAKER_MISSING)
    elif (
        gold.source
        and pred.source
        and not spans_agree(gold.source, pred.source, text, MatchMode.OVERLAP)
    ):
        groups.append(WRONG_SPEAKER)
    if gold.cue is not None and pred.cue is None:
        groups.append(CUE_MISSING)
    elif gold.cue and pred.cue and not spans_agree(gold.cue, pred.cue, text, MatchMode.OVERLAP):
        groups.append(WRONG_CUE)
    return groups


def best_overlap(span: Span, preds: Sequence[Prediction]) -> Prediction | None:
    scored = [(overlap_ratio(span, p.content), i) for i, p in enumerate(preds)]
    ratio, index = max(scored, default=(0.0, -1))
    return preds[index] if ratio > 0 else None


def missed_group(
    gold: GoldAttribution, best: Prediction | None, preds: Sequence[Prediction], text: str
) -> str:
    if best is not None:
        return TOO_SHORT if span_length(best.content) < span_length(gold.content) else TOO_LONG
    if gold.cue and any(p.cue and overlap_ratio(gold.cue, p.cue) > 0 for p in preds):
        return MISSED_CUE_FOUND
    return MISSED_QUOTED if is_quoted(gold.content, text) else MISSED_UNQUOTED


def unmatched_group(
    pred: Prediction, golds: Sequence[GoldAttribution], matched: set[Span], text: str
) -> str | None:
    """The group of a prediction no gold took; None when a missed gold already reports it."""
    touched = [g.content for g in golds if overlap_ratio(g.content, pred.content) > 0]
    if touched:
        return FRAGMENT if all(content in matched for content in touched) else None
    words = len(span_text(pred.content, text).split())
    return SCARE_QUOTE if pred.is_quoted and words <= SCARE_QUOTE_WORDS else FALSE_POSITIVE


def group_errors(outcomes: Iterable[ArticleOutcome]) -> list[tuple[str, list[ErrorCase]]]:
    """Error cases by group, largest group first (ties by name)."""
    groups: dict[str, list[ErrorCase]] = defaultdict(list)
    for outcome in outcomes:
        for case in classify(outcome):
            groups[case.group].append(case)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))


def context(text: str, spans: Iterable[Span]) -> str:
    """The sentence(s) around the spans, on one line."""
    starts, ends = zip(*(hull(span) for span in spans), strict=True)
    start, end = min(starts), max(ends)
    before = text[max(0, start - CONTEXT_CHARS // 2) : start]
    sentence_ends = [m.end() - 1 for m in re.finditer(r"[.!?][”\"’']?\s", before)]
    cut = max([before.rfind("\n"), *sentence_ends])
    left = start - len(before) + cut + 1 if cut >= 0 else start - len(before)
    after = text[end : end + CONTEXT_CHARS // 2]
    stop = re.search(r"[.!?][”\"’']?(?=\s)|\n", after)
    right = end + (stop.end() if stop else len(after))
    return " ".join(text[left:right].split())


def describe(label: str, content: Span, source: Span | None, cue: Span | None, text: str) -> str:
    def show(span: Span | None) -> str:
        return f"`{span_text(span, text)}`" if span else "none"

    return f"{label}: {show(content)} · source {show(source)} · cue {show(cue)}"


def render_case(case: ErrorCase) -> list[str]:
    text = case.article.article.text
    where = case.article.article.name
    if case.gold is not None:
        where += f" (ann line {case.gold.line})"
    spans = [s.content for s in (case.gold, case.pred) if s is not None]
    lines = [f"- **{where}**", f"  - context: {context(text, spans)}"]
    if case.gold is not None:
        g = case.gold
        lines.append("  - " + describe("gold", g.content, g.source, g.cue, text))
    if case.pred is not None:
        p = case.pred
        label = f"predicted ({p.kind}, {p.rule})" if p.rule else f"predicted ({p.kind})"
        lines.append("  - " + describe(label, p.content, p.source, p.cue, text))
    return lines


def frequent_cues(cases: Sequence[ErrorCase], top: int = 8) -> str:
    """The group's most frequent gold cues (predicted ones for false positives)."""
    words: Counter[str] = Counter()
    for case in cases:
        cue = case.gold.cue if case.gold is not None else case.pred.cue if case.pred else None
        if cue:
            words[span_text(cue, case.article.article.text).lower()] += 1
    listed = ", ".join(f"{word} ({count})" for word, count in words.most_common(top))
    return f"Most frequent cues: {listed or 'none'}."


def rule_of(case: ErrorCase) -> str:
    """The rule whose prediction the case is about; misses with no prediction near have none."""
    if case.pred is None:
        return NO_PREDICTION
    return case.pred.rule or NO_RULE


def by_rule(
    groups: list[tuple[str, list[ErrorCase]]],
) -> list[tuple[str, list[tuple[str, list[ErrorCase]]]]]:
    """The error groups split by rule: rules with most cases first, groups by size within."""
    split: dict[str, dict[str, list[ErrorCase]]] = defaultdict(lambda: defaultdict(list))
    for group, cases in groups:
        for case in cases:
            split[rule_of(case)][group].append(case)
    ordered = [
        (rule, sorted(found.items(), key=lambda item: (-len(item[1]), item[0])))
        for rule, found in split.items()
    ]
    return sorted(ordered, key=lambda item: (-sum(len(c) for _, c in item[1]), item[0]))


def render_errors(result: EvalResult) -> str:
    """The whole error report as Markdown: groups, then every case under the rule that made it
    (misses that no prediction came near stand under their own heading)."""
    groups = group_errors(result.outcomes)
    rules = by_rule(groups)
    lines = [
        f"# {result.system} errors on {result.gold_dir}",
        "",
        f"{result.articles} articles, run {result.date}. Groups and rules sorted by size.",
        "",
        "| cases | group |",
        "|---:|---|",
        *(f"| {len(cases)} | {group} |" for group, cases in groups),
        "",
        "| cases | rule |",
        "|---:|---|",
        *(f"| {sum(len(c) for _, c in found)} | {rule} |" for rule, found in rules),
    ]
    for rule, found in rules:
        total = sum(len(cases) for _, cases in found)
        lines += ["", f"## {rule} ({total})", "", "| cases | group |", "|---:|---|"]
        lines += [f"| {len(cases)} | {group} |" for group, cases in found]
        for group, cases in found:
            lines += ["", f"### {rule}: {group} ({len(cases)})", "", frequent_cues(cases), ""]
            for case in cases:
                lines += render_case(case)
    return "\n".join(lines) + "\n"


def write_errors(path: Path, result: EvalResult) -> None:
    """Write the error report to `path`.

    Raises:
        QuotecliError: the file cannot be written.
    """
    try:
        path.write_text(render_errors(result), encoding="utf-8")
    except OSError as error:
        raise QuotecliError(f"cannot write errors to {path}: {error.strerror}") from error
