"""Plain-row writes to the knowledge tables (no model objects): what a save changed, in bulk.

A page's save derives its rows as tuples (:mod:`tropewiki.knowledge.bulk`) and compares them
with the rows already stored; only the difference is written, with one ``executemany`` per
kind of change.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def _table(model: type[models.Model]) -> str:
    return model._meta.db_table


def select(
    model: type[models.Model], columns: Sequence[str], column: str, value: object
) -> list[tuple]:
    """``columns`` of the rows whose ``column`` equals ``value``, in id order (no ORM
    query building: these run on every save)."""
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {names} FROM {_table(model)} WHERE {connection.ops.quote_name(column)} = %s"
            " ORDER BY id",
            [value],
        )
        return cursor.fetchall()


def insert(model: type[models.Model], columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``model``'s table."""
    if not rows:
        return
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {_table(model)} ({names}) VALUES ({marks})", rows)


def update(model: type[models.Model], columns: Sequence[str], rows: list[tuple]) -> None:
    """Set ``columns`` by id: each row is the new values followed by the row's id."""
    if not rows:
        return
    sets = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {_table(model)} SET {sets} WHERE id = %s", rows)


def delete(model: type[models.Model], ids: Iterable[int]) -> None:
    """Delete the rows with these ids."""
    ids = list(ids)
    for start in range(0, len(ids), 500):
        model._default_manager.filter(id__in=ids[start : start + 500]).delete()
