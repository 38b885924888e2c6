"""What a page importer hands the runner: a page, its aliases and its index bars."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tropewiki.wiki.namespaces import PageType


@dataclass(frozen=True, slots=True)
class Ref:
    """A page named somewhere (a bar, an alias): address and the title it was shown with."""

    namespace: str
    name: str
    title: str = ""

    @property
    def path(self) -> str:
        return f"{self.namespace}/{self.name}"


@dataclass(frozen=True, slots=True)
class Bar:
    """One ``Previous | Index | Next`` row seen at the foot of a page."""

    previous: Ref | None
    index: Ref
    next: Ref | None


@dataclass(slots=True)
class ImportedPage:
    """A page read from a file, ready to be saved."""

    namespace: str
    name: str
    text: str
    source_url: str
    licence: str
    page_type: str | None = None
    aliases: list[Ref] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    origin: str = ""  # the file it came from
    work_hint: Ref | None = None  # for split subpages: the work they split

    @property
    def path(self) -> str:
        return f"{self.namespace}/{self.name}"

    @property
    def ref(self) -> Ref:
        return Ref(self.namespace, self.name)


_EXAMPLES = re.compile(r"^!+.*\bexamples\b", re.IGNORECASE | re.MULTILINE)


def index_type(namespace: str, name: str, known_indexes: set[str], text: str) -> str | None:
    """``index`` for a Main page that is (or is named) an index and lists no examples, else
    None (the namespace decides). Many tropes are indexes of their sub-tropes too: a page with
    an examples heading stays a trope."""
    if namespace != "Main" or _EXAMPLES.search(text):
        return None
    listed = f"{namespace}/{name}".lower() in known_indexes
    if listed or name.endswith(("Index", "Indexes", "Tropes")):
        return PageType.INDEX
    return None
