"""SQLite: ``search_document.page_id`` becomes the table's rowid (``integer PRIMARY KEY``).

Django declares the key ``bigint PRIMARY KEY``, which SQLite keeps beside the rowid with an
index of its own: every read of a document by page id (the ten results of a search, the join
of a filtered search, the FTS5 ``rebuild``) went down two B-trees, every write kept two up to
date. As the rowid it is one. The table is copied into the new shape with the same columns,
indexes and triggers (read from the schema as they are); the FTS5 tables, whose rowids are the
page ids, are untouched. Nothing changes on PostgreSQL.

A later migration that alters this table through Django's schema editor would rebuild it with
``bigint`` again; ``tests/search/test_index.py`` checks that the key is still the rowid.
"""

import re

from django.db import migrations

TABLE = "search_document"
_KEY = re.compile(r'"page_id" bigint NOT NULL PRIMARY KEY', re.IGNORECASE)


def page_id_as_rowid(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE])
        (ddl,) = cursor.fetchone()
        if not _KEY.search(ddl):
            return  # already the rowid (or a shape this migration does not know: leave it)
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = %s AND type IN ('index', 'trigger')"
            " AND sql IS NOT NULL ORDER BY type, name",
            [TABLE],
        )
        recreate = [row[0] for row in cursor.fetchall()]
        new = f"{TABLE}__rowid"
        new_ddl = _KEY.sub('"page_id" integer NOT NULL PRIMARY KEY', ddl, count=1)
        new_ddl = re.sub(rf'^CREATE TABLE "?{TABLE}"?', f'CREATE TABLE "{new}"', new_ddl)
        cursor.execute(new_ddl)
        cursor.execute(f'INSERT INTO "{new}" SELECT * FROM "{TABLE}" ORDER BY page_id')
        cursor.execute(f'DROP TABLE "{TABLE}"')
        cursor.execute(f'ALTER TABLE "{new}" RENAME TO "{TABLE}"')
        for sql in recreate:
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(page_id_as_rowid, migrations.RunPython.noop)]
