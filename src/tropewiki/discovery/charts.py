"""Small charts as server-rendered SVG: accessible, theme-aware, no JavaScript, no CDN.

Each chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` that lists every value, so a
screen reader gets the data, not the drawing. Colours come from the page's CSS variables
(``--accent``, ``--line``) and ``currentColor``, so charts follow the light and dark themes.
Every text is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
ROW = 24
LABEL_WIDTH = 210
LABEL_CHARS = 30
BAR_HEIGHT = 15
COLUMN_HEIGHT = 150

_ID = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its value and the text written after it (defaults to the value)."""

    label: str
    value: float
    note: str = ""

    @property
    def text(self) -> str:
        return self.note or f"{self.value:g}"


def _open(ident: str, title: str, desc: str, height: int) -> str:
    ident = _ID.sub("-", ident)
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {WIDTH} {height}"'
        f' width="100%" style="max-width:{WIDTH}px;height:auto;display:block">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>'
    )


def _describe(bars: list[Bar]) -> str:
    return "; ".join(f"{bar.label}: {bar.text}" for bar in bars) + "."


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(ident: str, title: str, bars: list[Bar]) -> Markup:
    """Horizontal bars, one labelled row each, longest value full width."""
    if not bars:
        return Markup("")
    height = ROW * len(bars) + 6
    top = max((bar.value for bar in bars), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 90
    parts = [_open(ident, title, _describe(bars), height)]
    parts.append('<g font-size="13" fill="currentColor">')
    for i, bar in enumerate(bars):
        y = 3 + i * ROW
        width = max(1.0, span * bar.value / top)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 13}" text-anchor="end">'
            f"{escape(_short(bar.label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{width:.1f}" height="{BAR_HEIGHT}"'
            f' rx="2" style="fill:var(--accent, currentColor)"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 13}"'
            f' style="fill:var(--muted, currentColor)">{escape(bar.text)}</text>'
        )
    parts.append("</g></svg>")
    return Markup("".join(parts))


def column_chart(ident: str, title: str, columns: list[Bar]) -> Markup:
    """Vertical columns over a baseline (a time series: one column per decade, say)."""
    if not columns:
        return Markup("")
    height = COLUMN_HEIGHT + 56
    top = max((c.value for c in columns), default=0) or 1
    slot = (WIDTH - 20) / len(columns)
    every = max(1, round(len(columns) / 12))  # at most about 12 axis labels
    parts = [_open(ident, title, _describe(columns), height)]
    parts.append('<g font-size="12" fill="currentColor">')
    base = COLUMN_HEIGHT + 26  # room above the tallest column for its value
    parts.append(
        f'<line x1="10" y1="{base}" x2="{WIDTH - 10}" y2="{base}"'
        f' style="stroke:var(--line, currentColor)" stroke-width="1"/>'
    )
    for i, column in enumerate(columns):
        x = 10 + i * slot
        h = COLUMN_HEIGHT * column.value / top
        parts.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{base - h:.1f}" width="{slot * 0.7:.1f}"'
            f' height="{h:.1f}" rx="1" style="fill:var(--accent, currentColor)"/>'
        )
        if slot >= 22 and column.value:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{base - h - 3:.1f}" text-anchor="middle"'
                f' style="fill:var(--muted, currentColor)">{escape(f"{column.value:g}")}</text>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{base + 16}" text-anchor="middle">'
                f"{escape(_short(column.label, 8))}</text>"
            )
    parts.append("</g></svg>")
    return Markup("".join(parts))
