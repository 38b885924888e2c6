"""``tropewiki loaddemo``: load the demo pages written by the team."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tropewiki.demo.loader import load_demo
from tropewiki.wiki.models import Page


class Command(BaseCommand):
    help = "Load the demo tropes, works and indexes (through the normal write path)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Only when the wiki has no pages yet."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Page.objects.exists():
            return
        count = load_demo()
        if options["verbosity"]:
            self.stdout.write(f"Loaded {count} demo pages.")
