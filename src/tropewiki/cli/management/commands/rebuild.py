"""``tropewiki rebuild``: re-derive links and knowledge of every page from its current revision."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tropewiki.actions.rebuild import rebuild_all


class Command(BaseCommand):
    help = "Re-derive everything (links, examples, index entries) from the revisions."

    def handle(self, *args: Any, **options: Any) -> None:
        verbose = options["verbosity"] > 0

        def progress(done: int, total: int) -> None:
            if verbose and (done == total or done % 500 == 0):
                self.stdout.write(f"\r{done}/{total} pages", ending="")
                self.stdout.flush()

        total = rebuild_all(progress=progress)
        if verbose:
            self.stdout.write(f"\nRebuilt {total} pages.")
