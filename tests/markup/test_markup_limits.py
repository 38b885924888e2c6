"""Bounds: nesting depth, input size, and linear time on pathological input."""

from __future__ import annotations

import sys

import pytest

from tropewiki.markup import MAX_DEPTH, parse, render
from tropewiki.markup import blocks as blocks_module
from tropewiki.markup.nodes import Folder, Paragraph, Spoiler

PATHOLOGICAL = {
    "open brackets": "[[",
    "close brackets": "]]",
    "apostrophe pairs": "''",
    "apostrophe runs": "'''''' ",
    "escapes never closed": "[=",
    "title escapes never closed": "[=~",
    "braces never closed": "{{",
    "spoilers never closed": "[[spoiler:",
    "notes never closed": "[[note]]",
    "note closers": "[[/note]]",
    "potholes never closed": "[[AlphaBitch ",
    "urls never closed": "[[https://e.org/",
    "wikiwords": "AbC",
    "namespace dots": "FooBar.",
    "stars on one line": "*",
    "bullets": "* x\n",
    "folder openers": "[[folder:x]]\n",
    "folder closers": "[[/folder]]\n",
    "closers at line end": "[[/folder]]",
    "index openers": "[[index]]",
    "quote lines": "-->x\n",
    "comments": "%%",
    "escape then comment": "[=%%",
}


def _calls(source: str) -> int:
    """How many functions (Python and C) rendering ``source`` calls: work counted, not timed."""
    count = 0

    def profiler(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call" or event == "c_call":
            count += 1

    sys.setprofile(profiler)
    try:
        render(source)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_input_stays_linear(unit: str) -> None:
    """Four times the input makes about four times the calls, never sixteen.

    Counting calls is deterministic; wall-clock scaling is measured in bench/markup.py.
    """
    small = unit * (5_000 // len(unit))
    large = small * 4
    assert _calls(large) <= 5 * _calls(small) + 200


def test_mixed_flood_of_openers_stays_linear() -> None:
    """Every kind of opener at once, 4× longer: about 4× the work."""
    small = "".join(PATHOLOGICAL.values()) * 100
    assert _calls(small * 4) <= 5 * _calls(small) + 200


def _spoiler_depth(nodes: list) -> int:
    deepest = 0
    for node in nodes:
        if isinstance(node, Spoiler):
            deepest = max(deepest, 1 + _spoiler_depth(node.children))
    return deepest


def test_inline_nesting_is_capped() -> None:
    """Beyond MAX_DEPTH, openers stay literal text instead of nesting further."""
    depth = MAX_DEPTH + 10
    doc = parse("[[spoiler:" * depth + "x" + "]]" * depth)
    (paragraph,) = doc.children
    assert isinstance(paragraph, Paragraph)
    assert _spoiler_depth(paragraph.children) == MAX_DEPTH
    assert render("[[spoiler:" * depth + "x" + "]]" * depth).count('class="spoiler"') == MAX_DEPTH


def test_folder_nesting_is_capped() -> None:
    """Folders nest at most MAX_DEPTH deep; deeper openers are kept as text."""
    depth = MAX_DEPTH + 5
    doc = parse("[[folder:f]]\n" * depth + "x\n" + "[[/folder]]\n" * depth)
    level, blocks = 0, doc.children
    while blocks and isinstance(blocks[0], Folder):
        level, blocks = level + 1, blocks[0].children
    assert level == MAX_DEPTH


def test_input_beyond_the_size_limit_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sources longer than MAX_SOURCE_CHARS are parsed up to the limit only."""
    monkeypatch.setattr(blocks_module, "MAX_SOURCE_CHARS", 10)
    doc = parse("0123456789 and more")
    assert doc.source == "0123456789"
