"""What the knowledge layer reads out of a parsed document: links and top-level bullets.

Everything here walks the tree :func:`parse` built; nothing is parsed again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from tropewiki.markup.nodes import (
    AnchorLink,
    Block,
    BulletList,
    Document,
    ExternalLink,
    Folder,
    Heading,
    IndexRegion,
    Inline,
    ListItem,
    Paragraph,
    Quote,
    QuoteImage,
    Spoiler,
    WikiLink,
)
from tropewiki.markup.targets import Target
from tropewiki.markup.text import plain_text

__all__ = [
    "Bullet",
    "LinkRef",
    "SpoilerCoverage",
    "extract_bullets",
    "extract_links",
    "index_region_present",
]

SpoilerCoverage = Literal["none", "partial", "full"]

_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class LinkRef:
    """One link as written.

    ``target`` is None for external links, whose address is in ``url`` (``""`` for wiki
    links). ``text`` is what the reader sees (a bare WikiWord in its spaced form, a bare URL
    as ``[n]``). ``position`` is the offset of the link's first character in the source.
    """

    target: Target | None
    text: str
    position: int
    in_spoiler: bool
    external: bool
    url: str


@dataclass(frozen=True, slots=True)
class Bullet:
    """A top-level (depth 1) bullet, wherever it sits (folders and index regions included).

    ``text`` is the bullet's own markup without its marker; ``children`` the markup of every
    bullet nested under it (all depths, in order, markers removed). ``first_link`` is the
    first wiki link of the bullet's own line, ignoring nested bullets. ``folder`` is the title
    of the innermost folder around it. ``spoiler`` says how much of its own visible text is
    in spoilers, not counting a leading ``Link:`` label (``* CycleOfRevenge: [[spoiler:…]]`` is
    ``"full"``).
    """

    first_link: Target | None
    text: str
    children: tuple[str, ...]
    position: int
    folder: str | None
    in_index: bool
    spoiler: SpoilerCoverage


def extract_links(doc: Document) -> list[LinkRef]:
    """Every wiki and external link of ``doc`` in document order (same-page anchors excluded)."""
    found: list[LinkRef] = []
    for inlines in _inline_runs(doc.children):
        _links(inlines, False, found)
    return found


def extract_bullets(doc: Document) -> list[Bullet]:
    """Every top-level bullet of ``doc`` in document order."""
    found: list[Bullet] = []
    _bullets(doc.children, None, False, found)
    return found


def index_region_present(doc: Document) -> bool:
    """Whether ``doc`` has a (terminated) ``[[index]] … [[/index]]`` region."""
    return any(isinstance(block, IndexRegion) for block in _walk_blocks(doc.children))


# ---- walking -------------------------------------------------------------------------------


def _walk_blocks(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, Folder | IndexRegion):
            yield from _walk_blocks(block.children)


def _inline_runs(blocks: list[Block]) -> Iterator[list[Inline]]:
    """Each list of inline content, in document order."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield block.children
        elif isinstance(block, BulletList):
            yield from _list_runs(block)
        elif isinstance(block, Quote):
            for line in block.lines:
                yield line.children
        elif isinstance(block, QuoteImage):
            if block.caption is not None:
                yield block.caption
        elif isinstance(block, Folder):
            yield block.title_children
            yield from _inline_runs(block.children)
        elif isinstance(block, IndexRegion):
            yield from _inline_runs(block.children)


def _list_runs(bullets: BulletList) -> Iterator[list[Inline]]:
    for item in bullets.items:
        yield item.children
        if item.sublist is not None:
            yield from _list_runs(item.sublist)


def _links(nodes: list[Inline], in_spoiler: bool, found: list[LinkRef]) -> None:
    for node in nodes:
        if isinstance(node, str):
            continue
        if isinstance(node, WikiLink):
            text = plain_text([node])
            found.append(LinkRef(node.target, text, node.position, in_spoiler, False, ""))
        elif isinstance(node, ExternalLink):
            text = plain_text([node])
            found.append(LinkRef(None, text, node.position, in_spoiler, True, node.url))
        elif isinstance(node, AnchorLink):
            continue
        else:
            children = getattr(node, "children", None)
            if children:
                _links(children, in_spoiler or isinstance(node, Spoiler), found)


# ---- bullets -------------------------------------------------------------------------------


def _bullets(blocks: list[Block], folder: str | None, in_index: bool, found: list[Bullet]) -> None:
    for block in blocks:
        if isinstance(block, BulletList):
            for item in block.items:
                found.append(_bullet(item, folder, in_index))
        elif isinstance(block, Folder):
            _bullets(block.children, block.title, in_index, found)
        elif isinstance(block, IndexRegion):
            _bullets(block.children, folder, True, found)


def _bullet(item: ListItem, folder: str | None, in_index: bool) -> Bullet:
    children: list[str] = []
    if item.sublist is not None:
        _sources(item.sublist, children)
    return Bullet(
        first_link=_first_link(item.children),
        text=item.source,
        children=tuple(children),
        position=item.position,
        folder=folder,
        in_index=in_index,
        spoiler=_spoiler_coverage(item.children),
    )


def _sources(bullets: BulletList, into: list[str]) -> None:
    for item in bullets.items:
        into.append(item.source)
        if item.sublist is not None:
            _sources(item.sublist, into)


def _first_link(nodes: list[Inline]) -> Target | None:
    for node in nodes:
        if isinstance(node, WikiLink):
            return node.target
        children = None if isinstance(node, str) else getattr(node, "children", None)
        if children:
            found = _first_link(children)
            if found is not None:
                return found
    return None


def _spoiler_coverage(nodes: list[Inline]) -> SpoilerCoverage:
    # A leading "Link:" label names the example's trope or work; it is never spoilered.
    start = 0
    while start < len(nodes) and isinstance(nodes[start], str) and not nodes[start].strip():
        start += 1
    if start + 1 < len(nodes) and isinstance(nodes[start], WikiLink):
        after = nodes[start + 1]
        if isinstance(after, str) and after.lstrip().startswith(":"):
            nodes = [after.lstrip()[1:], *nodes[start + 2 :]]
    inside, outside = _text_presence(nodes)
    if not inside:
        return "none"
    return "partial" if outside else "full"


def _text_presence(nodes: list[Inline]) -> tuple[bool, bool]:
    """Whether there is visible text inside spoilers, and outside them."""
    inside = outside = False
    for node in nodes:
        if isinstance(node, Spoiler):
            inside = inside or _ALNUM.search(plain_text(node.children)) is not None
            continue
        children = None if isinstance(node, str) else getattr(node, "children", None)
        if children:
            sub_inside, sub_outside = _text_presence(children)
            inside, outside = inside or sub_inside, outside or sub_outside
        elif _ALNUM.search(plain_text([node])):
            outside = True
    return inside, outside
