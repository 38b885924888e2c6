"""``tropewiki import PATH…``: TV Tropes pages (HTML, plain text), data sets, or a dump."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tropewiki.actions import ActionError
from tropewiki.io.detect import UnknownFormat
from tropewiki.io.dump import DumpError
from tropewiki.io.runner import Importer, ImportFailed


class Command(BaseCommand):
    help = (
        "Import TV Tropes pages (saved HTML or plain-text scrapes), the data sets of "
        "../shared/data/tvtropes, or restore a `tropewiki export` dump into an empty wiki. "
        "Directories are read recursively; formats are recognised by content."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files or directories.")
        parser.add_argument(
            "--quiet", action="store_true", help="No progress bar (it is off when not a TTY)."
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help="Pages saved per transaction (default 1000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        importer = Importer(
            batch_size=options["batch_size"],
            quiet=options["quiet"] or options["verbosity"] == 0,
            stderr=getattr(self.stderr, "_out", sys.stderr),
        )
        try:
            summary = importer.run(options["paths"])
        except (ImportFailed, UnknownFormat, DumpError, ActionError) as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            for line in summary.lines():
                self.stdout.write(line)
        if summary.broken:
            raise CommandError(
                f"{len(summary.broken)} broken input(s): nothing was written for them "
                "(listed above under Broken)."
            )
