"""Plain-row reads and writes, without building ORM queries or model objects.

The write path uses these where it handles many rows (imports) or runs on every save (reading a
page's stored knowledge and search rows to write only what changed). Below every room: it
knows tables, not what is in them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def _table(model: type[models.Model]) -> str:
    return model._meta.db_table


def _names(columns: Sequence[str]) -> str:
    return ", ".join(connection.ops.quote_name(c) for c in columns)


def select(
    model: type[models.Model], columns: Sequence[str], column: str, value: object
) -> list[tuple]:
    """``columns`` of the rows whose ``column`` equals ``value``, in id order."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {_names(columns)} FROM {_table(model)}"
            f" WHERE {connection.ops.quote_name(column)} = %s ORDER BY {model._meta.pk.column}",
            [value],
        )
        return cursor.fetchall()


def insert(model: type[models.Model], columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert ``rows`` (values in ``columns`` order): COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    table, names = _table(model), _names(columns)
    if connection.vendor == "postgresql":
        sql = f"COPY {table} ({names}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        return
    if connection.vendor == "sqlite":  # the driver itself: Django's wrapper tees every row
        connection.ensure_connection()
        marks = ", ".join("?" * len(columns))
        connection.connection.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        return
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


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
