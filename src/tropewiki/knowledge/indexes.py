"""Derive an index page's members and build the Previous | Index | Next bars."""

from __future__ import annotations

from dataclasses import dataclass

from tropewiki.knowledge.models import IndexEntry
from tropewiki.knowledge.subjects import key_of, resolve_keys
from tropewiki.markup import Document, extract_bullets
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import PageType


def derive_index(page: Page, doc: Document) -> set[int]:
    """Replace the members of an index page; return member pages whose bars changed."""
    old = set(IndexEntry.objects.filter(index=page).values_list("member_id", flat=True))
    IndexEntry.objects.filter(index=page).delete()
    if page.page_type != PageType.INDEX:
        return {m for m in old if m is not None}
    bullets = [b for b in extract_bullets(doc) if b.first_link is not None]
    if any(b.in_index for b in bullets):
        bullets = [b for b in bullets if b.in_index]
    resolved = resolve_keys(key_of(b.first_link) for b in bullets)
    entries: list[IndexEntry] = []
    seen: set[str] = set()
    for bullet in bullets:
        key = key_of(bullet.first_link)
        member = resolved.get(key)
        if key in seen or (member is not None and member.id == page.id):
            continue
        seen.add(key)
        entries.append(IndexEntry(index=page, member_key=key, member=member, position=len(entries)))
    IndexEntry.objects.bulk_create(entries, batch_size=500)
    new = {e.member_id for e in entries}
    return {m for m in old | new if m is not None}


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
