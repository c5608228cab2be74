"""quotecli: attributed quotations, speakers and places from news articles.

The library API (`extract_quotes`, `Extractor`) imports spaCy on first use only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from quotecli.extract import Extractor, extract_quotes

__all__ = ["Extractor", "__version__", "extract_quotes"]


def __getattr__(name: str) -> Any:
    if name in ("Extractor", "extract_quotes"):
        from quotecli import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'quotecli' has no attribute {name!r}")
