"""Running an evaluation: quotecli alone through its public API, or beside baselines that
read the same parse of each article."""

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
) -> list[EvalResult]:
    """Score quotecli (first) and each baseline on `gold_dir`, parsing each article once.

    Raises:
        GoldDataError: the gold directory is missing, empty or malformed.
        ModelError: the spaCy model cannot be loaded.
        MissingDependencyError: a baseline's package is not installed.
    """
    from quotecli.eval.systems import SharedParse, extractor_predict
    from quotecli.extract import Extractor

    extractor = Extractor(model)
    systems: dict[str, Predict] = {"quotecli": extractor_predict(extractor)}
    if baselines:
        shared = SharedParse(extractor)
        systems = {"quotecli": shared.quotecli}
        for baseline in baselines:
            systems[str(baseline)] = shared.baseline(baseline)
    return list(evaluate_systems(gold_dir, systems, on_progress).values())
