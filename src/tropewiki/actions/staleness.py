"""Mark pages whose display depends on a change, so their cached views are rebuilt."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F
from django.utils import timezone

from tropewiki.wiki.models import Page


def mark_stale(page_ids: Iterable[int]) -> int:
    """Bump ``generation`` and ``touched_at`` of these pages: their cached views no longer match."""
    ids = {i for i in page_ids if i is not None}
    if not ids:
        return 0
    return Page.objects.filter(id__in=ids).update(
        touched_at=timezone.now(), generation=F("generation") + 1
    )
