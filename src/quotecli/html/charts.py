"""SVG charts drawn by quotecli: horizontal bars for rankings, columns for time.

Values are written as text beside each bar, so a chart reads the same in greyscale, in
print and to a screen reader (which also gets every value in the chart's `<desc>`).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

Item = tuple[str, int]

WIDTH = 560
_LABEL_WIDTH = 200
_VALUE_WIDTH = 56
_ROW = 26
_BAR = 16
_MAX_LABEL = 28
_COLUMN_HEIGHT = 180
_COLUMN_MARGIN = (40, 20, 44)  # left (axis labels), top, bottom (dates)
_MAX_TICK_LABELS = 8
_MAX_COLUMN_STEP = 60
_MAX_VALUE_LABELS = 24


def _short(label: str, limit: int = _MAX_LABEL) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _described(ident: str, title: str, items: Sequence[Item], unit: str) -> str:
    values = "; ".join(f"{label}: {value:,} {unit}" for label, value in items)
    return (
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(values)}</desc>'
    )


def _svg_open(ident: str, height: int) -> str:
    return (
        f'<svg id="{ident}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        f' role="img" aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">'
    )


def bar_chart(
    ident: str, title: str, items: Sequence[Item], *, unit: str = "quotes", link: str | None = None
) -> str:
    """One horizontal bar per item, largest first as given, its value written after it.

    Args:
        ident: a page-unique id (letters, digits, dashes) for the chart and its labels.
        title: what the chart shows, for screen readers.
        items: (label, value) pairs in display order.
        unit: what the values count, for screen readers.
        link: when given, each bar is a link there carrying its label in `data-value`.
    """
    top = max((value for _, value in items), default=0) or 1
    span = WIDTH - _LABEL_WIDTH - _VALUE_WIDTH
    height = _ROW * len(items) + 4
    rows = []
    for n, (label, value) in enumerate(items):
        y = 2 + n * _ROW
        length = max(1.0, span * value / top) if value else 0.0
        opening = f'<a href="{escape(link)}" data-value="{escape(label)}">' if link else ""
        rows.append(
            f"{opening}<g><title>{escape(label)}: {value:,} {escape(unit)}</title>"
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + _BAR - 3}" text-anchor="end"'
            f' font-size="13">{escape(_short(label))}</text>'
            f'<rect class="bar" x="{_LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{_BAR}"'
            f' rx="2"/>'
            f'<text x="{_LABEL_WIDTH + length + 6:.1f}" y="{y + _BAR - 3}" font-size="13"'
            f' font-weight="600">{value:,}</text></g>{"</a>" if link else ""}'
        )
    described = _described(ident, title, items, unit)
    return _svg_open(ident, height) + described + "".join(rows) + "</svg>"


def column_chart(ident: str, title: str, items: Sequence[Item], *, unit: str = "quotes") -> str:
    """One column per item (periods, in order), with a baseline, the top value and dates."""
    left, top_margin, bottom = _COLUMN_MARGIN
    height = _COLUMN_HEIGHT + top_margin + bottom
    top = max((value for _, value in items), default=0) or 1
    span = WIDTH - left - 8
    step = min(span / max(1, len(items)), _MAX_COLUMN_STEP)
    every = max(1, -(-len(items) // _MAX_TICK_LABELS))
    base = top_margin + _COLUMN_HEIGHT
    parts = [
        f'<line class="axis" x1="{left}" y1="{base}" x2="{WIDTH - 8}" y2="{base}"/>',
        f'<text x="{left - 6}" y="{top_margin + 4}" text-anchor="end"'
        f' font-size="12">{top:,}</text>',
        f'<text x="{left - 6}" y="{base}" text-anchor="end" font-size="12">0</text>',
    ]
    offset = (span - step * len(items)) / 2  # a few columns stand in the middle
    for n, (label, value) in enumerate(items):
        x = left + offset + n * step
        h = _COLUMN_HEIGHT * value / top
        width = max(1.0, step * 0.8)
        parts.append(
            f"<g><title>{escape(label)}: {value:,} {escape(unit)}</title>"
            f'<rect class="bar" x="{x + step * 0.1:.1f}" y="{base - h:.1f}" width="{width:.1f}"'
            f' height="{h:.1f}"/></g>'
        )
        if len(items) <= _MAX_VALUE_LABELS and value:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{base - h - 4:.1f}" text-anchor="middle"'
                f' font-size="12" font-weight="600">{value:,}</text>'
            )
        if n % every == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{base + 16}" text-anchor="middle"'
                f' font-size="12">{escape(label)}</text>'
            )
    return (
        _svg_open(ident, height) + _described(ident, title, items, unit) + "".join(parts) + "</svg>"
    )
