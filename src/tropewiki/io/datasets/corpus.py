"""What the data sets say, gathered before any page is written.

Readers add *records* — a work or a trope a data set describes, with its display title,
description and examples — and *names*: every ``Namespace/PageName`` a data set spells out
(URLs, page-name columns) and every title it pairs with one. Names are needed because some data
sets key works by a squashed title (``2001aspaceodyssey``) or trope laconics by a lower-cased
name: those are resolved through the names the other data sets gave, after everything is
read (:meth:`Corpus.finish`); what stays unresolved is reported as skipped, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tropewiki.io.text import clean_name, squash
from tropewiki.knowledge.scan import key_of
from tropewiki.wiki.titles import page_key

WORK, TROPE, LACONIC = "work", "trope", "laconic"

#: Title ranks: the lower, the better. A record's own title beats one from a names list.
OWN, LISTED, DERIVED = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Source:
    """A data set, as credited on the pages it contributed to."""

    id: str
    label: str
    url: str


@dataclass(slots=True)
class Entry:
    """A page to generate: a work, a trope, or a trope's Laconic subpage."""

    namespace: str
    name: str
    kind: str
    description: str = ""
    description_rank: int = 99
    bullets: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # key → ns, name, text
    sources: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return page_key(self.namespace, self.name)

    @property
    def path(self) -> str:
        return f"{self.namespace}/{self.name}"


@dataclass(slots=True)
class _Pending:
    """A record keyed by something that is not yet a page name."""

    namespace: str
    raw: str
    tropes: list[str]
    source: str


class Corpus:
    """Records and names from every data set of one import."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.sources: dict[str, Source] = {}
        self.names: dict[str, tuple[str, str]] = {}  # key → (namespace, name) as spelt
        self.titles: dict[str, tuple[str, int]] = {}  # key → (display title, rank)
        self.by_title: dict[tuple[str, str], str] = {}  # (namespace, squashed title) → name
        self.index_keys: set[str] = set()
        self.skipped: list[tuple[str, str]] = []
        self._pending: list[_Pending] = []
        self._laconics: list[tuple[str, str, str]] = []  # (squashed name, text, source)
        self.examples = 0

    # ---- names -----------------------------------------------------------------------------

    def name(self, namespace: str, name: str, title: str | None = None, rank: int = LISTED) -> str:
        """Remember a page name (and the title it is shown with); returns its key."""
        name = clean_name(name)
        key = page_key(namespace, name)
        self.names.setdefault(key, (namespace, name))
        if title:
            title = " ".join(title.split())
            known = self.titles.get(key)
            if known is None or rank < known[1]:
                self.titles[key] = (title, rank)
            self.by_title.setdefault((namespace, squash(title)), name)
        return key

    def title_of(self, key: str) -> str | None:
        found = self.titles.get(key)
        return found[0] if found else None

    # ---- records ---------------------------------------------------------------------------

    def source(self, source: Source) -> str:
        self.sources.setdefault(source.id, source)
        return source.id

    def entry(self, namespace: str, name: str, kind: str, source: str) -> Entry:
        name = clean_name(name)
        key = page_key(namespace, name)
        self.names.setdefault(key, (namespace, name))
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry(namespace, name, kind)
        entry.sources.add(source)
        return entry

    def describe(self, entry: Entry, text: str, rank: int) -> None:
        text = text.strip()
        if text and rank < entry.description_rank:
            entry.description, entry.description_rank = text, rank

    def example(self, entry: Entry, namespace: str, name: str, text: str = "") -> None:
        """An example written on ``entry``'s page about ``namespace/name``."""
        if not (name.isascii() and name.isalnum() and name[0].isupper()):
            name = clean_name(name)
            if not name:
                return
        key = key_of(namespace, name)
        if key == entry.key:
            return
        if text:
            text = " ".join(text.split())
        known = entry.bullets.get(key)
        if known is None:
            self.examples += 1
            entry.bullets[key] = (namespace, name, text)
        elif (len(text), text) > (len(known[2]), known[2]):
            entry.bullets[key] = (namespace, name, text)

    def pending_work(self, namespace: str, raw: str, tropes: list[str], source: str) -> None:
        """A work keyed by a title or a squashed title; resolved by :meth:`finish`."""
        self._pending.append(_Pending(namespace, raw, tropes, source))

    def pending_laconic(self, squashed: str, text: str, source: str) -> None:
        self._laconics.append((squashed, text, source))

    # ---- resolving what needed the other data sets -------------------------------------------

    def finish(self) -> None:
        """Resolve the records keyed by titles or squashed names, now that all names are in."""
        from tropewiki.io.datasets.resolve import resolve_laconics, resolve_works

        resolve_works(self, self._pending)
        resolve_laconics(self, self._laconics)
        self._pending, self._laconics = [], []
