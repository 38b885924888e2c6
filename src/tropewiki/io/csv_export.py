"""The examples as CSV: one row per (work, trope), streamed."""

from __future__ import annotations

import csv
from typing import IO

from tropewiki.io.example_rows import example_rows

COLUMNS = ("work", "work_title", "trope", "trope_title", "played", "spoiler", "text", "written_on")


def export_csv(out: IO[str]) -> int:
    """Write every example to ``out``; returns the number of rows."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in example_rows():
        writer.writerow(
            (
                row.work, row.work_title, row.trope, row.trope_title,
                ";".join(sorted(row.played)) or "straight", "yes" if row.spoiler else "no",
                row.text, ";".join(row.written_on),
            )
        )  # fmt: skip
        count += 1
    return count
