"""One search interface, one implementation per database vendor.

:func:`get_backend` picks the implementation for the default database connection: SQLite FTS5
(:mod:`.sqlite`) or PostgreSQL full-text search (:mod:`.postgres`). Both answer the same three
questions — ranked page ids for a query, tropes for a description, titles for a prefix — and
the same tests run against both.
"""

from __future__ import annotations

from django.db import connection

from tropewiki.search.backends.base import Filters, Ranked, SearchBackend
from tropewiki.search.backends.postgres import PostgresBackend
from tropewiki.search.backends.sqlite import SqliteBackend

__all__ = ["Filters", "Ranked", "SearchBackend", "get_backend"]

_BACKENDS: dict[str, type[SearchBackend]] = {
    "sqlite": SqliteBackend,
    "postgresql": PostgresBackend,
}


def get_backend() -> SearchBackend:
    """The backend for the database in use."""
    try:
        return _BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(f"No search backend for {connection.vendor}.") from None
