"""Restoring a full dump into an empty wiki: pages with every historical revision, users.

:func:`restore_dump` takes the records of a dump (``tropewiki.io.dump.read_dump``) and writes
them as they were — revision numbers, kinds, texts, authors, reasons, times, addresses and
hashes — then derives the knowledge tables from the current revisions. It runs in one
transaction: a broken record anywhere leaves the wiki untouched. Users come back without a
usable password unless the dump carries password hashes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils.dateparse import parse_datetime

from tropewiki.accounts.models import Profile
from tropewiki.accounts.roles import Role, has_role
from tropewiki.actions.actor import Actor
from tropewiki.actions.bulk import rederive_pages
from tropewiki.actions.errors import ActionError, AlreadyExists, NotAllowed
from tropewiki.wiki.models import Namespace, Page, Revision
from tropewiki.wiki.titles import page_key

__all__ = ["BrokenDump", "RestoreResult", "restore_dump"]

_BATCH = 500


class BrokenDump(ActionError):
    """A record of the dump cannot be restored; nothing was written."""


@dataclass(slots=True)
class RestoreResult:
    namespaces: int = 0
    users: int = 0
    pages: int = 0
    revisions: int = 0
    kept_users: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Page:
    record: dict[str, Any]
    revisions: list[dict[str, Any]] = field(default_factory=list)


def restore_dump(records: Iterable[dict[str, Any]], actor: Actor) -> RestoreResult:
    """Restore a dump into a wiki without pages, as one transaction."""
    if not (actor.is_tool or has_role(actor.user, Role.ADMIN)):
        raise NotAllowed("Only admins and tools can restore a dump.")
    if Page.objects.exists():
        raise AlreadyExists(
            f"The wiki already has {Page.objects.count()} pages: a dump is restored into an "
            "empty wiki only (a fresh database, after `tropewiki migrate`)."
        )
    result = RestoreResult()
    with transaction.atomic():
        writer = _Writer(result)
        for record in records:
            writer.take(record)
        writer.finish()
    return result


def _time(value: str | None, where: str) -> datetime | None:
    if value is None:
        return None
    parsed = parse_datetime(value)
    if parsed is None:
        raise BrokenDump(f"{where}: {value!r} is not a date and time")
    return parsed


class _Writer:
    def __init__(self, result: RestoreResult) -> None:
        self.result = result
        self.users: dict[str, Any] = {}
        self.pages: list[_Page] = []
        self.revision_count = 0
        self.redirects: list[tuple[int, str]] = []

    def take(self, record: dict[str, Any]) -> None:
        kind = record.get("type")
        where = f"line {record.get('_line', '?')}"
        try:
            if kind == "namespace":
                Namespace.objects.get_or_create(
                    name=record["name"],
                    defaults={"kind": record["kind"], "default_type": record["default_type"]},
                )
                self.result.namespaces += 1
            elif kind == "user":
                self._user(record, where)
            elif kind == "page":
                self.pages.append(_Page(record))
                if len(self.pages) >= _BATCH or self.revision_count >= 5 * _BATCH:
                    self._flush()
            elif kind == "revision":
                if not self.pages or self.pages[-1].record["path"] != record["page"]:
                    raise BrokenDump(f"{where}: revision of {record['page']} outside its page")
                self.pages[-1].revisions.append(record)
                self.revision_count += 1
            else:
                raise BrokenDump(f"{where}: unknown record type {kind!r}")
        except KeyError as exc:
            raise BrokenDump(f"{where}: a {kind} record lacks {exc}") from exc

    def _user(self, record: dict[str, Any], where: str) -> None:
        User = get_user_model()
        existing = User.objects.filter(username=record["username"]).first()
        if existing is not None:
            self.users[existing.username] = existing
            self.result.kept_users.append(existing.username)
            return
        user = User(
            username=record["username"],
            email=record.get("email", ""),
            first_name=record.get("first_name", ""),
            last_name=record.get("last_name", ""),
            is_active=record.get("is_active", True),
            is_staff=record.get("is_staff", False),
            is_superuser=record.get("is_superuser", False),
            date_joined=_time(record.get("date_joined"), where),
            last_login=_time(record.get("last_login"), where),
        )
        if record.get("password"):
            user.password = record["password"]
        else:
            user.set_unusable_password()
        user.save()
        if record.get("role"):
            Profile.objects.create(
                user=user,
                role=record["role"],
                show_spoilers=record.get("show_spoilers", False),
                theme=record.get("theme", Profile.Theme.SYSTEM),
            )
        self.users[user.username] = user
        self.result.users += 1

    def _flush(self) -> None:
        batch, self.pages, self.revision_count = self.pages, [], 0
        pages = [self._page(p.record) for p in batch]
        Page.objects.bulk_create(pages, batch_size=_BATCH)
        revisions: list[Revision] = []
        for page, pending in zip(pages, batch, strict=True):
            for record in pending.revisions:
                revisions.append(self._revision(page, record))
        Revision.objects.bulk_create(revisions, batch_size=_BATCH)
        by_number = {(r.page_id, r.number): r.id for r in revisions}
        parents, currents = [], []
        for revision, record in zip(
            revisions, (r for p in batch for r in p.revisions), strict=True
        ):
            if record.get("parent") is not None:
                parents.append((by_number[(revision.page_id, record["parent"])], revision.id))
        for page, pending in zip(pages, batch, strict=True):
            current = pending.record.get("current")
            if current is not None:
                if (page.id, current) not in by_number:
                    raise BrokenDump(f"{page.path}: its current revision {current} is missing")
                currents.append((by_number[(page.id, current)], page.id))
            if pending.record.get("redirect_to"):
                self.redirects.append((page.id, pending.record["redirect_to"]))
        with connection.cursor() as cursor:
            revision_table, page_table = Revision._meta.db_table, Page._meta.db_table
            cursor.executemany(f"UPDATE {revision_table} SET parent_id = %s WHERE id = %s", parents)
            cursor.executemany(
                f"UPDATE {page_table} SET current_revision_id = %s WHERE id = %s", currents
            )
        self.result.pages += len(pages)
        self.result.revisions += len(revisions)

    def _page(self, record: dict[str, Any]) -> Page:
        where = f"line {record.get('_line', '?')} ({record['path']})"
        namespace, _, name = record["path"].partition("/")
        page = Page(
            title=record["title"],
            page_type=record["page_type"],
            page_type_locked=record.get("page_type_locked", False),
            created_at=_time(record["created_at"], where),
            touched_at=_time(record["touched_at"], where),
            locked_at=_time(record.get("locked_at"), where),
            locked_by=self.users.get(record.get("locked_by") or ""),
            lock_reason=record.get("lock_reason", ""),
            deleted_at=_time(record.get("deleted_at"), where),
            deleted_by=self.users.get(record.get("deleted_by") or ""),
            delete_reason=record.get("delete_reason", ""),
            source_url=record.get("source_url", ""),
            licence=record.get("licence", ""),
            generation=1,
        )
        page.set_address(namespace, name)
        return page

    def _revision(self, page: Page, record: dict[str, Any]) -> Revision:
        where = f"line {record.get('_line', '?')} ({page.path} r{record.get('number')})"
        text = record["text"]
        if Revision.digest(text) != record["sha1"]:
            raise BrokenDump(f"{where}: the text does not match its SHA-1; the dump is damaged")
        return Revision(
            page=page,
            number=record["number"],
            kind=record["kind"],
            text=text,
            author=self.users.get(record.get("author") or ""),
            author_name=record["author_name"],
            reason=record.get("reason", ""),
            created_at=_time(record["created_at"], where),
            size=record["size"],
            sha1=record["sha1"],
            address=record["address"],
        )

    def finish(self) -> None:
        self._flush()
        wanted = sorted({_key(path) for _, path in self.redirects})
        ids: dict[str, int] = {}
        for start in range(0, len(wanted), _BATCH):
            chunk = wanted[start : start + _BATCH]
            ids.update(Page.objects.filter(key__in=chunk).values_list("key", "id"))
        keys = {path: ids.get(_key(path)) for _, path in self.redirects}
        missing = [path for path, found in keys.items() if found is None]
        if missing:
            raise BrokenDump(f"redirects to pages the dump does not hold: {', '.join(missing[:5])}")
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {Page._meta.db_table} SET redirect_to_id = %s WHERE id = %s",
                [(keys[path], page_id) for page_id, path in self.redirects],
            )
        rederive_pages(set(Page.objects.live().values_list("id", flat=True)))


def _key(path: str) -> str:
    namespace, _, name = path.partition("/")
    return page_key(namespace, name)
