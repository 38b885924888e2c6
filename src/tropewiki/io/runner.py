"""``tropewiki import``: recognise every input, read it, save in batches, report.

Files are recognised by content (:mod:`tropewiki.io.detect`). Data sets are read first (they
also give page names, titles and the list of index pages), then page files; pages are saved
through :func:`tropewiki.actions.bulk.import_pages` in batches — page files, data-set pages,
then aliases and index pages, then split subpages — with a progress bar on stderr. A dump is
restored on its own (:func:`tropewiki.actions.dumps.restore_dump`).
"""

from __future__ import annotations

import gc
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from tropewiki.actions import Actor
from tropewiki.actions.bulk import BulkResult, PageInput, Session, import_pages
from tropewiki.actions.bulk_session import import_session
from tropewiki.actions.dumps import RestoreResult, restore_dump
from tropewiki.io import datasets
from tropewiki.io.datasets.corpus import LACONIC, TROPE, Corpus
from tropewiki.io.datasets.pages import entry_inputs
from tropewiki.io.detect import (
    DATASET,
    DUMP,
    HTML,
    IGNORED,
    PLAINTEXT,
    Detected,
    UnknownFormat,
    detect,
    expand,
)
from tropewiki.io.dump import read_dump
from tropewiki.io.pages import ImportedPage
from tropewiki.io.plaintext import read_plaintext
from tropewiki.io.plan import plan_pages
from tropewiki.io.prederive import derive
from tropewiki.io.text import squash
from tropewiki.io.tvtropes_html import NotAnArticle, read_tvtropes_html
from tropewiki.markup import MEDIA_NAMESPACES
from tropewiki.wiki.models import Page
from tropewiki.wiki.namespaces import PageType
from tropewiki.wiki.titles import page_key

__all__ = ["ImportFailed", "Importer", "Summary"]


class ImportFailed(Exception):
    """The import as a whole cannot proceed (a dump mixed with other inputs, …)."""


@dataclass(slots=True)
class Summary:
    files: int = 0
    pages: BulkResult = field(default_factory=BulkResult)
    aliases: int = 0
    indexes: int = 0
    restored: RestoreResult | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)
    broken: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    #: Seconds by step: reading, saving pages, and the steps that close a bulk load.
    steps: dict[str, float] = field(default_factory=dict)

    @property
    def examples_per_second(self) -> float:
        return self.pages.examples / self.seconds if self.seconds else 0.0

    def lines(self, shown: int = 3) -> list[str]:
        """The summary for people: counts, then skipped and broken things grouped by reason."""
        out = [f"Read {self.files} files in {self.seconds:.1f} s."]
        if self.restored is not None:
            r = self.restored
            out.append(f"Restored {r.pages:,} pages with {r.revisions:,} revisions, "
                       f"{r.users:,} users, {r.namespaces:,} namespaces.")  # fmt: skip
            if r.kept_users:
                out.append(f"Kept {len(r.kept_users)} existing users: {', '.join(r.kept_users)}.")
        else:
            p = self.pages
            out.append(f"Pages: {p.created:,} created, {p.changed:,} changed, "
                       f"{p.unchanged:,} unchanged; {p.examples:,} examples "
                       f"({self.examples_per_second:,.0f} examples/s).")  # fmt: skip
            out.append(f"Aliases: {self.aliases:,}; index pages from bars: {self.indexes:,}.")
        for label, items in (("Skipped", self.skipped), ("Broken", self.broken)):
            if items:
                out.append(f"{label} {len(items):,}:")
                groups: dict[str, list[str]] = defaultdict(list)
                for what, reason in items:
                    groups[reason].append(what)
                for reason, whats in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
                    more = f" and {len(whats) - shown:,} more" if len(whats) > shown else ""
                    out.append(f"  {reason}: {', '.join(whats[:shown])}{more}")
        return out


class Importer:
    """One import run."""

    def __init__(
        self,
        actor: Actor | None = None,
        *,
        batch_size: int = 1000,
        quiet: bool = False,
        stderr: TextIO | None = None,
    ) -> None:
        self.actor = actor or Actor.system("import")
        self.batch_size = batch_size
        self.stderr = stderr or sys.stderr
        self.quiet = quiet or not self.stderr.isatty()
        self.summary = Summary()
        self._session = Session()

    def run(self, paths: Iterable[Path]) -> Summary:
        started = time.perf_counter()
        files = expand(list(paths))
        self.summary.files = len(files)
        found = self._detect(files)
        dumps = [d for d in found if d.kind == DUMP]
        if dumps:
            self._restore(dumps, found)
        else:
            self._import(found)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _detect(self, files: list[Path]) -> list[Detected]:
        found: list[Detected] = []
        for path in files:
            try:
                detected = detect(path)
            except UnknownFormat as exc:
                self.summary.broken.append((str(path), str(exc).removeprefix(f"{path}: ")))
                continue
            if detected.kind == IGNORED:
                self.summary.skipped.append((str(path), detected.reason))
            else:
                found.append(detected)
        return found

    def _restore(self, dumps: list[Detected], found: list[Detected]) -> None:
        if len(found) > 1:
            raise ImportFailed("A dump is restored on its own: give it as the only input.")
        self.summary.restored = restore_dump(read_dump(dumps[0].path), self.actor)

    def _import(self, found: list[Detected]) -> None:
        # What is read lives until the end, and so do the caches saving fills (the distinct
        # lines read, the pages looked up): the garbage collector need not walk their millions
        # of objects again and again. Reading makes no reference cycles; saving a batch makes
        # some, collected after each batch among the objects it made (see _save).
        enabled = gc.isenabled()
        gc.disable()
        started = time.perf_counter()
        try:
            corpus = Corpus()
            data = [(d.path, d.reader) for d in found if d.kind == DATASET and d.reader]
            with self._bar(len(data), "data sets") as bar:
                datasets.read(data, corpus, lambda path: bar.update(1), self.summary.broken)
            self.summary.skipped += corpus.skipped
            self.summary.steps["read data sets"] = time.perf_counter() - started
            indexes = corpus.index_keys | set(
                Page.objects.filter(page_type=PageType.INDEX).values_list("key", flat=True)
            )
            pages = self._read_pages(
                [d for d in found if d.kind in (HTML, PLAINTEXT)], corpus, indexes
            )
            self.summary.steps["read"] = time.perf_counter() - started
            gc.freeze()
            self._save_all(corpus, pages)
        finally:
            gc.unfreeze()
            if enabled:
                gc.enable()

    def _save_all(self, corpus: Corpus, pages: list[ImportedPage]) -> None:
        plan = plan_pages(pages, self.actor.name)
        self.summary.skipped += plan.skipped
        self.summary.aliases, self.summary.indexes = plan.aliases, plan.indexes
        in_run = {page_key(p.namespace, p.name) for p in pages}
        # Laconics first, then tropes (this order gives the pages their ids). Saved batch by
        # batch, their tropes' search documents take the laconics' text when written, and work
        # pages' bullets find their tropes already there (fewer rows to re-point later); in a
        # two-phase load (a new wiki) every page is there before any row is derived.
        entries = sorted(
            (e for k, e in corpus.entries.items() if k not in in_run),
            key=lambda e: (e.kind != LACONIC, e.kind != TROPE, e.key),
        )
        total = len(plan.pages) + len(entries) + len(plan.links) + len(plan.splits)
        started = time.perf_counter()
        with self._bar(total, "pages") as bar, import_session(derive) as self._session:
            for batch in self._batches(plan.pages):
                self._save(batch, bar)
            for batch in entry_inputs(
                corpus, entries, self.actor.name, self.summary.skipped, self.batch_size
            ):
                self._save(batch, bar)
            for batch in self._batches(plan.links + plan.splits):
                self._save(batch, bar)
            self.summary.steps["pages"] = time.perf_counter() - started
            if self._session.deferred:
                bar.set_description_str("deriving examples, links and search documents")
        self.summary.pages.add(self._session.result)
        self.summary.steps.update(self._session.seconds)

    def _read_pages(
        self, found: list[Detected], corpus: Corpus, indexes: set[str]
    ) -> list[ImportedPage]:
        pages: list[ImportedPage] = []
        lookups = _Lookups(corpus, indexes) if any(d.kind == PLAINTEXT for d in found) else None
        for detected in found:
            path = detected.path
            try:
                data = path.read_bytes()
                if detected.kind == HTML:
                    pages.append(read_tvtropes_html(data, path.name, indexes))
                else:
                    assert lookups is not None
                    pages.append(
                        read_plaintext(
                            data, path.name, lookups.known, lookups.namespace_of, indexes
                        )
                    )
            except NotAnArticle as exc:
                self.summary.skipped.append((str(path), str(exc)))
            except (ValueError, StopIteration, OSError) as exc:
                self.summary.broken.append((str(path), str(exc) or type(exc).__name__))
        return pages

    def _batches(self, inputs: list[PageInput]) -> Iterable[list[PageInput]]:
        for start in range(0, len(inputs), self.batch_size):
            yield inputs[start : start + self.batch_size]

    def _save(self, batch: list[PageInput], bar: tqdm) -> None:
        if batch:
            if not self._session.deferred:  # else the session derives every page at its end
                batch = [
                    i if i.derived is not None else replace(i, derived=derive(i.text))
                    for i in batch
                ]
            result = import_pages(batch, self.actor)
            self.summary.skipped += result.skipped
            self.summary.broken += result.broken
            result.skipped, result.broken = [], []
            self.summary.pages.add(result)
            gc.collect(0)  # the batch's reference cycles (pages and their revisions)
        bar.update(len(batch))

    def _bar(self, total: int, unit: str) -> tqdm:
        return tqdm(total=total, unit=f" {unit}", file=self.stderr, disable=self.quiet,
                    dynamic_ncols=True, leave=False)  # fmt: skip


class _Lookups:
    """What plain-text scrapes need to tell titles apart: known index and page names."""

    def __init__(self, corpus: Corpus, indexes: set[str]) -> None:
        self.indexes = {squash(key.split("/", 1)[1]) for key in indexes}
        counts: Counter[str] = Counter()
        self.namespaces: dict[str, str] = {}
        names = list(Page.objects.live().values_list("namespace_id", "name"))
        names += list(corpus.names.values())
        for namespace, name in names:
            if namespace not in _PLACES:
                continue
            squashed = squash(name)
            counts[squashed] += 1
            self.namespaces.setdefault(squashed, namespace)
        self.pages = set(counts)

    def known(self, title: str) -> int:
        squashed = squash(title)
        return 2 if squashed in self.indexes else 1 if squashed in self.pages else 0

    def namespace_of(self, title: str) -> str | None:
        return self.namespaces.get(squash(title))


_PLACES = MEDIA_NAMESPACES | {"Main", "UsefulNotes"}
