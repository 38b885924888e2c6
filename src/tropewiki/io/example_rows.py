"""Examples streamed from the database as one record per (work, trope), for the exporters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tropewiki.knowledge.models import ExampleSource

CHUNK = 2000


@dataclass(slots=True)
class ExampleRow:
    """One example however many pages it is written on (the work's text preferred)."""

    work: str
    work_title: str
    trope: str
    trope_title: str
    text: str = ""
    played: set[str] = field(default_factory=set)
    spoiler: bool = False
    written_on: list[str] = field(default_factory=list)
    work_exists: bool = False
    trope_exists: bool = False


def example_rows() -> Iterator[ExampleRow]:
    """Every example, ordered by work then trope; memory holds one example at a time."""
    rows = ExampleSource.objects.order_by("work_key", "trope_key", "-side", "id").values_list(
        "work_key", "trope_key", "work_path", "trope_path", "work__namespace_id", "work__name",
        "work__title", "trope__namespace_id", "trope__name", "trope__title", "side", "text",
        "played", "spoiler", "source__namespace_id", "source__name",
    )  # fmt: skip
    current: ExampleRow | None = None
    pair: tuple[str, str] | None = None
    for r in rows.iterator(chunk_size=CHUNK):
        if (r[0], r[1]) != pair:
            if current is not None:
                yield current
            pair = (r[0], r[1])
            work = f"{r[4]}/{r[5]}" if r[4] else r[2]
            trope = f"{r[7]}/{r[8]}" if r[7] else r[3]
            current = ExampleRow(
                work,
                r[6] or "",
                trope,
                r[9] or "",
                r[11],
                work_exists=r[4] is not None,
                trope_exists=r[7] is not None,
            )
        assert current is not None
        current.played.update(p for p in r[12].split(",") if p)
        current.spoiler = current.spoiler or r[13]
        current.written_on.append(f"{r[14]}/{r[15]}")
        if not current.text:
            current.text = r[11]
    if current is not None:
        yield current
