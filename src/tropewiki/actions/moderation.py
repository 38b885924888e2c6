"""Moderator actions: cut (delete to the cut list) and restore, lock and unlock, page type."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tropewiki.accounts.roles import can_moderate
from tropewiki.actions.actor import Actor
from tropewiki.actions.errors import BadInput, NotAllowed
from tropewiki.actions.pages import _append_revision, apply_revision
from tropewiki.actions.staleness import mark_stale
from tropewiki.knowledge.derive import clear_page, reresolve
from tropewiki.search.indexer import unindex_page
from tropewiki.wiki.models import Page, Revision
from tropewiki.wiki.namespaces import PageType


def _require_moderator(actor: Actor, what: str) -> None:
    if not (actor.is_tool or can_moderate(actor.user)):
        raise NotAllowed(f"Only moderators can {what}.")


def cut_page(page: Page, actor: Actor, *, reason: str) -> Page:
    """Delete a page to the cut list: hidden and unlinked, its history kept, restorable."""
    _require_moderator(actor, "cut pages")
    reason = (reason or "").strip()
    if not reason:
        raise BadInput("Say why the page is cut.")
    with transaction.atomic():
        page = Page.objects.select_for_update().get(id=page.id)
        if page.is_deleted:
            raise BadInput(f"{page.path} is already on the cut list.")
        now = timezone.now()
        if page.current_revision is not None:
            revision = _append_revision(
                page,
                page.current_revision.text,
                actor,
                f"Cut: {reason}"[:500],
                Revision.Kind.DELETE,
                now,
            )
            page.current_revision = revision
        page.deleted_at = now
        page.deleted_by = actor.db_user
        page.delete_reason = reason[:300]
        page.generation += 1
        page.touched_at = now
        page.save()
        stale = clear_page(page) | reresolve([page.key])
        unindex_page(page)
        mark_stale(stale)
    return page


def restore_page(page: Page, actor: Actor, *, reason: str = "") -> Page:
    """Bring a cut page back with its history and re-derive its knowledge."""
    _require_moderator(actor, "restore pages")
    with transaction.atomic():
        page = Page.objects.select_for_update().get(id=page.id)
        if not page.is_deleted:
            raise BadInput(f"{page.path} is not on the cut list.")
        now = timezone.now()
        revision = _append_revision(
            page,
            page.current_revision.text,
            actor,
            (f"Restored: {reason}" if reason else "Restored from the cut list")[:500],
            Revision.Kind.RESTORE,
            now,
        )
        page.deleted_at = None
        page.deleted_by = None
        page.delete_reason = ""
        stale = apply_revision(page, revision) | reresolve([page.key])
        mark_stale(stale)
    return page


def lock_page(page: Page, actor: Actor, *, reason: str = "") -> Page:
    """Only moderators may edit a locked page."""
    _require_moderator(actor, "lock pages")
    with transaction.atomic():
        now = timezone.now()
        Page.objects.filter(id=page.id).update(
            locked_at=now, locked_by=actor.db_user, lock_reason=(reason or "").strip()[:300]
        )
        mark_stale([page.id])
    page.refresh_from_db()
    return page


def unlock_page(page: Page, actor: Actor) -> Page:
    _require_moderator(actor, "unlock pages")
    with transaction.atomic():
        Page.objects.filter(id=page.id).update(locked_at=None, locked_by=None, lock_reason="")
        mark_stale([page.id])
    page.refresh_from_db()
    return page


def set_page_type(page: Page, page_type: str | None, actor: Actor) -> Page:
    """Override the type a page takes from its namespace (None: follow the namespace again)."""
    _require_moderator(actor, "change page types")
    if page_type is not None and page_type not in PageType.ALL:
        raise BadInput(f"Unknown page type {page_type!r}.")
    with transaction.atomic():
        page = Page.objects.select_for_update().get(id=page.id)
        if page_type is None:
            page.page_type = page.namespace.default_type
            page.page_type_locked = False
        else:
            page.page_type = page_type
            page.page_type_locked = True
        page.save(update_fields=["page_type", "page_type_locked"])
        stale = {page.id}
        if page.current_revision is not None and not page.is_deleted:
            stale |= apply_revision(page, page.current_revision)
            # Whether other pages' bullets about this page are examples depends on its type.
            linkers = (
                Page.objects.live()
                .filter(links_out__target=page)
                .select_related("current_revision", "namespace")
            )
            for linker in linkers.distinct():
                stale |= apply_revision(linker, linker.current_revision)
        mark_stale(stale)
    return page
