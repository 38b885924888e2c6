"""Bulk saves for importers: many pages in one transaction, knowledge rows inserted in bulk.

:func:`import_pages` is :func:`~tropewiki.actions.save_page` for a batch: every page whose
text changed gets a revision (kind ``import``), the knowledge rows its text implies are the
rows ``save_page`` would derive (computed by :mod:`tropewiki.knowledge.bulk`), rows written
earlier about the new pages are re-pointed as ``reresolve`` does, and the pages whose display
changed are marked stale once. A page whose text is unchanged gets no revision.

Bad input is refused page by page: a page that cannot be saved (bad address, empty or
oversized text, a redirect to nowhere) is reported in ``BulkResult.broken`` and the others
are written. Should the database refuse the batch anyway, it is rolled back and retried one
page per transaction, so no page is ever half-written. Pages on the cut list are left alone
(``skipped``); a moderator restores them first.

Within an :func:`import_session` into an empty wiki, a batch writes only pages and revisions;
the knowledge rows and search documents of every page are written once, at the end of the
session, with every page of the load known (a two-phase load).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from tropewiki.accounts.roles import can_moderate
from tropewiki.actions.actor import Actor
from tropewiki.actions.errors import BadInput, NotAllowed
from tropewiki.actions.pages import Attribution, clean_text
from tropewiki.actions.staleness import mark_stale
from tropewiki.knowledge import bulk as kb
from tropewiki.knowledge.models import ExampleSource, IndexEntry, Link
from tropewiki.knowledge.scan import TextScan, scan_text
from tropewiki.rows import insert
from tropewiki.search.indexer import index_pages
from tropewiki.search.text import PageText
from tropewiki.wiki import directives
from tropewiki.wiki.models import Namespace, Page, Revision
from tropewiki.wiki.namespaces import Kind, PageType
from tropewiki.wiki.titles import BadTitle, Title, display_title, normalise_name, split_address

__all__ = [
    "BulkResult",
    "Derived",
    "PageInput",
    "Session",
    "active_session",
    "import_pages",
    "insert_rows",
    "mark_stale_pages",
    "rederive_pages",
]

#: SQLite page cache while importing (KiB); the default 2 MB makes index inserts read again
#: and again once the knowledge tables outgrow it.
SQLITE_CACHE_KIB = 256 * 1024


@dataclass(frozen=True, slots=True)
class Derived:
    """What saving reads out of a text, worked out by the caller: ``scan_text(text)`` and
    ``page_text(parse(text))`` (:mod:`tropewiki.io.prederive` gives both for most imported
    pages without parsing them)."""

    scan: TextScan
    search: PageText


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to save: its address, full text and, optionally, type and attribution.

    ``derived``, when given, must be what :class:`Derived` says of ``text``; it is used only
    when ``text`` is already clean (else the page is read as usual).
    """

    address: str
    text: str
    reason: str = ""
    page_type: str | None = None
    attribution: Attribution | None = None
    derived: Derived | None = None


@dataclass(slots=True)
class BulkResult:
    """What a batch did. ``broken`` and ``skipped`` hold ``(address, reason)`` pairs."""

    created: int = 0
    changed: int = 0
    unchanged: int = 0
    examples: int = 0
    links: int = 0
    broken: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: BulkResult) -> None:
        self.created += other.created
        self.changed += other.changed
        self.unchanged += other.unchanged
        self.examples += other.examples
        self.links += other.links
        self.broken += other.broken
        self.skipped += other.skipped


@dataclass(slots=True, eq=False)
class _Item:
    input: PageInput
    title: Title
    text: str
    page: Page | None = None
    redirect: Title | None = None
    new_type: str | None = None  # the type the page takes, when it changes


@dataclass(slots=True, eq=False)
class Session:
    """An :func:`import_session`: what its end did, and what it still has to do.

    ``result`` holds the examples and links written at the end of a two-phase load (the
    batches report none), ``seconds`` the time of each step of that end. ``deferred`` says
    whether batches leave their knowledge rows and search documents to the end.
    """

    derive: Callable[[str], Derived | None] | None = None
    deferred: bool = False
    result: BulkResult = field(default_factory=BulkResult)
    seconds: dict[str, float] = field(default_factory=dict)
    #: Pages to derive at the end, in the order the batches last wrote them.
    pending: dict[int, None] = field(default_factory=dict)
    written: set[int] = field(default_factory=set)  # pages to index at the end
    refresh: set[int] = field(default_factory=set)  # pages their edited redirects left

    def add(self, batch: _Batch) -> None:
        for page_id in batch.derived:
            self.pending.pop(page_id, None)
            self.pending[page_id] = None
        self.written |= batch.written
        self.refresh |= batch.refresh


@dataclass(slots=True)
class _Batch:
    """What a batch of a two-phase load leaves to the end of its session."""

    derived: list[int] = field(default_factory=list)
    written: set[int] = field(default_factory=set)
    refresh: set[int] = field(default_factory=set)


active_session: ContextVar[Session | None] = ContextVar("import_session", default=None)


def import_pages(batch: Sequence[PageInput], actor: Actor) -> BulkResult:
    """Save a batch of pages as ``actor`` (a tool or a moderator), in one transaction."""
    if not (actor.is_tool or can_moderate(actor.user)):
        raise NotAllowed("Only moderators and tools can import pages.")
    result = BulkResult()
    first, later = _split_duplicates(batch)
    _tune_connection()
    session = active_session.get()
    deferred = _Batch() if session is not None and session.deferred else None
    try:
        with transaction.atomic():
            _import(first, actor, result, deferred)
    except DatabaseError:
        if len(first) == 1:
            raise
        result = BulkResult()
        for one in first:
            try:
                result.add(import_pages([one], actor))
            except DatabaseError as exc:
                result.broken.append((one.address, f"the database refused it: {exc}"))
    else:
        if session is not None and deferred is not None:
            session.add(deferred)
    if later:
        result.add(import_pages(later, actor))
    return result


def _tune_connection() -> None:
    """A bigger page cache for this connection: bulk inserts touch every index of big tables."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            if -cursor.fetchone()[0] < SQLITE_CACHE_KIB:  # an import session's is bigger
                cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")


def _split_duplicates(batch: Sequence[PageInput]) -> tuple[list[PageInput], list[PageInput]]:
    """Pages of the batch with distinct addresses, and the repeats (saved after them)."""
    seen: set[str] = set()
    first: list[PageInput] = []
    later: list[PageInput] = []
    for item in batch:
        key = item.address.strip().lower().replace(" ", "").replace(".", "/", 1)
        (later if key in seen else first).append(item)
        seen.add(key)
    return first, later


# ---- preparing: what each page will become --------------------------------------------------


def _import(
    batch: list[PageInput], actor: Actor, result: BulkResult, deferred: _Batch | None
) -> None:
    namespaces = {ns.name.lower(): ns.name for ns in Namespace.objects.all()}
    items = _titled(batch, namespaces, result)
    existing = {
        p.key: p
        for p in Page.objects.select_for_update(of=("self",))
        .select_related("current_revision", "namespace")
        .filter(key__in=[i.title.key for i in items])
    }
    ready: list[_Item] = []
    for item in items:
        item.page = existing.get(item.title.key)
        if item.page is not None and item.page.is_deleted:
            reason = f"{item.page.path} is on the cut list; a moderator must restore it first"
            result.skipped.append((item.input.address, reason))
            continue
        ready.append(item)
    ready = _check_redirects(ready, namespaces, result)
    _write(ready, actor, result, deferred)


def _titled(batch: list[PageInput], namespaces: dict[str, str], result: BulkResult) -> list[_Item]:
    """Each input with its canonical title and cleaned text; bad ones go to ``broken``."""
    batch_names = set()
    for page_input in batch:
        raw_ns, raw_name = split_address(page_input.address)
        if raw_ns is None or raw_ns.lower() in namespaces:
            with contextlib.suppress(BadTitle):
                batch_names.add(normalise_name(raw_name).lower())
    items: list[_Item] = []
    for page_input in batch:
        try:
            title = _title(page_input.address, namespaces, batch_names)
            text = clean_text(page_input.text)
            if page_input.page_type is not None and page_input.page_type not in PageType.ALL:
                raise BadInput(f"Unknown page type {page_input.page_type!r}.")
        except (BadTitle, BadInput) as exc:
            result.broken.append((page_input.address, str(exc)))
            continue
        items.append(_Item(page_input, title, text))
    return items


def _title(address: str, namespaces: dict[str, str], batch_names: set[str]) -> Title:
    """``title_for`` with the namespaces in memory and this batch's pages counted as existing."""
    raw_ns, raw_name = split_address(address)
    name = normalise_name(raw_name)
    if raw_ns is None:
        return Title("Main", name)
    known = namespaces.get(raw_ns.strip().replace(" ", "").lower())
    if known is not None:
        return Title(known, name)
    parent = normalise_name(raw_ns)
    if parent.lower() in batch_names or Page.objects.live().filter(name__iexact=parent).exists():
        return Title(parent, name)
    raise BadTitle(f"There is no namespace called {raw_ns!r}.")


def _check_redirects(
    items: list[_Item], namespaces: dict[str, str], result: BulkResult
) -> list[_Item]:
    """Redirects must reach a live page (already there, or an article of this batch)."""
    articles = {i.title.key for i in items if directives.redirect_address(i.text) is None}
    ok: list[_Item] = []
    redirects: list[_Item] = []
    for item in items:
        address = directives.redirect_address(item.text)
        if address is None:
            ok.append(item)
            continue
        try:
            target = _title(address, namespaces, set())
        except BadTitle as exc:
            result.broken.append((item.input.address, f"Cannot redirect to {address!r}: {exc}"))
            continue
        if target.key == item.title.key:
            result.broken.append((item.input.address, "A page cannot redirect to itself."))
            continue
        item.redirect = target
        redirects.append(item)
    wanted = [i.redirect.key for i in redirects if i.redirect is not None]
    live = set(Page.objects.live().filter(key__in=wanted).values_list("key", flat=True))
    for item in redirects:
        assert item.redirect is not None
        if item.redirect.key in live or item.redirect.key in articles:
            ok.append(item)
        else:
            message = f"Cannot redirect to {item.redirect}: there is no such page."
            result.broken.append((item.input.address, message))
    return ok


# ---- writing ----------------------------------------------------------------------------------


def _write(
    items: list[_Item], actor: Actor, result: BulkResult, deferred: _Batch | None = None
) -> None:
    """Write the pages and revisions of ``items``, then (unless ``deferred`` takes note of
    them for the end of a two-phase load) their knowledge rows and search documents."""
    now = timezone.now()
    fresh: list[_Item] = []
    edited: list[_Item] = []
    retyped: list[_Item] = []
    touched: list[_Item] = []
    for item in items:
        page = item.page
        if page is None:
            fresh.append(item)
            continue
        wanted = item.input.page_type
        if wanted is not None and (page.page_type != wanted or not page.page_type_locked):
            item.new_type = wanted
        current = page.current_revision
        if current is not None and current.text == item.text:
            result.unchanged += 1
            if item.new_type is not None:
                retyped.append(item)
            elif _attribution_changes(page, item.input.attribution):
                touched.append(item)
            continue
        edited.append(item)
    if not (fresh or edited or retyped or touched):
        return
    was_redirect = {i.page.id: i.page.redirect_to_id for i in edited if i.page is not None}
    _create_pages(fresh, now)
    _append_revisions(fresh + edited, actor, now)
    _update_pages(fresh, edited, retyped + touched, now)
    result.created += len(fresh)
    result.changed += len(edited)
    derived = fresh + edited + retyped
    if deferred is not None:
        deferred.derived += [i.page.id for i in derived if i.page is not None]
        deferred.written |= {i.page.id for i in derived + touched if i.page is not None}
        deferred.refresh |= {t for t in was_redirect.values() if t is not None}
        return
    stale = kb.counterparts(i.page.id for i in edited + retyped if i.page is not None)
    written = {i.page.id for i in fresh + edited + retyped + touched if i.page is not None}
    texts = {i.page.id: i.text for i in derived if i.page is not None}
    for item in retyped:
        assert item.page is not None and item.page.current_revision is not None
        texts[item.page.id] = item.page.current_revision.text
    known = {
        i.page.id: i.input.derived
        for i in fresh + edited
        if i.page is not None and i.input.derived is not None and i.text == i.input.text
    }
    resolver = kb.Resolver()
    pages = [i.page for i in derived if i.page is not None]
    new_ids = {i.page.id for i in fresh if i.page is not None}
    scans = {page_id: d.scan for page_id, d in known.items()}
    counts, more = _derive(pages, texts, resolver, new_ids, scans)
    result.examples += counts[0]
    result.links += counts[1]
    stale |= more
    moved = [
        i.page.key
        for i in edited
        if i.page is not None and was_redirect.get(i.page.id) != i.page.redirect_to_id
    ]
    stale |= _repoint(kb.repoints([i.title.key for i in fresh], moved, resolver))
    typed = [i.page for i in fresh if i.page is not None and _typed(i.page)]
    typed += [i.page for i in edited + retyped if i.page is not None and i.new_type]
    stale |= _retype(typed, written)
    mark_stale_pages(stale - written)
    # Findable at once, as after a save (same rows as the indexer writes for save_page).
    index_pages(
        written,
        also_refresh=[t for t in was_redirect.values() if t is not None],
        known={page_id: d.search for page_id, d in known.items()},
    )


def mark_stale_pages(page_ids: set[int]) -> None:
    """``mark_stale`` in chunks (a batch can refresh tens of thousands of pages)."""
    ids = sorted(page_ids)
    for start in range(0, len(ids), 5000):
        mark_stale(ids[start : start + 5000])


def _retype(pages: list[Page], written: set[int]) -> set[int]:
    """Other pages' examples about pages whose type is not what their namespace implies.

    Bullets about a page that is neither a trope nor a work (an index in Main) are no
    examples: those rows go, exactly as re-deriving the pages that wrote them would do.
    A page made a trope or a work can add examples: the pages linking to it are re-derived.
    """
    gone = [p.key for p in pages if p.page_type not in (PageType.TROPE, PageType.WORK)]
    added = [p.key for p in pages if p.page_type in (PageType.TROPE, PageType.WORK)]
    stale: set[int] = set()
    for start in range(0, len(gone), 500):
        chunk = gone[start : start + 500]
        rows = ExampleSource.objects.filter(
            Q(side=ExampleSource.Side.WORK, trope_key__in=chunk)
            | Q(side=ExampleSource.Side.TROPE, work_key__in=chunk)
        ).exclude(source_id__in=written)
        for source_id, work_id, trope_id in rows.values_list("source_id", "work_id", "trope_id"):
            stale.update((source_id, work_id, trope_id))
        rows.delete()
    if added:
        stale |= rederive_pages(kb.linkers(added) - written)
    stale.discard(None)  # type: ignore[arg-type]
    return stale


def _attribution_changes(page: Page, attribution: Attribution | None) -> bool:
    if attribution is None:
        return False
    return (page.source_url, page.licence) != (
        attribution.source_url[:500],
        attribution.licence[:100],
    )


def _typed(page: Page) -> bool:
    """Whether the page's type differs from what its namespace implies for others' bullets."""
    return page.page_type_locked and page.page_type != page.namespace.default_type


def _create_pages(items: list[_Item], now: object) -> None:
    if not items:
        return
    namespaces = {ns.name: ns for ns in Namespace.objects.all()}
    for item in items:
        name = item.title.namespace
        if name not in namespaces:
            namespaces[name], _ = Namespace.objects.get_or_create(
                name=name, defaults={"kind": Kind.SPLIT, "default_type": PageType.SUBPAGE}
            )
    pages = []
    for item in items:
        namespace = namespaces[item.title.namespace]
        page = Page(
            page_type=item.input.page_type or namespace.default_type,
            page_type_locked=item.input.page_type is not None,
            title=_display_title(item),
            created_at=now,
            touched_at=now,
            generation=1,
        )
        page.namespace = namespace
        page.set_address(namespace.name, item.title.name)
        if item.input.attribution is not None:
            page.source_url = item.input.attribution.source_url[:500]
            page.licence = item.input.attribution.licence[:100]
        item.page = page
        pages.append(page)
    _insert_models(Page, pages)
    ids: dict[str, int] = {}
    keys = [p.key for p in pages]
    for start in range(0, len(keys), 500):
        ids.update(Page.objects.filter(key__in=keys[start : start + 500]).values_list("key", "id"))
    for page in pages:
        page.id = ids[page.key]


def _display_title(item: _Item) -> str:
    return (directives.display_title(item.text) or display_title(item.title.name))[:300]


def _append_revisions(items: list[_Item], actor: Actor, now: object) -> None:
    revisions = []
    for item in items:
        page = item.page
        assert page is not None
        current = page.current_revision
        revision = Revision(
            page=page,
            parent=current,
            number=(current.number + 1) if current is not None else 1,
            kind=Revision.Kind.IMPORT,
            text=item.text,
            author=actor.db_user,
            author_name=actor.name[:150],
            reason=(item.input.reason or "").strip()[:500],
            created_at=now,
            size=len(item.text.encode("utf-8")),
            sha1=Revision.digest(item.text),
            address=page.path,
        )
        revisions.append(revision)
        page.current_revision = revision
    _insert_models(Revision, revisions)
    ids: dict[tuple[int, int], int] = {}
    page_ids = [r.page_id for r in revisions]
    for start in range(0, len(page_ids), 500):
        chunk = page_ids[start : start + 500]
        for page_id, number, revision_id in Revision.objects.filter(page_id__in=chunk).values_list(
            "page_id", "number", "id"
        ):
            ids[(page_id, number)] = revision_id
    for revision in revisions:
        revision.id = ids[(revision.page_id, revision.number)]


def _insert_models(model: type, objects: list) -> None:
    """Insert new model instances as plain rows (much cheaper than ``bulk_create``).

    Values are prepared once per distinct value for date-times (one stamp per batch), and
    passed as they are otherwise (strings, numbers, booleans, ids).
    """
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]  # type: ignore[attr-defined]
    prepared: dict[tuple[int, object], object] = {}

    def value(index: int, field: Any, obj: object) -> object:
        raw = getattr(obj, field.attname)
        if raw is None or isinstance(raw, str | int | float):
            return raw
        key = (index, raw)
        if key not in prepared:
            prepared[key] = field.get_db_prep_save(raw, connection)
        return prepared[key]

    rows = [tuple(value(i, f, obj) for i, f in enumerate(fields)) for obj in objects]
    insert(model, [f.column for f in fields], rows)


def _update_pages(
    fresh: list[_Item], edited: list[_Item], others: list[_Item], now: object
) -> None:
    """Point pages at their new revision, redirect target, title, type and attribution."""
    targets = [i.redirect.key for i in fresh + edited if i.redirect is not None]
    ids = dict(Page.objects.live().filter(key__in=targets).values_list("key", "id"))
    stamp = connection.ops.adapt_datetimefield_value(now)
    rows = []
    edited_ids = {id(i) for i in edited}
    other_ids = {id(i) for i in others}
    for item in fresh + edited + others:
        page = item.page
        assert page is not None
        new_text = id(item) not in other_ids
        if new_text:
            page.redirect_to_id = ids[item.redirect.key] if item.redirect is not None else None
            page.title = _display_title(item)
        if id(item) in edited_ids or item.new_type is not None:
            page.generation += 1
        if item.new_type is not None:
            page.page_type, page.page_type_locked = item.new_type, True
        if item.input.attribution is not None:
            page.source_url = item.input.attribution.source_url[:500]
            page.licence = item.input.attribution.licence[:100]
        touched = new_text or item.new_type is not None
        if touched:
            page.touched_at = now  # type: ignore[assignment]
        rows.append(
            (
                page.current_revision.id if page.current_revision else None,
                page.redirect_to_id,
                page.title,
                stamp if touched else None,
                page.generation,
                page.source_url,
                page.licence,
                page.page_type,
                page.page_type_locked,
                page.id,
            )
        )
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Page._meta.db_table} SET current_revision_id = %s, redirect_to_id = %s, "
            "title = %s, touched_at = COALESCE(%s, touched_at), generation = %s, "
            "source_url = %s, licence = %s, page_type = %s, page_type_locked = %s WHERE id = %s",
            rows,
        )


def _derive(
    pages: list[Page],
    texts: dict[int, str],
    resolver: kb.Resolver,
    new_ids: set[int] | None = None,
    known: dict[int, TextScan] | None = None,
) -> tuple[tuple[int, int], set[int]]:
    """Replace the knowledge rows of ``pages`` with those of ``texts``; (examples, links), stale.

    Pages in ``new_ids`` were just created: they have no rows to delete. ``known`` holds
    ``scan_text`` of some of the texts, worked out already.
    """
    _delete_rows([p.id for p in pages if not new_ids or p.id not in new_ids])
    known = known or {}
    scans = {
        p.id: known.get(p.id) or scan_text(texts[p.id]) for p in pages if p.redirect_to_id is None
    }
    return insert_rows([kb.page_ref(p) for p in pages], scans, resolver)


def insert_rows(
    pages: list[kb.PageRef], scans: dict[int, TextScan], resolver: kb.Resolver
) -> tuple[tuple[int, int], set[int]]:
    """Insert the knowledge rows of ``pages`` (``scans``: of those that are no redirect);
    returns (examples, links) and the other pages to refresh."""
    resolver.load(key for scan in scans.values() for key in kb.keys_needed(scan))
    resolver.load(p.key for p in pages)
    links: list[tuple] = []
    examples: list[tuple] = []
    entries: list[tuple] = []
    stale: set[int] = set()
    for ref in pages:
        if ref.redirect_to_id is None:
            rows = kb.derive_rows(ref, scans[ref.id], resolver)
        else:
            target = resolver.live_by_id(ref.redirect_to_id)
            if target is None:
                continue
            rows = kb.redirect_rows(ref, target)
        links += rows.links
        examples += rows.examples
        entries += rows.entries
        stale |= rows.stale
    insert(Link, kb.LINK_COLUMNS, links)
    insert(ExampleSource, kb.EXAMPLE_COLUMNS, examples)
    insert(IndexEntry, kb.ENTRY_COLUMNS, entries)
    return (len(examples), len(links)), stale


def rederive_pages(page_ids: set[int]) -> set[int]:
    """Re-derive the knowledge of live pages from their current text; returns pages to refresh.

    The caller holds the transaction (``rebuild`` for many pages at once).
    """
    stale = kb.counterparts(page_ids)
    ids = sorted(page_ids)
    resolver = kb.Resolver()
    for start in range(0, len(ids), 500):
        pages = list(
            Page.objects.live()
            .filter(id__in=ids[start : start + 500], current_revision__isnull=False)
            .select_related("current_revision", "namespace")
        )
        texts = {p.id: p.current_revision.text for p in pages}  # type: ignore[union-attr]
        stale |= _derive(pages, texts, resolver)[1]
    index_pages(page_ids)
    return stale - set(page_ids)


def _delete_rows(page_ids: list[int]) -> None:
    for start in range(0, len(page_ids), 500):
        chunk = page_ids[start : start + 500]
        Link.objects.filter(source_id__in=chunk).delete()
        ExampleSource.objects.filter(source_id__in=chunk).delete()
        IndexEntry.objects.filter(index_id__in=chunk).delete()


def _repoint(plan: kb.Repoints) -> set[int]:
    """Apply what ``kb.repoints`` found; returns the pages to refresh."""
    stale = set(plan.stale)
    with connection.cursor() as cursor:
        for column, model, key, _ in kb.FILLS:
            pairs = [(k, target_id) for col, target_id, k in plan.fills if col == column]
            table = model._meta.db_table
            for start in range(0, len(pairs), 400):
                chunk = pairs[start : start + 400]
                values = ", ".join(["(%s, CAST(%s AS BIGINT))"] * len(chunk))
                cursor.execute(
                    f"UPDATE {table} SET {column} = v.column2 FROM (VALUES {values}) AS v "
                    f"WHERE {table}.{key} = v.column1 AND {table}.{column} IS NULL "
                    f"RETURNING source_id, {column}",
                    [value for pair in chunk for value in pair],
                )
                for source_id, target_id in cursor.fetchall():
                    stale.update((source_id, target_id))
        updates = (
            (ExampleSource, "work_id", "work_key", plan.works),
            (ExampleSource, "trope_id", "trope_key", plan.tropes),
            (IndexEntry, "member_id", "member_key", plan.members),
        )
        for model, column, key, rows in updates:
            if rows:
                table = model._meta.db_table
                cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE {key} = %s", rows)
    return stale
