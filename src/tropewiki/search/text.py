"""The searchable text of a parsed page: its summary, the rest, and what spoilers hide.

The summary is the run of paragraphs before the first heading, list or folder: a trope's
description, a work's synopsis. Spoiler text goes to its own field so that a page can be found
by it while snippets never show it. Plain text follows :func:`tropewiki.markup.plain_text`
(bare WikiWords spaced, markup removed); blocks are separated by newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tropewiki.markup.nodes import (
    Anchor,
    Block,
    BulletList,
    Document,
    ExternalLink,
    Folder,
    Heading,
    IndexRegion,
    Inline,
    LineBreak,
    Paragraph,
    Quote,
    QuoteImage,
    Spoiler,
    WikiLink,
)
from tropewiki.markup.titles import spaced_title

#: Characters of each field that are indexed (a page may hold 1 MiB of text).
MAX_FIELD_CHARS = 300_000

#: Private-use characters that mark highlights in snippets; removed from indexed text.
MARK_START, MARK_END = "\ue000", "\ue001"
_MARKS = str.maketrans("", "", MARK_START + MARK_END)

_YEAR = re.compile(r"(?<![\d/.,-])(1[0-9]{3}|20[0-9]{2})(?![\d/]|s\b|,\d)")
_SUMMARY_BREAKS = (Heading, BulletList, Folder, IndexRegion)


@dataclass(frozen=True, slots=True)
class PageText:
    summary: str
    body: str
    spoilers: str

    def year(self) -> int | None:
        """The first plausible year in the summary's first paragraph (a work's, usually)."""
        first = self.summary.split("\n", 1)[0]
        for match in _YEAR.finditer(first):
            year = int(match.group(1))
            if 1000 <= year <= date.today().year + 2:
                return year
        return None


def page_text(doc: Document) -> PageText:
    """Split ``doc`` into summary, body and spoiler text."""
    summary: list[str] = []
    body: list[str] = []
    hidden: list[str] = []
    in_summary = True
    for block in doc.children:
        if in_summary and isinstance(block, _SUMMARY_BREAKS):
            in_summary = False
        if in_summary and isinstance(block, Paragraph):
            _line(block.children, summary, hidden)
        else:
            _block(block, body, hidden)
    return PageText(_clean(summary), _clean(body), _clean(hidden))


def _clean(lines: list[str]) -> str:
    text = "\n".join(line.strip() for line in lines if line.strip())
    return text.translate(_MARKS)[:MAX_FIELD_CHARS]


def _block(block: Block, out: list[str], hidden: list[str]) -> None:
    if isinstance(block, Paragraph | Heading):
        _line(block.children, out, hidden)
    elif isinstance(block, BulletList):
        for item in block.items:
            _line(item.children, out, hidden)
            if item.sublist is not None:
                _block(item.sublist, out, hidden)
    elif isinstance(block, Quote):
        for line in block.lines:
            _line(line.children, out, hidden)
    elif isinstance(block, QuoteImage):
        if block.caption:
            _line(block.caption, out, hidden)
    elif isinstance(block, Folder):
        _line(block.title_children, out, hidden)
        for child in block.children:
            _block(child, out, hidden)
    elif isinstance(block, IndexRegion):
        for child in block.children:
            _block(child, out, hidden)


def _line(nodes: list[Inline], out: list[str], hidden: list[str]) -> None:
    visible: list[str] = []
    secret: list[str] = []
    _collect(nodes, visible, secret, False)
    out.append("".join(visible))
    if secret:
        hidden.append(" ".join(secret))


def _collect(nodes: list[Inline], visible: list[str], secret: list[str], in_spoiler: bool) -> None:
    into = secret if in_spoiler else visible
    for node in nodes:
        if isinstance(node, str):
            into.append(node.replace("\n", " "))
        elif isinstance(node, WikiLink) and node.children is None:
            into.append(spaced_title(node.target.name))
        elif isinstance(node, ExternalLink) and node.children is None:
            continue
        elif isinstance(node, LineBreak):
            into.append(" ")
        elif isinstance(node, Anchor):
            continue
        elif isinstance(node, Spoiler):
            if not in_spoiler:
                visible.append(" ")
            _collect(node.children, visible, secret, True)
            if not in_spoiler:
                secret.append(" ")
                visible.append(" ")
        else:
            children = getattr(node, "children", None)
            if children:
                _collect(children, visible, secret, in_spoiler)
