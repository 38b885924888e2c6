"""Derive a page's Link rows from its parsed text; re-point links when pages come and go."""

from __future__ import annotations

from collections.abc import Iterable

from tropewiki.knowledge.models import Link
from tropewiki.markup import Document, extract_links
from tropewiki.wiki.models import Page
from tropewiki.wiki.titles import page_key


def derive_links(page: Page, doc: Document) -> None:
    """Bring the links written on ``page`` in line with ``doc``, writing only what changed."""
    found: dict[str, Link] = {}
    for ref in extract_links(doc):
        target = ref.target
        if target is None or not target.name:
            continue
        key = page_key(target.namespace, target.name)
        if key == page.key:
            continue
        link = found.get(key)
        if link is None:
            found[key] = Link(
                source=page,
                target_key=key,
                target_namespace=target.namespace,
                target_name=target.name,
                in_spoiler=ref.in_spoiler,
            )
        else:
            link.count += 1
            link.in_spoiler = link.in_spoiler and ref.in_spoiler
    existing = {link.target_key: link for link in Link.objects.filter(source=page)}
    new_keys = [key for key in found if key not in existing]
    targets = dict(Page.objects.live().filter(key__in=new_keys).values_list("key", "id"))
    inserts: list[Link] = []
    updates: list[Link] = []
    for key, link in found.items():
        old = existing.pop(key, None)
        if old is None:
            link.target_id = targets.get(key)
            inserts.append(link)
        elif (old.count, old.in_spoiler, old.target_namespace, old.target_name) != (
            link.count,
            link.in_spoiler,
            link.target_namespace,
            link.target_name,
        ):
            old.count, old.in_spoiler = link.count, link.in_spoiler
            old.target_namespace, old.target_name = link.target_namespace, link.target_name
            updates.append(old)
    if existing:
        Link.objects.filter(id__in=[link.id for link in existing.values()]).delete()
    Link.objects.bulk_create(inserts, batch_size=500)
    Link.objects.bulk_update(
        updates, ["count", "in_spoiler", "target_namespace", "target_name"], batch_size=500
    )


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
