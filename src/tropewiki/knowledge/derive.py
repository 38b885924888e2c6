"""Derive everything a page's text implies, in the caller's transaction.

:func:`derive_page` is called by :mod:`tropewiki.actions` after each revision; it returns the
ids of *other* pages whose display changed (the caller marks them stale). :func:`reresolve`
re-points what other pages wrote about some addresses after pages appear, vanish or move.
"""

from __future__ import annotations

from collections.abc import Iterable

from tropewiki.knowledge.examples import clear_examples, derive_examples, reresolve_examples
from tropewiki.knowledge.indexes import clear_index, derive_index, reresolve_members
from tropewiki.knowledge.links import clear_links, derive_links, relink
from tropewiki.knowledge.models import Link
from tropewiki.markup import Document
from tropewiki.wiki.models import Page


def derive_page(page: Page, doc: Document | None) -> set[int]:
    """Re-derive the knowledge of ``page`` from ``doc`` (None for a redirect page)."""
    if doc is None:
        stale = clear_page(page)
        if page.redirect_to_id is not None:
            target = page.redirect_to
            Link.objects.create(
                source=page,
                target_key=target.key,
                target_namespace=target.namespace_id,
                target_name=target.name,
                target_id=target.id,
            )
            stale.add(target.id)
        return stale
    derive_links(page, doc)
    return derive_examples(page, doc) | derive_index(page, doc)


def clear_page(page: Page) -> set[int]:
    """Remove what a page contributed (it was cut or became a redirect); pages to refresh."""
    stale: set[int] = set()
    if page.redirect_to_id is not None:
        stale.add(page.redirect_to_id)
    clear_links(page)
    return stale | clear_examples(page) | clear_index(page)


def reresolve(keys: Iterable[str]) -> set[int]:
    """After pages at ``keys`` appeared, vanished or moved: re-point links, examples, entries."""
    keys = list(dict.fromkeys(keys))
    return relink(keys) | reresolve_examples(keys) | reresolve_members(keys)
