"""Store a page's Link rows; re-point links when pages come and go."""

from __future__ import annotations

from collections.abc import Iterable

from tropewiki.knowledge.models import Link
from tropewiki.rows import delete, insert, select, update
from tropewiki.wiki.models import Page

#: The columns of a link row, in the order the derivation makes them.
LINK_COLUMNS = (
    "source_id", "target_key", "target_namespace", "target_name", "target_id", "count",
    "in_spoiler",
)  # fmt: skip
_WRITTEN = ("target_namespace", "target_name", "count", "in_spoiler")


def sync_links(page_id: int, rows: list[tuple]) -> None:
    """Store ``rows`` (in ``LINK_COLUMNS`` order) as the links written on a page, writing only
    what changed. A link already stored keeps its target (``relink`` maintains it)."""
    stored = select(Link, ("id", "target_key", *_WRITTEN), "source_id", page_id)
    existing = {row[1]: row for row in stored}
    inserts: list[tuple] = []
    updates: list[tuple] = []
    for row in rows:
        old = existing.pop(row[1], None)
        written = (row[2], row[3], row[5], row[6])
        if old is None:
            inserts.append(row)
        elif old[2:] != written:
            updates.append((*written, old[0]))
    delete(Link, (old[0] for old in existing.values()))
    insert(Link, LINK_COLUMNS, inserts)
    update(Link, _WRITTEN, updates)


def clear_links(page: Page) -> None:
    Link.objects.filter(source=page).delete()


def relink(keys: Iterable[str]) -> set[int]:
    """Point the links aimed at ``keys`` to the live page now there (or none).

    Returns the ids of the pages whose links changed colour, so their caches can be refreshed.
    """
    keys = list(keys)
    live = dict(Page.objects.live().filter(key__in=keys).values_list("key", "id"))
    sources: set[int] = set()
    for key in keys:
        target_id = live.get(key)
        changed = Link.objects.filter(target_key=key).exclude(target_id=target_id)
        if target_id is None:
            changed = Link.objects.filter(target_key=key, target_id__isnull=False)
        ids = set(changed.values_list("source_id", flat=True))
        if ids:
            Link.objects.filter(target_key=key).update(target_id=target_id)
            sources |= ids
    return sources
