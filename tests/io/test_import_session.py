"""A bulk load into an empty wiki: one transaction, indexes dropped and rebuilt, all or nothing."""

from __future__ import annotations

import pytest
from django.db import connection

from tropewiki.actions.bulk import PageInput, import_pages, import_session
from tropewiki.knowledge.models import ExampleSource, IndexEntry, Link
from tropewiki.search.models import SearchDocument
from tropewiki.search.service import search
from tropewiki.wiki.models import Page

PAGES = [
    PageInput("Main/AlphaBitch", "A mean girl.\n\n!!Examples\n* Literature/NeverLetMeGo: Ruth.\n"),
    PageInput("Literature/NeverLetMeGo", "A novel about clones.\n\n!!Tropes\n* AlphaBitch\n"),
]


def _schema() -> dict[str, set[str]]:
    """Index names of the knowledge and search tables (and SQLite's triggers)."""
    tables = [m._meta.db_table for m in (ExampleSource, Link, IndexEntry, SearchDocument)]
    with connection.cursor() as cursor:
        found = {t: set(connection.introspection.get_constraints(cursor, t)) for t in tables}
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            found["triggers"] = {row[0] for row in cursor.fetchall()}
    return found


def test_session_writes_rows_and_gives_back_every_index(db, tool):
    """Pages saved in a session have their rows, are findable, and no index is missing."""
    before = _schema()
    with import_session():
        import_pages(PAGES[:1], tool)
        import_pages(PAGES[1:], tool)
    assert _schema() == before
    assert ExampleSource.objects.count() == 2
    assert [r.path for r in search("clones").results] == ["Literature/NeverLetMeGo"]


def test_an_error_in_a_session_leaves_the_wiki_as_it_was(db, tool):
    """An exception inside a session rolls back its pages and brings the indexes back."""
    before = _schema()
    with pytest.raises(RuntimeError), import_session():
        import_pages(PAGES, tool)
        raise RuntimeError("stopped")
    assert _schema() == before
    assert not Page.objects.exists() and not ExampleSource.objects.exists()
