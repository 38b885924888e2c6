"""What a page's text says for the knowledge tables, read without the database.

:func:`scan_text` returns the links (by key, first appearance first) and the top-level bullets
that have a first link, exactly as :func:`tropewiki.markup.extract_links` and
:func:`tropewiki.markup.extract_bullets` would report them on ``parse(text)``; the bulk
deriver (:mod:`tropewiki.knowledge.bulk`) turns them into rows.

Importers generate pages made of a few plain line shapes (``* AlphaBitch``,
``* Film/TheMatrix: text``, ``* [[Film/Heat]]``, prose, ``%%`` comments). Those lines are read
with one regular expression each (the parser's own token pattern decides what is plain), which
is several times faster than parsing; a page holding any other line is parsed in full. The two
paths give equal results (``tests/io/test_bulk_derive.py`` checks it on real and generated
pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tropewiki.markup import Target, extract_bullets, extract_links, parse
from tropewiki.markup.context import ParseContext
from tropewiki.markup.inline import parse_inline
from tropewiki.markup.inline_syntax import INLINE_TOKEN
from tropewiki.markup.nodes import Document, Paragraph
from tropewiki.markup.titles import WIKIWORD_PATTERN, wikiword_from_words
from tropewiki.wiki.titles import page_key

__all__ = ["BulletScan", "TextScan", "key_of", "scan_document", "scan_text"]

#: ``page_key`` remembered: the same few thousand trope names recur on every work page.
key_of = lru_cache(maxsize=1 << 17)(page_key)


@dataclass(slots=True)
class BulletScan:
    """A top-level bullet with a first link (what example and index derivation read)."""

    target: Target
    text: str
    position: int
    spoiler: str = "none"
    folder: str | None = None
    in_index: bool = False


@dataclass(slots=True)
class TextScan:
    """Links by key (``[namespace, name, count, in_spoiler]``) and bullets, in document order."""

    links: dict[str, list] = field(default_factory=dict)
    bullets: list[BulletScan] = field(default_factory=list)
    fast: bool = True


# ``* Link`` or ``* Link: text`` / ``* Link text``, the link being a bare WikiWord,
# ``Namespace/WikiWord``, a bare pothole ``[[Namespace/Name]]`` or ``Namespace/{{Words}}``.
FAST_BULLET = re.compile(
    r"\*[ \t]+(?:(?P<ns>[A-Z][A-Za-z0-9]*)/(?P<nw>" + WIKIWORD_PATTERN + r")"
    r"|(?P<ww>" + WIKIWORD_PATTERN + r")"
    r"|\[\[(?:(?P<pns>[A-Z][A-Za-z0-9]*)/)?(?P<pw>[A-Za-z0-9]+)\]\]"
    r"|(?:(?P<bns>[A-Z][A-Za-z0-9]*)/)?\{\{(?P<body>[^{}\[\]|\n]{1,120})\}\})"
    r"(?=[:\s]|\Z)"
)
# Words that make ``[[word]]`` something other than a link.
_NOT_POTHOLES = frozenset({"foldercontrol", "index", "note"})
# First characters with a block meaning (or leading blanks, which the parser strips).
_BLOCK_STARTS = frozenset("*+[-! \t")


def scan_text(text: str) -> TextScan:
    """Links and first-link bullets of ``text`` (already cleaned: ``\\n`` line endings)."""
    scan = _scan_fast(text)
    return scan if scan is not None else scan_parsed(text)


def scan_parsed(text: str) -> TextScan:
    """The same, by parsing the whole text (the reference the fast path must equal)."""
    return scan_document(parse(text))


def scan_document(doc: Document) -> TextScan:
    """Links and first-link bullets of a parsed document (what a single save derives from)."""
    scan = TextScan(fast=False)
    _add_links(scan.links, doc)
    for bullet in extract_bullets(doc):
        if bullet.first_link is not None:
            scan.bullets.append(
                BulletScan(
                    bullet.first_link,
                    bullet.text,
                    bullet.position,
                    bullet.spoiler,
                    bullet.folder,
                    bullet.in_index,
                )
            )
    return scan


def _add_links(links: dict[str, list], doc: Document) -> None:
    for ref in extract_links(doc):
        target = ref.target
        if target is None or not target.name:
            continue
        count_link(
            links,
            page_key(target.namespace, target.name),
            target.namespace,
            target.name,
            ref.in_spoiler,
        )


def count_link(
    links: dict[str, list], key: str, namespace: str, name: str, in_spoiler: bool
) -> None:
    """One more link to ``key`` in ``links`` ([namespace, name, count, only in spoilers])."""
    found = links.get(key)
    if found is None:
        links[key] = [namespace, name, 1, in_spoiler]
    else:
        found[2] += 1
        found[3] = found[3] and in_spoiler


def _scan_fast(text: str) -> TextScan | None:
    """The line-by-line reading, or None when a line needs the full parser."""
    scan = TextScan()
    links, bullets = scan.links, scan.bullets
    search = INLINE_TOKEN.search
    ctx = ParseContext()
    offset = 0
    for line in text.split("\n"):
        line_offset = offset
        offset += len(line) + 1
        if not line or line.startswith("%%") or line.isspace():
            continue
        if "%%" in line:
            return None
        first = line[0]
        if first == "*":
            match = FAST_BULLET.match(line)
            if match is None or (match.end() < len(line) and search(line, match.end())):
                return None
            target = _target(match)
            if target is None:
                return None
            content = line[1:].strip()
            bullets.append(BulletScan(target, content, line_offset))
            key = key_of(target.namespace, target.name)
            count_link(links, key, target.namespace, target.name, False)
        elif first in _BLOCK_STARTS:
            if first not in "!-" or search(line) is not None:
                return None  # headings and dashes with links, bullets, tags: parse
        elif search(line) is not None:
            if line[-1] == "]" and "[[/" in line:
                return None
            nodes = parse_inline(line.rstrip(), line_offset, ctx)
            _add_links(links, Document([Paragraph(nodes, line_offset)], text, ctx.targets))
    return scan


def _target(match: re.Match[str]) -> Target | None:
    ww, nw, body, word = match.group("ww", "nw", "body", "pw")
    if ww is not None:
        return _make_target("Main", ww)
    if nw is not None:
        return _make_target(match["ns"], nw)
    if body is not None:
        name = _words_name(body)
        return _make_target(match["bns"] or "Main", name) if name else None
    namespace = match["pns"]
    if namespace is None:
        if word.lower() in _NOT_POTHOLES:
            return None
        namespace = "Main"
    name = word if word[0].isupper() else word[0].upper() + word[1:]
    return _make_target(namespace, name)


_words_name = lru_cache(maxsize=1 << 17)(wikiword_from_words)


@lru_cache(maxsize=1 << 17)
def _make_target(namespace: str, name: str) -> Target:
    return Target(namespace, name)
