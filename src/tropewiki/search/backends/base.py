"""What every search backend provides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from tropewiki.search.models import SearchDocument
from tropewiki.search.syntax import Query

#: Tiers of the ranking, best first: the exact title, then titles with every word, then text.
EXACT_TITLE, TITLE_MATCH, TEXT_MATCH = 2, 1, 0


@dataclass(frozen=True, slots=True)
class Filters:
    """Namespaces and page types to keep (empty: all) and to leave out."""

    namespaces: tuple[str, ...] = ()
    not_namespaces: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    not_types: tuple[str, ...] = ()

    def sql(self, column_prefix: str, placeholder: str = "%s") -> tuple[list[str], list[object]]:
        """WHERE conditions (with ``placeholder``) and their parameters."""
        conditions: list[str] = []
        params: list[object] = []
        for column, values, negate in (
            ("namespace", self.namespaces, False),
            ("namespace", self.not_namespaces, True),
            ("page_type", self.types, False),
            ("page_type", self.not_types, True),
        ):
            if values:
                marks = ", ".join([placeholder] * len(values))
                conditions.append(
                    f"{column_prefix}{column} {'NOT IN' if negate else 'IN'} ({marks})"
                )
                params.extend(values)
        return conditions, params

    def __bool__(self) -> bool:
        return bool(self.namespaces or self.not_namespaces or self.types or self.not_types)


#: What a result shows of its page, in the order :meth:`SearchBackend.documents` returns it.
DOCUMENT_FIELDS = (
    "page_id",
    "title",
    "path",
    "namespace",
    "page_type",
    "laconic",
    "summary",
    "body",
)


def documents_sql(count: int, placeholder: str) -> str:
    """The statement reading :data:`DOCUMENT_FIELDS` of ``count`` pages by id."""
    marks = ", ".join([placeholder] * count)
    return (
        f"SELECT {', '.join(DOCUMENT_FIELDS)} FROM {SearchDocument._meta.db_table}"
        f" WHERE page_id IN ({marks})"
    )


#: Matches are counted up to this many ("more than 1,000"; paging stops before).
COUNT_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Ranked:
    """One page of page ids in rank order, and how many pages match in all (``exact``
    False: at least ``total``)."""

    ids: list[int]
    total: int
    exact: bool = True


def window(offset: int, limit: int) -> int:
    """How many ranked ids to fetch: enough to count the matches too (one query, no second
    pass over the index: the ranking visits every match anyway)."""
    return max(COUNT_LIMIT, offset + limit) + 1


def page_of(rows: list[tuple[int]], offset: int, limit: int) -> Ranked:
    """The page ``[offset, offset + limit)`` of ``rows``, fetched with :func:`window`."""
    counted = window(offset, limit) - 1
    ids = [row[0] for row in rows[offset : offset + limit]]
    return Ranked(ids, min(len(rows), counted), exact=len(rows) <= counted)


class SearchBackend:
    vendor = ""

    def ranked(
        self,
        query: Query,
        filters: Filters,
        exact_key: str,
        offset: int,
        limit: int,
    ) -> Ranked:
        """Pages matching ``query``: those with a title or alias whose folded key is
        ``exact_key`` first, then those with every word in a title, then the rest by relevance
        (BM25 on SQLite, ``ts_rank`` on PostgreSQL)."""
        raise NotImplementedError

    def documents(self, ids: Sequence[int]) -> list[tuple]:
        """The :data:`DOCUMENT_FIELDS` of these pages (any order; missing ids left out)."""
        if not ids:
            return []
        with connection.cursor() as cursor:
            cursor.execute(documents_sql(len(ids), "%s"), list(ids))
            return cursor.fetchall()

    def find_tropes(self, words: Sequence[str], limit: int) -> list[int]:
        """Tropes whose title, laconic or description match any of ``words``, best first."""
        raise NotImplementedError

    def title_prefix(self, column: str, key: str) -> tuple[str, list[object]]:
        """An SQL condition (``%s`` placeholders) and its parameters: ``column`` starts with
        ``key`` (which is folded: letters and digits), by the column's index."""
        raise NotImplementedError
