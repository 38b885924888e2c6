"""What a page importer hands the runner: a page, its aliases and its index bars."""

from __future__ import annotations

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


def index_type(namespace: str, name: str, known_indexes: set[str]) -> str | None:
    """``index`` for pages known (or named) to be indexes, else None (the namespace decides)."""
    if f"{namespace}/{name}".lower() in known_indexes:
        return PageType.INDEX
    if namespace == "Main" and name.endswith(("Index", "Indexes", "Tropes")):
        return PageType.INDEX
    return None
