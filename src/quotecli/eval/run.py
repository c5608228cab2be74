"""Running an evaluation: quotecli, and any baselines beside it reading the same parse of
each article (quotecli's records come from that parse through `quotecli.extract`, exactly as
`Extractor.extract` makes them)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from quotecli.eval.core import EvalResult, Predict, Progress, evaluate_systems


class Baseline(StrEnum):
    """Systems quotecli can be compared with in the same run."""

    TEXTACY = "textacy"


def run_evaluation(
    gold_dir: Path,
    model: str | None,
    baselines: Sequence[Baseline] = (),
    on_progress: Progress | None = None,
    parse_cache: Path | None = None,
) -> list[EvalResult]:
    """Score quotecli (first) and each baseline on `gold_dir`, parsing each article once.

    Args:
        parse_cache: a directory keeping parses between runs (see `parse_cache`).

    Raises:
        GoldDataError: the gold directory is missing, empty or malformed.
        ModelError: the spaCy model cannot be loaded.
        MissingDependencyError: a baseline's package is not installed.
        QuotecliError: the parse cache directory cannot be made.
    """
    from quotecli.eval.parse_cache import ParseCache
    from quotecli.eval.systems import SharedParse
    from quotecli.extract import Extractor

    extractor = Extractor(model)
    cache = None
    if parse_cache is not None:
        cache = ParseCache(parse_cache, extractor.nlp, extractor.version.rsplit("/", 1)[-1])
    shared = SharedParse(extractor, cache)
    systems: dict[str, Predict] = {"quotecli": shared.quotecli}
    for baseline in baselines:
        systems[str(baseline)] = shared.baseline(baseline)
    return list(evaluate_systems(gold_dir, systems, on_progress).values())
