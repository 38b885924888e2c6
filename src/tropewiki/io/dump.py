"""The full dump: JSON Lines (gzip when the file name ends in ``.gz``), written and read as a
stream so that memory stays flat however large the wiki.

Line 1 is a header ``{"format": "tropewiki-dump", "version": 1, …}``; then one line per
namespace, per user, and per page, each page followed by its revisions in order. Field by
field: ``docs/import-export.md``. Password hashes are left out unless asked for.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from tropewiki.wiki.models import Namespace, Page, Revision

DUMP_FORMAT = "tropewiki-dump"
VERSION = 1
CHUNK = 500
REVISION_CHUNK = 50  # revisions hold whole texts: fewer per fetch keeps memory flat


class DumpError(ValueError):
    """A dump that cannot be read; the message names the line."""


@contextmanager
def open_output(path: Path) -> Iterator[IO[str]]:
    """A text stream to ``path``; gzip (reproducible: no time stamp) for ``.gz``."""
    if path.name.endswith(".gz"):
        with (
            path.open("wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed,
            io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as text,
        ):
            yield text
    else:
        with path.open("w", encoding="utf-8", newline="\n") as text:
            yield text


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_dump(out: IO[str], *, with_passwords: bool = False) -> dict[str, int]:
    """Write the whole wiki to ``out``; returns counts of what was written."""
    counts = {"namespaces": 0, "users": 0, "pages": 0, "revisions": 0}
    out.write(_line({"format": DUMP_FORMAT, "version": VERSION, "created_at": _time(timezone.now()),
                     "passwords": with_passwords}))  # fmt: skip
    for ns in Namespace.objects.order_by("name").iterator(chunk_size=CHUNK):
        out.write(_line({"type": "namespace", "name": ns.name, "kind": ns.kind,
                         "default_type": ns.default_type}))  # fmt: skip
        counts["namespaces"] += 1
    for record in _users(with_passwords):
        out.write(_line(record))
        counts["users"] += 1
    revisions = _revisions()
    pending = next(revisions, None)
    for page in _pages():
        page_id = page.pop("id")
        out.write(_line(page))
        counts["pages"] += 1
        numbers: dict[int, int] = {}
        while pending is not None and pending[1] == page_id:
            out.write(_line(_revision(pending, page["path"], numbers)))
            counts["revisions"] += 1
            pending = next(revisions, None)
    return counts


def _users(with_passwords: bool) -> Iterator[dict[str, Any]]:
    users = get_user_model().objects.order_by("id").select_related("profile")
    for user in users.iterator(chunk_size=CHUNK):
        profile = getattr(user, "profile", None)
        record = {
            "type": "user", "username": user.username, "email": user.email,
            "first_name": user.first_name, "last_name": user.last_name,
            "is_active": user.is_active, "is_staff": user.is_staff,
            "is_superuser": user.is_superuser, "date_joined": _time(user.date_joined),
            "last_login": _time(user.last_login),
            "role": profile.role if profile else None,
            "show_spoilers": profile.show_spoilers if profile else False,
            "theme": profile.theme if profile else "system",
        }  # fmt: skip
        if with_passwords:
            record["password"] = user.password
        yield record


def _pages() -> Iterator[dict[str, Any]]:
    rows = Page.objects.order_by("id").values_list(
        "id", "namespace_id", "name", "title", "page_type", "page_type_locked", "created_at",
        "touched_at", "redirect_to__namespace_id", "redirect_to__name", "locked_at",
        "locked_by__username", "lock_reason", "deleted_at", "deleted_by__username",
        "delete_reason", "source_url", "licence", "current_revision__number",
    )  # fmt: skip
    for r in rows.iterator(chunk_size=CHUNK):
        yield {
            "type": "page", "id": r[0], "path": f"{r[1]}/{r[2]}", "title": r[3],
            "page_type": r[4], "page_type_locked": r[5], "created_at": _time(r[6]),
            "touched_at": _time(r[7]), "redirect_to": f"{r[8]}/{r[9]}" if r[8] else None,
            "locked_at": _time(r[10]), "locked_by": r[11], "lock_reason": r[12],
            "deleted_at": _time(r[13]), "deleted_by": r[14], "delete_reason": r[15],
            "source_url": r[16], "licence": r[17], "current": r[18],
        }  # fmt: skip


def _revisions() -> Iterator[tuple]:
    rows = Revision.objects.order_by("page_id", "number").values_list(
        "id", "page_id", "number", "parent_id", "kind", "text", "author__username",
        "author_name", "reason", "created_at", "size", "sha1", "address",
    )  # fmt: skip
    yield from rows.iterator(chunk_size=REVISION_CHUNK)


def _revision(row: tuple, path: str, numbers: dict[int, int]) -> dict[str, Any]:
    numbers[row[0]] = row[2]
    return {
        "type": "revision", "page": path, "number": row[2],
        "parent": numbers.get(row[3]) if row[3] is not None else None, "kind": row[4],
        "text": row[5], "author": row[6], "author_name": row[7], "reason": row[8],
        "created_at": _time(row[9]), "size": row[10], "sha1": row[11], "address": row[12],
    }  # fmt: skip


def read_dump(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a dump after its header; DumpError names a broken line."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:  # type: ignore[operator]
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DumpError(f"{path}: line {number} is not JSON ({exc.msg})") from exc
                if number == 1:
                    _check_header(path, record)
                    continue
                if not isinstance(record, dict) or "type" not in record:
                    raise DumpError(f"{path}: line {number} has no record type")
                record["_line"] = number
                yield record
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DumpError(f"{path}: cannot read the dump: {exc}") from exc


def _check_header(path: Path, record: Any) -> None:
    if not isinstance(record, dict) or record.get("format") != DUMP_FORMAT:
        raise DumpError(f"{path}: not a tropewiki dump (the first line names no format)")
    if record.get("version") != VERSION:
        raise DumpError(f"{path}: dump version {record.get('version')}; this wiki reads {VERSION}")
