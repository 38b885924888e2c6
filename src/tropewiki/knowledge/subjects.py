"""Which namespaces hold works, and which live pages keys reach (following redirects)."""

from __future__ import annotations

from collections.abc import Iterable

from tropewiki.markup.namespaces import MEDIA_NAMESPACES
from tropewiki.wiki.lookup import MAX_REDIRECT_HOPS
from tropewiki.wiki.models import Page

WORK_NAMESPACES = MEDIA_NAMESPACES - {"Creator"}


def resolve_keys(keys: Iterable[str]) -> dict[str, Page]:
    """Map keys to the live pages they reach, following redirects."""
    keys = set(keys)
    pages = {p.key: p for p in Page.objects.live().filter(key__in=keys)}
    for _ in range(MAX_REDIRECT_HOPS):
        pending = {k: p.redirect_to_id for k, p in pages.items() if p.redirect_to_id is not None}
        if not pending:
            break
        targets = Page.objects.live().in_bulk(set(pending.values()))
        for key, target_id in pending.items():
            target = targets.get(target_id)
            if target is None or target.id == pages[key].id:
                pages[key] = _unredirected(pages[key])
            else:
                pages[key] = target
    return pages


def _unredirected(page: Page) -> Page:
    page.redirect_to_id = None  # a broken or looping redirect: stop at it
    return page
