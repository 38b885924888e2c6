"""Resolving records keyed by titles or squashed names to page names (see ``Corpus.finish``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tropewiki.io.text import name_from_title, squash

if TYPE_CHECKING:
    from tropewiki.io.datasets.corpus import Corpus, _Pending

_PAGE_NAME = re.compile(r"[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*")


def work_name(corpus: Corpus, namespace: str, raw: str) -> tuple[str | None, str | None]:
    """``(page name, display title)`` of a work keyed by ``raw`` in a data set.

    A CamelCase key is a page name; anything else is looked up among the titles and names the
    other data sets gave; a title with capitals and spaces, found nowhere, gives the name TV
    Tropes would make of it. A squashed title found nowhere gives ``(None, None)``.
    """
    raw = raw.strip()
    if _PAGE_NAME.fullmatch(raw):
        return raw, None
    title = raw if any(c.isupper() for c in raw) else None
    squashed = squash(raw)
    found = corpus.by_title.get((namespace, squashed))
    if found is not None:
        return found, title
    spelt = corpus.names.get(f"{namespace.lower()}/{squashed}")
    if spelt is not None:
        return spelt[1], title
    if title is not None:
        return name_from_title(title) or None, title
    return None, None


def resolve_works(corpus: Corpus, pending: list[_Pending]) -> None:
    from tropewiki.io.datasets.corpus import OWN, WORK

    for record in pending:
        name, title = work_name(corpus, record.namespace, record.raw)
        if not name:
            label = corpus.sources[record.source].label
            corpus.skipped.append(
                (f"{record.namespace} {record.raw!r} ({label})", "no data set gives its page name")
            )
            continue
        entry = corpus.entry(record.namespace, name, WORK, record.source)
        if title:
            corpus.name(record.namespace, name, title, OWN)
        for trope in record.tropes:
            corpus.example(entry, "Main", trope)


def resolve_laconics(corpus: Corpus, laconics: list[tuple[str, str, str]]) -> None:
    from tropewiki.io.datasets.corpus import LACONIC, OWN

    for squashed, text, source in laconics:
        spelt = corpus.names.get(f"main/{squashed}")
        if spelt is None:
            corpus.skipped.append((f"laconic {squashed!r}", "no data set gives its page name"))
            continue
        entry = corpus.entry("Laconic", spelt[1], LACONIC, source)
        corpus.describe(entry, text, OWN)
