"""Renaming (moving) a page: its history, knowledge and subpages follow; old links keep working."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from tropewiki.accounts.roles import can_rename
from tropewiki.actions.actor import Actor
from tropewiki.actions.errors import AlreadyExists, BadInput, NotAllowed, PageLocked
from tropewiki.actions.pages import _append_revision, _namespace_for, apply_revision
from tropewiki.actions.staleness import mark_stale
from tropewiki.knowledge.derive import reresolve
from tropewiki.wiki import directives
from tropewiki.wiki.lookup import title_for
from tropewiki.wiki.models import Page, Revision
from tropewiki.wiki.namespaces import Kind
from tropewiki.wiki.titles import BadTitle, Title


@dataclass
class RenameResult:
    page: Page
    old_path: str
    moved_subpages: list[tuple[str, str]] = field(default_factory=list)


def rename_page(
    page: Page,
    new_address: str | Title,
    actor: Actor,
    *,
    reason: str = "",
    move_subpages: bool = True,
) -> RenameResult:
    """Move ``page`` to ``new_address``, leaving a redirect behind.

    The page keeps its id, so its revisions, examples and index entries stay attached. Pages in
    subpage namespaces with the same name (``YMMV/Old``, ``Trivia/Old`` …) move along.
    """
    if not (actor.is_tool or can_rename(actor.user, page)):
        if page.is_locked:
            raise PageLocked(f"{page.path} is locked; only a moderator can rename it.")
        raise NotAllowed("Log in as an editor to rename pages.")
    if page.is_deleted:
        raise BadInput(f"{page.path} was cut; restore it before renaming it.")
    if page.is_redirect:
        raise BadInput(f"{page.path} is a redirect; rename the page it points to instead.")
    try:
        new = title_for(new_address)
    except BadTitle as exc:
        raise BadInput(str(exc)) from exc
    if new.key == page.key and new.path == page.path:
        raise BadInput("The new name is the same as the old one.")
    reason = (reason or "").strip()[:400]
    with transaction.atomic():
        page = Page.objects.select_for_update().get(id=page.id)
        result = RenameResult(page=page, old_path=page.path)
        stale = _move_one(page, new, actor, reason)
        old_name = result.old_path.split("/", 1)[1]
        if move_subpages and page.namespace.kind != Kind.SUBPAGE and new.name != old_name:
            for sub in Page.objects.live().filter(
                namespace__kind=Kind.SUBPAGE, name__iexact=old_name, redirect_to__isnull=True
            ):
                before = sub.path
                target = Title(str(sub.namespace_id), new.name)
                if Page.objects.filter(key=target.key).exists():
                    continue
                stale |= _move_one(sub, target, actor, reason or f"moved with {result.old_path}")
                result.moved_subpages.append((before, sub.path))
        mark_stale(stale)
    return result


def _move_one(page: Page, new: Title, actor: Actor, reason: str) -> set[int]:
    occupant = Page.objects.filter(key=new.key).exclude(id=page.id).first()
    if occupant is not None:
        if occupant.redirect_to_id == page.id and occupant.revisions.count() <= 1:
            occupant.delete()  # an untouched redirect back to us: renaming back over it is fine
        else:
            raise AlreadyExists(f"{occupant.path} already exists; choose another name.")
    now = timezone.now()
    old_path, old_key = page.path, page.key
    namespace = _namespace_for(new)
    page.set_address(namespace.name, new.name)
    page.save()
    note = f"Renamed from {old_path} to {page.path}" + (f": {reason}" if reason else "")
    revision = _append_revision(
        page, page.current_revision.text, actor, note[:500], Revision.Kind.RENAME, now
    )
    stale = apply_revision(page, revision)

    alias = Page(
        page_type=page.page_type,
        title=directives.display_title(page.current_revision.text) or page.title,
        created_at=now,
        touched_at=now,
    )
    alias.set_address(old_path.split("/", 1)[0], old_path.split("/", 1)[1])
    alias.save()
    alias_revision = _append_revision(
        alias, directives.redirect_text(page.path), actor, note[:500], Revision.Kind.RENAME, now
    )
    stale |= apply_revision(alias, alias_revision)
    stale |= reresolve([old_key, page.key])
    stale.add(page.id)
    return stale
