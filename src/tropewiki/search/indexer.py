"""Keep the search index in step with pages; called by the write path in its transaction.

* An article gets a :class:`SearchDocument` (title, laconic, summary, body, spoilers) and
  :class:`TitleEntry` rows for autocomplete.
* A redirect page gets no document: its title becomes an alias — a title entry leading to its
  target — and is added to the target's ``names``, so searching an old or alternative name
  finds the page in the title tier.
* ``Laconic/<Name>``'s text is the laconic of ``Main/<Name>``: indexing either refreshes it.
* A cut page leaves the index (:func:`unindex_page`); restoring it re-indexes it.
* Subpages (``YMMV/Dracula``, ``Laconic/…``) are found by their text only: their title is
  their work's or trope's, and would otherwise put them in the title tier beside it.

:func:`index_page` serves one save; :func:`index_pages` writes the same rows for a batch.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from django.db import connection

from tropewiki.markup import Document, parse
from tropewiki.rows import insert, select
from tropewiki.search.models import SearchDocument, TitleEntry
from tropewiki.search.text import MAX_FIELD_CHARS, PageText, page_text
from tropewiki.search.titles import name_variants, title_keys
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import PageType
from tropewiki.wiki.titles import page_key

LACONIC_NAMESPACE = "Laconic"
LACONIC_OF = "Main"
#: Page types left out of autocomplete (``YMMV/Dracula`` would crowd out ``Dracula``).
NOT_AUTOCOMPLETED = {PageType.SUBPAGE}
BULK = 500


def index_page(page: Page, doc: Document | None, previous_redirect: int | None = None) -> None:
    """Index ``page`` as of its current revision (``doc`` is None for a redirect).

    ``previous_redirect`` is the page it redirected to before this revision, whose aliases
    change when it no longer does.
    """
    if page.is_deleted or page.redirect_to_id is not None:
        SearchDocument.objects.filter(page=page).delete()
    else:
        text = page_text(doc if doc is not None else parse(page.current_revision.text))
        laconic = ""
        if page.namespace_id == LACONIC_OF:
            laconic = _laconics([page.name]).get(_laconic_key(page.name), "")
        _store(_document(page, text, _aliases([page.id]).get(page.id, []), laconic))
    entries = [] if page.is_deleted else _title_entries(page)
    stored = select(TitleEntry, _ENTRY_FIELDS, "page_id", page.id)
    if sorted(stored) != sorted(_entry_values(e) for e in entries):
        TitleEntry.objects.filter(page=page).delete()
        TitleEntry.objects.bulk_create(entries)
    _after_change([page], {previous_redirect})


_DOCUMENT_FIELDS = tuple(
    f.attname for f in SearchDocument._meta.concrete_fields if not f.primary_key
)
_ENTRY_FIELDS = ("target_id", "key", "title")


def _store(document: SearchDocument) -> None:
    """Save ``document`` unless the stored one is the same: an edit that changes nothing
    searchable (a comment, a link's target) leaves the full-text index alone."""
    stored = select(SearchDocument, _DOCUMENT_FIELDS, "page_id", document.page_id)
    if stored[:1] != [tuple(getattr(document, name) for name in _DOCUMENT_FIELDS)]:
        document.save()


def _entry_values(entry: TitleEntry) -> tuple[object, ...]:
    return tuple(getattr(entry, name) for name in _ENTRY_FIELDS)


def index_pages(
    page_ids: Iterable[int],
    also_refresh: Iterable[int] = (),
    known: Mapping[int, PageText] | None = None,
) -> None:
    """:func:`index_page` for many pages at once (bulk imports, dump restores): the same rows,
    written in bulk. ``also_refresh`` are pages whose aliases may have changed besides the
    targets of these pages' redirects (the targets they redirected to before, say).

    ``known`` gives, for some of the pages, ``page_text(parse(text))`` of their current text,
    already worked out by the caller (an importer that generated the text); the others are
    parsed here.
    """
    ids = sorted(set(page_ids))
    known = known or {}
    pages: list[_Row] = []
    for start in range(0, len(ids), BULK):
        chunk = ids[start : start + BULK]
        SearchDocument.objects.filter(page_id__in=chunk).delete()
        TitleEntry.objects.filter(page_id__in=chunk).delete()
        pages += [
            _Row(*row)
            for row in Page.objects.live()
            .filter(id__in=chunk, current_revision__isnull=False)
            .values_list(*_ROW_FIELDS)
        ]
    articles = [p for p in pages if p.redirect_to_id is None]
    texts = _page_texts(articles, known)
    # Laconic pages of this call give their text without a query, to this call's tropes too.
    laconic_texts = {
        page_key(LACONIC_NAMESPACE, p.name): _laconic_text(texts[p.id])
        for p in articles
        if p.namespace_id == LACONIC_NAMESPACE
    }
    for start in range(0, len(articles), BULK):
        chunk_articles = articles[start : start + BULK]
        aliases = _aliases([p.id for p in chunk_articles])
        names = [p.name for p in chunk_articles if p.namespace_id == LACONIC_OF]
        laconics = _laconics_known(names, laconic_texts)
        insert(
            SearchDocument,
            _DOCUMENT_COLUMNS,
            [
                _document_row(
                    p, texts[p.id], aliases.get(p.id, []), laconics.get(_laconic_key(p.name), "")
                )
                for p in chunk_articles
            ],
        )
    insert(
        TitleEntry,
        ("page_id", "target_id", "key", "title"),
        [
            (p.id, p.redirect_to_id or p.id, key, p.title[:300])
            for p in pages
            if p.page_type not in NOT_AUTOCOMPLETED
            for key in title_keys(p.title, p.name)
        ],
    )
    targets = {t for t in also_refresh if t is not None}
    targets |= {p.redirect_to_id for p in pages if p.redirect_to_id is not None}
    for page_id in sorted(targets - set(ids)):
        _refresh_names(page_id)
    _refresh_laconics(
        sorted({p.name for p in pages if p.namespace_id == LACONIC_NAMESPACE}), laconic_texts
    )


class _Row(NamedTuple):
    """What indexing needs of a page (the fields of ``_ROW_FIELDS``)."""

    id: int
    namespace_id: str
    name: str
    title: str
    page_type: str
    redirect_to_id: int | None

    @property
    def path(self) -> str:
        return f"{self.namespace_id}/{self.name}"


_ROW_FIELDS = ("id", "namespace_id", "name", "title", "page_type", "redirect_to_id")
_DOCUMENT_COLUMNS = (
    "page_id", "namespace", "page_type", "path", "title", "names", "laconic", "summary", "body",
    "spoilers", "year",
)  # fmt: skip


def _page_texts(pages: list[_Row], known: Mapping[int, PageText]) -> dict[int, PageText]:
    """The search text of each page: from ``known``, else from parsing its current text."""
    texts = {p.id: known[p.id] for p in pages if p.id in known}
    missing = [p.id for p in pages if p.id not in texts]
    for start in range(0, len(missing), BULK):
        rows = Page.objects.filter(id__in=missing[start : start + BULK]).values_list(
            "id", "current_revision__text"
        )
        for page_id, text in rows:
            texts[page_id] = page_text(parse(text))
    return texts


def _document_row(
    page: _Row | Page, text: PageText, aliases: list[tuple[str, str]], laconic: str
) -> tuple:
    """A page's search document, in ``_DOCUMENT_COLUMNS`` order: its title and its aliases'
    as names (none for subpages), its laconic (for a Laconic page), its text, a work's year."""
    names = name_variants(page.title, page.name)
    for title, name in aliases:
        names += name_variants(title, name)
    return (
        page.id,
        page.namespace_id,
        page.page_type,
        page.path,
        page.title,
        ""
        if page.page_type == PageType.SUBPAGE
        else "\n".join(dict.fromkeys(names))[:MAX_FIELD_CHARS],
        laconic if page.namespace_id == LACONIC_OF else "",
        text.summary,
        text.body,
        text.spoilers,
        text.year() if page.page_type == PageType.WORK else None,
    )


def _laconic_text(text: PageText) -> str:
    return " ".join(p for p in (text.summary, text.body) if p)[:MAX_FIELD_CHARS]


def _laconics_known(names: list[str], known: Mapping[str, str]) -> dict[str, str]:
    """:func:`_laconics`, taking the texts of ``known`` (by Laconic key) without a query, and
    the others from the Laconic pages' own search documents (parsing a page without one)."""
    found = {key: known[key] for name in names if (key := _laconic_key(name)) in known}
    rest = [key for name in names if (key := _laconic_key(name)) not in found]
    unindexed: list[str] = []
    for start in range(0, len(rest), BULK):
        rows = (
            Page.objects.articles()
            .filter(key__in=rest[start : start + BULK])
            .values_list("key", "name", "search_document__summary", "search_document__body")
        )
        for key, name, summary, body in rows:
            if summary is None:
                unindexed.append(name)
            else:
                found[key] = _laconic_text(PageText(summary, body, ""))
    for start in range(0, len(unindexed), BULK):
        found.update(_laconics(unindexed[start : start + BULK]))
    return found


def _refresh_laconics(names: list[str], known: Mapping[str, str]) -> None:
    """:func:`_refresh_laconic` for many names: update the documents whose laconic changed."""
    updates: list[tuple[str, int]] = []
    for start in range(0, len(names), BULK):
        keys = [page_key(LACONIC_OF, name) for name in names[start : start + BULK]]
        rows = list(
            Page.objects.articles()
            .filter(key__in=keys)
            .values_list("id", "name", "search_document__laconic")
        )
        laconics = _laconics_known([name for _, name, _ in rows], known)
        for page_id, name, current in rows:
            laconic = laconics.get(_laconic_key(name), "")
            if current is not None and current != laconic:
                updates.append((laconic, page_id))
    if updates:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {SearchDocument._meta.db_table} SET laconic = %s WHERE page_id = %s",
                updates,
            )


@contextlib.contextmanager
def bulk_load() -> Iterator[None]:
    """Write many documents, then build the full-text index over all of them at once.

    For a bulk load into an empty index, inside a transaction: while open, documents are
    written without indexing each one (SQLite: the FTS5 triggers are dropped; PostgreSQL: the
    GIN index is); when it closes, the full-text index is built from ``search_document`` in
    one pass (FTS5 ``rebuild``; ``CREATE INDEX``), which gives the same index. On an error the
    transaction's rollback brings back the triggers and index as they were.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("bulk_load() needs a transaction")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [SearchDocument._meta.db_table],
            )
            triggers = cursor.fetchall()
            restore = [sql for _, sql in triggers]
            for name, _ in triggers:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND indexname = %s",
                [_PG_VECTOR_INDEX],
            )
            restore = [row[0] for row in cursor.fetchall()]
            if restore:
                cursor.execute(f"DROP INDEX {_PG_VECTOR_INDEX}")
        else:
            restore = []
    yield
    with connection.cursor() as cursor:
        if restore and connection.vendor == "postgresql":
            # Deferred foreign-key checks pending on a table forbid indexing it.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(restore[0])
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            return
        for sql in restore:
            cursor.execute(sql)
        if connection.vendor == "sqlite" and restore:
            for table in _FTS_TABLES:
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")


_FTS_TABLES = ("search_fts", "search_names")  # see migrations/0001_initial.py
_PG_VECTOR_INDEX = "search_document_vector"


def unindex_page(page: Page) -> None:
    """Take a cut page out of search and autocomplete."""
    SearchDocument.objects.filter(page=page).delete()
    TitleEntry.objects.filter(page=page).delete()
    _after_change([page], set())


def _document(
    page: Page, text: PageText, aliases: list[tuple[str, str]], laconic: str
) -> SearchDocument:
    values = _document_row(page, text, aliases, laconic)
    return SearchDocument(page=page, **dict(zip(_DOCUMENT_COLUMNS[1:], values[1:], strict=True)))


def _title_entries(page: Page) -> list[TitleEntry]:
    if page.page_type in NOT_AUTOCOMPLETED:
        return []
    target = page.redirect_to_id or page.id
    return [
        TitleEntry(page=page, target_id=target, key=key, title=page.title[:300])
        for key in title_keys(page.title, page.name)
    ]


def _after_change(
    pages: list[Page], also: set[int | None], skip: frozenset[int] = frozenset()
) -> None:
    """Refresh what other documents take from these pages: aliases and laconics."""
    targets = {t for t in also if t is not None}
    targets |= {p.redirect_to_id for p in pages if p.redirect_to_id is not None}
    for page_id in sorted(targets - skip):
        _refresh_names(page_id)
    for name in sorted({p.name for p in pages if p.namespace_id == LACONIC_NAMESPACE}):
        _refresh_laconic(name)


def _aliases(page_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """(title, name) of the live redirects to each of these pages (plain SQL: every save asks)."""
    found: dict[int, list[tuple[str, str]]] = {}
    if not page_ids:
        return found
    marks = ", ".join(["%s"] * len(page_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT redirect_to_id, title, name FROM {Page._meta.db_table}"
            f" WHERE redirect_to_id IN ({marks}) AND deleted_at IS NULL ORDER BY id",
            list(page_ids),
        )
        for target, title, name in cursor.fetchall():
            found.setdefault(target, []).append((title, name))
    return found


def _refresh_names(page_id: int) -> None:
    page = Page.objects.articles().filter(id=page_id).first()
    if page is not None and page.page_type != PageType.SUBPAGE:
        names = _document(page, PageText("", "", ""), _aliases([page.id]).get(page.id, []), "")
        SearchDocument.objects.filter(page=page).update(names=names.names)


def _laconic_key(name: str) -> str:
    return page_key(LACONIC_NAMESPACE, name)


def _laconics(names: list[str]) -> dict[str, str]:
    """The laconic text for each of these names, by the Laconic page's key."""
    if not names:
        return {}
    found = {}
    keys = [_laconic_key(name) for name in names]
    for page in Page.objects.articles().filter(key__in=keys).select_related("current_revision"):
        text = page_text(parse(page.current_revision.text))
        found[page.key] = " ".join(p for p in (text.summary, text.body) if p)[:MAX_FIELD_CHARS]
    return found


def _refresh_laconic(name: str) -> None:
    page = Page.objects.articles().filter(key=page_key(LACONIC_OF, name)).first()
    if page is not None:
        laconic = _laconics([page.name]).get(_laconic_key(page.name), "")
        SearchDocument.objects.filter(page=page).update(laconic=laconic)
