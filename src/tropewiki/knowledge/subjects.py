"""What a page is about, and what a link points at, for deriving examples and index entries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tropewiki.markup import Target
from tropewiki.markup.namespaces import DEFAULT_NAMESPACE, MEDIA_NAMESPACES
from tropewiki.wiki.lookup import MAX_REDIRECT_HOPS
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import Kind, PageType
from tropewiki.wiki.titles import page_key

WORK_NAMESPACES = MEDIA_NAMESPACES - {"Creator"}


@dataclass(frozen=True, slots=True)
class Subject:
    """The work or trope a page's bullets are examples of (itself, or the page it splits)."""

    page: Page
    side: str  # "work" or "trope"


def subject_of(page: Page) -> Subject | None:
    if page.page_type == PageType.WORK:
        return Subject(page, "work")
    if page.page_type == PageType.TROPE:
        return Subject(page, "trope")
    if page.namespace.kind == Kind.SPLIT:
        parent = (
            Page.objects.articles()
            .filter(name__iexact=page.namespace_id, page_type__in=[PageType.WORK, PageType.TROPE])
            .order_by("id")
            .first()
        )
        if parent is not None:
            return Subject(parent, "work" if parent.page_type == PageType.WORK else "trope")
    return None


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


def is_trope(target: Target, page: Page | None) -> bool:
    if page is not None:
        return page.page_type == PageType.TROPE
    return target.namespace == DEFAULT_NAMESPACE


def is_work(target: Target, page: Page | None) -> bool:
    if page is not None:
        return page.page_type == PageType.WORK
    return target.namespace in WORK_NAMESPACES


def key_of(target: Target) -> str:
    return page_key(target.namespace, target.name)
