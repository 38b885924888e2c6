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
    """Replace the example sources written on ``page``; return counterpart pages to refresh."""
    old = set(
        ExampleSource.objects.filter(source=page).values_list("work_id", "trope_id").distinct()
    )
    ExampleSource.objects.filter(source=page).delete()
    stale = {pid for pair in old for pid in pair if pid is not None}
    subject = subject_of(page)
    if subject is None:
        return stale
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
        if subject.side == "work":
            row.work, row.work_key, row.work_path = (
                subject.page,
                subject.page.key,
                subject.page.path,
            )
            row.trope, row.trope_key, row.trope_path = other, key, written
        else:
            row.trope, row.trope_key, row.trope_path = (
                subject.page,
                subject.page.key,
                subject.page.path,
            )
            row.work, row.work_key, row.work_path = other, key, written
        rows.append(row)
        if other is not None:
            stale.add(other.id)
    ExampleSource.objects.bulk_create(rows, batch_size=500)
    return stale


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
