"""Store an index page's members and build the Previous | Index | Next bars."""

from __future__ import annotations

from dataclasses import dataclass

from tropewiki.knowledge.models import IndexEntry
from tropewiki.knowledge.subjects import resolve_keys
from tropewiki.rows import insert, select
from tropewiki.wiki.models import Page

#: The columns of an index entry row, in the order the derivation makes them.
ENTRY_COLUMNS = ("index_id", "member_key", "member_id", "position")


def sync_entries(page_id: int, rows: list[tuple]) -> set[int]:
    """Store ``rows`` (in ``ENTRY_COLUMNS`` order) as the members of an index page (none for
    other pages); when they changed, return the members whose bars changed (old and new)."""
    old = sorted(select(IndexEntry, ENTRY_COLUMNS, "index_id", page_id), key=lambda r: r[3])
    if old == rows:
        return set()
    IndexEntry.objects.filter(index_id=page_id).delete()
    insert(IndexEntry, ENTRY_COLUMNS, rows)
    return {row[2] for row in old + rows if row[2] is not None}


def clear_index(page: Page) -> set[int]:
    members = set(IndexEntry.objects.filter(index=page).values_list("member_id", flat=True))
    IndexEntry.objects.filter(index=page).delete()
    return {m for m in members if m is not None}


def reresolve_members(keys: list[str]) -> set[int]:
    """Point index entries written for ``keys`` at the pages now there; return pages to refresh."""
    resolved = resolve_keys(keys)
    stale: set[int] = set()
    for key in keys:
        target = resolved.get(key)
        rows = IndexEntry.objects.filter(member_key=key)
        index_ids = set(rows.values_list("index_id", flat=True))
        if not index_ids:
            continue
        rows.update(member=target)
        # Neighbours' bars name this member: refresh every member of those indexes.
        stale |= set(
            IndexEntry.objects.filter(index_id__in=index_ids).values_list("member_id", flat=True)
        )
        stale |= index_ids
    return {s for s in stale if s is not None}


@dataclass(frozen=True, slots=True)
class IndexBar:
    index: Page
    previous: Page | None
    previous_key: str
    next: Page | None
    next_key: str


def index_bars(page: Page) -> list[IndexBar]:
    """One ``Previous | Index | Next`` bar per index the page belongs to (two queries)."""
    mine = list(
        IndexEntry.objects.filter(member=page, index__deleted_at__isnull=True)
        .select_related("index")
        .order_by("index__title")
    )
    if not mine:
        return []
    wanted = {(e.index_id, e.position - 1) for e in mine} | {
        (e.index_id, e.position + 1) for e in mine
    }
    neighbours = {
        (n.index_id, n.position): n
        for n in IndexEntry.objects.filter(
            index_id__in={e.index_id for e in mine},
            position__in={p for _, p in wanted},
        ).select_related("member")
    }
    bars = []
    for entry in mine:
        before = neighbours.get((entry.index_id, entry.position - 1))
        after = neighbours.get((entry.index_id, entry.position + 1))
        bars.append(
            IndexBar(
                index=entry.index,
                previous=before.member if before else None,
                previous_key=before.member_key if before else "",
                next=after.member if after else None,
                next_key=after.member_key if after else "",
            )
        )
    return bars
