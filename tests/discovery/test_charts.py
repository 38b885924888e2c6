"""Server-rendered SVG charts: accessible, escaped, themed by CSS variables (no database)."""

from __future__ import annotations

import re

import pytest

from tropewiki.discovery.charts import Bar, bar_chart, column_chart


@pytest.mark.parametrize("draw", [bar_chart, column_chart])
def test_chart_is_an_image_with_title_and_data_description(draw):
    """role=img, labelled by its <title> and a <desc> listing every value."""
    svg = str(draw("c-1", "Played", [Bar("Straight", 3), Bar("Subverted", 1, "1 trope")]))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="c-1-title c-1-desc"' in svg
    assert '<title id="c-1-title">Played</title>' in svg
    assert '<desc id="c-1-desc">Straight: 3; Subverted: 1 trope.</desc>' in svg


@pytest.mark.parametrize("draw", [bar_chart, column_chart])
def test_chart_text_is_escaped(draw):
    """Titles and labels with markup are escaped, in the drawing and in its description."""
    svg = str(draw('x"><script>', "<b>T</b>", [Bar("<script>alert(1)</script>", 1)]))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert 'id="x-script--title"' in svg  # the id is reduced to safe characters


def test_bars_scale_to_the_largest_value():
    """The largest value spans the bar area; the others are proportional."""
    svg = str(bar_chart("c", "t", [Bar("a", 4), Bar("b", 2)]))
    widths = [float(w) for w in re.findall(r'<rect[^>]*width="([0-9.]+)"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1])


def test_colours_follow_the_theme():
    """Colours are CSS variables and currentColor, never fixed values."""
    svg = str(bar_chart("c", "t", [Bar("a", 1)])) + str(column_chart("d", "t", [Bar("a", 1)]))
    assert "var(--accent" in svg and "currentColor" in svg
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", svg)


@pytest.mark.parametrize("draw", [bar_chart, column_chart])
def test_no_data_no_chart(draw):
    """Nothing to show draws nothing."""
    assert str(draw("c", "t", [])) == ""
