"""Re-derive every page's knowledge from its current revision (like MediaWiki's refreshLinks)."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from tropewiki.actions.pages import apply_revision
from tropewiki.actions.staleness import mark_stale
from tropewiki.wiki.models import Page

BATCH = 200


def rebuild_all(progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild links and knowledge of all live pages; returns how many were rebuilt."""
    ids = list(
        Page.objects.live()
        .filter(current_revision__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)
    )
    done = 0
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            pages = Page.objects.select_related("current_revision", "namespace").filter(
                id__in=ids[start : start + BATCH]
            )
            stale: set[int] = set()
            for page in pages:
                stale |= apply_revision(page, page.current_revision)
                done += 1
            mark_stale(stale)
        if progress:
            progress(done, len(ids))
    return done
