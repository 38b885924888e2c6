"""Derive example sources from a work's or a trope's bullets."""

from __future__ import annotations

import re

from tropewiki.knowledge.models import ExampleSource
from tropewiki.knowledge.played import detect_played
from tropewiki.knowledge.subjects import is_trope, is_work, key_of, resolve_keys, subject_of
from tropewiki.markup import Document, extract_bullets
from tropewiki.wiki.models import Page

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


def derive_examples(page: Page, doc: Document) -> set[int]:
    """Bring the example sources written on ``page`` in line with ``doc``.

    Only rows that changed are written, and only the counterpart pages whose display changed
    are returned for refreshing: an edit that moves bullets around or touches the summary
    leaves every trope page's cache alone.
    """
    rows = _example_rows(page, doc)
    existing = {_identity(r): r for r in ExampleSource.objects.filter(source=page)}
    stale: set[int] = set()
    inserts: list[ExampleSource] = []
    moved: list[ExampleSource] = []
    deletes: list[int] = []
    for row in rows:
        old = existing.pop(_identity(row), None)
        if old is None:
            inserts.append(row)
            stale |= _counterparts(row)
        elif _shown(old) != _shown(row):
            deletes.append(old.id)
            inserts.append(row)
            stale |= _counterparts(row) | _counterparts(old)
        elif old.position != row.position:
            old.position = row.position
            moved.append(old)
    for gone in existing.values():
        deletes.append(gone.id)
        stale |= _counterparts(gone)
    if deletes:
        ExampleSource.objects.filter(id__in=deletes).delete()
    ExampleSource.objects.bulk_create(inserts, batch_size=500)
    ExampleSource.objects.bulk_update(moved, ["position"], batch_size=500)
    return stale - {page.id}


def _identity(row: ExampleSource) -> tuple[str, str, str]:
    return (row.side, row.work_key, row.trope_key)


def _shown(row: ExampleSource) -> tuple[object, ...]:
    """What other pages show of an example source (its position only matters here)."""
    return (
        row.work_id,
        row.trope_id,
        row.work_path,
        row.trope_path,
        row.text,
        row.played,
        row.spoiler,
        row.folder,
    )


def _counterparts(row: ExampleSource) -> set[int]:
    return {pid for pid in (row.work_id, row.trope_id) if pid is not None}


def _example_rows(page: Page, doc: Document) -> list[ExampleSource]:
    """The example sources ``doc`` writes on ``page`` (unsaved rows)."""
    subject = subject_of(page)
    if subject is None:
        return []
    bullets = [b for b in extract_bullets(doc) if b.first_link is not None]
    resolved = resolve_keys(key_of(b.first_link) for b in bullets)
    rows: list[ExampleSource] = []
    seen: set[str] = set()
    for bullet in bullets:
        key = key_of(bullet.first_link)
        other = resolved.get(key)
        if other is not None and other.id == subject.page.id:
            continue
        wanted = is_trope if subject.side == "work" else is_work
        if not wanted(bullet.first_link, other) or key in seen:
            continue
        seen.add(key)
        text = example_text(bullet.text)
        row = ExampleSource(
            source=page,
            side=subject.side,
            text=text,
            played=",".join(detect_played(text)),
            spoiler=bullet.spoiler != "none",
            folder=(bullet.folder or "")[:200],
            position=bullet.position,
        )
        written = f"{bullet.first_link.namespace}/{bullet.first_link.name}"
        own = (subject.page, subject.page.key, subject.page.path)
        if subject.side == "work":
            row.work, row.work_key, row.work_path = own
            row.trope, row.trope_key, row.trope_path = other, key, written
        else:
            row.trope, row.trope_key, row.trope_path = own
            row.work, row.work_key, row.work_path = other, key, written
        rows.append(row)
    return rows


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
