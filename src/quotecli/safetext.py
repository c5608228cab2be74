"""Text made safe to show a person: no control character ever reaches the terminal raw.

Article text and file names are untrusted: `\\x1b[2J` clears a screen, `\\x1b]0;...\\a` retitles
a window, a bidi override reorders what follows. `visible` replaces every such character with
one visible character, so a text keeps its length (offsets into it stay right) and a person
sees that something was there. JSON, JSON Lines and CSV keep the exact text: they are data.
"""

from __future__ import annotations

import re

# Kept: they shape text on a terminal and cannot move the cursor anywhere surprising.
_KEPT = "\n\t"
_REPLACEMENT = "\ufffd"
# Bidi embeddings, overrides and isolates reorder the rest of the line.
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_VISIBLE = str.maketrans(
    {
        **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in _KEPT},
        0x7F: "\u2421",  # ␡
        **dict.fromkeys(range(0x80, 0xA0), _REPLACEMENT),  # C1 controls (0x9b is a CSI)
        **dict.fromkeys(_BIDI, _REPLACEMENT),
    }
)
# A whole escape sequence (CSI `ESC [ ... final`, OSC `ESC ] ... BEL|ST`, or ESC + one char),
# even cut short at the end of a name ("Smith\x1b[31").
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\x9b[0-?]*[ -/]*[@-~]?"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with each control character (newline and tab aside) shown as a visible one.

    C0 controls become their Control Pictures (`\\x1b` -> `␛`), DEL `␡`, C1 controls and bidi
    overrides `�`. One character for one, so offsets into `text` still hold.
    """
    return text.translate(_VISIBLE)


def markup_safe(text: str) -> str:
    """`visible(text)` with Rich markup escaped, for strings printed through `Console.print`."""
    from rich.markup import escape

    return escape(visible(text))


def clean_name(name: str) -> str:
    """A name with escape sequences and control characters taken out, spaces collapsed.

    Names are canonical values, not offsets into the text, so they can lose characters.
    """
    if not _CONTROL.search(name):
        return name
    without = _CONTROL.sub(" ", _ESCAPE_SEQUENCE.sub(" ", name))
    return " ".join(without.split())
