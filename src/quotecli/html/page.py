"""The frame every page shares: doctype, a no-network Content-Security-Policy, inline assets.

Scripts and the style sheet are package data files inlined at render time. The policy allows
exactly those inline blocks (by their SHA-256 hashes) and nothing else: no fetch, image, font,
frame or form target anywhere, so a page cannot make a network request even if some text
escaped into it, and an injected `<script>` would not run.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any


@cache
def asset(name: str) -> str:
    """A CSS or JS file shipped in this package."""
    return files("quotecli.html").joinpath(name).read_text(encoding="utf-8")


def json_script(data: Any, *, element_id: str | None = None, css_class: str | None = None) -> str:
    """`data` as a `<script type="application/json">` block the page's scripts can parse.

    `<`, `>` and `&` are written as JSON escapes, so no text (`</script>`, `<!--`) can end
    the block early; JSON.parse gives the original characters back.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    attributes = ' type="application/json"'
    if element_id:
        attributes += f' id="{escape(element_id)}"'
    if css_class:
        attributes += f' class="{escape(css_class)}"'
    return f"<script{attributes}>{text}</script>"


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(styles: Sequence[str], scripts: Sequence[str]) -> str:
    """Allow the given inline style and script blocks and nothing else."""
    script_src = " ".join(_hash(s) for s in scripts) or "'none'"
    style_src = " ".join(_hash(s) for s in styles) or "'none'"
    return (
        "default-src 'none'; "
        f"script-src {script_src}; "
        f"style-src {style_src}; "
        "base-uri 'none'; form-action 'none'"
    )


def page(*, title: str, body: str, styles: Sequence[str] = (), scripts: Sequence[str] = ()) -> str:
    """A complete HTML document; `title` is plain text, `body` is HTML built by the caller.

    Args:
        title: the document title (escaped here).
        body: the markup inside `<body>`, already escaped where it holds text.
        styles: CSS sources, each inlined as one `<style>` block.
        scripts: JavaScript sources, each inlined as one `<script>` at the end of the body.
    """
    for source in (*styles, *scripts):
        if "</s" in source.lower():  # would end its block early; ours never do
            raise ValueError("an inline style or script holds '</s'")
    policy = content_security_policy(styles, scripts)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="quotecli">',
        f"<title>{escape(title)}</title>",
        *(f"<style>{style}</style>" for style in styles),
        "</head>",
    ]
    tail = [f"<script>{script}</script>" for script in scripts]
    return "\n".join([*head, "<body>", body, *tail, "</body>", "</html>"]) + "\n"
