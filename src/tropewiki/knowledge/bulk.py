"""Knowledge rows for many pages at once: the rows :mod:`tropewiki.knowledge.derive` writes.

:func:`derive_rows` gives, for one page and the :class:`~tropewiki.knowledge.scan.TextScan`
of its current text, the Link, ExampleSource and IndexEntry rows that ``derive_page`` would
create, as tuples ready for a bulk insert (the column orders are ``LINK_COLUMNS``,
``EXAMPLE_COLUMNS`` and ``ENTRY_COLUMNS``, defined beside the code that stores each kind),
plus the other pages whose display changed.
Pages are looked up through a :class:`Resolver`, which loads what a batch needs in a few
queries and follows redirects the way :func:`~tropewiki.knowledge.subjects.resolve_keys` does.

Nothing here writes; :mod:`tropewiki.actions.bulk` inserts the rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from tropewiki.knowledge.examples import EXAMPLE_COLUMNS, example_text
from tropewiki.knowledge.indexes import ENTRY_COLUMNS
from tropewiki.knowledge.links import LINK_COLUMNS
from tropewiki.knowledge.models import ExampleSource, IndexEntry, Link
from tropewiki.knowledge.played import detect_played
from tropewiki.knowledge.scan import TextScan, key_of
from tropewiki.knowledge.subjects import WORK_NAMESPACES
from tropewiki.markup import DEFAULT_NAMESPACE, Target
from tropewiki.wiki.lookup import MAX_REDIRECT_HOPS
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import Kind, PageType

__all__ = [
    "ENTRY_COLUMNS", "EXAMPLE_COLUMNS", "FILLS", "LINK_COLUMNS", "DerivedRows", "PageRef",
    "Repoints", "Resolver", "counterparts", "derive_rows", "keys_needed", "linkers", "page_ref",
    "redirect_rows", "repoints",
]  # fmt: skip

_CHUNK = 900  # keys per IN (…) query, below every backend's parameter limit
_FIELDS = ("id", "key", "namespace_id", "name", "page_type", "redirect_to_id", "namespace__kind")


@dataclass(frozen=True, slots=True)
class PageRef:
    """What derivation needs to know about a live page."""

    id: int
    key: str
    namespace: str
    name: str
    page_type: str
    redirect_to_id: int | None
    namespace_kind: str

    @property
    def path(self) -> str:
        return f"{self.namespace}/{self.name}"


def page_ref(page: Page) -> PageRef:
    """What derivation needs to know of a page (its namespace is read: select it along)."""
    return PageRef(
        page.id,
        page.key,
        page.namespace_id,
        page.name,
        page.page_type,
        page.redirect_to_id,
        page.namespace.kind,
    )


@dataclass(slots=True)
class DerivedRows:
    """Rows to insert, and the other pages whose display they change."""

    links: list[tuple] = field(default_factory=list)
    examples: list[tuple] = field(default_factory=list)
    entries: list[tuple] = field(default_factory=list)
    stale: set[int] = field(default_factory=set)


class Resolver:
    """Live pages by key and id, loaded in chunks and kept for one batch."""

    def __init__(self) -> None:
        self._by_key: dict[str, PageRef | None] = {}
        self._by_id: dict[int, PageRef | None] = {}
        self._parents: dict[str, PageRef | None] = {}

    def load(self, keys: Iterable[str]) -> None:
        """Fetch the pages at ``keys`` not asked about yet, and the pages they redirect to."""
        missing = [k for k in set(keys) if k not in self._by_key]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            for row in Page.objects.live().filter(key__in=chunk).values_list(*_FIELDS):
                self._remember(PageRef(*row))
            for key in chunk:
                self._by_key.setdefault(key, None)
        for _ in range(MAX_REDIRECT_HOPS):
            wanted = {
                ref.redirect_to_id
                for ref in self._by_key.values()
                if ref is not None and ref.redirect_to_id is not None
            } - set(self._by_id)
            if not wanted:
                break
            self._load_ids(wanted)

    def _load_ids(self, ids: set[int]) -> None:
        listed = list(ids)
        for start in range(0, len(listed), _CHUNK):
            chunk = listed[start : start + _CHUNK]
            for row in Page.objects.live().filter(id__in=chunk).values_list(*_FIELDS):
                self._remember(PageRef(*row))
            for page_id in chunk:
                self._by_id.setdefault(page_id, None)

    def _remember(self, ref: PageRef) -> None:
        self._by_key[ref.key] = ref
        self._by_id[ref.id] = ref

    def live(self, key: str) -> PageRef | None:
        """The live page at ``key`` (a redirect page is itself), loading it if needed."""
        if key not in self._by_key:
            self.load([key])
        return self._by_key[key]

    def live_by_id(self, page_id: int) -> PageRef | None:
        """The live page with this id, loading it if needed."""
        if page_id not in self._by_id:
            self._load_ids({page_id})
        return self._by_id[page_id]

    def resolve(self, key: str) -> PageRef | None:
        """The page ``key`` reaches through redirects, as ``resolve_keys`` answers it."""
        page = self.live(key)
        if page is None:
            return None
        for _ in range(MAX_REDIRECT_HOPS):
            if page.redirect_to_id is None:
                break
            if page.redirect_to_id not in self._by_id:
                self._load_ids({page.redirect_to_id})
            target = self._by_id[page.redirect_to_id]
            if target is None or target.id == page.id:
                return _unredirected(page)
            page = target
        return page

    def subject(self, page: PageRef) -> tuple[PageRef, str] | None:
        """The work or trope ``page``'s bullets are examples of, and its side."""
        if page.page_type == PageType.WORK:
            return page, "work"
        if page.page_type == PageType.TROPE:
            return page, "trope"
        if page.namespace_kind != Kind.SPLIT:
            return None
        if page.namespace not in self._parents:
            row = (
                Page.objects.articles()
                .filter(name__iexact=page.namespace, page_type__in=[PageType.WORK, PageType.TROPE])
                .order_by("id")
                .values_list(*_FIELDS)
                .first()
            )
            self._parents[page.namespace] = PageRef(*row) if row else None
        parent = self._parents[page.namespace]
        if parent is None:
            return None
        return parent, "work" if parent.page_type == PageType.WORK else "trope"


def _unredirected(page: PageRef) -> PageRef:
    return PageRef(
        page.id, page.key, page.namespace, page.name, page.page_type, None, page.namespace_kind
    )


def keys_needed(scan: TextScan) -> set[str]:
    """Every key a page's rows may look up."""
    return set(scan.links)


def derive_rows(page: PageRef, scan: TextScan, resolver: Resolver) -> DerivedRows:
    """The rows ``derive_page(page, parse(text))`` would write for a page that is no redirect."""
    rows = DerivedRows()
    for key, (namespace, name, count, in_spoiler) in scan.links.items():
        if key == page.key:
            continue
        target = resolver.live(key)
        rows.links.append(
            (page.id, key, namespace, name, target.id if target else None, count, in_spoiler)
        )
    _examples(page, scan, resolver, rows)
    if page.page_type == PageType.INDEX:
        _entries(page, scan, resolver, rows)
    return rows


def redirect_rows(page: PageRef, target: PageRef) -> DerivedRows:
    """The one Link row of a redirect page (and its target to refresh)."""
    link = (page.id, target.key, target.namespace, target.name, target.id, 1, False)
    return DerivedRows(links=[link], stale={target.id})


def _examples(page: PageRef, scan: TextScan, resolver: Resolver, rows: DerivedRows) -> None:
    subject = resolver.subject(page)
    if subject is None:
        return
    owner, side = subject
    seen: set[str] = set()
    for bullet in scan.bullets:
        target = bullet.target
        key = key_of(target.namespace, target.name)
        other = resolver.resolve(key)
        if other is not None and other.id == owner.id:
            continue
        wanted = _is_trope if side == "work" else _is_work
        if not wanted(target, other) or key in seen:
            continue
        seen.add(key)
        text = _example_text(bullet.text)
        written = f"{target.namespace}/{target.name}"
        other_id = other.id if other is not None else None
        common = (text, ",".join(detect_played(text)) if text else "", bullet.spoiler != "none")
        tail = ((bullet.folder or "")[:200], bullet.position)
        if side == "work":
            head = (page.id, side, owner.key, key, owner.path, written, owner.id, other_id)
        else:
            head = (page.id, side, key, owner.key, written, owner.path, other_id, owner.id)
        rows.examples.append(head + common + tail)
        if other is not None:
            rows.stale.add(other.id)


def _entries(page: PageRef, scan: TextScan, resolver: Resolver, rows: DerivedRows) -> None:
    bullets = scan.bullets
    if any(b.in_index for b in bullets):
        bullets = [b for b in bullets if b.in_index]
    seen: set[str] = set()
    for bullet in bullets:
        key = key_of(bullet.target.namespace, bullet.target.name)
        member = resolver.resolve(key)
        if key in seen or (member is not None and member.id == page.id):
            continue
        seen.add(key)
        rows.entries.append((page.id, key, member.id if member else None, len(rows.entries)))
        if member is not None:
            rows.stale.add(member.id)


#: Bullets that are a bare link ("AlphaBitch") recur on thousands of pages.
_example_text = lru_cache(maxsize=1 << 16)(example_text)


def _is_trope(target: Target, page: PageRef | None) -> bool:
    if page is not None:
        return page.page_type == PageType.TROPE
    return target.namespace == DEFAULT_NAMESPACE


def _is_work(target: Target, page: PageRef | None) -> bool:
    if page is not None:
        return page.page_type == PageType.WORK
    return target.namespace in WORK_NAMESPACES


# ---- what a batch's changes do to rows already written ----------------------------------------


@dataclass(slots=True)
class Repoints:
    """Rows written earlier that must now point at other pages (as ``reresolve`` re-points).

    ``fills`` are the new pages, as (column, page id, key): rows that named one of them
    before it existed have the column empty; the writer fills it and refreshes the rows'
    pages and the new page.
    The other lists re-point every row of a key (after a redirect appeared or went).
    """

    fills: list[tuple[str, int, str]] = field(default_factory=list)
    works: list[tuple[int | None, str]] = field(default_factory=list)  # (work_id, work_key)
    tropes: list[tuple[int | None, str]] = field(default_factory=list)
    members: list[tuple[int | None, str]] = field(default_factory=list)
    stale: set[int] = field(default_factory=set)


def counterparts(page_ids: Iterable[int]) -> set[int]:
    """Pages showing what ``page_ids`` derived (example partners, index members)."""
    ids = list(page_ids)
    stale: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for work_id, trope_id in ExampleSource.objects.filter(source_id__in=chunk).values_list(
            "work_id", "trope_id"
        ):
            stale.update((work_id, trope_id))
        stale.update(
            IndexEntry.objects.filter(index_id__in=chunk).values_list("member_id", flat=True)
        )
    stale.discard(None)
    return stale


# (column to fill, model, key column): what a new page's key may have been named by.
FILLS = (
    ("target_id", Link, "target_key", False),
    ("work_id", ExampleSource, "work_key", True),
    ("trope_id", ExampleSource, "trope_key", True),
)


def repoints(new_keys: Iterable[str], moved_keys: Iterable[str], resolver: Resolver) -> Repoints:
    """What ``reresolve`` would change after pages appeared at ``new_keys`` and pages at
    ``moved_keys`` started or stopped redirecting."""
    plan = Repoints()
    new, moved = list(dict.fromkeys(new_keys)), list(dict.fromkeys(moved_keys))
    resolver.load(new)
    for key in new:
        for column, _, _, through_redirects in FILLS:
            target = resolver.resolve(key) if through_redirects else resolver.live(key)
            if target is not None:
                plan.fills.append((column, target.id, key))
    for start in range(0, len(new), _CHUNK):
        _repoint_members(new[start : start + _CHUNK], resolver, plan)
    for start in range(0, len(moved), _CHUNK):
        chunk = moved[start : start + _CHUNK]
        _repoint_examples(chunk, resolver, plan)
        _repoint_members(chunk, resolver, plan)
    plan.stale.discard(None)  # type: ignore[arg-type]
    return plan


def _repoint_examples(keys: list[str], resolver: Resolver, plan: Repoints) -> None:
    for side, out in (("work", plan.works), ("trope", plan.tropes)):
        rows = ExampleSource.objects.filter(**{f"{side}_key__in": keys})
        changed: set[str] = set()
        for source_id, key, current in rows.values_list("source_id", f"{side}_key", f"{side}_id"):
            target = resolver.resolve(key)
            target_id = target.id if target is not None else None
            if current != target_id:
                plan.stale.update((source_id, current, target_id))
                changed.add(key)
        for key in changed:
            target = resolver.resolve(key)
            out.append((target.id if target is not None else None, key))


def _repoint_members(keys: list[str], resolver: Resolver, plan: Repoints) -> None:
    rows = IndexEntry.objects.filter(member_key__in=keys)
    index_ids = set(rows.values_list("index_id", flat=True))
    if not index_ids:
        return
    for key in set(rows.values_list("member_key", flat=True)):
        target = resolver.resolve(key)
        plan.members.append((target.id if target is not None else None, key))
    plan.stale |= index_ids
    plan.stale.update(
        IndexEntry.objects.filter(index_id__in=index_ids).values_list("member_id", flat=True)
    )


def linkers(keys: Iterable[str]) -> set[int]:
    """Pages with a link to one of ``keys`` (whose examples depend on those pages' types)."""
    listed = list(set(keys))
    found: set[int] = set()
    for start in range(0, len(listed), _CHUNK):
        found.update(
            Link.objects.filter(target_key__in=listed[start : start + _CHUNK]).values_list(
                "source_id", flat=True
            )
        )
    return found
