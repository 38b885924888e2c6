"""scifitropes: works with the links of their pages, tropes with laconics and works lists."""

from __future__ import annotations

import re
from pathlib import Path

from tropewiki.io.datasets.corpus import LACONIC, LISTED, OWN, TROPE, WORK, Corpus, Source
from tropewiki.io.datasets.files import csv_rows
from tropewiki.io.datasets.tropes import _BOILERPLATE
from tropewiki.io.text import address_from_url, squash
from tropewiki.knowledge.subjects import WORK_NAMESPACES

SCIFI = Source("scifitropes", "scifitropes (2023)", "https://github.com/srspear/scifitropes")


# ``'link text': 'https://…'`` pairs of the dict-literal cells. A regular expression rather
# than ``ast.literal_eval``: some cells are no valid literal ('Commeson's core': …).
_PAIR = re.compile(
    r"""(?:\{|,)\s*(?P<q>['"])(?P<text>.*?)(?P=q)\s*:\s*['"](?P<url>https?://[^'"\s]+)['"]"""
)


def _links(cell: str) -> dict[str, str]:
    return {
        m["text"].replace("\\'", "'").replace('\\"', '"'): m["url"]
        for m in _PAIR.finditer(cell or "")
    }


def media(path: Path, corpus: Corpus) -> None:
    """``Title, Tropes Count, URL, Tropes``: a work and the links on its page.

    Only links whose text is the trope's own title are examples (the link a bullet starts
    with); the others are links inside example texts and are left out.
    """
    source = corpus.source(SCIFI)
    for row in csv_rows(path):
        work = address_from_url(row.get("URL") or "")
        if work is None:
            continue
        corpus.name(*work, row.get("Title"), OWN)
        entry = corpus.entry(*work, WORK, source)
        for text, url in _links(row.get("Tropes") or "").items():
            trope = address_from_url(str(url))
            if trope is not None and trope[0] == "Main" and squash(str(text)) == trope[1].lower():
                corpus.name("Main", trope[1], str(text), LISTED)
                corpus.example(entry, *trope)


def trope_list(path: Path, corpus: Corpus) -> None:
    """``trope, works_count, laconic, url, works, laconic_url``: a trope and its works."""
    source = corpus.source(SCIFI)
    for row in csv_rows(path):
        trope = address_from_url(row.get("url") or "")
        if trope is None:
            continue
        corpus.name(*trope, row.get("trope"), OWN)
        entry = corpus.entry(*trope, TROPE, source)
        laconic = _laconic(row.get("laconic") or "")
        if laconic:
            corpus.describe(corpus.entry("Laconic", trope[1], LACONIC, source), laconic, LISTED)
        for title, url in _links(row.get("works") or "").items():
            work = address_from_url(str(url))
            if work is not None and work[0] in WORK_NAMESPACES:
                corpus.name(*work, str(title), LISTED)
                corpus.example(entry, *work)


def _laconic(text: str) -> str:
    """The laconic without the "…unabridged version HERE." sentence glued to it."""
    sentences = text.replace(".", ".\n").split("\n")
    kept = [s for s in sentences if s.strip() and not _BOILERPLATE.search(s)]
    return " ".join(s.strip() for s in kept)


def long_works(path: Path, corpus: Corpus) -> None:
    """``text, url, source_url``: works linked from a trope's per-medium example subpage."""
    source = corpus.source(SCIFI)
    for row in csv_rows(path):
        group = address_from_url(row.get("source_url") or "")
        work = address_from_url(row.get("url") or "")
        if group is None or work is None or work[0] not in WORK_NAMESPACES:
            continue
        trope = group[1] if group[0] == "Main" else group[0]  # Main/X or X/Medium subpages
        entry = corpus.entry("Main", trope, TROPE, source)
        corpus.example(entry, *work)


def subgenre(path: Path, corpus: Corpus) -> None:
    """``title, url``: works of a sub-genre; read for their titles."""
    for row in csv_rows(path):
        row = {k.lower(): v for k, v in row.items() if k}
        work = address_from_url(row.get("url") or "")
        if work is not None:
            corpus.name(*work, row.get("title") or row.get("text") or None, LISTED)
