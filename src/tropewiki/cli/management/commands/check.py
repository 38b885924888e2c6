"""``tropewiki check``: Django's system checks plus the wiki's own (database, cache, data dir)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from django.core.management.commands.check import Command as DjangoCheck

from tropewiki.wiki.health import run_health_checks


class Command(DjangoCheck):
    help = "Check the configuration, the database, the cache and the data directory."

    def handle(self, *args: Any, **options: Any) -> None:
        super().handle(*args, **options)
        problems = 0
        for name, ok, detail in run_health_checks():
            problems += not ok
            self.stdout.write(f"{'ok ' if ok else 'FAIL'} {name}: {detail}")
        if problems:
            raise CommandError(f"{problems} check(s) failed.")
