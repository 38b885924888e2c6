"""SQLite FTS5: ``search_fts`` (every field, BM25 with column weights) and ``search_names``.

The two reads of a search (ranked ids, then one page of documents) run on the DB-API
connection itself, with ``?`` placeholders: Django's cursor wrapper (rewriting ``%s``,
execute wrappers) cost about 0.02 ms a statement, a noticeable share of a query that FTS5
answers in half a millisecond. Errors are still Django's (``wrap_database_errors``); these
two statements are not in ``connection.queries`` under ``DEBUG``.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from tropewiki.search.backends.base import (
    EXACT_TITLE,
    TEXT_MATCH,
    TITLE_MATCH,
    Filters,
    Ranked,
    SearchBackend,
    documents_sql,
    page_of,
    window,
)
from tropewiki.search.syntax import Clause, Query, Term

#: Column weights of the trope finder: titles, laconic, summary (body and spoilers unused).
FINDER_RANK = "bm25(search_fts, 3.0, 8.0, 4.0, 0.0, 0.0)"


def _read(sql: str, params: Sequence[object]) -> list[tuple]:
    """All rows of one read, run on the sqlite3 connection directly (see the module note)."""
    connection.ensure_connection()
    with connection.wrap_database_errors:
        return connection.connection.execute(sql, params).fetchall()


def fts_term(term: Term) -> str:
    """A term as an FTS5 string (every word quoted, so nothing is read as an operator)."""
    quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
    return quoted + "*" if term.prefix else quoted


def fts_clause(clause: Clause) -> str:
    parts = [fts_term(t) for t in clause.terms]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def fts_expression(query: Query) -> str:
    """The FTS5 MATCH expression of a query with at least one positive clause."""
    expression = " AND ".join(fts_clause(c) for c in query.positive)
    for clause in query.negative:
        expression = f"({expression}) NOT {fts_clause(clause)}"
    return expression


class SqliteBackend(SearchBackend):
    vendor = "sqlite"

    def ranked(
        self,
        query: Query,
        filters: Filters,
        exact_key: str,
        offset: int,
        limit: int,
    ) -> Ranked:
        expression = fts_expression(query)
        conditions, params = filters.sql("d.", "?")
        # CROSS JOIN keeps FTS5 as the outer loop: each match looks its document up by id.
        join = " CROSS JOIN search_document d ON d.page_id = search_fts.rowid" if filters else ""
        where = " AND ".join(["search_fts MATCH ?", *conditions])
        tier = (
            f"CASE WHEN search_fts.rowid IN (SELECT target_id FROM search_title WHERE key = ?)"
            f" THEN {EXACT_TITLE} WHEN search_fts.rowid IN (SELECT rowid FROM search_names"
            f" WHERE search_names MATCH ?) THEN {TITLE_MATCH} ELSE {TEXT_MATCH} END"
        )
        sql = (
            f"SELECT search_fts.rowid FROM search_fts{join} WHERE {where}"
            f" ORDER BY {tier} DESC, search_fts.rank, search_fts.rowid LIMIT ?"
        )
        rows = _read(sql, [expression, *params, exact_key, expression, window(offset, limit)])
        return page_of(rows, offset, limit)

    def documents(self, ids: Sequence[int]) -> list[tuple]:
        return _read(documents_sql(len(ids), "?"), ids) if ids else []

    def find_tropes(self, words: Sequence[str], limit: int) -> list[int]:
        if not words:
            return []
        terms = " OR ".join(fts_term(Term(w)) for w in words)
        expression = "{names laconic summary} : (" + terms + ")"
        sql = (
            "SELECT search_fts.rowid FROM search_fts"
            " CROSS JOIN search_document d ON d.page_id = search_fts.rowid"  # FTS5 outer
            f" WHERE search_fts MATCH %s AND d.page_type = 'trope'"
            f" ORDER BY {FINDER_RANK}, search_fts.rowid LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, limit])
            return [r[0] for r in cursor.fetchall()]

    def title_prefix(self, column: str, key: str) -> tuple[str, list[object]]:
        # A range on the key index (SQLite compares text byte-wise); LIKE would not use it.
        return f"{column} >= %s AND {column} < %s", [key, key + "\U0010ffff"]
