"""An import session: many :func:`~tropewiki.actions.bulk.import_pages` calls as one bulk load.

Into an empty wiki the batches write pages and revisions only; when the session closes, every
page's knowledge rows are derived with every page known, into tables whose secondary indexes
(and, on PostgreSQL, foreign keys) were dropped for the load and are built again afterwards;
then the search documents, the full-text index in one pass. See ``docs/dev/decisions.md``
("Import speed (issue 5)").
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

from django.db import connection, transaction

from tropewiki.actions.bulk import (
    SQLITE_CACHE_KIB,
    Derived,
    Session,
    active_session,
    insert_rows,
    mark_stale_pages,
)
from tropewiki.knowledge import bulk as kb
from tropewiki.knowledge.models import ExampleSource, IndexEntry, Link
from tropewiki.knowledge.scan import TextScan, scan_text
from tropewiki.search.indexer import bulk_load, index_pages
from tropewiki.search.text import PageText
from tropewiki.wiki.models import Page

__all__ = ["import_session"]

#: The page cache during an import session (a bulk load into an empty wiki), KiB.
SQLITE_SESSION_CACHE_KIB = 1024 * 1024

#: The knowledge tables: empty when an import session starts, their indexes are dropped and
#: built again once every row is in.
_KNOWLEDGE = (Link, ExampleSource, IndexEntry)


@contextlib.contextmanager
def import_session(
    derive: Callable[[str], Derived | None] | None = None,
) -> Iterator[Session]:
    """Many :func:`import_pages` calls as one bulk load, when the wiki has no derived rows yet.

    Into an empty wiki, the calls share one transaction (each batch is a savepoint within it,
    so a refused batch is still retried page by page) and write pages and revisions only.
    When the session closes, every page written in it gets its knowledge rows, derived with
    every page known (so no row waits for a page that comes later), into tables without their
    secondary indexes, which are built afterwards; then its search document, the full-text
    index being built in one pass. ``derive`` gives what :class:`Derived` says of a stored
    text, or None (the text is then read as usual). Everything is committed at the end or
    nothing is: the indexes come back with the rollback too. Into a wiki with derived rows,
    each batch stays a transaction of its own and derives its rows itself.
    """
    session = Session(derive)
    if any(model.objects.exists() for model in _KNOWLEDGE):
        yield session
        return
    session.deferred = True
    sqlite = connection.vendor == "sqlite"
    pragmas = sqlite and not connection.in_atomic_block  # temp_store: outside transactions
    token = active_session.set(session)
    try:
        if sqlite:
            _pragmas(f"cache_size = -{SQLITE_SESSION_CACHE_KIB}", pragmas and "temp_store = MEMORY")
        with transaction.atomic():
            with bulk_load():
                dropped = _drop_indexes()
                yield session
                active_session.reset(token)
                token = None
                _finish(session, dropped)
                started = time.perf_counter()
            session.seconds["full-text index"] = time.perf_counter() - started
            started = time.perf_counter()
        session.seconds["commit"] = time.perf_counter() - started
    finally:
        if token is not None:
            active_session.reset(token)
        if sqlite:
            _pragmas(f"cache_size = -{SQLITE_CACHE_KIB}", pragmas and "temp_store = DEFAULT")


@contextlib.contextmanager
def _timed(session: Session, step: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    session.seconds[step] = session.seconds.get(step, 0.0) + time.perf_counter() - started


def _finish(session: Session, dropped: list[str]) -> None:
    """The second phase of a load: rows, indexes, search documents, stale marks."""
    with _timed(session, "knowledge rows"):
        stale, search = _derive_pending(session)
    with connection.cursor() as cursor:
        postgresql = bool(dropped) and connection.vendor == "postgresql"
        if postgresql:
            with _timed(session, "foreign-key checks"):
                # Deferred foreign-key checks pending on a table forbid altering it.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        with _timed(session, "knowledge indexes and keys"):
            for sql in dropped:
                cursor.execute(sql)
        if postgresql:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    with _timed(session, "search documents"):
        index_pages(session.written, also_refresh=session.refresh, known=search)
    mark_stale_pages(stale - session.written)


#: Pages derived at a time at the end of a session.
_SESSION_CHUNK = 2000
_REF_FIELDS = ("id", "key", "namespace_id", "name", "page_type", "redirect_to_id",
               "namespace__kind", "current_revision__text")  # fmt: skip


def _derive_pending(session: Session) -> tuple[set[int], dict[int, PageText]]:
    """Write the knowledge rows of the session's pending pages; the pages to refresh, and
    the search texts ``session.derive`` gave."""
    resolver = kb.Resolver()
    stale: set[int] = set()
    search: dict[int, PageText] = {}
    order = list(session.pending)
    for start in range(0, len(order), _SESSION_CHUNK):
        chunk = order[start : start + _SESSION_CHUNK]
        found = {
            row[0]: row
            for row in Page.objects.live()
            .filter(id__in=chunk, current_revision__isnull=False)
            .values_list(*_REF_FIELDS)
        }
        refs: list[kb.PageRef] = []
        scans: dict[int, TextScan] = {}
        for page_id in chunk:
            row = found.get(page_id)
            if row is None:
                continue
            ref = kb.PageRef(*row[:-1])
            refs.append(ref)
            if ref.redirect_to_id is None:
                derived = session.derive(row[-1]) if session.derive is not None else None
                if derived is not None:
                    search[page_id] = derived.search
                scans[page_id] = derived.scan if derived is not None else scan_text(row[-1])
        counts, more = insert_rows(refs, scans, resolver)
        session.result.examples += counts[0]
        session.result.links += counts[1]
        stale |= more
    return stale, search


def _pragmas(*pragmas: str | bool) -> None:
    with connection.cursor() as cursor:
        for pragma in pragmas:
            if pragma:
                cursor.execute(f"PRAGMA {pragma}")


def _drop_indexes() -> list[str]:
    """Drop the secondary indexes of the knowledge tables, and on PostgreSQL their foreign
    keys; returns the statements that make them again, in order (unique constraints and
    primary keys stay)."""
    created: list[str] = []
    with connection.cursor() as cursor:
        for model in _KNOWLEDGE:
            table = model._meta.db_table
            constraints = connection.introspection.get_constraints(cursor, table)
            for name, info in sorted(constraints.items()):
                if not info["index"] or info["unique"] or info["primary_key"]:
                    continue
                sql = _index_sql(cursor, table, name)
                if sql is None:
                    continue
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
                created.append(sql)
        if connection.vendor == "postgresql":
            created += _drop_foreign_keys(cursor)
    return created


def _drop_foreign_keys(cursor: Any) -> list[str]:
    """PostgreSQL: drop the foreign keys of the knowledge tables; returns the statements that
    add them back. Checked at the end row by row, 2.4 M rows take ~12 s; added back, each
    key is checked by one query."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # pending checks forbid altering tables
    restore: list[str] = []
    for model in _KNOWLEDGE:
        table = model._meta.db_table
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
            [table],
        )
        for name, definition in cursor.fetchall():
            quoted = f"ALTER TABLE {connection.ops.quote_name(table)}"
            cursor.execute(f"{quoted} DROP CONSTRAINT {connection.ops.quote_name(name)}")
            restore.append(
                f"{quoted} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
            )
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    return restore


def _index_sql(cursor: Any, table: str, name: str) -> str | None:
    """The statement that creates index ``name`` of ``table``, as the database keeps it."""
    if connection.vendor == "sqlite":
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND name = %s",
            [table, name],
        )
    elif connection.vendor == "postgresql":
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = %s AND indexname = %s",
            [table, name],
        )
    else:
        return None
    row = cursor.fetchone()
    return row[0] if row and row[0] else None
