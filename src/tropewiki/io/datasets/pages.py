"""Data-set entries → pages to save, merged with the pages earlier imports generated."""

from __future__ import annotations

from collections.abc import Iterator

from tropewiki.actions import Attribution
from tropewiki.actions.bulk import PageInput
from tropewiki.io.datasets.corpus import Corpus, Entry
from tropewiki.io.datasets.render import generate, merge, parse_generated, render
from tropewiki.io.text import LICENCE, url_for
from tropewiki.wiki.models import Namespace, Page

REASON = "Generated from public TV Tropes data sets"


def entry_inputs(
    corpus: Corpus,
    entries: list[Entry],
    tool_name: str,
    skipped: list[tuple[str, str]],
    batch_size: int,
) -> Iterator[list[PageInput]]:
    """Batches of pages for ``entries``: new, or merged with a page an import generated.

    A page that exists and was written by someone else is left alone (reported in
    ``skipped``): data sets never overwrite a person's page or an imported TV Tropes page.
    """
    namespaces = set(Namespace.objects.values_list("name", flat=True))
    for start in range(0, len(entries), batch_size):
        chunk = entries[start : start + batch_size]
        existing = {
            key: (text, author)
            for key, text, author in Page.objects.filter(key__in=[e.key for e in chunk])
            .values_list("key", "current_revision__text", "current_revision__author_name")
            .iterator(chunk_size=batch_size)
        }
        batch: list[PageInput] = []
        for entry in chunk:
            if entry.namespace not in namespaces:
                skipped.append((entry.path, f"no namespace {entry.namespace} in this wiki"))
                continue
            parts = generate(entry, corpus)
            if entry.key in existing:
                text, author = existing[entry.key]
                old = parse_generated(text or "") if author == tool_name else None
                if old is None:
                    skipped.append((entry.path, "a page not generated from data sets is there"))
                    continue
                parts = merge(old, parts)
            batch.append(
                PageInput(
                    entry.path,
                    render(entry, parts),
                    reason=REASON,
                    attribution=Attribution(url_for(entry.namespace, entry.name), LICENCE),
                )
            )
        yield batch
