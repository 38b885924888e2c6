"""Page text → HTML with blue and red links, cached per page generation."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from django.conf import settings
from django.core.cache import cache

from tropewiki.markup import Badges, Resolved, Target, parse, render_tree
from tropewiki.wiki.models import Page
from tropewiki.wiki.resolver import PageResolver


def render_text(text: str) -> str:
    """Render markup against the live wiki (used by preview and old revisions)."""
    return render_tree(parse(text), PageResolver())


def page_html(page: Page, badges: Badges | None = None) -> str:
    """The current revision of ``page`` rendered; cached until the page's generation changes.

    ``badges`` (labels by top-level bullet position) must depend on the revision only, as the
    how-played marks of the page's own examples do.
    """
    if page.current_revision is None:
        return ""
    key = f"tw:html:{page.id}:{page.generation}"
    html = cache.get(key)
    if html is None:
        html = render_tree(parse(page.current_revision.text), PageResolver(), badges)
        cache.set(key, html, settings.TROPEWIKI_PAGE_CACHE_SECONDS)
    return html


class _Prefetched:
    """A resolver answering from targets resolved beforehand in one query."""

    def __init__(self, resolved: Mapping[Target, Resolved]) -> None:
        self.resolved = resolved

    def resolve_many(self, targets: Collection[Target]) -> Mapping[Target, Resolved]:
        return {t: self.resolved[t] for t in targets if t in self.resolved}


def render_many(texts: list[str]) -> list[str]:
    """Render many small texts (example lists) with one link-resolution query for them all."""
    docs = [parse(text) for text in texts]
    targets = {t for doc in docs for t in doc.targets}
    resolver = _Prefetched(PageResolver().resolve_many(targets)) if targets else _Prefetched({})
    return [render_tree(doc, resolver) for doc in docs]
