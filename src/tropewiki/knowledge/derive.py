"""Derive everything a page's text implies, in the caller's transaction.

:func:`derive_page` is called by :mod:`tropewiki.actions` after each revision; it returns the
ids of *other* pages whose display changed (the caller marks them stale). The rows come from
the same tuple derivation as bulk imports (:func:`tropewiki.knowledge.bulk.derive_rows`) and
only the difference to what is stored is written. :func:`reresolve`
re-points what other pages wrote about some addresses after pages appear, vanish or move.
"""

from __future__ import annotations

from collections.abc import Iterable

from tropewiki.knowledge.bulk import Resolver, derive_rows, keys_needed, page_ref
from tropewiki.knowledge.examples import clear_examples, reresolve_examples, sync_examples
from tropewiki.knowledge.indexes import clear_index, reresolve_members, sync_entries
from tropewiki.knowledge.links import clear_links, relink, sync_links
from tropewiki.knowledge.models import Link
from tropewiki.knowledge.scan import scan_document
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
    scan = scan_document(doc)
    resolver = Resolver()
    resolver.load(keys_needed(scan))
    rows = derive_rows(page_ref(page), scan, resolver)
    sync_links(page.id, rows.links)
    return sync_examples(page.id, rows.examples) | sync_entries(page.id, rows.entries)


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
