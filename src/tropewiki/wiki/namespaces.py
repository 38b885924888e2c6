"""The namespaces a wiki starts with, their kind and the page type their pages default to.

Namespaces are data (the ``Namespace`` table, seeded from this list by a migration); this
module is the seed and the vocabulary of kinds and page types.
"""

from __future__ import annotations

from dataclasses import dataclass

from tropewiki.markup.namespaces import (
    DEFAULT_NAMESPACE,
    MEDIA_NAMESPACES,
    SITE_NAMESPACES,
    SUBPAGE_NAMESPACES,
)


class PageType:
    TROPE = "trope"
    WORK = "work"
    CREATOR = "creator"
    INDEX = "index"
    SUBPAGE = "subpage"
    USEFUL_NOTE = "usefulnote"
    OTHER = "other"

    CHOICES = [
        (TROPE, "Trope"),
        (WORK, "Work"),
        (CREATOR, "Creator"),
        (INDEX, "Index"),
        (SUBPAGE, "Subpage"),
        (USEFUL_NOTE, "Useful note"),
        (OTHER, "Other"),
    ]
    ALL = frozenset(value for value, _ in CHOICES)


class Kind:
    MAIN = "main"
    MEDIA = "media"
    SUBPAGE = "subpage"
    SITE = "site"
    SPLIT = "split"  # a page's name used as namespace for its split subpages (Work/TropesAToL)
    CHOICES = [
        (MAIN, "Main"),
        (MEDIA, "Media"),
        (SUBPAGE, "Subpage"),
        (SITE, "Site"),
        (SPLIT, "Split subpages"),
    ]


@dataclass(frozen=True, slots=True)
class NamespaceSeed:
    name: str
    kind: str
    default_type: str


#: Site namespaces whose pages are not "other".
_SITE_TYPES = {
    DEFAULT_NAMESPACE: (Kind.MAIN, PageType.TROPE),
    "UsefulNotes": (Kind.SITE, PageType.USEFUL_NOTE),
}


def seeds() -> list[NamespaceSeed]:
    """Every namespace a new wiki has (the names are the markup's known namespaces)."""
    out = [
        NamespaceSeed(n, Kind.MEDIA, PageType.CREATOR if n == "Creator" else PageType.WORK)
        for n in sorted(MEDIA_NAMESPACES)
    ]
    out += [NamespaceSeed(n, Kind.SUBPAGE, PageType.SUBPAGE) for n in sorted(SUBPAGE_NAMESPACES)]
    out += [
        NamespaceSeed(n, *_SITE_TYPES.get(n, (Kind.SITE, PageType.OTHER)))
        for n in sorted(SITE_NAMESPACES)
    ]
    return out
