"""What ``tropewiki check`` verifies beyond Django's system checks."""

from __future__ import annotations

import os
from collections.abc import Iterator

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tropewiki.wiki.models import Namespace, Page


def run_health_checks() -> Iterator[tuple[str, bool, str]]:
    try:
        connection.ensure_connection()
        yield "database", True, f"{connection.vendor} reachable"
    except Exception as exc:
        yield "database", False, str(exc)
        return
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            mode = cursor.fetchone()[0]
        yield "sqlite journal", mode == "wal", f"journal_mode={mode}"
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    yield (
        "migrations",
        not pending,
        "up to date" if not pending else f"{len(pending)} not applied (run tropewiki migrate)",
    )
    if not pending:
        namespaces = Namespace.objects.count()
        yield "namespaces", namespaces > 0, f"{namespaces} defined"
        yield "pages", True, f"{Page.objects.live().count()} pages"
    try:
        cache.set("tw:health", "1", 5)
        ok = cache.get("tw:health") == "1"
        yield "cache", ok, settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    except Exception as exc:
        yield "cache", False, str(exc)
    data_dir = settings.DATA_DIR
    yield "data directory", os.access(data_dir, os.W_OK), str(data_dir)
