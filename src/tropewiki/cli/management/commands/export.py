"""``tropewiki export PATH``: a full JSON Lines dump, the examples as CSV, or RDF."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tropewiki.io.csv_export import export_csv
from tropewiki.io.dump import export_dump, open_output
from tropewiki.io.rdf import export_rdf

FORMATS = {
    ".jsonl": "dump", ".json": "dump", ".csv": "csv", ".ttl": "turtle", ".nt": "nt",
}  # fmt: skip


def format_of(path: str) -> str | None:
    """The format a file name asks for (``.gz`` is stripped first)."""
    name = path.removesuffix(".gz")
    return next((fmt for suffix, fmt in FORMATS.items() if name.endswith(suffix)), None)


class Command(BaseCommand):
    help = (
        "Export the wiki: a full dump (.jsonl, .jsonl.gz) that `tropewiki import` restores, "
        "the examples as CSV (.csv), or RDF as Turtle (.ttl) or N-Triples (.nt). "
        "Use - for standard output with --format."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="Output file (format from its extension) or -.")
        parser.add_argument(
            "--format",
            choices=["dump", "csv", "turtle", "nt"],
            help="Format, when the file name does not tell it.",
        )
        parser.add_argument(
            "--with-passwords",
            action="store_true",
            help="Include users' password hashes in a dump (left out by default).",
        )
        parser.add_argument(
            "--base-url",
            default="http://localhost:8000",
            help="Where the wiki is served: the base of RDF resource URIs.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"]
        fmt = options["format"] or format_of(path)
        if fmt is None:
            raise CommandError(
                f"Cannot tell the format of {path!r}: name it .jsonl(.gz), .csv, .ttl or .nt, "
                "or give --format."
            )
        if options["with_passwords"] and fmt != "dump":
            raise CommandError("--with-passwords goes with a dump only.")
        target = nullcontext(sys.stdout) if path == "-" else open_output(Path(path))
        with target as out:
            if fmt == "dump":
                counts = export_dump(out, with_passwords=options["with_passwords"])
                done = ", ".join(f"{n:,} {what}" for what, n in counts.items())
            elif fmt == "csv":
                done = f"{export_csv(out):,} examples"
            else:
                done = f"{export_rdf(out, fmt, options['base_url']):,} triples"
        if path != "-" and options["verbosity"]:
            self.stdout.write(f"Exported {done} to {path}.")
