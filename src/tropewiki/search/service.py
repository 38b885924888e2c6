"""Full-text search and autocomplete: what the views call (reads only).

:func:`search` parses the query, asks the backend for one page of ranked ids and builds each
result's laconic and snippet with the one highlighter; :func:`autocomplete` looks titles and
aliases up by folded prefix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from markupsafe import Markup

from tropewiki.search.backends import Filters, get_backend
from tropewiki.search.highlight import highlight, marked_snippet, needles_for
from tropewiki.search.models import TitleEntry
from tropewiki.search.syntax import Query, parse_query
from tropewiki.search.titles import fold
from tropewiki.wiki.models import Namespace, Page
from tropewiki.wiki.namespaces import PageType

PER_PAGE = 20
MAX_PER_PAGE = 50
MAX_PAGE = 50
AUTOCOMPLETE_LIMIT = 10
MIN_PREFIX = 2


@dataclass
class Result:
    """One page found: where it is, its laconic and a snippet, both marked up safely."""

    title: str
    path: str
    namespace: str
    page_type: str
    laconic: Markup
    snippet: Markup

    @property
    def url(self) -> str:
        return f"/{self.path}"

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "path": self.path,
            "url": self.url,
            "namespace": self.namespace,
            "type": self.page_type,
            "laconic": str(self.laconic),
            "snippet": str(self.snippet),
        }


@dataclass
class Results:
    query: Query
    results: list[Result] = field(default_factory=list)
    total: int = 0
    exact: bool = True
    page: int = 1
    per_page: int = PER_PAGE
    notices: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // self.per_page)))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def search(
    text: str,
    *,
    namespaces: list[str] | tuple[str, ...] = (),
    types: list[str] | tuple[str, ...] = (),
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Results:
    """One page of results for ``text`` (the query syntax), filtered by namespaces and types."""
    query = parse_query(text).with_filters(namespaces, types)
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, min(page, MAX_PAGE))
    results = Results(query, page=page, per_page=per_page)
    filters = _filters(query, results.notices)
    if not query.searchable:
        if query.clauses:
            results.notices.append("Add a word to look for: exclusions alone find nothing.")
        return results
    ranked = get_backend().ranked(
        query, filters, _exact_key(query), (page - 1) * per_page, per_page
    )
    results.total, results.exact = ranked.total, ranked.exact
    results.results = results_for(ranked.ids, query)
    return results


def _filters(query: Query, notices: list[str]) -> Filters:
    known: dict[str, str] = {}
    if query.namespaces or query.not_namespaces:
        known = {name.lower(): name for name in Namespace.objects.values_list("name", flat=True)}

    def namespaces(values: tuple[str, ...]) -> tuple[str, ...]:
        found = []
        for value in values:
            name = known.get(value.lower())
            if name is None:
                notices.append(f"There is no namespace {value!r}; that filter was left out.")
            else:
                found.append(name)
        return tuple(found)

    def types(values: tuple[str, ...]) -> tuple[str, ...]:
        found = []
        for value in values:
            value = value.lower()
            if value not in PageType.ALL and value.rstrip("s") in PageType.ALL:
                value = value.rstrip("s")
            if value not in PageType.ALL:
                kinds = ", ".join(sorted(PageType.ALL))
                notices.append(f"There is no page type {value!r} (try {kinds}).")
            else:
                found.append(value)
        return tuple(found)

    return Filters(
        namespaces(query.namespaces),
        namespaces(query.not_namespaces),
        types(query.types),
        types(query.not_types),
    )


def _exact_key(query: Query) -> str:
    """The folded title a plain query would be, if it were exactly a page's title."""
    words = query.plain_words()
    return fold(" ".join(words)) if words else ""


def results_for(ids: list[int], query: Query) -> list[Result]:
    """The results for these page ids, in this order, with laconics and snippets marked."""
    if not ids:
        return []
    docs = {row[0]: row for row in get_backend().documents(ids)}
    needles = needles_for(query.highlight_terms())
    out = []
    for page_id in ids:
        if page_id not in docs:
            continue
        _, title, path, namespace, page_type, laconic, summary, body = docs[page_id]
        shown, marked = marked_snippet(summary, needles)
        if not marked:
            in_body, marked = marked_snippet(body, needles)
            if marked or not summary:
                shown = in_body
        out.append(
            Result(title, path, namespace, page_type, highlight(laconic, needles), Markup(shown))
        )
    return out


@dataclass(frozen=True, slots=True)
class Suggestion:
    title: str
    path: str
    url: str
    namespace: str
    alias_of: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "path": self.path,
            "url": self.url,
            "namespace": self.namespace,
            "alias_of": self.alias_of,
        }


def autocomplete(text: str, limit: int = AUTOCOMPLETE_LIMIT) -> list[Suggestion]:
    """Titles and aliases starting with ``text`` (case, spaces and punctuation ignored).

    One suggestion per page, in key order (an exact title first); an alias is left out when
    the page it leads to is suggested itself. One hand-written statement: this runs at every
    keystroke, and building it through the ORM (two joined pages, fifty columns, model
    instances) took five times as long as running it.
    """
    key = fold(text or "")
    if len(key) < MIN_PREFIX or len((text or "").strip()) < MIN_PREFIX:
        return []
    prefix, params = get_backend().title_prefix("t.key", key)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.page_id, t.target_id, t.title, p.namespace_id, p.name,"
            f" g.namespace_id, g.name, g.title"
            f" FROM {TitleEntry._meta.db_table} t"
            f" JOIN {Page._meta.db_table} p ON p.id = t.page_id"
            f" JOIN {Page._meta.db_table} g ON g.id = t.target_id"
            f" WHERE {prefix} AND p.deleted_at IS NULL AND g.deleted_at IS NULL"
            f" ORDER BY t.key, t.page_id LIMIT %s",
            [*params, limit * 4],
        )
        rows = cursor.fetchall()
    chosen: dict[int, tuple] = {}
    for row in rows:
        chosen.setdefault(row[0], row)
    direct = {row[1] for row in chosen.values() if row[0] == row[1]}
    suggestions = []
    for (
        page_id,
        target_id,
        title,
        namespace,
        name,
        to_namespace,
        to_name,
        to_title,
    ) in chosen.values():
        alias = page_id != target_id
        if alias and target_id in direct:
            continue
        suggestions.append(
            Suggestion(
                title=title,
                path=f"{namespace}/{name}",
                url=f"/{to_namespace}/{to_name}",
                namespace=str(namespace),
                alias_of=to_title if alias else None,
            )
        )
    return suggestions[:limit]
