"""The writers' reference, ``docs/markup.md``, says what the renderer does.

Its tables and examples are read from the file and rendered: a row whose "Reader sees" or
"Points to" no longer matches the renderer fails here, so the reference cannot drift from
the code (or the code from the reference).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tropewiki.markup import render

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "markup.md"


class _Reading(HTMLParser):
    """The text a reader sees, the links' targets, and the text under each inline tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hrefs: list[str] = []
        self.open: list[str] = []
        self.styled: list[tuple[tuple[str, ...], str]] = []  # (enclosing tags, text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        styles = tuple(t for t in self.open if t in ("em", "strong", "s"))
        if styles and data.strip():
            self.styled.append((styles, data))

    @property
    def shown(self) -> str:
        """The text, blanks collapsed."""
        return " ".join("".join(self.text).split())


def reading(source: str) -> _Reading:
    parser = _Reading()
    parser.feed(render(source))
    parser.close()
    return parser


def _table(heading: str) -> list[list[str]]:
    """The body rows of the first table after ``heading``, cells unescaped."""
    text = REFERENCE.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("## "):
            break
        if not line.startswith("|") or set(line) <= set("|- "):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        rows.append(cells)
    return rows[1:]  # the header row


def _code(cell: str) -> str:
    match = re.fullmatch(r"`(.+)`", cell)
    assert match, f"expected one code span, got {cell!r}"
    return match.group(1)


LINK_ROWS = _table("## Links")


def test_the_reference_has_its_tables() -> None:
    assert len(LINK_ROWS) >= 9
    assert len(_table("## Text")) >= 8


@pytest.mark.parametrize("row", LINK_ROWS, ids=[r[0] for r in LINK_ROWS])
def test_links_table(row: list[str]) -> None:
    source, sees, points_to = _code(row[0]), row[1], _code(row[2])
    page = reading(source)
    assert page.shown == sees
    assert page.hrefs == [f"/{points_to}"]


def test_custom_text_examples() -> None:
    """The ``[[Target text]]`` lines of the reference, with their arrows."""
    text = REFERENCE.read_text(encoding="utf-8")
    line = r"^    (\[\[\S+(?: [^\]]+)?\]\])\s+→ \"([^\"]+)\"(?:, to (\S+))?$"
    examples = re.findall(line, text, re.M)
    assert len(examples) == 3
    for source, sees, target in examples:
        page = reading(source)
        assert page.shown == sees
        inner = source[2:-2].split(" ")[0]
        assert page.hrefs == [f"/{target or inner}"]


_STYLES = {"*": ("em",), "**": ("strong",), "***": ("strong", "em"), "~~": ("s",)}


@pytest.mark.parametrize("row", _table("## Text"))
def test_text_table(row: list[str]) -> None:
    source, sees = _code(row[0]), row[1]
    page = reading(source)
    styled = re.fullmatch(r"(\*{1,3}|~~)(\w+)\1", sees)
    if styled:  # *italic*, **bold**, ***both***, ~~gone~~: that text under those tags
        marker, word = styled.groups()
        assert [(sorted(tags), text) for tags, text in page.styled] == [
            (sorted(_STYLES[marker]), word)
        ]
    elif sees.startswith("nothing"):
        assert page.shown == ""
    else:  # "what is shown (a comment on it)"
        expected = sees.split(" (")[0]
        if "small capitals" in sees:
            assert 'class="smallcaps"' in render(source)
            expected = expected.title()
        assert page.shown == expected
        assert page.hrefs == []


def test_spoiler_example_renders_hidden_text() -> None:
    source = "[[spoiler:Bruce Willis was dead all along]]"
    assert source in REFERENCE.read_text(encoding="utf-8")
    html = render(source)
    assert 'class="spoiler"' in html
    assert reading(source).shown == "Bruce Willis was dead all along"
