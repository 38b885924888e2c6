"""Saving and reverting page text: the one way a revision comes into being."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tropewiki.accounts.roles import can_edit, can_moderate
from tropewiki.actions.actor import Actor
from tropewiki.actions.errors import BadInput, EditConflict, NotAllowed, NotFound, PageLocked
from tropewiki.actions.staleness import mark_stale
from tropewiki.knowledge.derive import derive_page, reresolve
from tropewiki.markup import parse
from tropewiki.search.indexer import index_page
from tropewiki.wiki import directives
from tropewiki.wiki.lookup import title_for
from tropewiki.wiki.merge import merge3
from tropewiki.wiki.models import Namespace, Page, Revision
from tropewiki.wiki.namespaces import Kind, PageType
from tropewiki.wiki.titles import BadTitle, Title, display_title


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where imported content came from and its licence, shown on the page and exported."""

    source_url: str
    licence: str = "CC BY-NC-SA 3.0"


@dataclass(frozen=True, slots=True)
class SaveResult:
    page: Page
    revision: Revision
    created: bool = False
    changed: bool = True
    merged: bool = False


def clean_text(text: str) -> str:
    """Normalise line endings and trailing space; refuse what cannot be page text."""
    if not isinstance(text, str):
        raise BadInput("Page text must be text.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise BadInput("Page text cannot contain NUL characters.")
    text = text.rstrip() + "\n" if text.strip() else ""
    if not text:
        raise BadInput("A page cannot be empty. To remove a page, ask a moderator to cut it.")
    limit = settings.TROPEWIKI_MAX_PAGE_BYTES
    if len(text.encode("utf-8")) > limit:
        raise BadInput(f"Page text is limited to {limit // 1024} KiB.")
    return text


def save_page(
    address: str | Title,
    text: str,
    actor: Actor,
    *,
    reason: str = "",
    base_revision: int | None = None,
    kind: str | None = None,
    attribution: Attribution | None = None,
) -> SaveResult:
    """Save ``text`` as the new revision of the page at ``address`` (creating it if needed).

    ``base_revision`` is the id of the revision the editor started from (None when they started
    from nothing). If another save landed since, the two changes are merged line by line; if
    they overlap, :class:`EditConflict` is raised and nothing is written. ``attribution``
    (importers) records where the content came from and under which licence.
    """
    try:
        title = title_for(address)
    except BadTitle as exc:
        raise BadInput(str(exc)) from exc
    text = clean_text(text)
    reason = (reason or "").strip()[:500]
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _save_locked(title, text, actor, reason, base_revision, kind, attribution)
        except IntegrityError:
            # Two first saves of the same new page raced; the loser retries as an edit.
            if attempt:
                raise
    raise AssertionError("unreachable")


def _save_locked(
    title: Title,
    text: str,
    actor: Actor,
    reason: str,
    base_revision: int | None,
    kind: str | None,
    attribution: Attribution | None = None,
) -> SaveResult:
    # The namespace comes along (derivation reads its kind); only the page row is locked. Not
    # the current revision: on PostgreSQL a row joined to a locked one is read as of the
    # statement's start, before a concurrent save that the lock waited for (the concurrency
    # test catches it).
    page = (
        Page.objects.select_for_update(of=("self",))
        .select_related("namespace")
        .filter(key=title.key)
        .first()
    )
    created = page is None
    now = timezone.now()
    if page is None:
        _check_edit(actor, None)
        namespace = _namespace_for(title)
        page = Page(
            page_type=namespace.default_type,
            title=display_title(title.name),
            created_at=now,
            touched_at=now,
        )
        page.set_address(namespace.name, title.name)
        page.save()
    else:
        if page.is_deleted and not (actor.is_tool or can_moderate(actor.user)):
            raise NotAllowed(
                f"{page.path} was cut ({page.delete_reason or 'no reason given'}); "
                "only a moderator can bring it back."
            )
        _check_edit(actor, page)

    current = page.current_revision
    merged = False
    if current is not None and base_revision != current.id:
        if (
            base_revision is not None
            and not Revision.objects.filter(id=base_revision, page=page).exists()
        ):
            raise BadInput("The revision this edit was based on does not belong to this page.")
        base_text = (
            Revision.objects.values_list("text", flat=True).get(id=base_revision)
            if base_revision is not None
            else ""
        )
        result = merge3(base_text, current.text, text)
        if not result.clean:
            raise EditConflict(
                page_path=page.path,
                base_revision=base_revision,
                current_revision=current.id,
                current_text=current.text,
                incoming_text=text,
                merged_text=result.text,
                conflict_count=len(result.conflicts),
            )
        merged = result.text != text
        text = result.text
    if attribution is not None:
        page.source_url, page.licence = attribution.source_url[:500], attribution.licence[:100]
    if current is not None and text == current.text and not page.is_deleted:
        if attribution is not None:
            page.save(update_fields=["source_url", "licence"])
        return SaveResult(page=page, revision=current, changed=False)

    revision_kind = kind or (
        Revision.Kind.CREATE
        if current is None
        else Revision.Kind.MERGE
        if merged
        else Revision.Kind.EDIT
    )
    revision = _append_revision(page, text, actor, reason, revision_kind, now)
    was_deleted = page.is_deleted
    page.deleted_at = None
    page.deleted_by = None
    page.delete_reason = ""
    stale = apply_revision(page, revision)
    if created or was_deleted:
        stale |= reresolve([page.key])
    mark_stale(stale - {page.id})
    return SaveResult(page=page, revision=revision, created=created, changed=True, merged=merged)


def _check_edit(actor: Actor, page: Page | None) -> None:
    if actor.is_tool or can_edit(actor.user, page):
        return
    if page is not None and page.is_locked:
        raise PageLocked(
            f"{page.path} is locked by a moderator"
            + (f": {page.lock_reason}" if page.lock_reason else ".")
        )
    if actor.db_user is None:
        raise NotAllowed("Log in to edit pages.")
    raise NotAllowed("Your account may read but not edit pages.")


def _namespace_for(title: Title) -> Namespace:
    namespace = Namespace.objects.filter(name=title.namespace).first()
    if namespace is None:
        namespace, _ = Namespace.objects.get_or_create(
            name=title.namespace,
            defaults={"kind": Kind.SPLIT, "default_type": PageType.SUBPAGE},
        )
    return namespace


def _append_revision(
    page: Page, text: str, actor: Actor, reason: str, kind: str, now: object
) -> Revision:
    current = page.current_revision
    return Revision.objects.create(
        page=page,
        parent=current,
        number=(current.number + 1) if current is not None else 1,
        kind=kind,
        text=text,
        author=actor.db_user,
        author_name=actor.name[:150],
        reason=reason,
        created_at=now,
        size=len(text.encode("utf-8")),
        sha1=Revision.digest(text),
        address=page.path,
    )


def apply_revision(page: Page, revision: Revision) -> set[int]:
    """Make ``revision`` current and derive from it; returns other pages to mark stale."""
    text = revision.text
    page.current_revision = revision
    was_redirect_to = page.redirect_to_id
    target_address = directives.redirect_address(text)
    page.redirect_to = _redirect_target(page, target_address) if target_address else None
    page.title = directives.display_title(text) or display_title(page.name)
    page.touched_at = revision.created_at
    page.generation += 1
    page.save()
    doc = None if page.redirect_to_id is not None else parse(text)
    stale = derive_page(page, doc)
    index_page(page, doc, was_redirect_to)
    if page.redirect_to_id != was_redirect_to:
        stale |= reresolve([page.key])
    return stale


def _redirect_target(page: Page, address: str) -> Page:
    try:
        title = title_for(address)
    except BadTitle as exc:
        raise BadInput(f"Cannot redirect to {address!r}: {exc}") from exc
    target = Page.objects.live().filter(key=title.key).first()
    if target is None:
        raise BadInput(f"Cannot redirect to {title.path}: there is no such page.")
    if target.id == page.id:
        raise BadInput("A page cannot redirect to itself.")
    return target


def revert_page(page: Page, revision_id: int, actor: Actor, *, reason: str = "") -> SaveResult:
    """Make an old revision's text current again, as a new revision."""
    old = Revision.objects.filter(id=revision_id, page=page).first()
    if old is None:
        raise NotFound("That revision does not belong to this page.")
    current_id = page.current_revision_id
    return save_page(
        page.as_title,
        old.text,
        actor,
        reason=reason or f"Reverted to revision {old.number}",
        base_revision=current_id,
        kind=Revision.Kind.REVERT,
    )
