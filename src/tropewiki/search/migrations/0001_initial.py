"""Search tables, then the full-text machinery of the database in use.

SQLite: FTS5 tables over ``search_document`` (external content) kept in step by triggers, so
every write to a document row re-indexes it in the same transaction. ``search_fts`` holds every
column and ranks by BM25 with column weights; ``search_names`` holds titles only, for the
"title matches first" tier. PostgreSQL: a generated, weighted ``tsvector`` column with a GIN
index, and a pattern index for autocomplete prefixes.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_COLUMNS = "names, laconic, summary, body, spoilers"
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"
SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({SQLITE_COLUMNS},
        content='search_document', content_rowid='page_id', tokenize='{SQLITE_TOKENIZER}')""",
    f"""CREATE VIRTUAL TABLE search_names USING fts5(names,
        content='search_document', content_rowid='page_id', tokenize='{SQLITE_TOKENIZER}')""",
    # Column weights of the default ranking: titles, laconic, summary, body, spoilers.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0, 1.0)')",
    """CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN
        INSERT INTO search_fts(rowid, names, laconic, summary, body, spoilers)
        VALUES (new.page_id, new.names, new.laconic, new.summary, new.body, new.spoilers);
        INSERT INTO search_names(rowid, names) VALUES (new.page_id, new.names);
    END""",
    """CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, names, laconic, summary, body, spoilers)
        VALUES ('delete', old.page_id, old.names, old.laconic, old.summary, old.body, old.spoilers);
        INSERT INTO search_names(search_names, rowid, names) VALUES ('delete', old.page_id, old.names);
    END""",
    """CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN
        INSERT INTO search_fts(search_fts, rowid, names, laconic, summary, body, spoilers)
        VALUES ('delete', old.page_id, old.names, old.laconic, old.summary, old.body, old.spoilers);
        INSERT INTO search_fts(rowid, names, laconic, summary, body, spoilers)
        VALUES (new.page_id, new.names, new.laconic, new.summary, new.body, new.spoilers);
        INSERT INTO search_names(search_names, rowid, names) VALUES ('delete', old.page_id, old.names);
        INSERT INTO search_names(rowid, names) VALUES (new.page_id, new.names);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TABLE IF EXISTS search_names",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    """ALTER TABLE search_document ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, names), 'A')
        || setweight(to_tsvector('english'::regconfig, laconic), 'B')
        || setweight(to_tsvector('english'::regconfig, summary), 'C')
        || setweight(to_tsvector('english'::regconfig, body || ' ' || spoilers), 'D')
    ) STORED""",
    "CREATE INDEX search_document_vector ON search_document USING GIN (vector)",
    "CREATE INDEX search_title_key_like ON search_title (key varchar_pattern_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_title_key_like",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wiki", "0003_page_attribution"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="wiki.page",
                    ),
                ),
                ("namespace", models.CharField(max_length=40)),
                ("page_type", models.CharField(max_length=12)),
                (
                    "path",
                    models.CharField(help_text="Namespace/Name, for result links.", max_length=260),
                ),
                ("title", models.CharField(max_length=300)),
                (
                    "names",
                    models.TextField(
                        help_text="The title and the titles of redirects to the page."
                    ),
                ),
                (
                    "laconic",
                    models.TextField(
                        blank=True, help_text="Laconic/<Name>'s text, for Main/<Name>."
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        blank=True, help_text="The text before the first list or heading."
                    ),
                ),
                (
                    "body",
                    models.TextField(
                        blank=True, help_text="The rest of the text, spoilers left out."
                    ),
                ),
                (
                    "spoilers",
                    models.TextField(blank=True, help_text="Spoiler text: findable, never shown."),
                ),
                (
                    "year",
                    models.IntegerField(
                        blank=True,
                        help_text="A work's year, read from its summary (a heuristic).",
                        null=True,
                    ),
                ),
            ],
            options={
                "db_table": "search_document",
                "indexes": [
                    models.Index(fields=["namespace"], name="search_doc_namespace"),
                    models.Index(fields=["page_type"], name="search_doc_type"),
                ],
            },
        ),
        migrations.CreateModel(
            name="TitleEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=300)),
                ("title", models.CharField(max_length=300)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wiki.page",
                    ),
                ),
                (
                    "target",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wiki.page",
                    ),
                ),
            ],
            options={
                "db_table": "search_title",
                "indexes": [models.Index(fields=["key"], name="search_title_key")],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
