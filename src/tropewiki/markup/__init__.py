"""TV Tropes-style markup: source → tree → safe HTML, plus what the knowledge layer extracts.

Pure Python (plus nh3); nothing here imports Django.

>>> render("* AlphaBitch: ''Ruth''")
'<ul><li><a class="wikilink" href="/Main/AlphaBitch">Alpha Bitch</a>: <em>Ruth</em></li>\\n</ul>\\n'

* :func:`parse` turns source into a :class:`Document` (nodes in :mod:`.nodes`).
* :func:`render_tree` / :class:`HtmlRenderer` turn a document into sanitised HTML, asking a
  :class:`Resolver` once per document where links point and whether their pages exist.
* :func:`render` does both with the :class:`DefaultResolver` (every page exists).
* :func:`extract_links`, :func:`extract_bullets`, :func:`index_region_present` read the tree.

The syntax is documented for writers in ``docs/markup.md``; CSS classes in
:mod:`.html_renderer`.
"""

from __future__ import annotations

from tropewiki.markup.blocks import MAX_SOURCE_CHARS, parse
from tropewiki.markup.extract import (
    Bullet,
    LinkRef,
    SpoilerCoverage,
    extract_bullets,
    extract_links,
    index_region_present,
)
from tropewiki.markup.html_renderer import Badges, HtmlRenderer
from tropewiki.markup.inline_syntax import MAX_DEPTH
from tropewiki.markup.namespaces import (
    DEFAULT_NAMESPACE,
    KNOWN_NAMESPACES,
    MEDIA_NAMESPACES,
    SITE_NAMESPACES,
    SUBPAGE_NAMESPACES,
)
from tropewiki.markup.nodes import Document
from tropewiki.markup.sanitizer import sanitize
from tropewiki.markup.targets import DefaultResolver, Resolved, Resolver, Target
from tropewiki.markup.text import plain_text
from tropewiki.markup.titles import is_wikiword, spaced_title, wikiword_from_words

__all__ = [
    "DEFAULT_NAMESPACE",
    "KNOWN_NAMESPACES",
    "MAX_DEPTH",
    "MAX_SOURCE_CHARS",
    "MEDIA_NAMESPACES",
    "SITE_NAMESPACES",
    "SUBPAGE_NAMESPACES",
    "Badges",
    "Bullet",
    "DefaultResolver",
    "Document",
    "HtmlRenderer",
    "LinkRef",
    "Resolved",
    "Resolver",
    "SpoilerCoverage",
    "Target",
    "extract_bullets",
    "extract_links",
    "index_region_present",
    "is_wikiword",
    "parse",
    "plain_text",
    "render",
    "render_tree",
    "sanitize",
    "spaced_title",
    "wikiword_from_words",
]

_DEFAULT_RENDERER = HtmlRenderer()


def render_tree(
    doc: Document, resolver: Resolver | None = None, badges: Badges | None = None
) -> str:
    """Sanitised HTML for a parsed document; ``resolver`` defaults to :class:`DefaultResolver`.

    ``badges`` maps top-level bullet positions to labels shown after the bullet's leading link.
    """
    renderer = _DEFAULT_RENDERER if resolver is None else HtmlRenderer(resolver)
    return renderer.render(doc, badges)


def render(text: str) -> str:
    """Sanitised HTML for markup ``text``, every wiki link treated as existing."""
    return _DEFAULT_RENDERER.render(parse(text))
