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

from collections.abc import Iterable

from tropewiki.markup import Document, parse
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
    stored = TitleEntry.objects.filter(page=page)
    if sorted(stored.values_list(*_ENTRY_FIELDS)) != sorted(_entry_values(e) for e in entries):
        stored.delete()
        TitleEntry.objects.bulk_create(entries)
    _after_change([page], {previous_redirect})


_DOCUMENT_FIELDS = tuple(
    f.attname for f in SearchDocument._meta.concrete_fields if not f.primary_key
)
_ENTRY_FIELDS = ("target_id", "key", "title")


def _store(document: SearchDocument) -> None:
    """Save ``document`` unless the stored one is the same: an edit that changes nothing
    searchable (a comment, a link's target) leaves the full-text index alone."""
    stored = (
        SearchDocument.objects.filter(page_id=document.page_id)
        .values_list(*_DOCUMENT_FIELDS)
        .first()
    )
    if stored != tuple(getattr(document, name) for name in _DOCUMENT_FIELDS):
        document.save()


def _entry_values(entry: TitleEntry) -> tuple[object, ...]:
    return tuple(getattr(entry, name) for name in _ENTRY_FIELDS)


def index_pages(page_ids: Iterable[int], also_refresh: Iterable[int] = ()) -> None:
    """:func:`index_page` for many pages at once (bulk imports, dump restores): the same rows,
    written in bulk. ``also_refresh`` are pages whose aliases may have changed besides the
    targets of these pages' redirects (the targets they redirected to before, say)."""
    ids = sorted(set(page_ids))
    changed: list[Page] = []
    for start in range(0, len(ids), BULK):
        chunk = ids[start : start + BULK]
        SearchDocument.objects.filter(page_id__in=chunk).delete()
        TitleEntry.objects.filter(page_id__in=chunk).delete()
        pages = list(
            Page.objects.live()
            .filter(id__in=chunk, current_revision__isnull=False)
            .select_related("current_revision")
        )
        articles = [p for p in pages if p.redirect_to_id is None]
        aliases = _aliases([p.id for p in articles])
        laconics = _laconics([p.name for p in articles if p.namespace_id == LACONIC_OF])
        documents = [
            _document(
                page,
                page_text(parse(page.current_revision.text)),
                aliases.get(page.id, []),
                laconics.get(_laconic_key(page.name), ""),
            )
            for page in articles
        ]
        SearchDocument.objects.bulk_create(documents, batch_size=BULK)
        TitleEntry.objects.bulk_create(
            [entry for page in pages for entry in _title_entries(page)], batch_size=BULK
        )
        changed += pages
    _after_change(changed, set(also_refresh), skip=frozenset(ids))


def unindex_page(page: Page) -> None:
    """Take a cut page out of search and autocomplete."""
    SearchDocument.objects.filter(page=page).delete()
    TitleEntry.objects.filter(page=page).delete()
    _after_change([page], set())


def _document(
    page: Page, text: PageText, aliases: list[tuple[str, str]], laconic: str
) -> SearchDocument:
    names = name_variants(page.title, page.name)
    for title, name in aliases:
        names += name_variants(title, name)
    return SearchDocument(
        page=page,
        namespace=page.namespace_id,
        page_type=page.page_type,
        path=page.path,
        title=page.title,
        names=""
        if page.page_type == PageType.SUBPAGE
        else "\n".join(dict.fromkeys(names))[:MAX_FIELD_CHARS],
        laconic=laconic if page.namespace_id == LACONIC_OF else "",
        summary=text.summary,
        body=text.body,
        spoilers=text.spoilers,
        year=text.year() if page.page_type == PageType.WORK else None,
    )


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
    """(title, name) of the live redirects to each of these pages."""
    found: dict[int, list[tuple[str, str]]] = {}
    rows = (
        Page.objects.live()
        .filter(redirect_to_id__in=page_ids)
        .exclude(redirect_to_id=None)
        .order_by("id")
        .values_list("redirect_to_id", "title", "name")
    )
    for target, title, name in rows:
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
