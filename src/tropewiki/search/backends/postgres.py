"""PostgreSQL full-text search: the weighted, generated ``search_document.vector`` (GIN).

Weights: A titles, B laconic, C summary, D body and spoilers. Ranking is ``ts_rank`` with
length normalisation (PostgreSQL has no IDF, so this is BM25-like, not BM25).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.db import connection

from tropewiki.search.backends.base import (
    EXACT_TITLE,
    TEXT_MATCH,
    TITLE_MATCH,
    Filters,
    Ranked,
    SearchBackend,
    page_of,
    window,
)
from tropewiki.search.syntax import Clause, Query, Term

CONFIG = "english"
#: ts_rank weights for D (body), C (summary), B (laconic), A (titles) in the trope finder.
FINDER_WEIGHTS = "{0.0, 0.4, 0.8, 0.3}"

_LEXEME = re.compile(r"[^\W_]+")


def ts_term(term: Term) -> tuple[str, list[object]]:
    if term.prefix:
        words = _LEXEME.findall(term.text)
        return f"to_tsquery('{CONFIG}', %s)", [" <-> ".join(words) + ":*"]
    if term.phrase:
        return f"phraseto_tsquery('{CONFIG}', %s)", [term.text]
    return f"plainto_tsquery('{CONFIG}', %s)", [term.text]


def ts_clause(clause: Clause) -> tuple[str, list[object]]:
    parts = [ts_term(t) for t in clause.terms]
    sql = " || ".join(p[0] for p in parts)
    params = [value for p in parts for value in p[1]]
    return (f"({sql})" if len(parts) > 1 else sql), params


def ts_query(query: Query) -> tuple[str, list[object]]:
    """A tsquery expression (SQL and parameters) for a query with a positive clause."""
    parts = [ts_clause(c) for c in query.positive]
    parts += [(f"!!({sql})", params) for sql, params in map(ts_clause, query.negative)]
    return " && ".join(p[0] for p in parts), [value for p in parts for value in p[1]]


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def ranked(
        self,
        query: Query,
        filters: Filters,
        exact_key: str,
        offset: int,
        limit: int,
    ) -> Ranked:
        tsquery, params = ts_query(query)
        conditions, filter_params = filters.sql("d.")
        where = " AND ".join(["d.vector @@ q.query", *conditions])
        sql = (
            f"SELECT d.page_id FROM search_document d, (SELECT {tsquery} AS query) q"
            f" WHERE {where} ORDER BY CASE"
            f" WHEN d.page_id IN (SELECT target_id FROM search_title WHERE key = %s)"
            f" THEN {EXACT_TITLE}"
            f" WHEN ts_filter(d.vector, '{{a}}') @@ q.query THEN {TITLE_MATCH}"
            f" ELSE {TEXT_MATCH} END DESC, ts_rank(d.vector, q.query, 1) DESC, d.page_id"
            " LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *filter_params, exact_key, window(offset, limit)])
            return page_of(cursor.fetchall(), offset, limit)

    def find_tropes(self, words: Sequence[str], limit: int) -> list[int]:
        if not words:
            return []
        tsquery = " || ".join([f"plainto_tsquery('{CONFIG}', %s)"] * len(words))
        sql = (
            f"SELECT d.page_id FROM search_document d, (SELECT {tsquery} AS query) q"
            " WHERE d.page_type = 'trope' AND d.vector @@ q.query"
            " AND ts_filter(d.vector, '{a,b,c}') @@ q.query"
            f" ORDER BY ts_rank('{FINDER_WEIGHTS}', d.vector, q.query, 1) DESC, d.page_id"
            " LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*words, limit])
            return [r[0] for r in cursor.fetchall()]

    def title_prefix(self, column: str, key: str) -> tuple[str, list[object]]:
        # LIKE 'key%' uses the varchar_pattern_ops index whatever the database's collation.
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return f"{column} LIKE %s", [escaped + "%"]
