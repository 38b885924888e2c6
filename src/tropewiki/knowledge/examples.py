"""Example sources: the text after a bullet's leading link, and storing a page's example rows."""

from __future__ import annotations

import re
from operator import itemgetter

from tropewiki.knowledge.models import ExampleSource
from tropewiki.knowledge.subjects import resolve_keys
from tropewiki.rows import delete, insert, select, update
from tropewiki.wiki.models import Page

#: The columns of an example row, in the order the derivation makes them.
EXAMPLE_COLUMNS = (
    "source_id", "side", "work_key", "trope_key", "work_path", "trope_path", "work_id",
    "trope_id", "text", "played", "spoiler", "folder", "position",
)  # fmt: skip

# The link a bullet starts with, with its emphasis and the separator after it.
_LEADING_LINK = re.compile(
    r"""^\s*(?:'{2,5})?\s*
    (?:\[\[[^\]]*\]\]                                   # [[Target text]]
      |(?:[A-Z][A-Za-z0-9]*[/.])?\{\{[^}]*\}\}[A-Za-z0-9']*   # Ns/{{Spaced Words}}s
      |(?:[A-Z][A-Za-z0-9]*[/.])?[A-Z][A-Za-z0-9]*           # Ns/WikiWord
    )
    \s*(?:'{2,5})?\s*(?:[:\-–—]+\s*)?""",
    re.VERBOSE,
)


def example_text(bullet_text: str) -> str:
    """The bullet's text after its leading link (``* AlphaBitch: Ruth`` → ``Ruth``)."""
    match = _LEADING_LINK.match(bullet_text)
    rest = bullet_text[match.end() :] if match else bullet_text
    return rest.strip() or ""


#: Columns of an example row (indexes into :data:`EXAMPLE_COLUMNS`) that say which example it
#: is, and what other pages show of it; the position only orders the page's own list.
_identity = itemgetter(1, 2, 3)  # side, work_key, trope_key
_shown = itemgetter(4, 5, 6, 7, 8, 9, 10, 11)  # paths, page ids, text, played, spoiler, folder
_POSITION = 12


def sync_examples(page_id: int, rows: list[tuple]) -> set[int]:
    """Store ``rows`` (in ``EXAMPLE_COLUMNS`` order) as the example sources written on a page.

    Only rows that changed are written, and only the counterpart pages whose display changed
    are returned for refreshing: an edit that moves bullets around or touches the summary
    leaves every trope page's cache alone.
    """
    stored = select(ExampleSource, ("id", *EXAMPLE_COLUMNS), "source_id", page_id)
    existing = {_identity(row[1:]): row for row in stored}
    stale: set[int] = set()
    inserts: list[tuple] = []
    moved: list[tuple[int, int]] = []
    deletes: list[int] = []
    for row in rows:
        old = existing.pop(_identity(row), None)
        if old is None:
            inserts.append(row)
            stale |= _counterparts(row)
        elif _shown(old[1:]) != _shown(row):
            deletes.append(old[0])
            inserts.append(row)
            stale |= _counterparts(row) | _counterparts(old[1:])
        elif old[1 + _POSITION] != row[_POSITION]:
            moved.append((row[_POSITION], old[0]))
    for gone in existing.values():
        deletes.append(gone[0])
        stale |= _counterparts(gone[1:])
    delete(ExampleSource, deletes)
    insert(ExampleSource, EXAMPLE_COLUMNS, inserts)
    update(ExampleSource, ["position"], moved)
    return stale - {page_id}


def _counterparts(row: tuple) -> set[int]:
    """The work and trope pages of an example row (``work_id``, ``trope_id``)."""
    return {pid for pid in (row[6], row[7]) if pid is not None}


def clear_examples(page: Page) -> set[int]:
    pairs = ExampleSource.objects.filter(source=page).values_list("work_id", "trope_id")
    stale = {pid for pair in pairs for pid in pair if pid is not None}
    ExampleSource.objects.filter(source=page).delete()
    return stale


def reresolve_examples(keys: list[str]) -> set[int]:
    """Point examples written about ``keys`` at the pages now there (after create/cut/rename)."""
    resolved = resolve_keys(keys)
    stale: set[int] = set()
    for field in ("work", "trope"):
        for key in keys:
            target = resolved.get(key)
            rows = ExampleSource.objects.filter(**{f"{field}_key": key})
            changed = rows.exclude(**{f"{field}_id": target.id if target else None})
            if target is None:
                changed = rows.filter(**{f"{field}_id__isnull": False})
            sources = set(changed.values_list("source_id", flat=True))
            if sources:
                stale |= set(changed.values_list(f"{field}_id", flat=True)) | sources
                rows.update(**{field: target})
                if target is not None:
                    stale.add(target.id)
    return {s for s in stale if s is not None}
